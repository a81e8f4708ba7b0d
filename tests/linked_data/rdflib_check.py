#!/usr/bin/python3
"""Checks a JSON-LD export with rdflib against jurigraph's own N-Quads export of the same graph.

Usage: /usr/bin/python3 rdflib_check.py DOC.jsonld EXPORT.nq
(Debian's python3 with python3-rdflib; the context is inlined, so nothing is fetched.)

Parses DOC as JSON-LD and EXPORT as N-Quads, each into a Dataset, and compares the sets of
triples across all graphs (the exports have no blank nodes, so terms compare as they are). A
relative IRI in DOC is resolved by rdflib against the file's own location, silently: any
`file:` IRI is therefore reported as an error. Prints the counts and up to 10 differing triples
on each side; exit 0 when they agree, 1 when they differ or a parse fails, 2 on bad usage.
"""
import sys

import rdflib
from rdflib import BNode, Dataset, URIRef

SHOW = 10


def load(path, fmt):
    ds = Dataset()
    ds.parse(path, format=fmt)
    return {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}


def show(triple):
    return " ".join(term.n3() for term in triple) + " ."


def main(argv):
    if len(argv) != 3:
        print("usage: rdflib_check.py DOC.jsonld EXPORT.nq", file=sys.stderr)
        return 2
    doc, nq = argv[1], argv[2]
    try:
        from_jsonld = load(doc, "json-ld")
    except Exception as e:  # rdflib raises many kinds; any is a failure of the check
        print(f"rdflib: ERROR parsing {doc} as JSON-LD: {type(e).__name__}: {e}")
        return 1
    try:
        from_nquads = load(nq, "nquads")
    except Exception as e:
        print(f"rdflib: ERROR parsing {nq} as N-Quads: {type(e).__name__}: {e}")
        return 1

    ok = True
    print(f"rdflib {rdflib.__version__}: triples: json-ld={len(from_jsonld)} nquads={len(from_nquads)} "
          f"common={len(from_jsonld & from_nquads)}")
    for name, triples in (("json-ld", from_jsonld), ("nquads", from_nquads)):
        suspicious = sorted({str(t) for triple in triples for t in triple
                             if (isinstance(t, URIRef) and str(t).startswith("file:")) or isinstance(t, BNode)})
        if suspicious:
            ok = False
            print(f"{name}: {len(suspicious)} relative IRI(s) resolved against the file, or blank node(s): "
                  + ", ".join(suspicious[:SHOW]))
    for title, diff in ((f"only in {doc} (JSON-LD)", from_jsonld - from_nquads),
                        (f"only in {nq} (N-Quads)", from_nquads - from_jsonld)):
        if diff:
            ok = False
            more = f", first {SHOW}" if len(diff) > SHOW else ""
            print(f"{title}: {len(diff)} triple(s){more}")
            for triple in sorted(diff)[:SHOW]:
                print(f"  {show(triple)}")
    print("rdflib: same triples" if ok else "rdflib: DIFFERENT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
