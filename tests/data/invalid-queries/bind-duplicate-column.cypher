MATCH (d:Decision) RETURN d.id, d.id
