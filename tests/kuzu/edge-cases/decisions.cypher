// ISSUED_BY to an Authority and to a Court (two FROM/TO pairs, two files); dates; amounts
// with and without cents; a relationship property with quotes and a comma.
MATCH (d:Decision)-[:ISSUED_BY]->(i)
OPTIONAL MATCH (d)-[a:APPEAL_OF]->(e:Decision)
RETURN d.id AS id, d.date AS date, d.amount AS amount, i.id AS issuer, a.outcome AS outcome,
       a.solution AS solution, e.id AS appealed
ORDER BY id
