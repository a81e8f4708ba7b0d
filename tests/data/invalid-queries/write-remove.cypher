MATCH (d:Decision) REMOVE d.amount RETURN d
