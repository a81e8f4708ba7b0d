// Kuzu's dialect: allShortestPaths() is a parse error, the pattern is -[* ALL SHORTEST 1..n]-
// (30 hops, Kuzu's bound for `*`) (https://docs.kuzudb.com/cypher/query-clauses/match).
MATCH p = (z:Company {id: 'company:zoom'})-[* ALL SHORTEST 1..30]-(o:Company {id: 'company:orange'})
UNWIND nodes(p) AS n
WITH length(p) AS hops, collect(n.id) AS route
RETURN hops, route
