// Question (Kaspr seed case): which provisions did the CNIL find Kaspr to infringe, and from
// which company's users did Kaspr collect the data?
// Shows: GDPR art. 6 (lawfulness) and the GDPR as a whole (the other three breaches' article
// numbers are not in the sources), and the COLLECTED_DATA_FROM edge to LinkedIn, a relation
// type declared by kaspr.json's vocabulary.
// Expected: 2 rows — one per cited provision, both with LinkedIn.
MATCH (d:Decision)-[:AGAINST]->(k:Company {id: 'company:kaspr'})
MATCH (d)-[c:CITES]->(p:Provision)
MATCH (k)-[:COLLECTED_DATA_FROM]->(src:Company)
RETURN d.number AS number, p.id AS provision, p.name AS provision_name, c.role AS role,
       src.name AS collected_from
ORDER BY number, provision, collected_from
