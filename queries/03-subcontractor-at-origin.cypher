// Question: which companies did a data-protection authority sanction (fine or public warning)
// for facts in which one of their own providers was involved?
// The data has no field saying "the subcontractor caused it": the evidence is a
// SUBCONTRACTOR_OF edge into the sanctioned company together with a decision summary that
// speaks of the provider or subcontractor. Shows: the controller is sanctioned, not the
// provider — none of the providers is the target of any decision.
// Expected: 3 rows — Orange (warning 2014-298, Gutenberg), Optical Center (sanction 2015-379,
// its unnamed provider; its 2018 and 2021 sanctions do not mention a provider) and Darty
// (sanction of 2018-01-08, Eptica).
MATCH (:Authority)<-[:ISSUED_BY]-(d:Decision)-[:AGAINST]->(c:Company)<-[:SUBCONTRACTOR_OF]-(s:Company)
WHERE d.kind IN ['sanction', 'warning']
  AND (toLower(d.summary) CONTAINS 'provider' OR toLower(d.summary) CONTAINS 'subcontractor')
RETURN d.id AS decision, d.date AS date, d.kind AS kind, c.name AS company, s.name AS subcontractor
ORDER BY date, decision, subcontractor
