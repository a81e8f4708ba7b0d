// A declared type to a Company and to a Person; relationships rendered whole.
MATCH (a:Company)-[r:SHARED_DATA_WITH]->(b)
RETURN a.id AS from_id, b.id AS to_id, r.records AS records, r
ORDER BY to_id
