MATCH (d:Decision) RETURN count(count(*))
