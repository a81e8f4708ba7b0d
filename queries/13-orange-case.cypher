// Question (Orange seed case): what did the CNIL decide against Orange, what did the Conseil
// d'État do with it, and who stood behind the breach?
// Shows: the whole case in one row: the 2014 public warning, the 2015 ruling confirming it,
// Orange's emailing provider Gutenberg and Gutenberg's own unnamed subcontractor, whose
// server was breached (the incident is a property of its SUBCONTRACTOR_OF edge).
// Expected: 1 row.
MATCH (o:Company {id: 'company:orange'})<-[:AGAINST]-(w:Decision)<-[a:APPEAL_OF]-(ce:Decision)
MATCH (g:Company)-[r1:SUBCONTRACTOR_OF]->(o)
OPTIONAL MATCH (x:Company)-[r2:SUBCONTRACTOR_OF]->(g)
RETURN w.number, w.date, w.kind, a.outcome, ce.number, g.name AS provider, r1.service AS service,
       x.name AS sub_provider, r2.incident AS incident
ORDER BY w.number, provider, sub_provider
