MATCH (d:Decision RETURN d
