// Names with quotes, commas, edge spaces and non-ASCII text; aliases that Kuzu's CSV list
// syntax carries and those load.cypher sets after the COPYs (a comma, quotes, brackets,
// braces, edge spaces, a backslash inside an element).
MATCH (n) RETURN n.id AS id, n.name AS name, n.aliases AS aliases ORDER BY id
