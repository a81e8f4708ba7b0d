// args: --param n='ten'
MATCH (d:Decision) RETURN d.id LIMIT $n
