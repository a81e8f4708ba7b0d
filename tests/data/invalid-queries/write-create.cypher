CREATE (d:Decision {id: 'decision:x'})
