// Kuzu's dialect: toFloat() does not exist (to_double() does), and substring() counts from 1
// and always takes a length: substring(s, 0, n) is substring(s, 1, n) and substring(s, k) is
// substring(s, k + 1, size(s) - k) (https://docs.kuzudb.com/cypher/expressions/text-functions).
MATCH (r:Decision)-[:APPEAL_OF {outcome: 'reduced'}]->(s:Decision)
WITH s, r, to_double(trim(substring(r.reduced_to, 1, size(r.reduced_to) - 4))) AS reduced,
     substring(r.reduced_to, size(r.reduced_to) - 2, 3) AS reduced_currency
RETURN s.number AS sanction, r.number AS ruling, s.amount AS fine, reduced, reduced_currency,
       s.amount - reduced AS reduction, (s.amount - reduced) / s.amount AS share
ORDER BY sanction, ruling
