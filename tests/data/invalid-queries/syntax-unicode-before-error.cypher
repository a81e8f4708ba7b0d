MATCH (d:Decision {name: 'Décision État'}) RETURN d.id +
