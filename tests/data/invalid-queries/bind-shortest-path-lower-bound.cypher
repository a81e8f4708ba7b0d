MATCH p = shortestPath((a:Company)-[*2..]->(b:Company)) RETURN p
