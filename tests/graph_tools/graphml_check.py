#!/usr/bin/python3
"""Reads jurigraph's GraphML export with NetworkX or igraph and compares what the tool sees with
jurigraph's own answers: node and relationship counts (stats --format json), nodes per label and
relationships per type (Cypher counts, CSV), fine totals per currency (stats: the amounts must
read back exactly), and shortest paths (path --format json), direction ignored.

Usage: graphml_check.py networkx|igraph GRAPHML --stats STATS.json --labels LABELS.csv
           --types TYPES.csv [--path FROM TO PATH.json|none]...
Prints one line per check ("ok ..." or "FAIL ..."); exits 0 when all pass, 1 otherwise.
"""

import argparse
import collections
import csv
import json
import sys
from decimal import Decimal


# --- the graph as each tool reads it ------------------------------------------------------------
class NetworkxGraph:
    def __init__(self, path):
        import networkx as nx

        self.nx = nx
        # A multigraph always: parallel relationships are distinct edges, keyed by their id.
        self.g = nx.read_graphml(path, force_multigraph=True)
        self.undirected = self.g.to_undirected(as_view=True)

    def node_count(self):
        return self.g.number_of_nodes()

    def edge_count(self):
        return self.g.number_of_edges()

    def nodes(self):  # (GraphML id, attributes)
        return list(self.g.nodes(data=True))

    def edges(self):  # (GraphML id, source id, target id, attributes)
        return [(k, s, t, d) for s, t, k, d in self.g.edges(keys=True, data=True)]

    def distance(self, a, b):  # None when there is no path
        try:
            return self.nx.shortest_path_length(self.undirected, a, b)
        except self.nx.NetworkXNoPath:
            return None


class IgraphGraph:
    def __init__(self, path):
        import igraph

        self.g = igraph.Graph.Read_GraphML(path)
        self.names = self.g.vs["id"]  # igraph keeps the GraphML node id as attribute "id"
        self.index = {name: i for i, name in enumerate(self.names)}

    def node_count(self):
        return self.g.vcount()

    def edge_count(self):
        return self.g.ecount()

    def nodes(self):
        return [(self.names[v.index], v.attributes()) for v in self.g.vs]

    def edges(self):
        return [(e["id"], self.names[e.source], self.names[e.target], e.attributes()) for e in self.g.es]

    def distance(self, a, b):
        d = self.g.distances(source=self.index[a], target=self.index[b], mode="all")[0][0]
        return None if d == float("inf") else int(d)


READERS = {"networkx": NetworkxGraph, "igraph": IgraphGraph}


# --- checks --------------------------------------------------------------------------------------
class Checks:
    def __init__(self, reader):
        self.reader = reader
        self.failed = 0

    def check(self, name, ok, detail=""):
        print(("ok   " if ok else "FAIL ") + f"{self.reader}: {name}" + ("" if ok else f": {detail}"))
        if not ok:
            self.failed += 1


def read_counts(path):
    """A two-column CSV with a header (name, count) as a dict."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    return {name: int(count) for name, count in rows}


def present(d):
    return {k: v for k, v in d.items() if v != 0}


def check_counts(c, g, stats, labels, types):
    c.check("nodes = stats", g.node_count() == stats["nodes"], f"{g.node_count()} != {stats['nodes']}")
    c.check("edges = stats", g.edge_count() == stats["relationships"],
            f"{g.edge_count()} != {stats['relationships']}")
    node_labels = collections.Counter(attrs.get("label") for _, attrs in g.nodes())
    c.check("nodes per label = Cypher", dict(node_labels) == labels, f"{dict(node_labels)} != {labels}")
    c.check("nodes per label = stats", labels == present(stats["nodes_per_label"]))
    edge_types = collections.Counter(attrs.get("type") for _, _, _, attrs in g.edges())
    c.check("edges per type = Cypher", dict(edge_types) == types, f"{dict(edge_types)} != {types}")
    c.check("edges per type = stats", types == present(stats["relationships_per_type"]))


def check_ids(c, g):
    nodes = g.nodes()
    # igraph has one "id" attribute for the GraphML id and the `id` property: equal, so either.
    c.check("node ids are jurigraph ids (the id property)", all(attrs.get("id") == name for name, attrs in nodes))
    ids = [e for e, _, _, _ in g.edges()]
    c.check("edge ids unique", len(set(ids)) == len(ids))


def check_amounts(c, g, stats):
    """The fines per currency summed from the GraphML equal stats' exact decimal totals: no
    number was rounded or written in a form the tool misreads."""
    totals = collections.defaultdict(Decimal)
    for _, attrs in g.nodes():
        amount = attrs.get("amount")
        if isinstance(amount, float) and amount == amount:  # igraph gives NaN when absent
            totals[attrs["currency"]] += Decimal(repr(amount))
    expected = {cur: Decimal(v["total"]) for cur, v in stats.get("amounts_per_currency", {}).items()}
    c.check("fines per currency = stats", dict(totals) == expected, f"{dict(totals)} != {expected}")


def check_path(c, g, edges_by_id, a, b, result):
    if result == "none":
        d = g.distance(a, b)
        c.check(f"no path {a} - {b}, as jurigraph says", d is None, f"found {d} hops")
        return
    with open(result, encoding="utf-8") as f:
        path = json.load(f)["paths"][0]
    d = g.distance(a, b)
    c.check(f"shortest path {a} - {b}: {path['length']} hops", d == path["length"], f"found {d}")
    # jurigraph's path, hop by hop, is made of GraphML edges: e<index> joins the same nodes with
    # the same type, stored in the same direction.
    for k, hop in enumerate(path["hops"]):
        here, there = path["nodes"][k], path["nodes"][k + 1]
        want = (here, there) if hop["direction"] == "as_stored" else (there, here)
        e = edges_by_id.get(f"e{hop['edge']}")
        ok = e is not None and (e[0], e[1]) == want and e[2] == hop["type"]
        c.check(f"  hop {k + 1}: e{hop['edge']} {hop['type']}", ok, f"GraphML has {e}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("reader", choices=READERS)
    p.add_argument("graphml")
    p.add_argument("--stats", required=True)
    p.add_argument("--labels", required=True)
    p.add_argument("--types", required=True)
    p.add_argument("--path", nargs=3, action="append", default=[], metavar=("FROM", "TO", "RESULT"))
    args = p.parse_args()

    c = Checks(args.reader)
    try:
        g = READERS[args.reader](args.graphml)
    except Exception as e:  # a document the tool rejects is a failed check, not a crash
        c.check("reads the GraphML", False, f"{type(e).__name__}: {e}")
        return 1
    with open(args.stats, encoding="utf-8") as f:
        stats = json.load(f)
    check_counts(c, g, stats, read_counts(args.labels), read_counts(args.types))
    check_ids(c, g)
    check_amounts(c, g, stats)
    edges_by_id = {e: (s, t, attrs.get("type")) for e, s, t, attrs in g.edges()}
    for a, b, result in args.path:
        check_path(c, g, edges_by_id, a, b, result)
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
