// args: --param n=-3
MATCH (d:Decision) RETURN d.id LIMIT $n
