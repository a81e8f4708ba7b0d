MATCH (d:Decision) RETURN sum(d.name)
