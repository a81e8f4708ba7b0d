MATCH (d:Decision) WITH d.id AS id RETURN d
