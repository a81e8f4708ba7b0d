// What one dataset file says, read off its validated JSON: nodes, edges still naming their
// endpoints by id, sources and declared relation types. Strings are views into the file's
// document; lists live in flat per-file tables (Range) rather than in per-record vectors.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <string_view>
#include <vector>

#include "base/huge_pages.hpp"
#include "base/text_arena.hpp"
#include "graph/model.hpp"

namespace jurigraph::ingest {

struct FileIds;  // id_index.hpp

using graph::Range;

// The section of a dataset file a record comes from; with its index it makes a JSON pointer.
enum class Section : uint8_t { entities, decisions, relations, vocabulary };
std::string_view section_name(Section section);

struct SourceSpec {
  std::string_view url, title, publisher, note;
  int32_t date = 0;
  graph::SourceKind kind = graph::SourceKind::unspecified;
};

struct PropertySpec {
  std::string_view key;
  graph::ValueKind kind = graph::ValueKind::string;
  std::string_view text;
  int64_t integer = 0;
  double number = 0;
};

struct ClaimSpec {
  std::string_view property;
  std::string value;  // as text
  std::string_view note;
  Range sources;       // into FileRecords::source_refs
  uint32_t index = 0;  // position in the record's claims array
  // Set only for a claim a graph snapshot already holds (build --update): where it was first
  // made (file:line:col) and whether it was the authoritative value. A dataset file's claims are
  // placed at their record and are never authoritative.
  std::string_view origin;
  bool authoritative = false;
};

// What a node's record says beyond the fields every large dataset fills: texts and lists most
// nodes of a big graph lack (a generated one: all of them), kept aside so that a NodeSpec is 104
// bytes, not 200 (1M decisions: 120 MB less to write while reading).
struct NodeDetails {
  std::string_view country, description, number, summary;
  Range aliases;      // into FileRecords::strings
  Range identifiers;  // into FileRecords::identifiers
  Range claims;       // into FileRecords::claims

  bool empty() const {
    return country.empty() && description.empty() && number.empty() && summary.empty() &&
           aliases.count == 0 && identifiers.count == 0 && claims.count == 0;
  }
};
inline constexpr NodeDetails kNoNodeDetails{};
inline constexpr uint32_t kNoDetails = 0xFFFFFFFF;

struct NodeSpec {
  graph::Label label = graph::Label::Company;
  Section section = Section::entities;
  uint32_t record = 0;
  std::string_view id, name;
  std::string_view kind, currency;  // decisions
  int32_t date = 0;
  uint32_t details = kNoDetails;  // into FileRecords::details (node_details)
  int64_t amount = -1;
  Range properties;  // into FileRecords::properties
  Range sources;     // into FileRecords::source_refs
};
static_assert(sizeof(NodeSpec) == 104, "NodeSpec grew: millions of them are in memory at once");

// The field of a decision an edge is written in; `relation` for an edge of its own.
enum class EdgeField : uint8_t { relation, issued_by, against, appeal_of, cites };
// Each field's name in a decision record and the type of the edges it makes, by EdgeField; both
// empty for `relation` (an edge of its own names its type).
struct EdgeFieldInfo {
  std::string_view name, relation_type;
};
inline constexpr EdgeFieldInfo kEdgeFields[] = {{},
                                                {"issued_by", "ISSUED_BY"},
                                                {"against", "AGAINST"},
                                                {"appeal_of", "APPEAL_OF"},
                                                {"cites", "CITES"}};
inline constexpr std::size_t kEdgeFieldCount = std::size(kEdgeFields);
static_assert(static_cast<std::size_t>(EdgeField::cites) + 1 == kEdgeFieldCount);
inline std::string_view edge_field_name(EdgeField field) {
  return kEdgeFields[static_cast<std::size_t>(field)].name;
}
inline std::string_view field_relation_type(EdgeField field) {
  return kEdgeFields[static_cast<std::size_t>(field)].relation_type;
}

// An edge's ends and type as the resolver finds them: the slots of its ids in the resolver's id
// table (the vertices they become) and the index of its type among the relation types. kNoSlot
// where not found.
inline constexpr uint32_t kNoSlot = 0xFFFFFFFF;
struct ResolvedEnds {
  uint32_t from = kNoSlot;
  uint32_t to = kNoSlot;
  uint32_t type = kNoSlot;
};

// The texts of records kept by the million (an edge's target, a relation's start and type) are
// held as a pointer stored as bytes and a 16-bit length: a view takes 16 bytes on an 8-byte
// boundary, these 10 on a 4-byte one. Ids are at most 200 bytes (the schema); a longer text,
// which only a crafted snapshot could hold, is cut at 65,535 bytes, so it names nothing and is
// reported unknown.
using PointerBytes = unsigned char[sizeof(const char*)];
inline std::string_view packed_text(const PointerBytes& at, uint16_t size) {
  const char* text = nullptr;
  std::memcpy(&text, at, sizeof text);
  return {text, size};
}
inline void pack_text(std::string_view text, PointerBytes& at, uint16_t& size) {
  const char* const data = text.data();
  std::memcpy(at, &data, sizeof data);
  size = static_cast<uint16_t>(std::min<std::size_t>(text.size(), 0xFFFF));
}

// An edge's property list (into FileRecords::properties) and sources (into
// FileRecords::source_refs).
struct EdgeLists {
  Range properties;
  Range sources;
  bool operator==(const EdgeLists&) const = default;
};

// Millions of these live until the graph tables are built (1M decisions: 5M of them). The target
// is packed (pack_text). An edge written in a decision starts at the decision: it names it by its
// node's place in FileRecords::nodes, and its type comes from its field; an edge of its own keeps
// its start, type, claims and lists aside (RelationSpec). The lists of an edge written in a
// decision are kept aside too (FileRecords::edge_lists), one entry for a run of edges that have
// the same: a decision's issued_by and against edges share its sources and have no properties,
// its citations mostly share one role. Its place in its field's list (against/2) is not kept:
// the decision's edges are written one after another, field by field (edge_item).
// 24 bytes an edge, where views and three ranges took 88, and the lists in place 40.
// The resolver puts the ends it finds in place of the target and the decision's place
// (set_resolved), and writes them back for a further round (the decision's place found again by
// its record): a table of the ends beside the edges took 60 MB more at the peak (1M decisions).
struct EdgeSpec {
 private:
  // The target as written and the decision's node (to(), from_node()) until set_resolved, then
  // the ends as found (resolved()). 12 bytes on a 4-byte boundary, so that the fields below
  // follow without padding.
  union Ends {
    struct {
      PointerBytes to;
      uint32_t from_node;
    } text;
    ResolvedEnds resolved;
  } ends_{.text = {{}, 0}};
  uint16_t to_size_ = 0;

