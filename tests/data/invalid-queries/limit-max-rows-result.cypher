// args: --max-rows 3
MATCH (d:Decision) RETURN d.id
