MATCH (d:Judgment) RETURN d
