// Dates and amounts per kind of decision (min and max: a sum of floats depends on its order).
MATCH (d:Decision)
RETURN d.kind AS kind, count(*) AS decisions, count(d.date) AS dated, min(d.date) AS first,
       max(d.date) AS last, min(d.amount) AS smallest, max(d.amount) AS largest
ORDER BY kind
