#include "ingest/dataset_reader.hpp"

#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "base/calendar.hpp"
#include "base/concat.hpp"
#include "base/huge_pages.hpp"
#include "base/short_text.hpp"
#include "ingest/id_index.hpp"
#include "ingest/json_nodes.hpp"
#include "ingest/member_table.hpp"
#include "ingest/text_hash.hpp"

namespace jurigraph::ingest {
namespace {

// The text of obj's member `name`; empty when there is none.
template <typename JsonNode>
std::string_view member_text(JsonNode obj, std::string_view name) {
  const JsonNode v = obj.find(name);
  return v ? v.string() : std::string_view{};
}

// Kind words for the names of decisions that do not give one.
constexpr std::string_view kDecisionFields[] = {"name",   "kind",     "date",    "number",
                                                "amount", "currency", "summary", "country"};
constexpr std::string_view kEntityFields[] = {"name", "country", "description"};

// The members of a decision record, found in one pass (MemberTable), by these indexes.
enum DecisionMember : std::size_t {
  kDecisionId,
  kDecisionName,
  kDecisionKind,
  kDecisionNumber,
  kDecisionCountry,
  kDecisionCurrency,
  kDecisionSummary,
  kDecisionDate,
  kDecisionAmount,
  kDecisionIdentifiers,
  kDecisionProperties,
  kDecisionSources,
  kDecisionClaims,
  kDecisionIssuedBy,
  kDecisionAgainst,
  kDecisionAppealOf,
  kDecisionCites,
  kDecisionMemberCount
};
constexpr MemberTable<kDecisionMemberCount> kDecisionMembers(
    std::array<std::string_view, kDecisionMemberCount>{
        "id", "name", "kind", "number", "country", "currency", "summary", "date", "amount",
        "identifiers", "properties", "sources", "claims", "issued_by", "against", "appeal_of",
        "cites"});

}  // namespace

class RecordReader::Impl {
 public:
  Impl(const DatasetFile& where, FileRecords& out, Diagnostics& diagnostics)
      : file_(where), out_(out), diagnostics_(diagnostics) {}

  bool ok() const { return ok_; }

  template <typename JsonNode>
  void read_source_table(JsonNode table) {
    for (const auto m : table.members()) {
      out_.source_keys.emplace_back(m.name, static_cast<uint32_t>(out_.sources.size()));
      out_.sources.push_back(
          read_source_fields(m.value, [&] { return "/sources/" + pointer_token(m.name); }));
    }
  }

  template <typename JsonNode>
  void read_vocabulary(JsonNode vocab, uint32_t first_index) {
    const JsonNode types = vocab.find("relation_types");
    if (!types)
      return;
    const auto builtins = graph::builtin_relation_types();
    uint32_t i = 0;
    for (const JsonNode t : types.items()) {
      RelationTypeSpec spec;
      spec.index = first_index + i++;
      spec.type.name = std::string(member_text(t, "type"));
      spec.type.description = std::string(member_text(t, "description"));
      for (const JsonNode l : t.find("from").items())
        spec.type.from.push_back(*graph::parse_label(l.string()));
      for (const JsonNode l : t.find("to").items())
        spec.type.to.push_back(*graph::parse_label(l.string()));
      const bool builtin =
          std::any_of(builtins.begin(), builtins.end(),
                      [&](const graph::RelationType& b) { return b.name == spec.type.name; });
      if (builtin) {
        error("/vocabulary/relation_types/" + std::to_string(spec.index) + "/type",
              spec.type.name + " is a built-in relation type and cannot be declared again");
        continue;
      }
      out_.relation_types.push_back(std::move(spec));
    }
  }

  template <typename JsonNode>
  void read_entity(JsonNode v, uint32_t index) {
    NodeSpec n;
    n.section = Section::entities;
    n.record = index;
    n.label = graph::parse_label(member_text(v, "label")).value_or(graph::Label::Company);
    n.id = member_text(v, "id");
    n.name = member_text(v, "name");
    NodeDetails d;
    d.country = member_text(v, "country");
    d.description = member_text(v, "description");
    d.aliases = read_string_list(v, "aliases");
    const JsonNode identifiers = v.find("identifiers");
    const JsonNode properties = v.find("properties");
    d.identifiers = read_identifiers(identifiers);
    n.properties = read_properties(properties);
    n.sources = read_sources(v, {Section::entities, SourceListOwner::record, index, 0});
    d.claims = read_claims(v, Section::entities, index, kEntityFields);
    set_node_details(out_, n, d);
    out_.nodes.push_back(n);
    warn_hidden_keys(identifiers, properties, Section::entities, index);
  }

