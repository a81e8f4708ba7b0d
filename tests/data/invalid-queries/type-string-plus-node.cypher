MATCH (d:Decision) RETURN 'x' + d
