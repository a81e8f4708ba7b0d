// Kuzu's dialect: a date has no .year property; date_part('year', d) gives it
// (https://docs.kuzudb.com/cypher/expressions/date-functions).
MATCH (d:Decision)-[:ISSUED_BY]->(i)
WHERE d.amount IS NOT NULL
RETURN i.name AS issuer, date_part('year', d.date) AS year, d.currency AS currency,
       sum(d.amount) AS total, count(d) AS decisions
ORDER BY issuer, year, currency
