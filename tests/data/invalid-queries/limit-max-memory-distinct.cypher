// args: --max-memory 1k
MATCH (d:Decision) RETURN DISTINCT d.name
