MATCH (d:Decision) WITH d.amount RETURN 1
