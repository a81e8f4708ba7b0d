// args: --timeout 0.05
MATCH p = (a)-[*]-(b) RETURN count(p)
