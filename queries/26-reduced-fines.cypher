// Question: which fines did a court reduce on appeal, by how much, and by what share?
// Shows: the Conseil d'État brought Optical Center's 2018 fine down from 250,000 to 200,000 EUR
// (a fifth) and Amazon France Logistique's of 2023 from 32 to 15 million EUR (53%). The reduced
// amount is recorded only as the text property reduced_to ("200000 EUR") of the ruling, so the
// query takes it apart with string functions.
// Expected: 2 rows — 2018-002 / 422575: 250000.0 → 200000.0 EUR, reduction 50000.0, share 0.2;
// SAN-2023-021 / 492830: 32000000.0 → 15000000.0 EUR, reduction 17000000.0, share 0.53125.
MATCH (r:Decision)-[:APPEAL_OF {outcome: 'reduced'}]->(s:Decision)
WITH s, r, toFloat(trim(substring(r.reduced_to, 0, size(r.reduced_to) - 4))) AS reduced,
     substring(r.reduced_to, size(r.reduced_to) - 3) AS reduced_currency
RETURN s.number AS sanction, r.number AS ruling, s.amount AS fine, reduced, reduced_currency,
       s.amount - reduced AS reduction, (s.amount - reduced) / s.amount AS share
ORDER BY sanction, ruling
