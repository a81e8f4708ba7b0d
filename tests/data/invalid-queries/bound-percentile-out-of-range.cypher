MATCH (d:Decision) RETURN percentileCont(d.amount, 1.5)
