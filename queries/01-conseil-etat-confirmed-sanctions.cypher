// Question: which CNIL sanctions (the public warning included) did the Conseil d'État confirm,
// wholly or in part, and when?
// Shows: the appeal's outcome and the court's own words beside each confirmed decision; the
// 2018 sanction (2018-002) and Amazon France Logistique's of 2023 are absent (their fines were
// reduced), as is Google Inc.'s 2016 fine (annulled). A sanction addressed to two companies
// (SAN-2020-012, Google LLC and Google Ireland) gives a row per company.
// Expected: 10 rows — warning 2014-298 (Orange, 2015); 2015-379 (Optical Center, partially
// confirmed 2017, no ruling number nor solution in the data); SAN-2019-001 (Google LLC, 2020,
// "Rejet"); SAN-2019-005 (Sergic, 2020); SAN-2020-012 (2022, two rows); SAN-2021-001 (Optical
// Center, 2022); SAN-2020-013 (Amazon Europe Core, 2022, "Rejet"); SAN-2023-024 (Yahoo EMEA,
// 2025); SAN-2023-009 (Criteo, 2026).
MATCH (ce:Court {id: 'court:fr-conseil-etat'})<-[:ISSUED_BY]-(ruling:Decision)-[a:APPEAL_OF]->(s:Decision)-[:AGAINST]->(c:Company)
WHERE a.outcome IN ['confirmed', 'partially_confirmed']
RETURN s.id AS decision, s.kind AS kind, c.name AS company, s.amount AS amount,
       ruling.number AS ruling_number, ruling.date AS ruling_date,
       a.outcome AS outcome, a.solution AS solution
ORDER BY ruling_date, decision, company
