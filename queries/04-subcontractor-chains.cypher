// Question: which processors and sub-processors stand behind each company an authority
// sanctioned (fine or public warning), up to three links of subcontracting away?
// Shows: the depth of each subcontracting chain; Orange's reaches two links (Gutenberg, then
// Gutenberg's unnamed subcontractor whose server was breached). Kaspr, also sanctioned, has no
// subcontractor in the data.
// Expected: 4 rows — Darty ← Eptica (1), Optical Center ← its unnamed provider (1),
// Orange ← Gutenberg (1), Orange ← Gutenberg ← unnamed subcontractor (2).
MATCH (:Authority)<-[:ISSUED_BY]-(d:Decision)-[:AGAINST]->(c:Company)
WHERE d.kind IN ['sanction', 'warning']
WITH DISTINCT c
MATCH p = (s:Company)-[:SUBCONTRACTOR_OF*1..3]->(c)
RETURN c.name AS company, s.name AS subcontractor, length(p) AS hops
ORDER BY company, hops, subcontractor
