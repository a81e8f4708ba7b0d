RETURN substring('abc')
