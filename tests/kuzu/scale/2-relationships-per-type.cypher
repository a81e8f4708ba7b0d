// Relationships per type (the Kuzu form is in kuzu/: label(r) is the type there).
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS relationships
ORDER BY type
