MATCH (d:Decision)
WITH DISTINCT d.kind AS kind
RETURN kind ORDER BY d.amount
