// args: --timeout 0.05
// position varies
MATCH p = (a)-[*]-(b) RETURN count(p)
