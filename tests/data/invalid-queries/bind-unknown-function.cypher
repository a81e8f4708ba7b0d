MATCH (d:Decision) RETURN toLowr(d.name)
