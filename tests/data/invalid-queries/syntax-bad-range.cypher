MATCH (a)-[:APPEAL_OF*1..x]->(b) RETURN a
