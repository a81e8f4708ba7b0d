// Kuzu's dialect: allShortestPaths() is a parse error, the pattern is -[* ALL SHORTEST 1..n]-
// (30 hops, Kuzu's bound for `*`); `n:Label` is no predicate in WHERE, label(n) is compared
// instead; labels(n) is Kuzu's alias of label(n), a STRING (a node has one label), so the list
// is [label(n)] (https://docs.kuzudb.com/cypher/query-clauses/match, shortest paths;
// https://docs.kuzudb.com/cypher/expressions/node-rel-functions).
MATCH p = (a:Company {id: 'company:orange'})-[* ALL SHORTEST 1..30]-(b:Company {id: 'company:darty'})
UNWIND nodes(p) AS n
WITH length(p) AS hops, n
WHERE label(n) IN ['Authority', 'Provision']
RETURN hops, n.id AS hub, [label(n)] AS hub_labels
ORDER BY hub
