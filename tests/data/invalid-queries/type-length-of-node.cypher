MATCH (d:Decision) RETURN length(d)
