// Kuzu's dialect: labels(n) is Kuzu's alias of label(n), a STRING (a node has one label), so
// the list is [label(n)]; and Kuzu cannot ORDER BY a list, so the rows are ordered by the label
// itself (https://docs.kuzudb.com/cypher/expressions/node-rel-functions).
MATCH (n)
WITH label(n) AS name, count(*) AS nodes
RETURN [name] AS label, nodes
ORDER BY name
