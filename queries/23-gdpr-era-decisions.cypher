// Question: which decisions date from the GDPR's entry into application (2018-05-25) or later,
// and on which provisions do they rest?
// Shows: the CNIL's later sanctions cite the GDPR, while the Conseil d'État's 2019 ruling still
// applies loi 78-17 art. 34 to facts judged before that date (sanction 2018-002 of 2018-05-07);
// two later decisions cite nothing in the data (null provision). Undated decisions are left
// out: comparing null with a date is not true.
// Expected: 7 rows — 5 decisions: CE 2019 (1 provision), SAN-2021-001 (2), the Zoom approval
// order (none), CE 2022 (none), Kaspr (2).
MATCH (d:Decision)
WHERE d.date >= date('2018-05-25')
OPTIONAL MATCH (d)-[c:CITES]->(p:Provision)
RETURN d.id AS decision, d.date AS date, d.kind AS kind, p.id AS provision, c.role AS role
ORDER BY date, decision, provision
