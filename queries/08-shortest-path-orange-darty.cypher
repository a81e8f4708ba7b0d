// Question: how are Orange and Darty connected in the graph (edges followed in either
// direction), and through which hub?
// Shows: every shortest connection goes through one CNIL decision against each company and a
// shared hub between them: the CNIL itself, or the provision both decisions found infringed
// (loi 78-17 art. 34). The answer lists the hub of each shortest path.
// Expected: 2 rows — both paths have 4 hops: Orange ← 2014-298 → CNIL ← Darty's sanction →
// Darty, and Orange ← 2014-298 → art. 34 ← Darty's sanction → Darty.
MATCH p = allShortestPaths((a:Company {id: 'company:orange'})-[*]-(b:Company {id: 'company:darty'}))
UNWIND nodes(p) AS n
WITH length(p) AS hops, n
WHERE n:Authority OR n:Provision
RETURN hops, n.id AS hub, labels(n) AS hub_labels
ORDER BY hub
