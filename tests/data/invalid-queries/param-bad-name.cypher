// args: --param 1x=5
RETURN 1
