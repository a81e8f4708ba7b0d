// Kuzu's dialect: a relationship's type is label(r) (https://docs.kuzudb.com/cypher/expressions/node-rel-functions).
MATCH ()-[r]->()
RETURN label(r) AS type, count(*) AS relationships
ORDER BY type
