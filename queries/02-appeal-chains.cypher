// Question: for every decision that was appealed, what did the appeal do to it, and was the
// appeal itself taken further (decision → appeal → further appeal)?
// Shows: the whole chain from the first decision (one that is not itself an appeal) with each
// outcome. No appeal in the data was taken further, so the last two columns are null: the
// Conseil d'État, the Cour d'appel de Grenoble and the Tribunal administratif de Luxembourg had
// the last word in every case. Google Inc.'s 2016 fine has two appeal rows: the Conseil d'État's
// referral to the CJEU (2017, referred) and its final ruling (2020, annulled); its 2014 fine one,
// the juge des référés' refusal to suspend its publication (dismissed).
// Expected: 16 rows — 14 before the Conseil d'État (confirmed 9 times, partially confirmed
// once, reduced twice, dismissed once in référé, referred then annulled for 2016-054), the CNPD's fine of
// Amazon Europe Core confirmed by the Tribunal administratif de Luxembourg, and the undated
// Tribunal de commerce de Grenoble judgment confirmed by the Cour d'appel.
MATCH (first:Decision)<-[a1:APPEAL_OF]-(second:Decision)
OPTIONAL MATCH (first)-[up:APPEAL_OF]->(:Decision)
WITH first, a1, second, up
WHERE up IS NULL
OPTIONAL MATCH (second)<-[a2:APPEAL_OF]-(third:Decision)
RETURN first.id AS decision, first.date AS decided, a1.outcome AS outcome,
       second.id AS appeal, second.date AS appeal_date,
       a2.outcome AS further_outcome, third.id AS further_appeal
ORDER BY decision, appeal, further_appeal
