// Question: which CNIL sanction went to the CJEU through a reference of the Conseil d'État, and
// what became of it once the CJEU had answered?
// Shows: the chain France → EU → France: Google Inc.'s fine of 2016 (2016-054), the Conseil
// d'État's referral of 2017, the CJEU's Grand Chamber judgment C-507/17 of 2019 answering it,
// and the Conseil d'État's 2020 ruling that cites that judgment and annuls the fine.
// Expected: 1 row — 2016-054 (100000.0 EUR), referred 2017-07-19, C-507/17 of 2019-09-24
// (ECLI:EU:C:2019:772), annulled 2020-03-27 (ECLI:FR:CECHR:2020:399922.20200327).
MATCH (s:Decision)<-[:APPEAL_OF {outcome: 'referred'}]-(ref:Decision)<-[:ANSWERS_REFERENCE_OF]-(j:Decision)
MATCH (s)<-[a:APPEAL_OF]-(final:Decision)-[:CITES_DECISION]->(j)
WHERE final.id <> ref.id
RETURN s.number AS sanction, s.amount AS fine, ref.date AS referred, j.number AS cjeu_case,
       j.date AS judged, j.ecli AS cjeu_ecli, a.outcome AS outcome, final.date AS final_date,
       final.ecli AS final_ecli
