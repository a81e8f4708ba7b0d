MATCH (d:Decision) RETURN d.id,
