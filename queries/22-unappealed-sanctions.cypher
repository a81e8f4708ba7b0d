// Question: which sanctions (fines or public warnings) of an authority were never taken before
// a court, as far as the data knows?
// Shows: the sanctions with no APPEAL_OF edge ("not in the sources", not proof that none was
// lodged: Apple, for one, said it would appeal); a decision against two companies gives a row
// per company.
// Expected: 20 rows — 18 decisions, from Darty's fine of 2018 to Kaspr's of 2024, with
// SAN-2021-023 and SAN-2022-027 twice; among them the Irish DPC's fines of Meta and
// TikTok and the Garante's of Clearview AI.
MATCH (:Authority)<-[:ISSUED_BY]-(d:Decision)-[:AGAINST]->(c:Company)
WHERE d.kind IN ['sanction', 'warning']
OPTIONAL MATCH (d)<-[a:APPEAL_OF]-(:Decision)
WITH d, c, a
WHERE a IS NULL
RETURN d.id AS decision, c.name AS company, d.date AS date, d.amount AS amount
ORDER BY date, decision, company
