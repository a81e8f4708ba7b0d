// args: --max-rows 10
RETURN size(range(1, 11)) AS n
