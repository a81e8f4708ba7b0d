// args: --param min
RETURN $min
