// Kuzu's dialect: a date has no .year property; date_part('year', d) gives it
// (https://docs.kuzudb.com/cypher/expressions/date-functions).
MATCH (d:Decision)-[:AGAINST]->(c:Company)
WHERE d.kind = 'sanction' AND d.amount IS NOT NULL
WITH c, count(DISTINCT date_part('year', d.date)) AS years
WHERE years > 1
MATCH (d:Decision)-[:AGAINST]->(c)
WHERE d.kind = 'sanction' AND d.amount IS NOT NULL
RETURN c.name AS company, date_part('year', d.date) AS year, d.currency AS currency, sum(d.amount) AS total,
       count(d) AS fines
ORDER BY company, year
