// Kuzu's dialect: allShortestPaths() is a parse error, the pattern is -[* ALL SHORTEST 1..n]-
// (30 hops, Kuzu's bound for `*`) (https://docs.kuzudb.com/cypher/query-clauses/match).
MATCH (:Authority {id: 'authority:fr-cnil'})<-[:ISSUED_BY]-(:Decision)-[:AGAINST]->(a:Company)
MATCH (:Authority {id: 'authority:fr-cnil'})<-[:ISSUED_BY]-(:Decision)-[:AGAINST]->(b:Company)
WITH DISTINCT a, b
WHERE a.id < b.id
MATCH p = (a)-[* ALL SHORTEST 1..30]-(b)
RETURN a.name AS company_a, b.name AS company_b, length(p) AS hops, count(p) AS paths
ORDER BY company_a, company_b
