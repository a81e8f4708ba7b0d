MATCH (a:Company), (b:Company)
CREATE (a)-[:OWNS]->(b)
