MATCH (d $props) RETURN d
