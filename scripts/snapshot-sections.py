#!/usr/bin/env python3
"""The size of each section of a jurigraph snapshot, as a Markdown table, from its directory
(src/graph/snapshot_format.hpp: a 48-byte header, then 32 bytes per section).

    scripts/snapshot-sections.py graph.jg
"""
import struct
import sys

# Section ids 1, 2, … in the order of snapshot_format.hpp's enum Section.
NAMES = ["strings", "nodes", "edges", "sources", "source_refs", "string_refs", "identifiers",
         "properties", "claims", "labels", "out_start", "out_other", "out_edges", "in_start",
         "in_other", "in_edges", "label_nodes", "label_start", "name_index", "relation_types",
         "relation_counts", "edge_details", "node_details"]


def main(path):
    with open(path, "rb") as f:
        magic, version, _, size, count, _, _, _ = struct.unpack("<8sIIQIIQQ", f.read(48))
        if magic != b"JURIGRPH":
            sys.exit(f"{path}: not a jurigraph snapshot")
        entries = [struct.unpack("<IIQQQ", f.read(32)) for _ in range(count)]
    print(f"{path}: snapshot format version {version}, {size:,} bytes, {count} sections\n")
    print("| section | record bytes | count | bytes | MB | % of file |")
    print("|---|---:|---:|---:|---:|---:|")
    padding, end = 0, 48 + 32 * count
    for sid, element, offset, n, _ in entries:
        name = NAMES[sid - 1] if 1 <= sid <= len(NAMES) else f"#{sid}"
        padding += offset - end
        end = offset + element * n
        print(f"| {name} | {element} | {n:,} | {element * n:,} | {element * n / 1e6:.1f} | "
              f"{100 * element * n / size:.1f} |")
    padding += size - end
    print(f"| header and directory | | | {48 + 32 * count:,} | | |")
    print(f"| padding between sections | | | {padding:,} | | |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
