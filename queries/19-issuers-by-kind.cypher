// Question (institutions): which authorities and courts issued which kinds of decisions, and
// how many of each?
// Shows: the CNIL issues formal notices, warnings and sanctions; the other authorities
// sanctions (and the EDPB a binding decision, recorded as a ruling); the courts issue rulings,
// judgments, a settlement (as recorded) and approval or référé orders. The counts add up to the 62
// decisions of the data.
// Expected: 15 rows — CNIL formal_notice 3, sanction 27, warning 1; CNPD sanction 1; Conseil
// d'État order 1, ruling 13; CA Grenoble judgment 1; CJEU judgment 7; DPC sanction 2; EDPB ruling 1;
// Garante sanction 1; TA Luxembourg judgment 1; TC Grenoble judgment 1; N.D. Cal. order 1,
// settlement 1.
MATCH (d:Decision)-[:ISSUED_BY]->(i)
RETURN labels(i) AS label, i.name AS issuer, d.kind AS kind, count(*) AS decisions
ORDER BY issuer, kind
