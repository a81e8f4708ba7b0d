WITH 1 AS x RETURN toUpper(x)