  template <typename JsonNode>
  void read_decision(JsonNode v, uint32_t index) {
    // Pointers are composed only when there is an error to report: the hot path allocates none.
    auto pointer = [&] { return record_pointer(Section::decisions, index); };
    std::array<JsonNode, kDecisionMemberCount> m;
    kDecisionMembers.find(v, m);
    const auto text = [&](DecisionMember i) { return m[i] ? m[i].string() : std::string_view{}; };
    NodeSpec n;
    n.section = Section::decisions;
    n.record = index;
    n.label = graph::Label::Decision;
    n.id = text(kDecisionId);
    n.name = text(kDecisionName);
    NodeDetails d;
    n.kind = text(kDecisionKind);
    d.number = text(kDecisionNumber);
    d.country = text(kDecisionCountry);
    n.currency = text(kDecisionCurrency);
    d.summary = text(kDecisionSummary);
    n.date = read_date(text(kDecisionDate), pointer);
    if (const JsonNode amount = m[kDecisionAmount]) {
      const std::optional<int64_t> parsed = read_amount(amount);
      if (!parsed) {
        const std::string written =
            amount.is_string() ? std::string(amount.string()) : value_text(amount);
        error(pointer() + "/amount",
              "invalid amount " + written +
                  ": expected a non-negative number with at most two decimals");
      } else {
        n.amount = *parsed;
      }
    }
    const JsonNode identifiers = m[kDecisionIdentifiers];
    const JsonNode properties = m[kDecisionProperties];
    d.identifiers = read_identifiers(identifiers);
    n.properties = read_properties(properties);
    n.sources = read_source_list(m[kDecisionSources],
                                 {Section::decisions, SourceListOwner::record, index, 0});
    d.claims =
        read_claim_list(m[kDecisionClaims], properties, Section::decisions, index, kDecisionFields);
    set_node_details(out_, n, d);
    out_.nodes.push_back(n);
    warn_hidden_keys(identifiers, properties, Section::decisions, index);

    const Range no_properties{static_cast<uint32_t>(out_.properties.size()), 0};
    add_decision_edge(text(kDecisionIssuedBy), index, EdgeField::issued_by, n.sources,
                      no_properties);
    if (const JsonNode against = m[kDecisionAgainst]) {
      for (const JsonNode a : against.items())
        add_decision_edge(a.string(), index, EdgeField::against, n.sources, no_properties);
    }
    if (const JsonNode appeals = m[kDecisionAppealOf]) {
      uint32_t i = 0;
      for (const JsonNode a : appeals.items()) {
        const Range own =
            read_sources(a, {Section::decisions, SourceListOwner::appeal_of, index, i});
        const Range props = add_text_properties("outcome", member_text(a, "outcome"), "solution",
                                                member_text(a, "solution"));
        add_decision_edge(member_text(a, "decision"), index, EdgeField::appeal_of,
                          own.count > 0 ? own : n.sources, props);
        ++i;
      }
    }
    if (const JsonNode cites = m[kDecisionCites]) {
      uint32_t i = 0;
      for (const JsonNode c : cites.items()) {
        const Range own = read_sources(c, {Section::decisions, SourceListOwner::cites, index, i});
        const Range props = add_text_properties("role", member_text(c, "role"));
        add_decision_edge(member_text(c, "provision"), index, EdgeField::cites,
                          own.count > 0 ? own : n.sources, props);
        ++i;
      }
    }
  }

  template <typename JsonNode>
  void read_relation(JsonNode v, uint32_t index) {
    const JsonNode properties = v.find("properties");
    const Range props = read_properties(properties);
    const Range sources = read_sources(v, {Section::relations, SourceListOwner::record, index, 0});
    std::vector<std::string_view> fields;
    if (properties) {
      for (const auto p : properties.members())
        fields.push_back(p.name);
    }
    const Range claims = read_claims(v, Section::relations, index, fields);
    add_relation(member_text(v, "type"), member_text(v, "from"), member_text(v, "to"), index,
                 sources, props, claims);
  }

