MATCH (d:Decision) WHERE d.amount > 0 WHERE d.amount < 10 RETURN d
