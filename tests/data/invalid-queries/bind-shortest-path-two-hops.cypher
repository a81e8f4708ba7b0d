MATCH p = allShortestPaths((a)-->(b)-->(c)) RETURN p