 private:
  // A property or identifier a record field hides, or a property an identifier hides: queries
  // and exports show one value a key (see graph::kNodeFieldNames), so the other is said here.
  // `identifiers` and `properties`: the record's lists, or absent nodes.
  template <typename JsonNode>
  void warn_hidden_keys(JsonNode identifiers, JsonNode properties, Section section,
                        uint32_t index) {
    // `by`: "field" or "identifier".
    auto warn = [&](std::string_view list, std::string_view key, std::string_view by) {
      diagnostics_.add(file_.diagnostic(
          Severity::warning,
          record_pointer(section, index) + "/" + std::string(list) + "/" + pointer_token(key),
          concat(list == "identifiers" ? "identifier \"" : "property \"", key,
                 "\" is hidden by the record's ", by,
                 " of that name: queries and exports show the ", by, ", not this value")));
    };
    if (identifiers) {
      for (const auto i : identifiers.members()) {
        if (graph::node_field_index(i.name))
          warn("identifiers", i.name, "field");
      }
    }
    if (properties) {
      for (const auto p : properties.members()) {
        if (graph::node_field_index(p.name))
          warn("properties", p.name, "field");
        else if (identifiers && identifiers.find(p.name))
          warn("properties", p.name, "identifier");
      }
    }
  }

  void error(const std::string& pointer, std::string message) {
    diagnostics_.add(file_.diagnostic(Severity::error, pointer, std::move(message)));
    ok_ = false;
  }

  template <typename JsonNode, typename PointerFn>
  SourceSpec read_source_fields(JsonNode v, PointerFn&& pointer) {
    SourceSpec s;
    s.url = member_text(v, "url");
    s.title = member_text(v, "title");
    s.publisher = member_text(v, "publisher");
    s.note = member_text(v, "note");
    s.kind =
        graph::parse_source_kind(member_text(v, "kind")).value_or(graph::SourceKind::unspecified);
    s.date = read_date(v, pointer);
    return s;
  }

  // A slot of source_refs for a source named by key, filled by finish_records. A key the slot
  // before also named extends that reference.
  void add_source_key(std::string_view key) {
    const auto slot = static_cast<uint32_t>(out_.source_refs.size());
    auto& refs = out_.source_key_refs;
    if (!refs.empty() && refs.back().ref + refs.back().count == slot &&
        equal_short_text(refs.back().key, key)) {
      ++refs.back().count;
    } else {
      refs.push_back({slot, 1, key});
    }
    out_.source_refs.push_back(0);
  }

  // Reads a `sources` array of keys and inline sources; keys are resolved by finish_records.
  template <typename JsonNode>
  Range read_sources(JsonNode obj, const SourceListOwner& owner) {
    return read_source_list(obj.find("sources"), owner);
  }
  // A `sources` list (absent: none).
  template <typename JsonNode>
  Range read_source_list(JsonNode list, const SourceListOwner& owner) {
    Range r{static_cast<uint32_t>(out_.source_refs.size()), 0};
    if (!list)
      return r;
    uint32_t i = 0;
    for (const JsonNode item : list.items()) {
      if (item.is_string()) {
        add_source_key(item.string());
      } else {
        out_.source_refs.push_back(static_cast<uint32_t>(out_.sources.size()));
        out_.sources.push_back(read_source_fields(
            item, [&] { return sources_pointer(owner) + "/" + std::to_string(i); }));
      }
      ++r.count;
      ++i;
    }
    return r;
  }

  template <typename JsonNode, typename PointerFn>
  int32_t read_date(JsonNode obj, PointerFn&& pointer) {
    return read_date(member_text(obj, "date"), pointer);
  }
  template <typename PointerFn>
  int32_t read_date(std::string_view text, PointerFn&& pointer) {
    if (text.empty())
      return 0;
    const auto date = parse_iso_date(text);
    if (!date) {
      error(pointer() + "/date",
            "invalid date \"" + std::string(text) + "\": no such day in the calendar");
      return 0;
    }
    return *date;
  }

  // Integers, the common case, without going through text.
  template <typename JsonNode>
  static std::optional<int64_t> read_amount(JsonNode amount) {
    // parse_amount_hundredths takes at most 15 digits.
    constexpr int64_t kLimit = 1'000'000'000'000'000;
    if (amount.is_int64() && amount.int64() >= 0 && amount.int64() < kLimit)
      return amount.int64() * 100;
    return parse_amount_hundredths(amount.is_string() ? std::string(amount.string())
                                                      : value_text(amount));
  }

  template <typename JsonNode>
  Range read_string_list(JsonNode obj, std::string_view name) {
    Range r{static_cast<uint32_t>(out_.strings.size()), 0};
    if (const JsonNode list = obj.find(name)) {
      for (const JsonNode item : list.items()) {
        out_.strings.push_back(item.string());
        ++r.count;
      }
    }
    return r;
  }

