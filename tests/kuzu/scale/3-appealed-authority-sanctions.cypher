// Companies against which an authority decided, in a decision that a court then ruled on.
MATCH (c:Company)<-[:AGAINST]-(d1:Decision)-[:ISSUED_BY]->(:Authority),
      (d2:Decision)-[:APPEAL_OF]->(d1), (d2)-[:ISSUED_BY]->(:Court)
RETURN count(DISTINCT c) AS companies
