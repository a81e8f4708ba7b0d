MATCH (d:Decision)-[:APPEALS]->(e) RETURN d
