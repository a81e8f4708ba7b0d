// Question: what fine did the CNIL impose on Kaspr, and how many contacts did Kaspr's database
// hold — the two values on which the sources disagree?
// The datasets keep the disagreeing values as claims (200,000 EUR in a press article; about
// 160,000 contacts in another); the graph's properties hold the authoritative values backed by
// the CNIL's official page, and this query checks that those are the ones returned.
// Expected: 1 row — 240000.0 EUR, 160000000 contacts (an integer), Légifrance CNILTEXT000050791828.
MATCH (d:Decision {id: 'decision:cnil-kaspr'})
RETURN d.number AS number, d.amount AS amount, d.currency AS currency,
       d.contacts_in_database AS contacts_in_database, d.legifrance AS legifrance