  // `ids`: the record's `identifiers`, or an absent node.
  template <typename JsonNode>
  Range read_identifiers(JsonNode ids) {
    Range r{static_cast<uint32_t>(out_.identifiers.size()), 0};
    if (ids) {
      for (const auto m : ids.members()) {
        out_.identifiers.emplace_back(m.name, m.value.string());
        ++r.count;
      }
    }
    return r;
  }

  template <typename JsonNode>
  static PropertySpec scalar(std::string_view key, JsonNode v) {
    PropertySpec p;
    p.key = key;
    if (v.is_string()) {
      p.kind = graph::ValueKind::string;
      p.text = v.string();
    } else if (v.is_bool()) {
      p.kind = graph::ValueKind::boolean;
      p.integer = v.boolean() ? 1 : 0;
    } else if (v.is_int64()) {
      p.kind = graph::ValueKind::integer;
      p.integer = v.int64();
    } else {
      p.kind = graph::ValueKind::number;
      p.number = v.number();
    }
    return p;
  }

  // `props`: the record's `properties`, or an absent node.
  template <typename JsonNode>
  Range read_properties(JsonNode props) {
    Range r{static_cast<uint32_t>(out_.properties.size()), 0};
    if (props) {
      for (const auto m : props.members()) {
        out_.properties.push_back(scalar(m.name, m.value));
        ++r.count;
      }
    }
    return r;
  }

  template <typename JsonNode>
  static std::string value_text(JsonNode v) {
    const PropertySpec p = scalar({}, v);
    return graph::value_text(p.kind, p.text, p.integer, p.number);
  }

  // Claims may speak of the record's own scalar fields or of its `properties`.
  template <typename JsonNode>
  Range read_claims(JsonNode obj, Section section, uint32_t index,
                    std::span<const std::string_view> fields) {
    return read_claim_list(obj.find("claims"), obj.find("properties"), section, index, fields);
  }
  // A `claims` list (absent: none), about `fields` and the record's `properties` (absent: none).
  template <typename JsonNode>
  Range read_claim_list(JsonNode list, JsonNode props, Section section, uint32_t index,
                        std::span<const std::string_view> fields) {
    Range r{static_cast<uint32_t>(out_.claims.size()), 0};
    if (!list)
      return r;
    uint32_t i = 0;
    for (const JsonNode c : list.items()) {
      auto claim_pointer = [&] {
        return record_pointer(section, index) + "/claims/" + std::to_string(i);
      };
      const std::string_view property = member_text(c, "property");
      const bool known = std::find(fields.begin(), fields.end(), property) != fields.end() ||
                         (props && props.find(property));
      if (!known) {
        error(claim_pointer() + "/property",
              "claim about unknown property \"" + std::string(property) + "\"");
        ++i;
        continue;
      }
      ClaimSpec claim;
      claim.property = property;
      claim.value = value_text(c.find("value"));
      claim.note = member_text(c, "note");
      claim.sources = read_sources(c, {section, SourceListOwner::claims, index, i});
      claim.index = i;
      if (property == "date" && !parse_iso_date(claim.value)) {
        error(claim_pointer() + "/value",
              "invalid date \"" + claim.value + "\": expected a real YYYY-MM-DD date");
      }
      out_.claims.push_back(std::move(claim));
      ++r.count;
      ++i;
    }
    return r;
  }

  // An edge written in the decision read last (the last node): it starts there, and has its
  // field's type and no claims. Its lists are the previous edge's entry when that has the same
  // (the decision's issued_by and against edges, its citations of one role).
  void add_decision_edge(std::string_view to, uint32_t record, EdgeField field, Range sources,
                         Range properties) {
    EdgeSpec e = edge_to(to, Section::decisions, record);
    e.field = field;
    e.set_from_node(static_cast<uint32_t>(out_.nodes.size() - 1));
    const EdgeLists lists{properties, sources};
    if (out_.edge_lists.empty() || out_.edge_lists.back() != lists)
      out_.edge_lists.push_back(lists);
    e.aside = static_cast<uint32_t>(out_.edge_lists.size() - 1);
    out_.edges.push_back(e);
  }
  // An edge of its own: its start, type, claims and lists go aside (RelationSpec).
  void add_relation(std::string_view type, std::string_view from, std::string_view to,
                    uint32_t record, Range sources, Range properties, Range claims) {
    EdgeSpec e = edge_to(to, Section::relations, record);
    e.field = EdgeField::relation;
    e.aside = static_cast<uint32_t>(out_.relations.size());
    out_.relations.push_back({type, claims, from, EdgeLists{properties, sources}});
    out_.edges.push_back(e);
  }
  static EdgeSpec edge_to(std::string_view to, Section section, uint32_t record) {
    EdgeSpec e;
    e.set_to(to);
    e.section = section;
    e.record = record;
    return e;
  }

