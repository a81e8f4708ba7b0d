UNWIND collect(1) AS x RETURN x
