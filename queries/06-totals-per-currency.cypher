// Question: across all decisions, how many carry an amount, and what are the total, smallest,
// largest and average amounts in each currency?
// Shows: the same totals as `jurigraph stats` (EUR 900,000 in 6 decisions, USD 85,000,000 in
// 1); the EUR figures mix CNIL fines with the Grenoble damages.
// Expected: 2 rows — EUR and USD.
MATCH (d:Decision)
WHERE d.amount IS NOT NULL
RETURN d.currency AS currency, count(*) AS decisions, sum(d.amount) AS total,
       min(d.amount) AS smallest, max(d.amount) AS largest, avg(d.amount) AS average
ORDER BY currency
