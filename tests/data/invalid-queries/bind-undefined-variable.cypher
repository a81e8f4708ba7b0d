MATCH (d:Decision) RETURN x
