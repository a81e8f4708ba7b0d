// Question: for every decision that was appealed, what did the appeal do to it, and was the
// appeal itself taken further (decision → appeal → further appeal)?
// Shows: the whole chain from the first decision (one that is not itself an appeal) with each
// outcome. In the seed data no appeal was taken further, so the last two columns are null:
// the Conseil d'État and the Cour d'appel de Grenoble had the last word in every case.
// Expected: 5 rows — the five APPEAL_OF edges: four CNIL decisions before the Conseil d'État
// (confirmed, partially confirmed, reduced, confirmed) and the undated Tribunal de commerce de
// Grenoble judgment confirmed by the Cour d'appel.
MATCH (first:Decision)<-[a1:APPEAL_OF]-(second:Decision)
OPTIONAL MATCH (first)-[up:APPEAL_OF]->(:Decision)
WITH first, a1, second, up
WHERE up IS NULL
OPTIONAL MATCH (second)<-[a2:APPEAL_OF]-(third:Decision)
RETURN first.id AS decision, first.date AS decided, a1.outcome AS outcome,
       second.id AS appeal, second.date AS appeal_date,
       a2.outcome AS further_outcome, third.id AS further_appeal
ORDER BY decision, appeal, further_appeal
