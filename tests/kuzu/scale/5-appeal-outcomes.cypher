// What courts did on appeal.
MATCH (:Decision)-[a:APPEAL_OF]->(:Decision)
RETURN a.outcome AS outcome, count(*) AS appeals
ORDER BY outcome
