// The most decisions against one company, and how many companies faced any.
MATCH (c:Company)<-[:AGAINST]-(d:Decision)
WITH c, count(d) AS decisions
RETURN max(decisions) AS most, count(c) AS companies
