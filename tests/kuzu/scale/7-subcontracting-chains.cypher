// Two links of subcontracting, and the provisions cited against the end company's decisions.
MATCH (a:Company)-[:SUBCONTRACTOR_OF]->(b:Company)-[:SUBCONTRACTOR_OF]->(c:Company)
OPTIONAL MATCH (c)<-[:AGAINST]-(:Decision)-[:CITES]->(p:Provision)
RETURN count(DISTINCT a) AS first_links, count(DISTINCT c) AS end_companies,
       count(DISTINCT p) AS provisions
