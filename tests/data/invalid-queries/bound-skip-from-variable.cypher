MATCH (d:Decision) RETURN d SKIP d.amount
