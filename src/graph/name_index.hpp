// The name index: each node's folded id, name, number, aliases and identifiers (base/fold.hpp),
// for look-ups by name. Ordered by the XXH3-64 hash of the folded key, then by vertex: a look-up
// needs equal keys side by side, not keys in text order, and ordering 2.5M hashes (1M decisions)
// reads each key's text twice, in sequence, where sorting the texts read them again at every
// shared prefix.
#pragma once

#include <cstdint>
#include <exception>
#include <future>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>
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

// What building a name index reads of the tables: the node rows as they lie and what their
// details point into. Views, taken when the index is started: the tables' other parts, and their
// strings past what the nodes use, may grow meanwhile (NameIndexAside).
struct NodeTablesView {
  std::string_view strings;
  std::span<const NodeRow> nodes;
  std::span<const NodeDetails> node_details;
  std::span<const StrRef> string_refs;
  std::span<const IdentifierRecord> identifiers;
  explicit NodeTablesView(const GraphTables& t);
};

// A name index apart from the tables' strings: the keys' folded text in `text`, where their
// offsets point, in order of vertex. attach_name_index appends it to the strings.
struct NameIndexPart {
  HugeVector<NameKey> keys;
  std::string text;
};

// The index of the nodes of `t` as the frozen graph numbers them: vertex v is row by_id[v] (the
// rows' places in order of id), or row v when by_id is empty.
NameIndexPart index_names(const NodeTablesView& t, std::span<const VertexId> by_id);

// Appends part.text to t.strings (TableWriter::store, as the keys would have been stored one
// after another) and returns the keys, pointing there.
HugeVector<NameKey> attach_name_index(GraphTables& t, NameIndexPart part);

// The index of t's nodes (vertices are their places in t.nodes). The folded keys are appended
// to t.strings, once per node and key.
HugeVector<NameKey> build_name_index(GraphTables& t);

// index_names on a thread of its own, started while the tables are still being written: the
// resolver starts it once the node rows are complete and their order by id is known, and
// Graph::freeze takes it. Until it has finished, nothing may change the rows and lists the view
// holds, nor move the strings (TableWriter::before_strings_move).
// Held by GraphTables::name_index_aside (its deleter is NameIndexAsideDelete).
class NameIndexAside {
 public:
  // by_id as index_names takes it, or (the second form) while it is being sorted: waited for on
  // the index's thread.
  NameIndexAside(const GraphTables& t, std::span<const VertexId> by_id);
  NameIndexAside(const GraphTables& t, std::shared_future<std::vector<VertexId>> by_id);
  ~NameIndexAside();
  NameIndexAside(const NameIndexAside&) = delete;
  NameIndexAside& operator=(const NameIndexAside&) = delete;

  // Waits for the index to be built.
  void join();
  // Keeps `held` (what the index reads, replaced in the tables meanwhile) until the index is
  // built, then frees it: at once when it is built already.
  void keep_until_built(std::shared_ptr<void> held);
  // Waits, then hands the index over; rethrows what building it threw.
  NameIndexPart take();

 private:
  NameIndexPart part_;
  std::exception_ptr failed_;
  std::mutex mutex_;  // guards built_ and held_
  bool built_ = false;
  std::shared_ptr<void> held_;
  std::thread thread_;  // last: it starts once the members it uses are made

  NameIndexAside(const GraphTables& t, std::span<const VertexId> by_id,
                 std::shared_future<std::vector<VertexId>> by_id_sorting);
};

// The vertices whose key is `folded`, in vertex order. `strings` holds the keys' text.
std::vector<VertexId> find_in_name_index(std::span<const NameKey> index, std::string_view strings,
                                         std::string_view folded);

}  // namespace jurigraph::graph
