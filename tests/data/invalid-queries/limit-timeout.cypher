// args: --timeout 0.05
// position varies
UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*)
