"""NetworkX's side of bench/compare.sh: the graph as a DiGraph keyed by jurigraph's ids, with
the label and relationship type as attributes (one edge per ordered pair: the generator never
puts two types between the same two nodes in the same direction, so nothing the tasks read is
lost; parallel edges of one type collapse, so its edge count can be lower). Direction is ignored through NetworkX's undirected view, as a researcher would.

    /usr/bin/python3 networkx_run.py WORK ANSWERS
"""

import networkx as nx

from common import Timer, arguments, figure, peak_rss_kb, read_edges, read_nodes, read_rows


def pattern_count(g):
    """Q2 by hand (NetworkX has no pattern matcher): walk the appeals, check both issuers."""
    label = g.nodes

    def issued_by(d, issuer_label):
        return any(a["type"] == "ISSUED_BY" and label[x]["label"] == issuer_label
                   for x, a in g.succ[d].items())

    companies = set()
    for d2, d1, t in g.edges(data="type"):
        if (t != "APPEAL_OF" or label[d2]["label"] != "Decision"
                or label[d1]["label"] != "Decision"):
            continue
        if not issued_by(d2, "Court") or not issued_by(d1, "Authority"):
            continue
        for c, attrs in g.succ[d1].items():
            if attrs["type"] == "AGAINST" and label[c]["label"] == "Company":
                companies.add(c)
    return len(companies)


def main():
    work, answers = arguments()
    with Timer("load_s", "load_system_s"):
        ids, labels = read_nodes(work)
        g = nx.DiGraph()
        g.add_nodes_from((n, {"label": l}) for n, l in zip(ids, labels))
        # The edge rows' strings replaced by one object per id and per type, as a program
        # building the graph from its own data would hold them, not one copy per row.
        same = {n: n for n in ids}
        types = {}
        g.add_edges_from((same[s], same[t], {"type": types.setdefault(ty, ty)})
                         for s, t, ty in read_edges(work))
        del same
    figure("nodes", g.number_of_nodes())
    figure("edges", g.number_of_edges())
    answers.nodes(g.number_of_nodes())
    undirected = g.to_undirected(as_view=True)

    pairs = read_rows(work, "pairs.csv")
    hops = []
    with Timer("q1_s"):
        for a, b in pairs:
            try:
                hops.append(nx.shortest_path_length(undirected, a, b))
            except nx.NetworkXNoPath:
                hops.append(-1)
    answers.q1(pairs, hops)

    with Timer("q2_s"):
        count = pattern_count(g)
    answers.q2(count)

    sources = [row[0] for row in read_rows(work, "sources.csv")]
    with Timer("q3_s"):
        reached = [len(nx.single_source_shortest_path_length(undirected, s, cutoff=3)) - 1
                   for s in sources]
    answers.q3(sources, reached)
    figure("peak_rss_kb", peak_rss_kb())


if __name__ == "__main__":
    main()
