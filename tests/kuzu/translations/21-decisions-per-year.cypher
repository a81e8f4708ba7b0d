// Kuzu's dialect: a date has no .year property; date_part('year', d) gives it
// (https://docs.kuzudb.com/cypher/expressions/date-functions). The un-aliased count(*) column
// is named COUNT_STAR() by Kuzu: the check compares only plain column names.
MATCH (d:Decision)
RETURN date_part('year', d.date) AS year, count(*)
ORDER BY year
