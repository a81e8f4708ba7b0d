"""python-igraph's side of bench/compare.sh: a directed igraph Graph over vertex indexes, with
the label and relationship type as attributes; direction is ignored with mode="all".

    /usr/bin/python3 igraph_run.py WORK ANSWERS
"""

import warnings

import igraph as ig

from common import Timer, arguments, figure, peak_rss_kb, read_indexed_edges, read_nodes, read_rows


def pattern_count(g):
    """Q2 from the appeal edges (igraph has no pattern matcher): each appeal's two decisions,
    their issuers through their out-edges, and the companies the earlier one was against."""
    label = g.vs["label"]
    etype = g.es["type"]
    edge = g.es

    def out_of_type(d, rel_type):
        return [edge[e].target for e in g.incident(d, mode="out") if etype[e] == rel_type]

    companies = set()
    for appeal in g.es.select(type_eq="APPEAL_OF"):
        d2, d1 = appeal.tuple
        if label[d2] != "Decision" or label[d1] != "Decision":
            continue
        if not any(label[x] == "Court" for x in out_of_type(d2, "ISSUED_BY")):
            continue
        if not any(label[x] == "Authority" for x in out_of_type(d1, "ISSUED_BY")):
            continue
        companies.update(c for c in out_of_type(d1, "AGAINST") if label[c] == "Company")
    return len(companies)


def main():
    work, answers = arguments()
    # igraph warns on stderr for every pair it cannot connect: "no path" is an answer here.
    warnings.filterwarnings("ignore", message="Couldn't reach some vertices")
    with Timer("load_s", "load_system_s"):
        ids, labels = read_nodes(work)
        index = {n: i for i, n in enumerate(ids)}
        source, target, kind, types = read_indexed_edges(work, index)
        g = ig.Graph(n=len(ids), edges=list(zip(source, target)), directed=True)
        g.vs["label"] = labels
        g.es["type"] = [types[k] for k in kind]
        del source, target, kind
    figure("nodes", g.vcount())
    figure("edges", g.ecount())
    answers.nodes(g.vcount())

    pairs = read_rows(work, "pairs.csv")
    hops = []
    with Timer("q1_s"):
        for a, b in pairs:
            # get_shortest_paths stops its BFS once the target is reached.
            path = g.get_shortest_paths(index[a], to=index[b], mode="all", output="vpath")[0]
            hops.append(len(path) - 1 if path else -1)
    answers.q1(pairs, hops)

    with Timer("q2_s"):
        count = pattern_count(g)
    answers.q2(count)

    sources = [row[0] for row in read_rows(work, "sources.csv")]
    with Timer("q3_s"):
        reached = g.neighborhood_size([index[s] for s in sources], order=3, mode="all",
                                      mindist=1)
    answers.q3(sources, reached)
    figure("peak_rss_kb", peak_rss_kb())


if __name__ == "__main__":
    main()
