WITH 0 AS s RETURN range(1, 5, s)
