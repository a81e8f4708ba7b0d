// Nodes per label (the Kuzu form is in kuzu/: labels(n) is a string there).
MATCH (n)
RETURN labels(n) AS label, count(*) AS nodes
ORDER BY label
