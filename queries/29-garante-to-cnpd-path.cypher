// Question: how is the Italian Garante connected to Luxembourg's CNPD in the graph?
// Shows: a path across three jurisdictions that goes through no court and not through the
// CNIL itself: the Garante fined Clearview AI; the CNIL's sanction of Clearview AI and the
// CNPD's sanction of Amazon Europe Core both found an infringement of GDPR art. 6. The path
// is unique (the Garante and the CNPD have one decision each, and only SAN-2022-019 links
// Clearview AI to a neighbour of the CNPD's decision), so the list keeps the path's order.
// Expected: 1 row — 6 hops, 7 node ids from the Garante to the CNPD.
MATCH p = allShortestPaths((g:Authority {id: 'authority:it-garante'})-[*]-(l:Authority {id: 'authority:lu-cnpd'}))
UNWIND nodes(p) AS n
WITH length(p) AS hops, collect(n.id) AS route
RETURN hops, route
