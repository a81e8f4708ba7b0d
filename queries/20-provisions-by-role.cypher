// Question (provisions): how often is each provision cited, and in which role?
// Shows: loi 78-17 art. 82 (cookies) is now the most cited: found infringed nine times and
// applied by the Conseil d'État three times; GDPR art. 12 (transparency) follows with seven,
// then art. 32 (security, five) and loi 78-17 art. 34 (its predecessor, four infringed and two
// applied).
// Expected: 22 rows — 19 provisions, art. 17, art. 34 and art. 82 twice (applied, infringed);
// 60 citations in all.
MATCH (d:Decision)-[c:CITES]->(p:Provision)
RETURN p.id AS provision, p.country AS country, c.role AS role, count(d) AS decisions
ORDER BY provision, role
