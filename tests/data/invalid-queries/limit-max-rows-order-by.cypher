// args: --max-rows 5
MATCH (d:Decision) RETURN d.id ORDER BY d.id
