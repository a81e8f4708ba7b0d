// Question: across all decisions, how many carry an amount, and what are the total, smallest,
// largest and average amounts in each currency?
// Shows: the same totals as `jurigraph stats` (EUR 2,887,100,000 in 32 decisions, USD
// 85,000,000 in 1); the EUR figures mix the fines of four authorities with the Grenoble damages
// (the smallest, 10,000) and are dominated by the Irish DPC's 1.2 billion euro fine of Meta.
// Expected: 2 rows — EUR (32, average 90,221,875.0) and USD.
MATCH (d:Decision)
WHERE d.amount IS NOT NULL
RETURN d.currency AS currency, count(*) AS decisions, sum(d.amount) AS total,
       min(d.amount) AS smallest, max(d.amount) AS largest, avg(d.amount) AS average
ORDER BY currency
