// args: --max-memory 2k
MATCH (d:Decision) RETURN d.id, d.name ORDER BY d.date
