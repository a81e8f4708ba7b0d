MATCH (d:Decision) WHERE d.amount > $min RETURN d.id