  // The property list of an edge written in a decision: `outcome` and `solution` of an appeal,
  // `role` of a citation. These lists repeat (nearly every citation is "infringed", most
  // appeals "confirmed"), so each distinct list is stored once per table and shared: a copy per
  // edge took 56 bytes for each (1M decisions: 140 MB of the peak). Equal lists are merged when
  // the graph tables are built anyway, so sharing them here changes nothing in the graph.
  Range add_text_properties(std::string_view key, std::string_view text,
                            std::string_view second_key = {}, std::string_view second_text = {}) {
    TextList wanted;
    for (const auto& [k, t] : {std::pair{key, text}, std::pair{second_key, second_text}}) {
      if (!t.empty())
        wanted.pairs[wanted.count++] = {k, t};
    }
    const auto at = static_cast<uint32_t>(out_.properties.size());
    if (wanted.count == 0)
      return Range{at, 0};
    // Most are the list just asked for (a decision's citations of one role): compared with it
    // before hashing the texts.
    if (list_at(last_shared_list_) == wanted)
      return last_shared_list_;
    if (const auto it = shared_lists_.find(wanted); it != shared_lists_.end())
      return last_shared_list_ = *it;
    for (uint32_t i = 0; i < wanted.count; ++i) {
      PropertySpec p;
      p.key = wanted.pairs[i].first;
      p.text = wanted.pairs[i].second;
      out_.properties.push_back(p);
    }
    const Range r{at, wanted.count};
    shared_lists_.insert(r);
    return last_shared_list_ = r;
  }

  // A list add_text_properties makes: one or two (key, text) pairs.
  struct TextList {
    std::array<std::pair<std::string_view, std::string_view>, 2> pairs{};
    uint32_t count = 0;
    bool operator==(const TextList&) const = default;
  };
  TextList list_at(Range r) const {
    TextList l;
    for (uint32_t i = 0; i < r.count; ++i)
      l.pairs[i] = {out_.properties[r.begin + i].key, out_.properties[r.begin + i].text};
    l.count = r.count;
    return l;
  }
  // The shared lists are kept as their place in out_.properties, and found by their text
  // there: the text of a list read from a buffer about to be overwritten moves with the records'
  // (RecordTextKeeper), where a key of its own would be left viewing the old buffer.
  struct ListHash {
    using is_transparent = void;
    const Impl* impl;
    std::size_t operator()(const TextList& l) const {
      return absl::HashOf(absl_view(l.pairs[0].first), absl_view(l.pairs[0].second),
                          absl_view(l.pairs[1].first), absl_view(l.pairs[1].second), l.count);
    }
    std::size_t operator()(Range r) const { return (*this)(impl->list_at(r)); }
  };
  struct ListEqual {
    using is_transparent = void;
    const Impl* impl;
    TextList list(const TextList& l) const { return l; }
    TextList list(Range r) const { return impl->list_at(r); }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return list(a) == list(b);
    }
  };

  const DatasetFile& file_;
  FileRecords& out_;
  Diagnostics& diagnostics_;
  bool ok_ = true;
  absl::flat_hash_set<Range, ListHash, ListEqual> shared_lists_{0, ListHash{this}, ListEqual{this}};
  Range last_shared_list_;  // the list add_text_properties gave last (count 0: none yet)
};

RecordReader::RecordReader(const DatasetFile& where, FileRecords& out, Diagnostics& diagnostics)
    : impl_(std::make_unique<Impl>(where, out, diagnostics)) {}
