// Question: for each pair of companies the CNIL issued a decision against, how far apart are
// they in the graph, and by how many distinct shortest paths?
// Shows: the CNIL's addressees are all 4 hops apart (decision – hub – decision); the number of
// shortest paths counts the shared hubs: the CNIL always, plus loi 78-17 art. 34 when both
// companies were found to infringe it. Optical Center, with four CNIL decisions, has the most.
// Expected: 6 rows — the 6 pairs of Darty, Kaspr, Optical Center, Orange; paths:
// Darty–Kaspr 1, Darty–Optical Center 6 (4 via the CNIL + 2 via art. 34), Darty–Orange 2,
// Kaspr–Optical Center 4, Kaspr–Orange 1, Optical Center–Orange 6.
MATCH (:Authority {id: 'authority:fr-cnil'})<-[:ISSUED_BY]-(:Decision)-[:AGAINST]->(a:Company)
MATCH (:Authority {id: 'authority:fr-cnil'})<-[:ISSUED_BY]-(:Decision)-[:AGAINST]->(b:Company)
WITH DISTINCT a, b
WHERE a.id < b.id
MATCH p = allShortestPaths((a)-[*]-(b))
RETURN a.name AS company_a, b.name AS company_b, length(p) AS hops, count(p) AS paths
ORDER BY company_a, company_b
