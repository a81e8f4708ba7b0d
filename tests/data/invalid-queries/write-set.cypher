MATCH (d:Decision) SET d.amount = 0 RETURN d
