// The name index: each node's folded id, name, number, aliases and identifiers (base/fold.hpp),
// for look-ups by name. Ordered by the XXH3-64 hash of the folded key, then by vertex: a look-up
// needs equal keys side by side, not keys in text order, and ordering 2.5M hashes (1M decisions)
// reads each key's text twice, in sequence, where sorting the texts read them again at every
// shared prefix.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "base/huge_pages.hpp"
#include "graph/graph_tables.hpp"
#include "graph/model.hpp"

namespace jurigraph::graph {

// One entry of the name index: a folded name, alias, identifier or id, and its node.
struct NameKey {
  StrRef folded;
  VertexId vertex = 0;
};

// The hash the index is ordered by. XXH3-64, whose output its authors keep the same across
// versions and machines: snapshots store the order.
uint64_t name_key_hash(std::string_view folded);

// The index of t's nodes (vertices are their places in t.nodes). The folded keys are appended
// to t.strings, once per node and key.
HugeVector<NameKey> build_name_index(GraphTables& t);

// The vertices whose key is `folded`, in vertex order. `strings` holds the keys' text.
std::vector<VertexId> find_in_name_index(std::span<const NameKey> index, std::string_view strings,
                                         std::string_view folded);

}  // namespace jurigraph::graph
