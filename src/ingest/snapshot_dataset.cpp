#include "ingest/snapshot_dataset.hpp"

#include <algorithm>
#include <charconv>
#include <memory>
#include <numeric>
#include <tuple>

#include "ingest/decision_name.hpp"

namespace jurigraph::ingest {
namespace {

using graph::Graph;
using graph::Range;

// The section and index a dataset pointer starts with: /decisions/12/against/0 → decisions, 12.
struct PointerHead {
  std::string_view section;
  uint32_t index = 0;
  bool has_index = false;
};

PointerHead head_of(std::string_view pointer) {
  PointerHead h;
  if (pointer.empty() || pointer[0] != '/')
    return h;
  pointer.remove_prefix(1);
  const std::size_t slash = pointer.find('/');
  h.section = pointer.substr(0, slash);
  if (slash == std::string_view::npos)
    return h;
  std::string_view rest = pointer.substr(slash + 1);
  if (h.section == "vocabulary") {  // /vocabulary/relation_types/N
    const std::size_t next = rest.find('/');
    rest = next == std::string_view::npos ? std::string_view{} : rest.substr(next + 1);
  }
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), h.index);
  h.has_index = ec == std::errc{} && end != rest.data();
  return h;
}

// A node's sources as the resolver first listed them. It writes a definition's list, then the
// node's merged list right after: for a node of one definition the two are equal, and claims
// made from the definition's sources point at the first. Presenting that one lets the resolver
// share it again as it did, instead of writing a copy.
Range definition_sources(const Graph& g, Range merged) {
  const std::span<const uint32_t> refs = g.arrays().source_refs;
  if (merged.count == 0 || merged.begin < merged.count)
    return merged;
  const Range before{merged.begin - merged.count, merged.count};
  const bool same = std::equal(refs.begin() + before.begin, refs.begin() + merged.begin,
                               refs.begin() + merged.begin);
  return same ? before : merged;
}

// Vertices in the order the resolver made them: each node's id is the first string it stored
// for it, so the ids' offsets in the string table give that order back.
std::vector<graph::VertexId> creation_order_of_nodes(const Graph& g) {
  std::vector<std::pair<uint32_t, graph::VertexId>> keys(g.node_count());
  for (graph::VertexId v = 0; v < keys.size(); ++v)
    keys[v] = {g.node(v).id.offset, v};
  std::sort(keys.begin(), keys.end());
  std::vector<graph::VertexId> order(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i)
    order[i] = keys[i].second;
  return order;
}

// Edges in the order the resolver made them. It appends each edge's properties, claims and new
// source lists at the ends of their tables, so where they begin never decreases from one edge
// to the next. Edges that tie on all three wrote nothing there except perhaps the last of them
// (the one with properties or claims); their order otherwise changes no byte, and freezing keeps
// parallel edges in the order given, which the edge index still has.
std::vector<graph::EdgeId> creation_order_of_edges(const Graph& g) {
  struct Key {
    uint32_t sources, properties, claims;
    bool wrote;
    graph::EdgeId edge;
    bool operator<(const Key& o) const {
      return std::tie(sources, properties, claims, wrote, edge) <
             std::tie(o.sources, o.properties, o.claims, o.wrote, o.edge);
    }
  };
  // Keys read in one pass, then sorted: sorting edge indexes through the records would fetch
  // two records from all over the table at every comparison.
  std::vector<Key> keys(g.edge_count());
  for (graph::EdgeId e = 0; e < keys.size(); ++e) {
    const graph::EdgeRecord& r = g.edge(e);
    keys[e] = {r.sources.begin, r.properties.begin, r.claims.begin,
               r.properties.count + r.claims.count > 0, e};
  }
  std::sort(keys.begin(), keys.end());
  std::vector<graph::EdgeId> order(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i)
    order[i] = keys[i].edge;
  return order;
}

void add_tables(const Graph& g, FileRecords& r) {
  const graph::GraphArrays& a = g.arrays();
  r.sources.reserve(a.sources.size());
  for (const graph::SourceRecord& s : a.sources)
    r.sources.push_back(
        {g.str(s.url), g.str(s.title), g.str(s.publisher), g.str(s.note), s.date, s.kind});
  // The graph's lists keep their indexes here, so every Range of the graph reads the same.
  r.source_refs.assign(a.source_refs.begin(), a.source_refs.end());
  r.strings.reserve(a.string_refs.size());
  for (const graph::StrRef s : a.string_refs)
    r.strings.push_back(g.str(s));
  r.identifiers.reserve(a.identifiers.size());
  for (const graph::IdentifierRecord& i : a.identifiers)
    r.identifiers.emplace_back(g.str(i.scheme), g.str(i.value));
  r.properties.reserve(a.properties.size());
  for (const graph::PropertyRecord& p : a.properties)
    r.properties.push_back({g.str(p.key), p.kind, g.str(p.text), p.integer, p.number});
  r.claims.reserve(a.claims.size());
  for (const graph::ClaimRecord& c : a.claims) {
    ClaimSpec spec;
    spec.property = g.str(c.property);
    spec.value = std::string(g.str(c.value));
    spec.note = g.str(c.note);
    spec.sources = c.sources;
    spec.origin = g.str(c.origin);
    spec.authoritative = c.authoritative;
    r.claims.push_back(std::move(spec));
  }
}

