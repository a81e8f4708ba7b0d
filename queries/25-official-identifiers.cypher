// Question: which decisions can be found by an official identifier (Légifrance id, US case
// number, docket entry, ECLI)?
// Shows: identifiers are properties named by their scheme: five CNIL deliberations and three
// Conseil d'État decisions have a Légifrance id, the CJEU's judgments their case number, seven
// Conseil d'État decisions and two CJEU judgments an ECLI, the two Zoom decisions a case number
// (it changed when the case moved from San Jose to San Francisco). A requête number alone (the
// 2017 referral, Sergic's 2020 ruling) is not asked for.
// Expected: 22 rows.
MATCH (d:Decision)
WHERE d.legifrance IS NOT NULL OR d.case_number IS NOT NULL OR d.ecli IS NOT NULL
RETURN d.id AS decision, d.legifrance AS legifrance, d.case_number AS case_number,
       d.docket_entry AS docket_entry, d.ecli AS ecli
ORDER BY decision
