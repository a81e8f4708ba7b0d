// The mutable tables a graph is made of, and the helpers that fill them. Ingestion writes here;
// `Graph::freeze` turns the tables into the immutable, indexed graph.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/huge_pages.hpp"
#include "graph/model.hpp"

namespace jurigraph::graph {

// Lets unordered maps keyed by std::string be searched with a string_view, without a copy.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

class NameIndexAside;  // name_index.hpp
struct NameIndexAsideDelete {
  void operator()(NameIndexAside* aside) const;
};

// The tables of millions of records are on huge pages (base/huge_pages.hpp).
struct GraphTables {
  std::string strings;        // every StrRef points in here
  HugeVector<NodeRow> nodes;  // added by add_node
  HugeVector<NodeDetails> node_details;
  HugeVector<EdgeRow> edges;  // added by TableWriter::add_edge
  HugeVector<EdgeDetails> edge_details;
  std::vector<SourceRecord> sources;
  HugeVector<uint32_t> source_refs;  // lists of indexes into `sources`
  HugeVector<StrRef> string_refs;    // lists of strings (aliases)
  HugeVector<IdentifierRecord> identifiers;
  HugeVector<PropertyRecord> properties;
  HugeVector<ClaimRecord> claims;
  std::vector<RelationType> relation_types = builtin_relation_types();
  // The nodes' indexes in order of id (equal ids by index), when the maker of the tables sorted
  // them already: the resolver does, on a core otherwise idle while it builds. Graph::freeze
  // sorts them itself when this does not hold one index per node.
  std::vector<VertexId> nodes_by_id;
  // The name index of the nodes in that order, being built on a thread of its own, when the
  // maker of the tables started it: the resolver does, once it has written the nodes, while it
  // writes the edges. Graph::freeze builds the index itself otherwise. Last: destroyed, and so
  // waited for, before the tables it reads.
  std::unique_ptr<NameIndexAside, NameIndexAsideDelete> name_index_aside;

  // Appends a node: its row, and its details when it has any.
  void add_node(const NodeRecord& n);
  // Node v whole.
  NodeRecord node(VertexId v) const { return joined(nodes[v], node_details); }
};

// Appends strings and sources to tables, sharing repeated short values (kinds, currencies,
// property keys) and repeated sources instead of copying them per record.
class TableWriter {
 public:
  explicit TableWriter(GraphTables& tables) : tables_(tables) {}

  // Copies `text` into the string table.
  StrRef store(std::string_view text);
  // Calls `f` once, before a store first moves the string table to grow it: for a reader of the
  // strings on another thread (NameIndexAside), which must be done by then.
  void before_strings_move(std::function<void()> f) { before_strings_move_ = std::move(f); }
  // Like store, but one copy per distinct value: for small vocabularies, not for ids or names.
  StrRef intern(std::string_view text);
  std::string_view view(StrRef ref) const {
    return std::string_view(tables_.strings).substr(ref.offset, ref.length);
  }
  // The index of a source with these fields, added when new.
  uint32_t add_source(const SourceRecord& fields);
  // Lists of sources and of properties are interned: records with equal lists (every node of
  // one source, every CITES edge with role "infringed") share one copy. Property records must
  // hold interned keys and texts, so that equal lists are equal record by record.
  Range add_source_list(std::span<const uint32_t> source_ids);
  Range add_property_list(std::span<const PropertyRecord> properties);
  Range add_string_list(std::span<const StrRef> strings);
  // Appends an edge; its details are shared with every earlier edge that has the same ones.
  void add_edge(const EdgeRecord& edge);

  GraphTables& tables() { return tables_; }

 private:
  GraphTables& tables_;
  std::function<void()> before_strings_move_;
  StringMap<StrRef> interned_;
  StringMap<uint32_t> source_index_;  // url + '\n' + title
  // Stored lists by hash of their content; a hash names one list or, rarely, a few.
  std::unordered_multimap<uint64_t, Range> source_lists_;
  std::unordered_multimap<uint64_t, Range> property_lists_;
  std::unordered_multimap<uint64_t, Range> details_;  // into edge_details, one record each
  // Recent answers of intern and add_edge, by a cheap hash, looked at before the maps above:
  // millions of nodes and edges repeat a few kinds, currencies and details (1M decisions: 5M
  // edges, a few hundred distinct details).
  std::array<StrRef, 64> recent_interned_{};
  struct RecentDetails {
    EdgeDetails details;
    uint32_t index = 0;
    bool set = false;
  };
  std::array<RecentDetails, 64> recent_details_{};
};

}  // namespace jurigraph::graph
