// Question: which decisions can be found by an official identifier (Légifrance id, US case
// number, docket entry, ECLI)?
// Shows: identifiers are properties named by their scheme; three French decisions have a
// Légifrance id, the two Zoom decisions a case number (the number changed when the case moved
// from San Jose to San Francisco), and no decision has an ECLI (none was seen in a source), so
// the ecli column is null throughout.
// Expected: 5 rows.
MATCH (d:Decision)
WHERE d.legifrance IS NOT NULL OR d.case_number IS NOT NULL OR d.ecli IS NOT NULL
RETURN d.id AS decision, d.legifrance AS legifrance, d.case_number AS case_number,
       d.docket_entry AS docket_entry, d.ecli AS ecli
ORDER BY decision
