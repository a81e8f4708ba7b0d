// Kuzu's dialect: allShortestPaths() is a parse error, the pattern is -[* ALL SHORTEST 1..n]-
// (30 hops, Kuzu's bound for `*`) (https://docs.kuzudb.com/cypher/query-clauses/match).
MATCH p = (g:Authority {id: 'authority:it-garante'})-[* ALL SHORTEST 1..30]-(l:Authority {id: 'authority:lu-cnpd'})
UNWIND nodes(p) AS n
WITH length(p) AS hops, collect(n.id) AS route
RETURN hops, route
