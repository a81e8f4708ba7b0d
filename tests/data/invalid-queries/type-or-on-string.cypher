RETURN false OR 'x'
