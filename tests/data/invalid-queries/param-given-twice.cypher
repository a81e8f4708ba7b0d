// args: --param a=1 --param a=2
RETURN $a
