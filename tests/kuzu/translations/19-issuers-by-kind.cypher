// Kuzu's dialect: labels(n) is Kuzu's alias of label(n), a STRING (a node has one label), so
// the list is [label(n)] (https://docs.kuzudb.com/cypher/expressions/node-rel-functions).
MATCH (d:Decision)-[:ISSUED_BY]->(i)
RETURN [label(i)] AS label, i.name AS issuer, d.kind AS kind, count(*) AS decisions
ORDER BY issuer, kind
