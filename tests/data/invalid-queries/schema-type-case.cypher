MATCH (d)-[:issued_by]->(a) RETURN d
