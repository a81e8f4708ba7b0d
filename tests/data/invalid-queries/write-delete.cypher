MATCH (d:Decision) DELETE d
