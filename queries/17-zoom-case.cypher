// Question (Zoom seed case): with which companies did Zoom allegedly share its users' data,
// what did the settlement cost, and when did the court approve it?
// Shows: the three SHARED_DATA_WITH edges (a type declared by zoom.json, all "alleged by the
// plaintiffs"; LinkedIn's via LinkedIn Navigator), the 85 million USD settlement under its
// first case number, and the final approval order reached through APPROVES (another declared
// type). The settlement itself is undated in the data.
// Expected: 3 rows — Facebook, Google, LinkedIn.
MATCH (z:Company {id: 'company:zoom'})<-[:AGAINST]-(s:Decision {kind: 'settlement'})
MATCH (o:Decision)-[:APPROVES]->(s)
MATCH (z)-[sh:SHARED_DATA_WITH]->(other:Company)
RETURN other.name AS shared_with, sh.status AS status, sh.via AS via, s.amount AS settlement,
       s.currency AS currency, s.case_number AS case_number, o.date AS approved_on
ORDER BY shared_with