void add_nodes(const Graph& g, FileRecords& r) {
  r.nodes.reserve(g.node_count());
  std::string scratch;
  for (const graph::VertexId v : creation_order_of_nodes(g)) {
    const graph::NodeRecord& n = g.node(v);
    NodeSpec spec;
    spec.label = n.label;
    spec.id = g.str(n.id);
    spec.name = g.str(n.name);
    if (n.label == graph::Label::Decision && has_default_decision_name(g, v, scratch))
      spec.name = {};
    NodeDetails details;
    details.country = g.str(n.country);
    details.description = g.str(n.description);
    spec.kind = g.str(n.kind);
    details.number = g.str(n.number);
    spec.currency = g.str(n.currency);
    details.summary = g.str(n.summary);
    spec.date = n.date;
    spec.amount = n.amount;
    details.aliases = n.aliases;
    details.identifiers = n.identifiers;
    spec.properties = n.properties;
    spec.sources = definition_sources(g, n.sources);
    details.claims = n.claims;
    set_node_details(r, spec, details);
    spec.section = n.label == graph::Label::Decision ? Section::decisions : Section::entities;
    spec.record = v;
    r.nodes.push_back(spec);
  }
}

void add_edges(const Graph& g, FileRecords& r) {
  // Ids by vertex, a dense array the edges look up (not the node records, 128 bytes apart).
  std::vector<std::string_view> ids(g.node_count());
  for (graph::VertexId v = 0; v < ids.size(); ++v)
    ids[v] = g.str(g.node(v).id);
  r.edges.reserve(g.edge_count());
  r.relations.reserve(g.edge_count());
  for (const graph::EdgeId e : creation_order_of_edges(g)) {
    const graph::EdgeRecord& rec = g.edge(e);
    EdgeSpec spec;
    spec.aside = static_cast<uint32_t>(r.relations.size());
    r.relations.push_back({g.relation_type(rec.type).name, rec.claims, ids[rec.source],
                           EdgeLists{rec.properties, rec.sources}});
    spec.set_to(ids[rec.target]);
    spec.section = Section::relations;
    spec.record = e;
    r.edges.push_back(spec);
  }
}

void add_relation_types(const Graph& g, FileRecords& r) {
  for (std::size_t t = 0; t < g.relation_types().size(); ++t) {
    if (!g.relation_type(static_cast<graph::RelTypeId>(t)).builtin)
      r.relation_types.push_back(
          {g.relation_type(static_cast<graph::RelTypeId>(t)), static_cast<uint32_t>(t)});
  }
}

}  // namespace

std::string SnapshotFile::what(std::string_view pointer) const {
  const PointerHead h = head_of(pointer);
  if (!h.has_index)
    return {};
  if ((h.section == "entities" || h.section == "decisions") && h.index < graph_.node_count())
    return std::string(graph_.str(graph_.node(h.index).id));
  if (h.section == "relations" && h.index < graph_.edge_count()) {
    const graph::EdgeRecord& e = graph_.edge(h.index);
    return std::string(graph_.str(graph_.node(e.source).id)) + " —" +
           graph_.relation_type(e.type).name + "→ " +
           std::string(graph_.str(graph_.node(e.target).id));
  }
  if (h.section == "vocabulary" && h.index < graph_.relation_types().size())
    return "relation type " + graph_.relation_type(static_cast<graph::RelTypeId>(h.index)).name;
  return {};
}

Location SnapshotFile::locate(std::string_view pointer) const {
  return Location(path_, 0, 0, what(pointer));
}

Diagnostic SnapshotFile::diagnostic(Severity severity, std::string_view pointer,
                                    std::string message) const {
  return Diagnostic{severity, locate(pointer), std::move(message), {}};
}

LoadedFile snapshot_as_dataset(graph::Graph graph, const std::string& path) {
  LoadedFile lf;
  auto file = std::make_unique<SnapshotFile>(std::move(graph), path);
  // Views are taken once the graph is where it stays (its relation type names are strings of
  // its own, which a move could relocate).
  const Graph& g = file->graph();
  add_tables(g, lf.records);
  add_nodes(g, lf.records);
  add_edges(g, lf.records);
  add_relation_types(g, lf.records);
  lf.file_ptr = std::move(file);
  lf.accepted = true;
  lf.from_snapshot = true;
  return lf;
}

namespace {

// The issuer's name as default_decision_name uses it: its first alias, else its name.
std::string_view issuer_short_name(const Graph& g, graph::VertexId decision) {
  std::string_view name;
  for (const graph::EdgeBundle& b : g.out_adjacency(decision).edges) {
    if (b.type != graph::rel::kIssuedBy)
      continue;
    const graph::NodeRecord& issuer = g.node(g.edge(b.id).target);
    const std::span<const graph::StrRef> aliases = g.strings(issuer.aliases);
    name = g.str(aliases.empty() ? issuer.name : aliases.front());
  }
  return name;
}

}  // namespace

std::string default_decision_name(const graph::Graph& g, graph::VertexId decision) {
  const graph::NodeRecord& n = g.node(decision);
  return made_decision_name(issuer_short_name(g, decision), g.str(n.kind), g.str(n.number), n.date);
}

bool has_default_decision_name(const graph::Graph& g, graph::VertexId decision,
                               std::string& scratch) {
  const graph::NodeRecord& n = g.node(decision);
  write_made_decision_name(scratch, issuer_short_name(g, decision), g.str(n.kind), g.str(n.number),
                           n.date);
  return g.str(n.name) == scratch;
}

}  // namespace jurigraph::ingest
