MATCH (d:decision) RETURN d
