// Question: which sanctions did the Conseil d'État annul or reduce, and which CJEU judgments
// does its ruling cite?
// Shows: the only annulment is Google Inc.'s 2016 de-referencing fine (2016-054), annulled in
// 2020 once the CJEU had answered the Conseil d'État's own reference (C-507/17; the ruling also
// cites Google Spain, C-131/12); the two reductions (Optical Center 2018, Amazon France
// Logistique 2023) rest on no CJEU judgment in the data (null case).
// Expected: 4 rows, by ruling date — 2018-002 reduced by 422575 to 200000 EUR (2019);
// 2016-054 annulled by 399922 (2020; two rows: C-131/12, C-507/17); SAN-2023-021 reduced by
// 492830 to 15000000 EUR (2025).
MATCH (:Court {id: 'court:fr-conseil-etat'})<-[:ISSUED_BY]-(r:Decision)-[a:APPEAL_OF]->(s:Decision)-[:AGAINST]->(c:Company)
WHERE a.outcome IN ['annulled', 'reduced']
OPTIONAL MATCH (r)-[:CITES_DECISION]->(j:Decision)-[:ISSUED_BY]->(:Court {id: 'court:eu-cjeu'})
RETURN c.name AS company, s.number AS sanction, s.amount AS fine, r.number AS ruling,
       r.date AS ruling_date, a.outcome AS outcome, r.reduced_to AS reduced_to, j.number AS cjeu_case
ORDER BY ruling_date, sanction, cjeu_case
