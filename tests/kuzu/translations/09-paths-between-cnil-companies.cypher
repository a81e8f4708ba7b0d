// Kuzu's dialect: allShortestPaths() is a parse error, the pattern is -[* ALL SHORTEST 1..n]-
// (30 hops, Kuzu's bound for `*`) (https://docs.kuzudb.com/cypher/query-clauses/match).
MATCH (:Authority {id: 'authority:fr-cnil'})<-[:ISSUED_BY]-(da:Decision)-[:AGAINST]->(a:Company)
WHERE da.date < date('2018-05-25')
MATCH (:Authority {id: 'authority:fr-cnil'})<-[:ISSUED_BY]-(db:Decision)-[:AGAINST]->(b:Company)
WHERE db.date < date('2018-05-25')
WITH DISTINCT a, b
WHERE a.id < b.id
MATCH p = (a)-[* ALL SHORTEST 1..30]-(b)
RETURN a.name AS company_a, b.name AS company_b, length(p) AS hops, count(p) AS paths
ORDER BY company_a, company_b
