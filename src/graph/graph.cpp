#include "graph/graph.hpp"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cassert>
#include <exception>
#include <numeric>
#include <thread>
#include <tuple>
#include <utility>

#include "base/huge_pages.hpp"
#include "base/insertion_sort.hpp"
#include "base/text_sort.hpp"
#include "graph/relation_counts.hpp"

namespace jurigraph::graph {
namespace {

// The nodes' indexes in order of (id, index), sorting (id, index) entries: sorting reads the
// entries and the ids' text, not the node rows too.
std::vector<VertexId> nodes_in_id_order(const GraphTables& t) {
  const std::string_view strings = t.strings;
  std::vector<TextSortEntry> entries;
  reserve_huge(entries, t.nodes.size());
  for (VertexId v = 0; v < t.nodes.size(); ++v)
    entries.emplace_back(strings.substr(t.nodes[v].id.offset, t.nodes[v].id.length), v);
  std::vector<VertexId> order = indexes_in_text_order(entries);
  release_now(entries);
  return order;
}

// What sort_nodes_by_id replaced: the rows in their first order and their details, which a name
// index started by the resolver reads until it has finished.
struct NodesBeforeSort {
  HugeVector<NodeRow> rows;
  HugeVector<NodeDetails> details;
};

// Permutation that sorts nodes by id; returns old index → new index. The order is the tables'
// own when they bring one (GraphTables::nodes_by_id). The details follow their rows' order, so
// that the same data gives the same tables whatever the input order. What it replaces goes to
// `before`.
std::vector<VertexId> sort_nodes_by_id(GraphTables& t, NodesBeforeSort& before) {
  std::vector<VertexId> by_id = std::move(t.nodes_by_id);
  if (by_id.size() != t.nodes.size())
    by_id = nodes_in_id_order(t);
  else
    assert(by_id == nodes_in_id_order(t));
  HugeVector<NodeRow> sorted;
  sorted.reserve(by_id.size());
  std::vector<VertexId> new_index;
  reserve_huge(new_index, by_id.size());  // its ends faulted in at once, its middle on 2 MB pages
  new_index.resize(by_id.size());
  for (VertexId pos = 0; pos < by_id.size(); ++pos) {
    sorted.push_back(t.nodes[by_id[pos]]);
    new_index[by_id[pos]] = pos;
  }
  before.rows = std::exchange(t.nodes, std::move(sorted));
  if (!t.node_details.empty()) {
    HugeVector<NodeDetails> details;
    details.reserve(t.node_details.size());
    for (NodeRow& r : t.nodes) {
      if (r.details != kNoNodeDetails) {
        details.push_back(t.node_details[r.details]);
        r.details = static_cast<uint32_t>(details.size() - 1);
      }
    }
    before.details = std::exchange(t.node_details, std::move(details));
  }
  return new_index;
}

// Edges by (source, type, target), parallel edges of one type between the same nodes in input
// order: a stable counting sort by source, then each row (a few edges) sorted by (type, target).
// Linear where a comparison sort of millions of records is not. `start`: where each source's
// edges begin, node_count + 1 of them (the forward CSR's row starts).
void sort_edges(HugeVector<EdgeRow>& edges, const std::vector<EdgeId>& start) {
  const std::size_t node_count = start.size() - 1;
  // The order is sorted as edge indexes, then the rows are copied once into it: scattering them
  // into a vector of default rows wrote all of them twice (1M decisions: 80 MB zeroed).
  HugeVector<EdgeId> order(edges.size());
  {
    HugeVector<EdgeId> next(start.begin(), start.end() - 1);
    for (EdgeId i = 0; i < edges.size(); ++i)
      order[next[edges[i].source]++] = i;
  }
  const auto before = [&](EdgeId a, EdgeId b) {
    return std::tie(edges[a].type, edges[a].target) < std::tie(edges[b].type, edges[b].target);
  };
  for (std::size_t v = 0; v < node_count; ++v) {
    const auto first = order.begin() + start[v], last = order.begin() + start[v + 1];
    // Most rows hold a few edges (a decision's five or so): an insertion sort, stable, where
    // std::stable_sort asked the heap for a buffer each time (1M decisions: 0.11–0.13 → 0.06–0.08
    // s).
    if (last - first > 32) {
      std::stable_sort(first, last, before);
      continue;
    }
    insertion_sort(first, last, before);
  }
  HugeVector<EdgeRow> sorted;
  sorted.reserve(edges.size());
  for (const EdgeId i : order)
    sorted.push_back(edges[i]);
  edges = std::move(sorted);
}

// Edge details in the order of what they hold, not of the first edge that had them; returns
// old index → new index. The order edges were added in then changes no byte: `build --update`
// hands the snapshot's edges to the resolver in an order that repeats every other write of the
// build, but not which of the edges sharing details came first.
std::vector<uint32_t> sort_edge_details(GraphTables& t) {
  auto key = [&](uint32_t i) {
    const EdgeDetails& d = t.edge_details[i];
    return std::tie(d.sources.begin, d.sources.count, d.properties.begin, d.properties.count,
                    d.claims.begin, d.claims.count);
  };
  std::vector<uint32_t> order(t.edge_details.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
  HugeVector<EdgeDetails> sorted;
  sorted.reserve(order.size());
  std::vector<uint32_t> new_index(order.size());
  for (uint32_t pos = 0; pos < order.size(); ++pos) {
    sorted.push_back(t.edge_details[order[pos]]);
    new_index[order[pos]] = pos;
  }
  t.edge_details = std::move(sorted);
  return new_index;
}

// Built-in types keep their ids; declared types follow in name order.
std::vector<RelTypeId> sort_relation_types(GraphTables& t) {
  std::vector<RelTypeId> order(t.relation_types.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin() + rel::kBuiltinCount, order.end(), [&](RelTypeId a, RelTypeId b) {
    return t.relation_types[a].name < t.relation_types[b].name;
  });
  std::vector<RelationType> sorted;
  std::vector<RelTypeId> new_id(order.size());
  for (std::size_t pos = 0; pos < order.size(); ++pos) {
    sorted.push_back(std::move(t.relation_types[order[pos]]));
    new_id[order[pos]] = static_cast<RelTypeId>(pos);
  }
  t.relation_types = std::move(sorted);
  return new_id;
}

}  // namespace

namespace {

// One direction of the graph in Boost's CSR layout: row starts, the other ends, and the edges'
// bundles. The in-edges have a structure of their own rather than the bidirectional graph's
// backward one, which holds each in-edge's forward position: the bundles were then gathered from
// those positions into a copy, so that walking in-edges reads memory in sequence (1M decisions:
// an index of 5M positions, 20 MB, and 5M scattered reads). Boost fills them in that order here.
using CsrRows = boost::detail::compressed_sparse_row_structure<EdgeBundle, VertexId, EdgeId>;

// Boost's CSR sizes its arrays with std::vector::resize: reserved here first, with huge pages,
// they are not faulted in 4 KB pages (1M decisions: 22,000 faults, a tenth of the freeze).
void reserve_csr_rows(CsrRows& rows, VertexId vertex_count, std::size_t edge_count) {
  reserve_huge(rows.m_rowstart, std::size_t{vertex_count} + 1);
  reserve_huge(rows.m_column, edge_count);
  reserve_huge(rows.m_edge_properties, edge_count);
}

// The in-edges' rows, as Boost's assign_unsorted_multi_pass_edges makes them from the transposed
// edges: a count by target, then each edge at its target's next place, in the order of the edges
// (the same arrays, byte for byte). Written out for the array of next places: Boost's is a
// std::vector copied from the row starts, faulted in 4 KB pages (1M decisions: 1.25M places, 5
// MB; perf's call graphs of the page faults counted some 1,250 in the in-edges' thread before,
// none after); here it is on huge pages.
void build_in_rows(const HugeVector<EdgeRow>& edges, VertexId vertex_count, CsrRows& rows) {
  reserve_csr_rows(rows, vertex_count, edges.size());
  std::vector<EdgeId>& start = rows.m_rowstart;
  start.assign(std::size_t{vertex_count} + 1, 0);
  for (const EdgeRow& e : edges)
    ++start[e.target + 1];
  for (std::size_t v = 1; v < start.size(); ++v)
    start[v] += start[v - 1];
  rows.m_column.resize(edges.size());
  rows.m_edge_properties.resize(edges.size());
  HugeVector<EdgeId> next(start.begin(), start.end() - 1);
  for (EdgeId i = 0; i < edges.size(); ++i) {
    const EdgeId at = next[edges[i].target]++;
    rows.m_column[at] = edges[i].source;
    rows.m_edge_properties[at] = EdgeBundle{i, edges[i].type};
  }
}

// What a frozen graph owns: the tables and the arrays Boost's CSR built, moved out of it.
struct OwnedArrays {
  GraphTables tables;
  HugeVector<Label> labels;
  std::vector<EdgeId> out_start, in_start;  // Boost's CSR's own
  std::vector<VertexId> out_other, in_other;
  std::vector<EdgeBundle> out_edges, in_edges;
  HugeVector<VertexId> label_nodes;
  HugeVector<NameKey> name_index;
  std::vector<uint64_t> relation_counts;
};

void build_label_index(OwnedArrays& o, std::array<uint32_t, kLabelCount + 1>& start) {
  std::array<uint32_t, kLabelCount + 1> count{};
  for (const Label l : o.labels)
    ++count[static_cast<std::size_t>(l) + 1];
  for (std::size_t l = 0; l < kLabelCount; ++l)
    count[l + 1] += count[l];
  start = count;
  o.label_nodes.resize(o.labels.size());
  for (VertexId v = 0; v < o.labels.size(); ++v)
    o.label_nodes[count[static_cast<std::size_t>(o.labels[v])]++] = v;
}

}  // namespace

Graph Graph::freeze(GraphTables tables) {
  auto o = std::make_shared<OwnedArrays>();
  o->tables = std::move(tables);
  GraphTables& t = o->tables;
  // The name index (folding and ordering some 2.5M keys at 1M decisions) reads the nodes and, once
  // built, is appended to the strings; nothing else here touches either, so it is built on a
  // second core while this one sorts the edges and builds the CSR. The resolver starts it before
  // the freeze, on the rows in their first order; otherwise it starts here on the sorted rows.
  // The result is the serial one either way.
  std::unique_ptr<NameIndexAside, NameIndexAsideDelete> name_index = std::move(t.name_index_aside);
  auto before = std::make_shared<NodesBeforeSort>();
  const std::vector<VertexId> new_vertex = sort_nodes_by_id(t, *before);
  if (name_index) {
    name_index->keep_until_built(std::move(before));  // the rows it reads
  } else {
    before.reset();  // read by no one: the index starts here on the sorted rows
    name_index.reset(new NameIndexAside(t, std::span<const VertexId>()));
  }
  const std::vector<RelTypeId> new_type = sort_relation_types(t);
  const std::vector<uint32_t> new_details = sort_edge_details(t);
  // The edges renumbered, and counted by source in the same pass: where each source's edges
  // begin is what sorting them needs and the forward CSR's row starts.
  std::vector<EdgeId> out_start;
  reserve_huge(out_start, t.nodes.size() + 1);
  out_start.resize(t.nodes.size() + 1, 0);
  for (EdgeRow& e : t.edges) {
    e.source = new_vertex[e.source];
    e.target = new_vertex[e.target];
    e.type = new_type[e.type];
    e.details = new_details[e.details];
    ++out_start[e.source + 1];
  }
  for (std::size_t v = 0; v < t.nodes.size(); ++v)
    out_start[v + 1] += out_start[v];
  sort_edges(t.edges, out_start);

  const auto bundle = [&t](EdgeId e) { return EdgeBundle{e, t.edges[e].type}; };
  const auto vertex_count = static_cast<VertexId>(t.nodes.size());
  // What Boost's constructor of a bidirectional CSR from unsorted edges does for the in-edges
  // (build_in_rows): by target, each with its bundle. The edges are sorted by source, so the
  // forward position of an edge is its place in t.edges. On a core of its own, beside the rest
  // (1M decisions: 80–90 ms, a third of the freeze): the name index the resolver started is
  // built by then, or nearly.
  CsrRows backward;
  std::exception_ptr backward_failed;
  std::jthread in_edges([&] {
    try {
      build_in_rows(t.edges, vertex_count, backward);
    } catch (...) {
      backward_failed = std::current_exception();
    }
  });
  // The forward rows are the sorted edges as they lie: Boost's placement of unsorted edges (a
  // count by source, then each edge at its source's next place) gives them in that same order,
  // in two passes more, with its arrays value-initialised first.
  o->out_start = std::move(out_start);
  reserve_huge(o->out_other, t.edges.size());
  reserve_huge(o->out_edges, t.edges.size());
  for (EdgeId i = 0; i < t.edges.size(); ++i) {
    o->out_other.push_back(t.edges[i].target);
    o->out_edges.push_back(bundle(i));
  }
  o->labels.reserve(t.nodes.size());
  for (const NodeRow& n : t.nodes)
    o->labels.push_back(n.label);
  GraphArrays a;
  build_label_index(*o, a.label_start);
  // Counted here, beside the in-edges, rather than by every query that plans (a pass over 5M
  // edges: Q2 of bench/compare.sh took 12 ms less at 1M decisions).
  o->relation_counts = count_relations(t.edges, o->labels, t.relation_types.size());
  o->name_index = attach_name_index(t, name_index->take());
  name_index.reset();
  in_edges.join();
  if (backward_failed)
    std::rethrow_exception(backward_failed);
  o->in_start = std::move(backward.m_rowstart);
  o->in_other = std::move(backward.m_column);
  o->in_edges = std::move(backward.m_edge_properties);

  a.strings = t.strings;
  a.nodes = t.nodes;
  a.node_details = t.node_details;
  a.edges = t.edges;
  a.edge_details = t.edge_details;
  a.sources = t.sources;
  a.source_refs = t.source_refs;
  a.string_refs = t.string_refs;
  a.identifiers = t.identifiers;
  a.properties = t.properties;
  a.claims = t.claims;
  a.labels = o->labels;
  a.out_start = o->out_start;
  a.out_other = o->out_other;
  a.out_edges = o->out_edges;
  a.in_start = o->in_start;
  a.in_other = o->in_other;
  a.in_edges = o->in_edges;
  a.label_nodes = o->label_nodes;
  a.name_index = o->name_index;
  a.relation_counts = o->relation_counts;
  std::vector<RelationType> types = std::move(o->tables.relation_types);
  return over(a, std::move(types), std::move(o));
}

Graph Graph::over(const GraphArrays& arrays, std::vector<RelationType> relation_types,
                  std::shared_ptr<const void> storage) {
  Graph g;
  g.a_ = arrays;
  g.relation_types_ = std::move(relation_types);
  g.storage_ = std::move(storage);
  return g;
}

std::optional<RelTypeId> Graph::find_relation_type(std::string_view name) const {
  for (std::size_t i = 0; i < relation_types_.size(); ++i) {
    if (relation_types_[i].name == name)
      return static_cast<RelTypeId>(i);
  }
  return std::nullopt;
}

const PropertyRecord* Graph::property(Range props, std::string_view key) const {
  for (const PropertyRecord& p : properties(props)) {
    if (str(p.key) == key)
      return &p;
  }
  return nullptr;
}

std::optional<VertexId> Graph::find_id(std::string_view id) const {
  auto it =
      std::lower_bound(a_.nodes.begin(), a_.nodes.end(), id,
                       [&](const NodeRow& n, std::string_view key) { return str(n.id) < key; });
  if (it == a_.nodes.end() || str(it->id) != id)
    return std::nullopt;
  return static_cast<VertexId>(it - a_.nodes.begin());
}

std::vector<VertexId> Graph::find_folded(std::string_view folded) const {
  return find_in_name_index(a_.name_index, a_.strings, folded);
}

}  // namespace jurigraph::graph
