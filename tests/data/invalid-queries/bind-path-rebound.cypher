MATCH p = (a)-->(b) MATCH p = (c) RETURN p
