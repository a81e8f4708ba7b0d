// Question: which sanctions (fines or public warnings) of an authority were never taken before
// a court, as far as the data knows?
// Shows: Darty's and Kaspr's fines have no APPEAL_OF edge (the sources found none: "not in the
// sources", not proof that none was lodged); every other CNIL sanction went to the Conseil d'État.
// Expected: 2 rows — Darty (2018-01-08) and Kaspr (2024-12-05).
MATCH (:Authority)<-[:ISSUED_BY]-(d:Decision)-[:AGAINST]->(c:Company)
WHERE d.kind IN ['sanction', 'warning']
OPTIONAL MATCH (d)<-[a:APPEAL_OF]-(:Decision)
WITH d, c, a
WHERE a IS NULL
RETURN d.id AS decision, c.name AS company, d.date AS date, d.amount AS amount
ORDER BY date, decision, company
