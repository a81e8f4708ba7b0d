// A quoted LF and CRLF (the file COPYed with parallel=false), quotes and a backslash; integer,
// boolean, float and identifier columns; the string "NULL", which must stay a string.
MATCH (c:Company)
RETURN c.id AS id, c.description AS description, c.staff AS staff, c.listed AS listed,
       c.rating AS rating, c.note AS note, c.siren AS siren
ORDER BY id
