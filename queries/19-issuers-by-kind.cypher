// Question (institutions): which authorities and courts issued which kinds of decisions, and
// how many of each?
// Shows: the CNIL issues formal notices, warnings and sanctions; the courts issue rulings,
// judgments, a settlement (as recorded) and an approval order. The counts add up to the 15
// decisions of the seed data.
// Expected: 8 rows — CNIL formal_notice 1, sanction 5, warning 1; Conseil d'État ruling 4;
// CA Grenoble judgment 1; TC Grenoble judgment 1; N.D. Cal. order 1, settlement 1.
MATCH (d:Decision)-[:ISSUED_BY]->(i)
RETURN labels(i) AS label, i.name AS issuer, d.kind AS kind, count(*) AS decisions
ORDER BY issuer, kind
