WITH '(' AS p RETURN 'a' =~ p
