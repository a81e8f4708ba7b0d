// Kuzu's dialect: a date has no .year property; date_part('year', d) gives it
// (https://docs.kuzudb.com/cypher/expressions/date-functions). Kuzu names an un-aliased count(*)
// column COUNT_STAR(): the alias keeps jurigraph's column name.
MATCH (d:Decision)
RETURN date_part('year', d.date) AS year, count(*) AS `count(*)`
ORDER BY year
