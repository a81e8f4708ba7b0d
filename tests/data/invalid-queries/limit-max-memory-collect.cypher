// args: --max-memory 1k
MATCH (d:Decision) RETURN collect(d.name) AS names
