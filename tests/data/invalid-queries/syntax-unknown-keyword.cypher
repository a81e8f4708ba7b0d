MATCH (d:Decision) RETRUN d