 public:
  Section section = Section::relations;
  EdgeField field = EdgeField::relation;
  // Where the edge is written: /decisions/3/against/0, /relations/5.
  uint32_t record = 0;
  // For an edge of its own (field `relation`): the index of its start, type, claims and lists in
  // FileRecords::relations; for an edge written in a decision, of its lists in
  // FileRecords::edge_lists.
  uint32_t aside = 0;

  // The target's id, until set_resolved.
  std::string_view to() const { return packed_text(ends_.text.to, to_size_); }
  void set_to(std::string_view id) { pack_text(id, ends_.text.to, to_size_); }
  // For an edge written in a decision: the decision's place in FileRecords::nodes, until
  // set_resolved (see edge_from).
  uint32_t from_node() const { return ends_.text.from_node; }
  void set_from_node(uint32_t node) { ends_.text.from_node = node; }
  // The ends and type found, from set_resolved on; the target and the decision's place are gone
  // then.
  const ResolvedEnds& resolved() const { return ends_.resolved; }
  void set_resolved(const ResolvedEnds& ends) { ends_.resolved = ends; }
};
static_assert(sizeof(EdgeSpec) == 24, "EdgeSpec grew: millions of them are in memory at once");

// What an edge of its own has beyond an EdgeSpec: its start, its type, its claims and its lists.
// Every edge of a snapshot updated (build --update) is one: 44 bytes, where views took 56.
class RelationSpec {
 public:
  RelationSpec() = default;
  RelationSpec(std::string_view type, Range claims, std::string_view from, EdgeLists lists)
      : claims(claims), lists(lists) {
    set_type(type);
    set_from(from);
  }
  std::string_view type() const { return packed_text(type_, type_size_); }
  std::string_view from() const { return packed_text(from_, from_size_); }
  void set_type(std::string_view type) { pack_text(type, type_, type_size_); }
  void set_from(std::string_view id) { pack_text(id, from_, from_size_); }

 private:
  PointerBytes type_ = {}, from_ = {};
  uint16_t type_size_ = 0, from_size_ = 0;

