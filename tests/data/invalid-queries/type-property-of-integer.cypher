WITH 1 AS x RETURN x.name
