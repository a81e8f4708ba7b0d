// Question (Darty seed case): on which legal basis and for how much was Darty sanctioned,
// whose tool was at fault, and was the sanction appealed?
// Shows: the sanction of 2018-01-08 (no deliberation number in the data, but a Légifrance
// id), loi 78-17 art. 34 infringed, Eptica's after-sales tool behind the flaw, and no appeal
// in the data (null outcome).
// Expected: 1 row.
MATCH (d:Decision)-[:AGAINST]->(darty:Company {id: 'company:darty'})
MATCH (d)-[c:CITES]->(p:Provision)
MATCH (e:Company)-[s:SUBCONTRACTOR_OF]->(darty)
OPTIONAL MATCH (d)<-[a:APPEAL_OF]-(:Decision)
RETURN d.date AS date, d.number AS number, d.amount AS amount, d.currency AS currency,
       d.legifrance AS legifrance, p.name AS provision, c.role AS role,
       e.name AS subcontractor, s.service AS service, a.outcome AS appeal_outcome
ORDER BY date, provision, subcontractor
