"""Flattens a `jurigraph export --format kuzu` folder into the two CSV files the Python tools
load, and picks the companies every tool queries. Run once per work folder by compare.sh.

    make_csv.py KUZU_DIR WORK

writes WORK/nodes.csv (id,label), WORK/edges.csv (source,target,type), WORK/pairs.csv (Q1:
100 company pairs, source,target, two different companies) and WORK/sources.csv (Q3: 100
companies). The choice is seeded, so a given graph always gets the same pairs and sources.
Reusing the project's exporter, rather than a second writer, means every tool reads the graph
jurigraph wrote.
"""

import csv
import os
import random
import sys

SEED = 7
COUNT = 100


def main(kuzu_dir, work):
    names = sorted(f for f in os.listdir(kuzu_dir) if f.endswith(".csv"))
    node_files = [f for f in names if f.count(".") == 1]  # <Label>.csv
    edge_files = [f for f in names if f.count(".") == 3]  # <TYPE>.<From>.<To>.csv
    companies = []
    with open(os.path.join(work, "nodes.csv"), "w") as out:
        out.write("id,label\n")
        for name in node_files:
            label = name[:-4]
            with open(os.path.join(kuzu_dir, name), newline="") as f:
                rows = csv.reader(f)
                next(rows)
                for row in rows:
                    out.write(f"{row[0]},{label}\n")
                    if label == "Company":
                        companies.append(row[0])
    with open(os.path.join(work, "edges.csv"), "w") as out:
        out.write("source,target,type\n")
        for name in edge_files:
            rel_type = name.split(".")[0]
            with open(os.path.join(kuzu_dir, name), newline="") as f:
                rows = csv.reader(f)
                next(rows)
                for row in rows:
                    out.write(f"{row[0]},{row[1]},{rel_type}\n")

    rng = random.Random(SEED)
    companies.sort()
    with open(os.path.join(work, "pairs.csv"), "w") as out:
        out.write("source,target\n")
        for _ in range(COUNT):
            a, b = rng.sample(companies, 2)
            out.write(f"{a},{b}\n")
    with open(os.path.join(work, "sources.csv"), "w") as out:
        out.write("id\n")
        for c in rng.sample(companies, COUNT):
            out.write(f"{c}\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make_csv.py KUZU_DIR WORK")
    main(sys.argv[1], sys.argv[2])
