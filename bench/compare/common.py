"""What every Python runner of bench/compare.sh shares: reading the work folder, the figures it
prints and the answers it writes, so that the tools differ only in what they are measured on.

A runner is called as `RUNNER WORK ANSWERS`: WORK holds nodes.csv (id,label), edges.csv
(source,target,type), pairs.csv (Q1's company pairs) and sources.csv (Q3's companies), written
by make_csv.py. Figures go to stdout as `key value` lines, flushed one by one so that a run
stopped by compare.sh's timeout still leaves the figures it reached.
"""

import array
import os
import resource
import sys
import time

# The typed pattern of Q2 (see README, "Performance"): a company with a decision against it,
# issued by an authority, that a decision issued by a court ruled on in appeal.
Q2_CYPHER = ("MATCH (c:Company)<-[:AGAINST]-(d1:Decision)-[:ISSUED_BY]->(:Authority), "
             "(d2:Decision)-[:APPEAL_OF]->(d1), (d2)-[:ISSUED_BY]->(:Court) "
             "RETURN count(DISTINCT c)")


def figure(key, value):
    print(f"{key} {value:.6f}" if isinstance(value, float) else f"{key} {value}", flush=True)


def peak_rss_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def system_seconds():
    """The system CPU time of this process so far, every thread's (a tool's own threads too)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_stime


class Timer:
    """`with Timer('q1_s'):` prints the wall time of the block when it ends; with `system_key`,
    also the system CPU time the block took (what a run pays for memory the host took back)."""

    def __init__(self, key, system_key=None):
        self.key = key
        self.system_key = system_key

    def __enter__(self):
        self.start = time.perf_counter()
        self.system_start = system_seconds()
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            figure(self.key, time.perf_counter() - self.start)
            if self.system_key:
                figure(self.system_key, system_seconds() - self.system_start)


def read_nodes(work):
    """Node ids and labels, in file order."""
    ids, labels = [], []
    with open(os.path.join(work, "nodes.csv")) as f:
        next(f)
        for line in f:
            node, label = line.rstrip("\n").split(",")
            ids.append(node)
            labels.append(label)
    return ids, labels


def read_edges(work):
    """(source, target, type) rows as strings, one at a time; the generator's ids hold no comma
    or quote, so a split is a CSV reader here."""
    with open(os.path.join(work, "edges.csv")) as f:
        next(f)
        for line in f:
            yield line.rstrip("\n").split(",")


def read_indexed_edges(work, index):
    """The edges as three arrays of node and type indexes (source, target, type) and the type
    names: what tools indexing nodes by number load, without millions of row objects."""
    source, target, kind = array.array("l"), array.array("l"), array.array("b")
    types = {}
    for s, t, r in read_edges(work):
        source.append(index[s])
        target.append(index[t])
        kind.append(types.setdefault(r, len(types)))
    return source, target, kind, list(types)


def read_rows(work, name):
    with open(os.path.join(work, name)) as f:
        next(f)
        return [line.rstrip("\n").split(",") for line in f if line.strip()]


class Answers:
    """The answers file, in the format compare.sh compares across tools."""

    def __init__(self, path):
        self.out = open(path, "w")

    def nodes(self, n):
        self.out.write(f"nodes {n}\n")

    def q1(self, pairs, hops):
        for (a, b), h in zip(pairs, hops):
            self.out.write(f"q1 {a} {b} {h}\n")
        self.out.flush()

    def q2(self, count):
        self.out.write(f"q2 {count}\n")
        self.out.flush()

    def q3(self, sources, counts):
        for s, c in zip(sources, counts):
            self.out.write(f"q3 {s} {c}\n")
        self.out.write(f"q3_total {sum(counts)}\n")
        self.out.flush()


def arguments():
    if len(sys.argv) != 3:
        sys.exit(f"usage: {sys.argv[0]} WORK ANSWERS")
    return sys.argv[1], Answers(sys.argv[2])
