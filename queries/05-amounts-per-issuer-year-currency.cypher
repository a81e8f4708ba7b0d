// Question: how much money did each authority or court order (fines, damages) or approve
// (settlements), per year and per currency?
// Shows: amounts are never added across currencies; the CNIL's fines by year (a fine imposed
// on two companies by one decision counts once); the damages of the Cour d'appel de Grenoble;
// the other authorities' fines; the Zoom settlement in USD, whose decision has no date in the
// data (hence a null year). Court rulings that reduced a fine carry no amount of their own.
// Expected: 15 rows — CNIL 2014 150,000 (1), 2015 50,000 (1), 2016 100,000 (1), 2018
// 1,000,000 (4: Darty, Optical Center, Uber, Bouygues Telecom), 2019 50,400,000 (2), 2020
// 138,300,000 (5), 2021 210,550,000 (4), 2022 93,300,000 (5), 2023 82,000,000 (3), 2024 240,000
// (1); CNPD 2021 746,000,000; Cour d'appel de Grenoble 2017 10,000; DPC 2023 1,545,000,000 (2);
// Garante 2022 20,000,000; the Northern District of California (null year, USD).
MATCH (d:Decision)-[:ISSUED_BY]->(i)
WHERE d.amount IS NOT NULL
RETURN i.name AS issuer, d.date.year AS year, d.currency AS currency,
       sum(d.amount) AS total, count(d) AS decisions
ORDER BY issuer, year, currency
