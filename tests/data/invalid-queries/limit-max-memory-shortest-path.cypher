// args: --max-memory 100
MATCH p = shortestPath((a:Company)-[*]-(b:Company)) RETURN count(p)
