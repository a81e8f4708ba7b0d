MATCH (d:Decision) RETURN d.amount - 'a'
