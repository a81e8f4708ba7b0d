// Question (provisions): how often is each provision cited, and in which role?
// Shows: loi 78-17 art. 34 (security) dominates: found infringed four times and applied by
// the Conseil d'État twice; every other provision is cited once.
// Expected: 8 rows — the 7 provisions, art. 34 twice (applied, infringed); 12 citations in all.
MATCH (d:Decision)-[c:CITES]->(p:Provision)
RETURN p.id AS provision, p.country AS country, c.role AS role, count(d) AS decisions
ORDER BY provision, role
