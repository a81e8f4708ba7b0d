// Question: how many decisions did each court issue, and over which dates?
// Shows: the Conseil d'État is the busiest court (13 rulings and a référé order on CNIL
// sanctions, 2014–2026),
// then the CJEU (7 judgments, 2014–2021); min and max ignore undated decisions, so the
// Tribunal de commerce de Grenoble, whose only judgment is undated, has null dates, and the
// Northern District of California's range is its approval order only (the settlement is undated).
// Expected: 6 rows — Conseil d'État 14, CJEU 7, N.D. Cal. 2, CA Grenoble 1, TA Luxembourg 1,
// TC Grenoble 1.
MATCH (c:Court)
OPTIONAL MATCH (c)<-[:ISSUED_BY]-(d:Decision)
RETURN c.name AS court, c.country AS country, count(d) AS decisions,
       min(d.date) AS earliest, max(d.date) AS latest
ORDER BY decisions DESC, court
