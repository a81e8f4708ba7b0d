// Question: how many decisions were issued each year?
// Shows: the seed cases span 2014–2024; three decisions have no known date (the Optical Center
// formal notice, the Tribunal de commerce de Grenoble judgment, the Zoom settlement) and form
// one null group, sorted last.
// Expected: 9 rows — 2014: 1, 2015: 2, 2017: 2, 2018: 2, 2019: 1, 2021: 1, 2022: 2, 2024: 1,
// null: 3 (15 decisions in all). The count column is un-aliased: its name is `count(*)`.
MATCH (d:Decision)
RETURN d.date.year AS year, count(*)
ORDER BY year
