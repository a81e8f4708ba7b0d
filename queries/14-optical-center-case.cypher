// Question (Optical Center seed case): what did the CNIL decide against Optical Center, and
// what did the Conseil d'État do with each decision?
// Shows: one formal notice and three fines; each fine was taken to the Conseil d'État, which
// partially confirmed the first, reduced the second to 200,000 EUR and confirmed the third.
// The formal notice (December 2014, day unknown) has no date in the data and sorts last
// (null sorts after every value in ascending order).
// Expected: 4 rows — sanctions 2015-379, 2018-002, SAN-2021-001, then the formal notice.
MATCH (d:Decision)-[:AGAINST]->(:Company {id: 'company:optical-center'})
OPTIONAL MATCH (d)<-[a:APPEAL_OF]-(r:Decision)
RETURN d.kind AS kind, d.number AS number, d.date AS date, d.amount AS amount,
       a.outcome AS outcome, r.number AS ruling_number, r.date AS ruling_date,
       r.reduced_to AS reduced_to
ORDER BY date, kind
