MATCH (d:Decision) WHERE d.name = 'Orange RETURN d
