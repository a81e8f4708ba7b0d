"""graph-tool's side of bench/compare.sh: a directed Graph built from the edge list with the
relationship type as an edge property map and the label as a vertex property map; direction is
ignored through an undirected GraphView.

    /usr/bin/python3 graphtool_run.py WORK ANSWERS
"""

import graph_tool.all as gt
import numpy as np

from common import Timer, arguments, figure, peak_rss_kb, read_indexed_edges, read_nodes, read_rows

LABELS = ["Authority", "Company", "Court", "Decision", "Person", "Provision"]
TYPES = ["AGAINST", "APPEAL_OF", "CITES", "ISSUED_BY", "SUBCONTRACTOR_OF"]


def pattern_count(g, vlabel, etype):
    """Q2 with array operations over the edge list (graph-tool has no pattern matcher)."""
    edges = g.get_edges([etype])
    label = vlabel.a
    decision, authority, court, company = (LABELS.index(n) for n in
                                           ("Decision", "Authority", "Court", "Company"))
    src, dst, ty = edges[:, 0], edges[:, 1], edges[:, 2]
    issued = ty == TYPES.index("ISSUED_BY")
    by_authority = np.zeros(g.num_vertices(), dtype=bool)
    by_court = np.zeros(g.num_vertices(), dtype=bool)
    by_authority[src[issued & (label[dst] == authority)]] = True
    by_court[src[issued & (label[dst] == court)]] = True
    appeal = (ty == TYPES.index("APPEAL_OF")) & (label[src] == decision) & (label[dst] == decision)
    appealed = np.zeros(g.num_vertices(), dtype=bool)
    appealed[dst[appeal & by_court[src] & by_authority[dst]]] = True
    against = (ty == TYPES.index("AGAINST")) & appealed[src] & (label[dst] == company)
    return len(np.unique(dst[against]))


def main():
    work, answers = arguments()
    with Timer("load_s", "load_system_s"):
        ids, labels = read_nodes(work)
        index = {n: i for i, n in enumerate(ids)}
        label_code = {n: i for i, n in enumerate(LABELS)}
        g = gt.Graph(directed=True)
        g.add_vertex(len(ids))
        vlabel = g.new_vertex_property("int", vals=[label_code[l] for l in labels])
        etype = g.new_edge_property("int")
        source, target, kind, types = read_indexed_edges(work, index)
        code = np.array([TYPES.index(t) for t in types], dtype=np.int64)
        rows = np.column_stack([np.frombuffer(source, dtype=np.int64),
                                np.frombuffer(target, dtype=np.int64),
                                code[np.frombuffer(kind, dtype=np.int8)]])
        del source, target, kind
        g.add_edge_list(rows, eprops=[etype])
        del rows
    figure("nodes", g.num_vertices())
    figure("edges", g.num_edges())
    answers.nodes(g.num_vertices())
    undirected = gt.GraphView(g, directed=False)
    unreachable = np.iinfo(np.int32).max

    pairs = read_rows(work, "pairs.csv")
    hops = []
    with Timer("q1_s"):
        for a, b in pairs:
            d = int(gt.shortest_distance(undirected, source=index[a], target=index[b]))
            hops.append(-1 if d >= unreachable else d)
    answers.q1(pairs, hops)

    with Timer("q2_s"):
        count = pattern_count(g, vlabel, etype)
    answers.q2(count)

    sources = [row[0] for row in read_rows(work, "sources.csv")]
    with Timer("q3_s"):
        reached = []
        for s in sources:
            d = gt.shortest_distance(undirected, source=index[s], max_dist=3).a
            reached.append(int(np.count_nonzero(d <= 3)) - 1)
    answers.q3(sources, reached)
    figure("peak_rss_kb", peak_rss_kb())


if __name__ == "__main__":
    main()
