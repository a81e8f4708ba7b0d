// Question: how many decisions were issued each year?
// Shows: the data spans 2013–2026, busiest in 2022 (10) and 2020 (9); three decisions have no
// known date (the Optical Center formal notice, the Tribunal de commerce de Grenoble judgment,
// the Zoom settlement) and form one null group, sorted last.
// Expected: 15 rows — 2013: 1, 2014: 4, 2015: 3, 2016: 1, 2017: 3, 2018: 5, 2019: 5, 2020: 9,
// 2021: 7, 2022: 10, 2023: 6, 2024: 1, 2025: 3, 2026: 1, null: 3 (62 decisions in all). The
// count column is un-aliased: its name is `count(*)`.
MATCH (d:Decision)
RETURN d.date.year AS year, count(*)
ORDER BY year