 public:
  Range claims;  // into FileRecords::claims
  EdgeLists lists;
};
static_assert(sizeof(RelationSpec) == 44, "RelationSpec grew: a snapshot update has one an edge");

struct RelationTypeSpec {
  graph::RelationType type;
  uint32_t index = 0;  // in /vocabulary/relation_types
};

// Where a `sources` list is written, so that a diagnostic can name it without the reader composing
// a JSON pointer for every list: /decisions/3/sources, /decisions/3/appeal_of/0/sources.
struct SourceListOwner {
  enum Field : uint8_t { record, appeal_of, cites, claims };
  Section section = Section::entities;
  Field field = record;
  uint32_t record_index = 0;
  uint32_t item = 0;  // in appeal_of, cites or claims
};

// Sources named by `key` in `sources` lists: the `count` slots of FileRecords::source_refs from
// `ref` on. Keys are resolved once the whole file is read: in JSON Lines the `sources` line may
// come after the records that cite it. Most records of a large file cite the same source, so
// one reference covers the lists of many records: a reference a slot, which also said where its
// list is written, took 40 bytes each (1M decisions: 55 MB while reading). Where a list is
// written is found from the records that hold it, when its key turns out unknown.
struct SourceKeyRef {
  uint32_t ref = 0;
  uint32_t count = 0;
  std::string_view key;
};

// The tables that grow to many MB are on huge pages (base/huge_pages.hpp): they were written
// in 4 KB pages as they grew, a fault each.
struct FileRecords {
  std::vector<SourceSpec> sources;
  HugeVector<uint32_t> source_refs;
  HugeVector<std::string_view> strings;
  HugeVector<std::pair<std::string_view, std::string_view>> identifiers;
  HugeVector<PropertySpec> properties;
  std::vector<ClaimSpec> claims;
  HugeVector<NodeSpec> nodes;
  HugeVector<NodeDetails> details;  // of the nodes that have any, by NodeSpec::details
  HugeVector<EdgeSpec> edges;
  HugeVector<RelationSpec> relations;  // of the edges of their own, by EdgeSpec::aside
  HugeVector<EdgeLists> edge_lists;    // of the edges written in decisions, by EdgeSpec::aside
  std::vector<RelationTypeSpec> relation_types;
  // Until finish_records: the keys of the file's "sources" table (key → index in `sources`, in
  // the order written) and the key references waiting for them.
  std::vector<std::pair<std::string_view, uint32_t>> source_keys;
  HugeVector<SourceKeyRef> source_key_refs;
  // The text the views above point into when the buffer they were read from is not kept (JSON
  // Lines: see RecordTextKeeper); empty otherwise.
  TextArena text;
  // In the first part of a JSON Lines file: the file's ids as its reading looked them up, for
  // the resolver to take over (see FileIds); null otherwise.
  std::shared_ptr<FileIds> ids;
};

// The details of node n of `records`: empty ones when it has none.
inline const NodeDetails& node_details(const FileRecords& records, const NodeSpec& n) {
  return n.details == kNoDetails ? kNoNodeDetails : records.details[n.details];
}
// Gives n the details `d`, unless they are empty.
inline void set_node_details(FileRecords& records, NodeSpec& n, const NodeDetails& d) {
  if (d.empty())
    return;
  n.details = static_cast<uint32_t>(records.details.size());
  records.details.push_back(d);
}

// The id edge e starts at, until the resolver puts the ends it finds in its place: its
// decision's for an edge written in a decision, its own `from` for an edge of its own.
inline std::string_view edge_from(const FileRecords& records, const EdgeSpec& e) {
  return e.field == EdgeField::relation ? records.relations[e.aside].from()
                                        : records.nodes[e.from_node()].id;
}

// The JSON pointer of a record, or of one of its fields: /decisions/3, /decisions/3/against/0.
std::string record_pointer(Section section, uint32_t record);
// `edge` is one of records.edges.
std::string edge_pointer(const FileRecords& records, const EdgeSpec& edge);
// The place of an edge written in a decision in its field's list: 2 for /decisions/3/against/2
// (0 for issued_by). Counted back along the decision's edges of that field, which are written one
// after another: only a diagnostic asks. `edge` is one of records.edges.
uint32_t edge_item(const FileRecords& records, const EdgeSpec& edge);
// The property list and sources of an edge.
inline const EdgeLists& edge_lists(const FileRecords& records, const EdgeSpec& e) {
  return e.field == EdgeField::relation ? records.relations[e.aside].lists
                                        : records.edge_lists[e.aside];
}
// The type of an edge: its field's (ISSUED_BY for issued_by, …), or its own for a relation.
std::string_view edge_type(const FileRecords& records, const EdgeSpec& edge);
// The claims written on an edge: only an edge of its own has any.
Range edge_claims(const FileRecords& records, const EdgeSpec& edge);
// The pointer of a `sources` list: /decisions/3/appeal_of/0/sources.
std::string sources_pointer(const SourceListOwner& owner);

}  // namespace jurigraph::ingest
