// Question: how much money did each authority or court order (fines, damages) or approve
// (settlements), per year and per currency?
// Shows: amounts are never added across currencies; the CNIL's fines by year; the damages of
// the Cour d'appel de Grenoble; the Zoom settlement in USD, whose decision has no date in the
// data (hence a null year).
// Expected: 6 rows — CNIL 2015, 2018 (two fines: Darty 100,000 and Optical Center 250,000),
// 2021, 2024; Cour d'appel de Grenoble 2017; the Northern District of California (null year, USD).
MATCH (d:Decision)-[:ISSUED_BY]->(i)
WHERE d.amount IS NOT NULL
RETURN i.name AS issuer, d.date.year AS year, d.currency AS currency,
       sum(d.amount) AS total, count(d) AS decisions
ORDER BY issuer, year, currency