RecordReader::~RecordReader() = default;
void RecordReader::read_source_table(const rapidjson::Value& sources) {
  impl_->read_source_table(RapidNode(sources));
}
void RecordReader::read_vocabulary(const rapidjson::Value& vocabulary, uint32_t first_index) {
  impl_->read_vocabulary(RapidNode(vocabulary), first_index);
}
void RecordReader::read_entity(const rapidjson::Value& entity, uint32_t index) {
  impl_->read_entity(RapidNode(entity), index);
}
void RecordReader::read_decision(const rapidjson::Value& decision, uint32_t index) {
  impl_->read_decision(RapidNode(decision), index);
}
void RecordReader::read_relation(const rapidjson::Value& relation, uint32_t index) {
  impl_->read_relation(RapidNode(relation), index);
}
void RecordReader::read_source_table(const SimdNode& sources) {
  impl_->read_source_table(sources);
}
void RecordReader::read_vocabulary(const SimdNode& vocabulary, uint32_t first_index) {
  impl_->read_vocabulary(vocabulary, first_index);
}
void RecordReader::read_entity(const SimdNode& entity, uint32_t index) {
  impl_->read_entity(entity, index);
}
void RecordReader::read_decision(const SimdNode& decision, uint32_t index) {
  impl_->read_decision(decision, index);
}
void RecordReader::read_relation(const SimdNode& relation, uint32_t index) {
  impl_->read_relation(relation, index);
}
bool RecordReader::ok() const {
  return impl_->ok();
}

bool finish_records(const DatasetFile& where, FileRecords& records, Diagnostics& diagnostics) {
  return finish_records(where, std::span<FileRecords>(&records, 1), diagnostics);
}

bool finish_records(const DatasetFile& where, std::span<FileRecords> parts,
                    Diagnostics& diagnostics) {
  return finish_records(where, parts, find_duplicate_ids(parts), diagnostics);
}

namespace {

// Where a slot of source_refs is written: its list's owner and its position in the list.
struct SourceSlotPlace {
  SourceListOwner owner;
  uint32_t item = 0;
};

// Whether two edges are written in one list of one record (against, appeal_of, cites).
bool in_one_list(const EdgeSpec& a, const EdgeSpec& b) {
  return a.field == b.field && a.record == b.record && a.section == b.section;
}

// The place of every slot of records.source_refs, from the records that hold the lists: an
// edge's own (appeal_of, cites, a relation's), a claim's, a node's `sources`. The nodes come
// last: a decision's edges that have no list of their own share the decision's, which is named
// as the decision's.
std::vector<SourceSlotPlace> source_slot_places(const FileRecords& records) {
  std::vector<SourceSlotPlace> places(records.source_refs.size());
  const auto place = [&](Range list, const SourceListOwner& owner) {
    for (uint32_t i = 0; i < list.count; ++i)
      places[list.begin + i] = {owner, i};
  };
  const auto place_claims = [&](Range claims, Section section, uint32_t record) {
    for (uint32_t c = claims.begin; c < claims.begin + claims.count; ++c) {
      const ClaimSpec& claim = records.claims[c];
      place(claim.sources, {section, SourceListOwner::claims, record, claim.index});
    }
  };
  // An edge's place in its field's list, counted along the edges (as edge_item does one at a
  // time): the edges of one list follow one another.
  uint32_t item = 0;
  for (std::size_t i = 0; i < records.edges.size(); ++i) {
    const EdgeSpec& e = records.edges[i];
    item = i > 0 && in_one_list(records.edges[i - 1], e) ? item + 1 : 0;
    const Range sources = edge_lists(records, e).sources;
    switch (e.field) {
      case EdgeField::relation:
        place(sources, {e.section, SourceListOwner::record, e.record, 0});
        place_claims(records.relations[e.aside].claims, e.section, e.record);
        break;
      case EdgeField::appeal_of:
        place(sources, {e.section, SourceListOwner::appeal_of, e.record, item});
        break;
      case EdgeField::cites:
        place(sources, {e.section, SourceListOwner::cites, e.record, item});
        break;
      case EdgeField::issued_by:
      case EdgeField::against:
        break;  // the decision's list
    }
  }
  for (const NodeSpec& n : records.nodes) {
    place(n.sources, {n.section, SourceListOwner::record, n.record, 0});
    place_claims(node_details(records, n).claims, n.section, n.record);
  }
  return places;
}

}  // namespace

DuplicateIds find_duplicate_ids(std::span<const FileRecords> parts) {
  FileIds ids;
  return find_duplicate_ids(parts, ids);
}

