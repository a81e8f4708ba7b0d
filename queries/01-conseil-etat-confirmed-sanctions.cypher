// Question: which CNIL sanctions (the public warning included) did the Conseil d'État confirm,
// wholly or in part, and when?
// Shows: the appeal's outcome and the court's own words beside each confirmed decision; the
// 2018 sanction (2018-002) is absent because the Conseil d'État reduced its fine instead.
// Expected: 3 rows — warning 2014-298 (Orange, confirmed 2015), sanction 2015-379 (Optical
// Center, partially confirmed 2017, no ruling number nor solution in the data), SAN-2021-001
// (Optical Center, confirmed 2022).
MATCH (ce:Court {id: 'court:fr-conseil-etat'})<-[:ISSUED_BY]-(ruling:Decision)-[a:APPEAL_OF]->(s:Decision)-[:AGAINST]->(c:Company)
WHERE a.outcome IN ['confirmed', 'partially_confirmed']
RETURN s.id AS decision, s.kind AS kind, c.name AS company, s.amount AS amount,
       ruling.number AS ruling_number, ruling.date AS ruling_date,
       a.outcome AS outcome, a.solution AS solution
ORDER BY ruling_date, decision
