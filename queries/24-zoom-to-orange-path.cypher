// Question: is the US Zoom case connected to the French Orange case, and how?
// Shows: a single shortest path of 6 hops: Zoom shared data with LinkedIn, from which Kaspr
// collected data; the CNIL sanctioned Kaspr and had warned Orange. The CNIL is the hub that
// joins the cases. The path is unique, so allShortestPaths yields one path, and the list keeps
// the path's own order (UNWIND emits a list's elements in order; collect keeps row order).
// Expected: 1 row — 6 hops, 7 node ids from Zoom to Orange.
MATCH p = allShortestPaths((z:Company {id: 'company:zoom'})-[*]-(o:Company {id: 'company:orange'}))
UNWIND nodes(p) AS n
WITH length(p) AS hops, collect(n.id) AS route
RETURN hops, route
