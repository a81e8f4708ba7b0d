MATCH (d:Decision)
WHERE d.amount >
RETURN d.id
