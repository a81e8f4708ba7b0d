// Question: which companies were sanctioned by more than one data-protection authority, and
// by which ones, when and for how much?
// Shows: the paths that cross borders: Amazon Europe Core (CNIL 2020 for cookies, Luxembourg's
// CNPD 2021 for advertising), Clearview AI (Italy's Garante, then the CNIL, 20 million euros
// each) and TikTok Technology Limited (CNIL 2022 for cookies, Ireland's DPC 2023 for children's
// data). The EDPB's binding decision on Meta is a ruling, not a sanction, and is left out.
// Expected: 6 rows — two per company.
MATCH (a:Authority)<-[:ISSUED_BY]-(d:Decision)-[:AGAINST]->(c:Company)
WHERE d.kind = 'sanction'
WITH c, count(DISTINCT a) AS authorities
WHERE authorities > 1
MATCH (a:Authority)<-[:ISSUED_BY]-(d:Decision)-[:AGAINST]->(c)
WHERE d.kind = 'sanction'
RETURN c.name AS company, authorities, a.name AS authority, a.country AS country,
       d.date AS date, d.amount AS amount, d.currency AS currency
ORDER BY company, date
