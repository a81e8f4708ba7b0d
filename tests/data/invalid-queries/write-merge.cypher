MERGE (c:Company {id: 'company:x'}) RETURN c
