// Question: which decisions date from the GDPR's entry into application (2018-05-25) or later,
// and on which provisions do they rest?
// Shows: the CNIL's later sanctions cite the GDPR or, for cookies, loi 78-17 art. 82, while the
// Conseil d'État's 2019 ruling still applies loi 78-17 art. 34 to facts judged before that date
// (sanction 2018-002 of 2018-05-07); decisions whose provisions the data does not record have a
// null provision. Undated decisions are left out: comparing null with a date is not true.
// Expected: 72 rows — 45 decisions, 19 of them citing no provision in the data.
MATCH (d:Decision)
WHERE d.date >= date('2018-05-25')
OPTIONAL MATCH (d)-[c:CITES]->(p:Provision)
RETURN d.id AS decision, d.date AS date, d.kind AS kind, p.id AS provision, c.role AS role
ORDER BY date, decision, provision