DuplicateIds find_duplicate_ids(std::span<const FileRecords> parts, FileIds& ids) {
  // Each id is added to the file's IdIndex, numbered in order of first definition: the table the
  // resolver needs, made once (see FileIds). An 8-byte table of hashes and node numbers, used
  // before, took a quarter of the time (16 MB at 1M decisions, against 64) but left the resolver
  // to hash every id again.
  std::size_t node_count = 0;
  for (const FileRecords& records : parts)
    node_count += records.nodes.size();
  if (node_count >= 0xFFFFFFFF)
    throw std::length_error("more than 4 billion nodes in one dataset file");
  if (ids.index.capacity() == 0)
    ids.index.reset(node_count);  // unless the caller made it ready
  ids.node_slots.clear();
  reserve_huge(ids.node_slots, node_count);
  // The repeated ids, by slot, in record order; their first nodes are found after.
  std::vector<std::pair<uint32_t, const NodeSpec*>> repeated;
  // The nodes are walked once, along the parts, kAhead nodes ahead of the one looked up: each
  // id's entry is fetched then, so that the cache misses of a table of 64 MB overlap.
  constexpr std::size_t kAhead = 16;
  std::size_t ahead_part = 0, ahead_node = 0;
  const auto fetch_next = [&] {
    while (ahead_part < parts.size() && ahead_node == parts[ahead_part].nodes.size()) {
      ++ahead_part;
      ahead_node = 0;
    }
    if (ahead_part < parts.size())
      ids.index.prefetch(parts[ahead_part].nodes[ahead_node++].id);
  };
  for (std::size_t i = 0; i < kAhead; ++i)
    fetch_next();
  for (const FileRecords& records : parts) {
    for (const NodeSpec& n : records.nodes) {
      fetch_next();
      const auto [slot, first] = ids.index.insert(n.id, ids.slots);
      ids.node_slots.push_back(slot);
      if (first)
        ++ids.slots;
      else
        repeated.emplace_back(slot, &n);
    }
  }
  DuplicateIds duplicates;
  if (repeated.empty())
    return duplicates;
  // The first node of each repeated slot: the first node found with it, in one walk.
  std::unordered_map<uint32_t, const NodeSpec*> first_of;
  for (const auto& [slot, n] : repeated)
    first_of.emplace(slot, nullptr);
  std::size_t k = 0;
  for (const FileRecords& records : parts) {
    for (const NodeSpec& n : records.nodes) {
      const auto it = first_of.find(ids.node_slots[k++]);
      if (it != first_of.end() && it->second == nullptr)
        it->second = &n;
    }
  }
  duplicates.reserve(repeated.size());
  for (const auto& [slot, n] : repeated)
    duplicates.emplace_back(first_of.at(slot), n);
  return duplicates;
}

bool finish_records(const DatasetFile& where, std::span<FileRecords> parts,
                    const DuplicateIds& duplicates, Diagnostics& diagnostics) {
  bool ok = true;
  auto error = [&](const std::string& pointer, std::string message) {
    diagnostics.add(where.diagnostic(Severity::error, pointer, std::move(message)));
    ok = false;
  };
  // Source keys: the first definition of a key counts (a JSON object's later duplicate is
  // ignored, as RapidJSON's FindMember does; JSON Lines reports duplicates when merging).
  std::unordered_map<std::string_view, uint32_t> keys;
  std::size_t key_count = 0;
  for (const FileRecords& records : parts)
    key_count += records.source_keys.size();
  keys.reserve(key_count);
  for (const FileRecords& records : parts) {
    for (const auto& [key, index] : records.source_keys)
      keys.emplace(key, index);
  }
  for (FileRecords& records : parts) {
    std::string_view last_key;
    uint32_t last_index = 0;
    std::vector<SourceSlotPlace> places;  // found at the first unknown key
    for (const SourceKeyRef& ref : records.source_key_refs) {
      // Most records of a file cite the same few sources: skip the lookup for a repeated key.
      if (last_key.empty() || !equal_short_text(ref.key, last_key)) {
        auto it = keys.find(ref.key);
        if (it == keys.end()) {
          if (places.empty())
            places = source_slot_places(records);
          for (uint32_t slot = ref.ref; slot < ref.ref + ref.count; ++slot) {
            error(sources_pointer(places[slot].owner) + "/" + std::to_string(places[slot].item),
                  "unknown source \"" + std::string(ref.key) +
                      "\": not a key of this file's \"sources\" object");
          }
          continue;
        }
        last_key = ref.key;
        last_index = it->second;
      }
      std::fill_n(records.source_refs.begin() + ref.ref, ref.count, last_index);
    }
    // An unknown key leaves its slot pointing at source 0 (or nothing): the file is rejected.
    records.source_key_refs.clear();
    records.source_key_refs.shrink_to_fit();
    records.source_keys.clear();
    records.source_keys.shrink_to_fit();
  }

  // Ids unique within the file, reported at the later record with the first one's position.
  for (const auto& [first, later] : duplicates) {
    const Location at = where.locate(record_pointer(first->section, first->record));
    error(record_pointer(later->section, later->record) + "/id",
          "duplicate id \"" + std::string(later->id) + "\" in this file (first at " +
              std::to_string(at.line) + ":" + std::to_string(at.column) + ")");
  }

  // Relation types declared once in the file.
  std::vector<std::string> declared;
  for (FileRecords& records : parts) {
    std::vector<RelationTypeSpec> types;
    for (RelationTypeSpec& spec : records.relation_types) {
      if (std::find(declared.begin(), declared.end(), spec.type.name) != declared.end()) {
        error("/vocabulary/relation_types/" + std::to_string(spec.index) + "/type",
              "relation type " + spec.type.name + " is declared twice in this file");
        continue;
      }
      declared.push_back(spec.type.name);
      types.push_back(std::move(spec));
    }
    records.relation_types = std::move(types);
  }
  return ok;
}

