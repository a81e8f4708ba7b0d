RETURN date()
