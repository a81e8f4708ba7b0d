MATCH (d) WHERE d:Judgement RETURN d
