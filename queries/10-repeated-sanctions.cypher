// Question: which companies were sanctioned (fine or public warning) more than once by an
// authority, and what happened to each of those sanctions on appeal?
// Shows: Google LLC is the most sanctioned (five CNIL fines, 2014–2021: one annulled after a
// reference to the CJEU, two confirmed, the 2014 one's publication not suspended in référé
// (dismissed), one never appealed in the data); Optical Center three
// times for security failures; Amazon Europe Core, Clearview AI and TikTok Technology by two
// different authorities; Google Ireland twice with Google LLC. A sanction appealed twice (the
// 2016 referral and ruling) gives two rows.
// Expected: 17 rows — Amazon Europe Core 2, Clearview AI 2, Google Ireland Limited 2, Google LLC
// 6 (5 sanctions), Optical Center 3, TikTok Technology Limited 2 (formal notices are not
// sanctions and are left out).
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
