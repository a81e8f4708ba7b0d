MATCH (d:Decision)
