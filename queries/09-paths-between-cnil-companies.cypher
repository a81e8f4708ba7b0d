// Question: for each pair of companies the CNIL issued a decision against before the GDPR took
// effect (2018-05-25), how far apart are they in the graph, and by how many distinct shortest
// paths?
// Shows: the CNIL's pre-GDPR addressees are all 4 hops apart (decision – hub – decision); the
// number of shortest paths counts the shared hubs: the CNIL once for every pair of their CNIL
// decisions (later decisions count too), plus loi 78-17 art. 34 when both were found to
// infringe it. Google LLC, with six CNIL decisions, has the most; its decisions share no
// provision with the others (art. 82 only). The later addressees (Kaspr and the 2018–2023
// sanctions) are left out: all 24 CNIL addressees would give 276 pairs.
// Expected: 6 rows — the 6 pairs of Darty, Google LLC, Optical Center, Orange; paths:
// Darty–Google LLC 6 (1 × 6 via the CNIL), Darty–Optical Center 6 (4 via the CNIL + 2 via
// art. 34), Darty–Orange 2, Google LLC–Optical Center 24 (6 × 4), Google LLC–Orange 6,
// Optical Center–Orange 6.
MATCH (:Authority {id: 'authority:fr-cnil'})<-[:ISSUED_BY]-(da:Decision)-[:AGAINST]->(a:Company)
WHERE da.date < date('2018-05-25')
MATCH (:Authority {id: 'authority:fr-cnil'})<-[:ISSUED_BY]-(db:Decision)-[:AGAINST]->(b:Company)
WHERE db.date < date('2018-05-25')
WITH DISTINCT a, b
WHERE a.id < b.id
MATCH p = allShortestPaths((a)-[*]-(b))
RETURN a.name AS company_a, b.name AS company_b, length(p) AS hops, count(p) AS paths
ORDER BY company_a, company_b
