MATCH (a)-[r]->(b)-[r]->(c) RETURN a
