UNWIND [] AS name RETURN name =~ 'Orange(?= SA)'
