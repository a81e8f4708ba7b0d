UNWIND [1] AS n MATCH (n)-->() RETURN n
