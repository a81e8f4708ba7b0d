// Question: for the companies fined in at least two different years, how much were they fined
// each year, by any authority?
// Shows: Google LLC fined in five years from 2014 to 2021 (the 2016 fine was later annulled:
// the graph keeps the fine and the annulment separately); a fine imposed on two companies by
// one decision (SAN-2020-012, SAN-2021-023 on Google LLC and Google Ireland) counts its whole
// amount for each, the split per company being only a text property of the decision.
// Expected: 14 rows — Amazon Europe Core 2020, 2021; Google Ireland Limited 2020, 2021;
// Google LLC 2014, 2016, 2019, 2020, 2021; Optical Center 2015, 2018, 2021; TikTok Technology
// Limited 2022, 2023.
MATCH (d:Decision)-[:AGAINST]->(c:Company)
WHERE d.kind = 'sanction' AND d.amount IS NOT NULL
WITH c, count(DISTINCT d.date.year) AS years
WHERE years > 1
MATCH (d:Decision)-[:AGAINST]->(c)
WHERE d.kind = 'sanction' AND d.amount IS NOT NULL
RETURN c.name AS company, d.date.year AS year, d.currency AS currency, sum(d.amount) AS total,
       count(d) AS fines
ORDER BY company, year
