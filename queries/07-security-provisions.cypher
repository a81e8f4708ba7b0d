// Question: which decisions cite the security obligation — GDPR art. 32
// (provision:eu-gdpr-art-32) or loi 78-17 art. 34 (provision:fr-loi-78-17-art-34) — and in
// what role (infringed by the respondent, or applied by a court)?
// Shows: the security obligation runs through the CNIL's decisions from 2014 to 2022,
// switching from loi 78-17 art. 34 to GDPR art. 32 after 2018.
// Expected: 11 rows — art. 34: CNIL 2014-298, 2015-379, Darty 2018, 2018-002 (infringed) and
// the Conseil d'État rulings of 2015 and 2019 (applied); art. 32 (infringed): Sergic
// SAN-2019-005, Spartoo SAN-2020-003, SAN-2021-001, Free Mobile SAN-2021-021, Free SAN-2022-022.
// The 2017 and 2022 Conseil d'État rulings on Optical Center cite no provision in the data.
MATCH (d:Decision)-[c:CITES]->(p:Provision)
WHERE p.id IN ['provision:eu-gdpr-art-32', 'provision:fr-loi-78-17-art-34']
RETURN d.id AS decision, d.date AS date, d.kind AS kind, p.id AS provision, c.role AS role
ORDER BY date, decision, provision
