// Question (Grenoble 2017 seed case): what did the Cour d'appel de Grenoble do with the
// Tribunal de commerce's judgment against the demanding client, and what was the client
// ordered to pay?
// Shows: the first-instance judgment (undated in the data, applying CPC art. 700), confirmed on
// 2017-07-06 ("déboute la société appelante") with 10,000 EUR of damages; both parties are
// unnamed by the source, and the developer is the client's provider (SUBCONTRACTOR_OF).
// Expected: 1 row.
MATCH (ca:Decision)-[a:APPEAL_OF]->(tc:Decision)-[:ISSUED_BY]->(:Court {id: 'court:fr-tc-grenoble'})
MATCH (ca)-[:ISSUED_BY]->(court:Court)
MATCH (tc)-[:AGAINST]->(client:Company)<-[:SUBCONTRACTOR_OF]-(dev:Company)
OPTIONAL MATCH (tc)-[c:CITES]->(p:Provision)
RETURN tc.date AS first_instance_date, p.id AS provision, c.role AS role,
       court.name AS appeal_court, ca.date AS appeal_date, a.outcome AS outcome,
       a.solution AS solution, ca.amount AS damages, ca.currency AS currency,
       client.name AS client, dev.name AS developer
ORDER BY appeal_date, provision
