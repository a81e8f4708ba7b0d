// Kuzu's dialect: variable-length patterns walk by default (a relationship may repeat along a
// path); openCypher and jurigraph match trails, so the pattern says TRAIL
// (https://docs.kuzudb.com/cypher/query-clauses/match, recursive relationships).
MATCH (:Authority)<-[:ISSUED_BY]-(d:Decision)-[:AGAINST]->(c:Company)
WHERE d.kind IN ['sanction', 'warning']
WITH DISTINCT c
MATCH p = (s:Company)-[:SUBCONTRACTOR_OF* TRAIL 1..3]->(c)
RETURN c.name AS company, s.name AS subcontractor, length(p) AS hops
ORDER BY company, hops, subcontractor
