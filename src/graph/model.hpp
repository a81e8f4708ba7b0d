// The graph's public data model: labels, relationship types and the fixed-size records that
// hold node and edge properties. Records refer to strings and lists by offset (StrRef, Range)
// into tables owned by the graph, so the whole model is a handful of flat arrays: cheap to build
// for millions of decisions, and ready to be written to and mapped from a snapshot.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jurigraph::graph {

enum class Label : uint8_t { Company, Authority, Court, Decision, Provision, Person };
inline constexpr std::size_t kLabelCount = 6;
inline constexpr std::array<Label, kLabelCount> kAllLabels = {Label::Company,   Label::Authority,
                                                              Label::Court,     Label::Decision,
                                                              Label::Provision, Label::Person};

std::string_view label_name(Label label);
std::optional<Label> parse_label(std::string_view name);

using VertexId = uint32_t;
using EdgeId = uint32_t;
using RelTypeId = uint16_t;

// The record fields a node shows as properties, to queries (n.name) and exports, in key order. A
// property or identifier given one of these names is hidden by the field (a dataset gets a
// warning), and a property by an identifier of its name.
inline constexpr std::string_view kNodeFieldNames[] = {
    "aliases", "amount", "country", "currency", "date",   "description",
    "id",      "kind",   "name",    "number",   "summary"};
// The place of `key` in kNodeFieldNames, or nullopt when no field has that name.
constexpr std::optional<std::size_t> node_field_index(std::string_view key) {
  for (std::size_t i = 0; i < std::size(kNodeFieldNames); ++i) {
    if (kNodeFieldNames[i] == key)
      return i;
  }
  return std::nullopt;
}

// Relationship types every graph knows; datasets declare further ones in their vocabulary.
namespace rel {
inline constexpr RelTypeId kIssuedBy = 0;         // Decision → Authority | Court
inline constexpr RelTypeId kAgainst = 1;          // Decision → Company (the respondent)
inline constexpr RelTypeId kAppealOf = 2;         // later Decision → the Decision it rules on
inline constexpr RelTypeId kCites = 3;            // Decision → Provision
inline constexpr RelTypeId kSubcontractorOf = 4;  // processor Company → controller Company
inline constexpr RelTypeId kBuiltinCount = 5;
}  // namespace rel

struct RelationType {
  std::string name;
  std::string description;
  std::vector<Label> from;
  std::vector<Label> to;
  bool builtin = false;

  bool allows(Label source, Label target) const;
};

// The built-in relationship types, in the order of their ids.
std::vector<RelationType> builtin_relation_types();

// A string in the graph's string table.
struct StrRef {
  uint32_t offset = 0;
  uint32_t length = 0;
  bool empty() const { return length == 0; }
};

// A slice of one of the graph's list tables.
struct Range {
  uint32_t begin = 0;
  uint32_t count = 0;
  bool operator==(const Range&) const = default;  // the same slice, not equal contents
};

enum class SourceKind : uint8_t { unspecified, official, press, secondary, database };
std::string_view source_kind_name(SourceKind kind);
std::optional<SourceKind> parse_source_kind(std::string_view name);

struct SourceRecord {
  StrRef url;
  StrRef title;
  StrRef publisher;
  StrRef note;
  int32_t date = 0;  // YYYYMMDD, 0 when unknown
  SourceKind kind = SourceKind::unspecified;
};

struct IdentifierRecord {
  StrRef scheme;  // ecli, legifrance, siren, wikidata…
  StrRef value;
};

enum class ValueKind : uint8_t { string, integer, number, boolean };

// A scalar property value as text: strings as they are, numbers in their shortest exact form.
std::string value_text(ValueKind kind, std::string_view text, int64_t integer, double number);

struct PropertyRecord {
  StrRef key;
  ValueKind kind = ValueKind::string;
  StrRef text;          // string
  int64_t integer = 0;  // integer, boolean (0 or 1)
  double number = 0;    // number
};

// One source's value for one property. When sources disagree, every value is kept as a claim
// and exactly one per property is marked authoritative (the one the record shows).
struct ClaimRecord {
  StrRef property;
  StrRef value;   // as text, e.g. "2014-08-07", "240000"
  StrRef origin;  // file:line:col of the record that made the claim
  StrRef note;
  Range sources;  // into source_refs
  bool authoritative = false;
};

// A node whole: what ingestion adds and Graph::node returns. A graph stores it as a NodeRow and,
// when it has any of the fields most nodes of a large graph lack, a NodeDetails.
struct NodeRecord {
  StrRef id;
  StrRef name;
  StrRef country;
  StrRef description;
  // Decision only.
  StrRef kind;
  StrRef number;
  StrRef currency;
  StrRef summary;
  int32_t date = 0;     // YYYYMMDD, 0 when unknown
  int64_t amount = -1;  // hundredths of `currency`; -1 when there is no amount
  Range aliases;        // into string_refs
  Range identifiers;    // into identifiers
  Range properties;     // into properties
  Range sources;        // into source_refs
  Range claims;         // into claims
  Label label = Label::Company;
};

// What a node says beyond the fields every node of a large graph fills: texts and lists that
// most nodes of a generated graph lack, and that the shipped datasets give. Kept aside so that a
// node's row is 64 bytes, not 128 (1M decisions: 80 MB less to build, sort, write and map).
struct NodeDetails {
  StrRef country;
  StrRef description;
  StrRef number;   // decision only
  StrRef summary;  // decision only
  Range aliases;
  Range identifiers;
  Range properties;
  Range claims;
};
inline constexpr uint32_t kNoNodeDetails = 0xFFFFFFFF;

// How a graph stores a node: its id, name, label and what decisions of a large graph all have;
// the rest in node_details[details], or nothing there (kNoNodeDetails). No padding: the
// snapshot writes rows as they are in memory.
struct NodeRow {
  StrRef id;
  StrRef name;
  StrRef kind;      // decision only
  StrRef currency;  // decision only
  int64_t amount = -1;
  Range sources;
  int32_t date = 0;
  uint32_t details = kNoNodeDetails;  // into node_details
  Label label = Label::Company;
  std::array<uint8_t, 7> unused{};  // written as zero
};

// The details of `n`, and whether it has any (a node without them has no NodeDetails).
NodeDetails details_of(const NodeRecord& n);
bool has_details(const NodeDetails& d);
// `n`'s row, pointing at its details.
NodeRow row_of(const NodeRecord& n, uint32_t details);
// The node whole, from its row and the table its `details` index points into.
NodeRecord joined(const NodeRow& row, std::span<const NodeDetails> details);

// An edge whole: its ends, its type and its details. What ingestion adds and Graph::edge returns;
// a graph stores it as an EdgeRow and an EdgeDetails.
struct EdgeRecord {
  VertexId source = 0;
  VertexId target = 0;
  RelTypeId type = 0;
  Range properties;  // e.g. outcome and solution on APPEAL_OF, role on CITES
  Range sources;
  Range claims;
};

// What an edge says beyond its ends and type. Stored once per distinct combination and shared:
// the edges of one record have the record's sources, most have no properties or the same few,
// and few have claims, so a graph of millions of edges holds far fewer of these.
struct EdgeDetails {
  Range properties;
  Range sources;
  Range claims;
};

// How a graph stores an edge: 16 bytes where the whole record takes 36, and edges are most of a
// graph's records (at a million decisions, 5 million of them: a sixth of the snapshot saved).
struct EdgeRow {
  VertexId source = 0;
  VertexId target = 0;
  RelTypeId type = 0;
  uint16_t unused = 0;   // written as zero
  uint32_t details = 0;  // into edge_details
};

}  // namespace jurigraph::graph
