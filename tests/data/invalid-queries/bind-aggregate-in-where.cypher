MATCH (d:Decision) WHERE count(d) > 1 RETURN d