std::string_view section_name(Section section) {
  switch (section) {
    case Section::entities:
      return "entities";
    case Section::decisions:
      return "decisions";
    case Section::relations:
      return "relations";
    case Section::vocabulary:
      return "vocabulary";
  }
  return "entities";
}

std::string record_pointer(Section section, uint32_t record) {
  return "/" + std::string(section_name(section)) + "/" + std::to_string(record);
}

std::string_view edge_type(const FileRecords& records, const EdgeSpec& edge) {
  return edge.field == EdgeField::relation ? records.relations[edge.aside].type()
                                           : field_relation_type(edge.field);
}

Range edge_claims(const FileRecords& records, const EdgeSpec& edge) {
  return edge.field == EdgeField::relation ? records.relations[edge.aside].claims : Range{};
}

uint32_t edge_item(const FileRecords& records, const EdgeSpec& edge) {
  const EdgeSpec* const first = records.edges.data();
  assert(&edge >= first && &edge < first + records.edges.size());
  const EdgeSpec* e = &edge;
  while (e != first && in_one_list(*(e - 1), edge))
    --e;
  return static_cast<uint32_t>(&edge - e);
}

std::string edge_pointer(const FileRecords& records, const EdgeSpec& edge) {
  std::string p = record_pointer(edge.section, edge.record);
  if (edge.field == EdgeField::relation)
    return p;
  p += '/';
  p += edge_field_name(edge.field);
  if (edge.field == EdgeField::against)
    p += "/" + std::to_string(edge_item(records, edge));
  if (edge.field == EdgeField::appeal_of)
    p += "/" + std::to_string(edge_item(records, edge)) + "/decision";
  if (edge.field == EdgeField::cites)
    p += "/" + std::to_string(edge_item(records, edge)) + "/provision";
  return p;
}

std::string sources_pointer(const SourceListOwner& owner) {
  std::string p = record_pointer(owner.section, owner.record_index);
  switch (owner.field) {
    case SourceListOwner::record:
      break;
    case SourceListOwner::appeal_of:
      p += "/appeal_of/" + std::to_string(owner.item);
      break;
    case SourceListOwner::cites:
      p += "/cites/" + std::to_string(owner.item);
      break;
    case SourceListOwner::claims:
      p += "/claims/" + std::to_string(owner.item);
      break;
  }
  return p + "/sources";
}

bool read_dataset(const JsonFile& file, FileRecords& out, Diagnostics& diagnostics) {
  const RapidNode root(file.document());
  RecordReader reader(file, out, diagnostics);
  if (const RapidNode table = root.find("sources"))
    reader.read_source_table(table.value());
  if (const RapidNode vocab = root.find("vocabulary"))
    reader.read_vocabulary(vocab.value(), 0);
  if (const RapidNode entities = root.find("entities")) {
    uint32_t i = 0;
    for (const RapidNode entity : entities.items())
      reader.read_entity(entity.value(), i++);
  }
  if (const RapidNode decisions = root.find("decisions")) {
    uint32_t i = 0;
    for (const RapidNode decision : decisions.items())
      reader.read_decision(decision.value(), i++);
  }
  if (const RapidNode relations = root.find("relations")) {
    uint32_t i = 0;
    for (const RapidNode relation : relations.items())
      reader.read_relation(relation.value(), i++);
  }
  const bool records_ok = reader.ok();
  return finish_records(file, out, diagnostics) && records_ok;
}

}  // namespace jurigraph::ingest
