// Question: which companies were sanctioned (fine or public warning) more than once by an
// authority, and what happened to each of those sanctions on appeal?
// Shows: Optical Center is the one repeat offender of the seed cases: three CNIL fines in six
// years for security failures (2015, 2018, 2021), each taken to the Conseil d'État.
// Expected: 3 rows — the three Optical Center sanctions (the December 2014 formal notice is not
// a sanction and is left out).
MATCH (:Authority)<-[:ISSUED_BY]-(d:Decision)-[:AGAINST]->(c:Company)
WHERE d.kind IN ['sanction', 'warning']
WITH c, count(d) AS sanctions
WHERE sanctions > 1
MATCH (:Authority)<-[:ISSUED_BY]-(d:Decision)-[:AGAINST]->(c)
WHERE d.kind IN ['sanction', 'warning']
OPTIONAL MATCH (d)<-[a:APPEAL_OF]-(:Decision)
RETURN c.name AS company, sanctions, d.number AS number, d.date AS date, d.amount AS amount,
       a.outcome AS appeal_outcome
ORDER BY company, date, number, amount, appeal_outcome
