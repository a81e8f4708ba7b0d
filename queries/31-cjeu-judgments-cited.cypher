// Question: which CJEU judgments do the decisions of authorities and courts cite, and who
// cites them?
// Shows: Facebook Ireland (C-645/19, 2021) is the most cited, by the CNIL's second Google
// cookie fine and by the Conseil d'État's two rulings on the one-stop shop; Google Spain
// (C-131/12) is cited by the CNIL and the Conseil d'État; Schrems II (C-311/18) by the Irish DPC.
// Expected: 10 rows — C-131/12 2, C-210/16 1, C-230/14 1, C-311/18 1, C-507/17 1, C-645/19 3,
// C-673/17 1.
MATCH (d:Decision)-[:CITES_DECISION]->(j:Decision)-[:ISSUED_BY]->(:Court {id: 'court:eu-cjeu'})
MATCH (d)-[:ISSUED_BY]->(i)
RETURN j.number AS cjeu_case, j.date AS judged, d.id AS citing, i.name AS citing_issuer,
       d.date AS citing_date
ORDER BY cjeu_case, citing_date, citing
