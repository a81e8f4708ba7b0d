// args: --max-memory 1k
MATCH (d:Decision) RETURN d.id AS id, count(*) AS n
