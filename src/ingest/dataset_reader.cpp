#include "ingest/dataset_reader.hpp"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "base/calendar.hpp"
#include "base/concat.hpp"
#include "base/huge_pages.hpp"
#include "base/short_text.hpp"
#include "ingest/member_table.hpp"
#include "ingest/text_hash.hpp"

namespace jurigraph::ingest {
namespace {

using rapidjson::Value;

std::string_view sv(const Value& v) {
  return v.IsString() ? std::string_view(v.GetString(), v.GetStringLength()) : std::string_view{};
}

// The first member `name` of obj, or nullptr: what FindMember finds, with each name compared
// inline (equal_short_text), where FindMember measured `name` with strlen and called memcmp at
// every member of its length (a decision is read with some 15 look-ups among its members).
const Value* member(const Value& obj, std::string_view name) {
  for (auto m = obj.MemberBegin(); m != obj.MemberEnd(); ++m) {
    if (equal_short_text(std::string_view(m->name.GetString(), m->name.GetStringLength()), name))
      return &m->value;
  }
  return nullptr;
}

std::string_view member_text(const Value& obj, std::string_view name) {
  const Value* v = member(obj, name);
  return v == nullptr ? std::string_view{} : sv(*v);
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
  void forget_read_text() { shared_properties_.clear(); }

  void read_source_table(const Value& table) {
    for (auto it = table.MemberBegin(); it != table.MemberEnd(); ++it) {
      out_.source_keys.emplace_back(sv(it->name), static_cast<uint32_t>(out_.sources.size()));
      out_.sources.push_back(
          read_source_fields(it->value, [&] { return "/sources/" + pointer_token(sv(it->name)); }));
    }
  }

  void read_vocabulary(const Value& vocab, uint32_t first_index) {
    const Value* types = member(vocab, "relation_types");
    if (types == nullptr)
      return;
    const auto builtins = graph::builtin_relation_types();
    for (rapidjson::SizeType i = 0; i < types->Size(); ++i) {
      const Value& t = (*types)[i];
      RelationTypeSpec spec;
      spec.index = first_index + i;
      spec.type.name = std::string(member_text(t, "type"));
      spec.type.description = std::string(member_text(t, "description"));
      for (const Value& l : (*member(t, "from")).GetArray())
        spec.type.from.push_back(*graph::parse_label(sv(l)));
      for (const Value& l : (*member(t, "to")).GetArray())
        spec.type.to.push_back(*graph::parse_label(sv(l)));
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

  void read_entity(const Value& v, uint32_t index) {
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
    const Value* identifiers = member(v, "identifiers");
    const Value* properties = member(v, "properties");
    d.identifiers = read_identifiers(identifiers);
    n.properties = read_properties(properties);
    n.sources = read_sources(v, {Section::entities, SourceListOwner::record, index, 0});
    d.claims = read_claims(v, Section::entities, index, kEntityFields);
    set_node_details(out_, n, d);
    out_.nodes.push_back(n);
    warn_hidden_keys(identifiers, properties, Section::entities, index);
  }

  void read_decision(const Value& v, uint32_t index) {
    // Pointers are composed only when there is an error to report: the hot path allocates none.
    auto pointer = [&] { return record_pointer(Section::decisions, index); };
    std::array<const Value*, kDecisionMemberCount> m;
    kDecisionMembers.find(v, m);
    const auto text = [&](DecisionMember i) { return m[i] ? sv(*m[i]) : std::string_view{}; };
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
    if (const Value* amount = m[kDecisionAmount]) {
      const std::optional<int64_t> parsed = read_amount(*amount);
      if (!parsed) {
        const std::string written =
            amount->IsString() ? std::string(sv(*amount)) : value_text(*amount);
        error(pointer() + "/amount",
              "invalid amount " + written +
                  ": expected a non-negative number with at most two decimals");
      } else {
        n.amount = *parsed;
      }
    }
    const Value* identifiers = m[kDecisionIdentifiers];
    const Value* properties = m[kDecisionProperties];
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
    add_edge("ISSUED_BY", n.id, text(kDecisionIssuedBy), Section::decisions, index,
             EdgeField::issued_by, 0, n.sources, no_properties);
    if (const Value* against = m[kDecisionAgainst]) {
      for (rapidjson::SizeType i = 0; i < against->Size(); ++i) {
        add_edge("AGAINST", n.id, sv((*against)[i]), Section::decisions, index, EdgeField::against,
                 i, n.sources, no_properties);
      }
    }
    if (const Value* appeals = m[kDecisionAppealOf]) {
      for (rapidjson::SizeType i = 0; i < appeals->Size(); ++i) {
        const Value& a = (*appeals)[i];
        const Range own =
            read_sources(a, {Section::decisions, SourceListOwner::appeal_of, index, i});
        const Range props = add_text_properties("outcome", member_text(a, "outcome"), "solution",
                                                member_text(a, "solution"));
        add_edge("APPEAL_OF", n.id, member_text(a, "decision"), Section::decisions, index,
                 EdgeField::appeal_of, i, own.count > 0 ? own : n.sources, props);
      }
    }
    if (const Value* cites = m[kDecisionCites]) {
      for (rapidjson::SizeType i = 0; i < cites->Size(); ++i) {
        const Value& c = (*cites)[i];
        const Range own = read_sources(c, {Section::decisions, SourceListOwner::cites, index, i});
        const Range props = add_text_properties("role", member_text(c, "role"));
        add_edge("CITES", n.id, member_text(c, "provision"), Section::decisions, index,
                 EdgeField::cites, i, own.count > 0 ? own : n.sources, props);
      }
    }
  }

  void read_relation(const Value& v, uint32_t index) {
    const Value* properties = member(v, "properties");
    const Range props = read_properties(properties);
    const Range sources = read_sources(v, {Section::relations, SourceListOwner::record, index, 0});
    std::vector<std::string_view> fields;
    if (properties != nullptr) {
      for (auto it = properties->MemberBegin(); it != properties->MemberEnd(); ++it)
        fields.push_back(sv(it->name));
    }
    const Range claims = read_claims(v, Section::relations, index, fields);
    add_edge(member_text(v, "type"), member_text(v, "from"), member_text(v, "to"),
             Section::relations, index, EdgeField::relation, 0, sources, props, claims);
  }

 private:
  // A property or identifier a record field hides, or a property an identifier hides: queries
  // and exports show one value a key (see graph::kNodeFieldNames), so the other is said here.
  // `identifiers` and `properties`: the record's lists, or nullptr.
  void warn_hidden_keys(const Value* identifiers, const Value* properties, Section section,
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
    if (identifiers != nullptr) {
      for (auto it = identifiers->MemberBegin(); it != identifiers->MemberEnd(); ++it) {
        if (graph::node_field_index(sv(it->name)))
          warn("identifiers", sv(it->name), "field");
      }
    }
    if (properties != nullptr) {
      for (auto it = properties->MemberBegin(); it != properties->MemberEnd(); ++it) {
        if (graph::node_field_index(sv(it->name)))
          warn("properties", sv(it->name), "field");
        else if (identifiers != nullptr && member(*identifiers, sv(it->name)) != nullptr)
          warn("properties", sv(it->name), "identifier");
      }
    }
  }

  void error(const std::string& pointer, std::string message) {
    diagnostics_.add(file_.diagnostic(Severity::error, pointer, std::move(message)));
    ok_ = false;
  }

  template <typename PointerFn>
  SourceSpec read_source_fields(const Value& v, PointerFn&& pointer) {
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

  // Reads a `sources` array of keys and inline sources; keys are resolved by finish_records.
  Range read_sources(const Value& obj, const SourceListOwner& owner) {
    return read_source_list(member(obj, "sources"), owner);
  }
  // A `sources` list (nullptr: none).
  Range read_source_list(const Value* list, const SourceListOwner& owner) {
    Range r{static_cast<uint32_t>(out_.source_refs.size()), 0};
    if (list == nullptr)
      return r;
    for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
      const Value& item = (*list)[i];
      if (item.IsString()) {
        out_.source_key_refs.push_back(
            {static_cast<uint32_t>(out_.source_refs.size()), i, sv(item), owner});
        out_.source_refs.push_back(0);
      } else {
        out_.source_refs.push_back(static_cast<uint32_t>(out_.sources.size()));
        out_.sources.push_back(read_source_fields(
            item, [&] { return sources_pointer(owner) + "/" + std::to_string(i); }));
      }
      ++r.count;
    }
    return r;
  }

  template <typename PointerFn>
  int32_t read_date(const Value& obj, PointerFn&& pointer) {
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
  static std::optional<int64_t> read_amount(const Value& amount) {
    // parse_amount_hundredths takes at most 15 digits.
    constexpr int64_t kLimit = 1'000'000'000'000'000;
    if (amount.IsInt64() && amount.GetInt64() >= 0 && amount.GetInt64() < kLimit)
      return amount.GetInt64() * 100;
    return parse_amount_hundredths(amount.IsString() ? std::string(sv(amount))
                                                     : value_text(amount));
  }

  Range read_string_list(const Value& obj, const char* name) {
    Range r{static_cast<uint32_t>(out_.strings.size()), 0};
    if (const Value* list = member(obj, name)) {
      for (const Value& item : list->GetArray()) {
        out_.strings.push_back(sv(item));
        ++r.count;
      }
    }
    return r;
  }

  // `ids`: the record's `identifiers`, or nullptr.
  Range read_identifiers(const Value* ids) {
    Range r{static_cast<uint32_t>(out_.identifiers.size()), 0};
    if (ids != nullptr) {
      for (auto it = ids->MemberBegin(); it != ids->MemberEnd(); ++it) {
        out_.identifiers.emplace_back(sv(it->name), sv(it->value));
        ++r.count;
      }
    }
    return r;
  }

  static PropertySpec scalar(std::string_view key, const Value& v) {
    PropertySpec p;
    p.key = key;
    if (v.IsString()) {
      p.kind = graph::ValueKind::string;
      p.text = sv(v);
    } else if (v.IsBool()) {
      p.kind = graph::ValueKind::boolean;
      p.integer = v.GetBool() ? 1 : 0;
    } else if (v.IsInt64()) {
      p.kind = graph::ValueKind::integer;
      p.integer = v.GetInt64();
    } else {
      p.kind = graph::ValueKind::number;
      p.number = v.GetDouble();
    }
    return p;
  }

  // `props`: the record's `properties`, or nullptr.
  Range read_properties(const Value* props) {
    Range r{static_cast<uint32_t>(out_.properties.size()), 0};
    if (props != nullptr) {
      for (auto it = props->MemberBegin(); it != props->MemberEnd(); ++it) {
        out_.properties.push_back(scalar(sv(it->name), it->value));
        ++r.count;
      }
    }
    return r;
  }

  static std::string value_text(const Value& v) {
    const PropertySpec p = scalar({}, v);
    return graph::value_text(p.kind, p.text, p.integer, p.number);
  }

  // Claims may speak of the record's own scalar fields or of its `properties`.
  Range read_claims(const Value& obj, Section section, uint32_t index,
                    std::span<const std::string_view> fields) {
    return read_claim_list(member(obj, "claims"), member(obj, "properties"), section, index,
                           fields);
  }
  // A `claims` list (nullptr: none), about `fields` and the record's `properties` (nullptr: none).
  Range read_claim_list(const Value* list, const Value* props, Section section, uint32_t index,
                        std::span<const std::string_view> fields) {
    Range r{static_cast<uint32_t>(out_.claims.size()), 0};
    if (list == nullptr)
      return r;
    for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
      const Value& c = (*list)[i];
      auto claim_pointer = [&] {
        return record_pointer(section, index) + "/claims/" + std::to_string(i);
      };
      const std::string_view property = member_text(c, "property");
      const bool known = std::find(fields.begin(), fields.end(), property) != fields.end() ||
                         (props != nullptr && props->HasMember(std::string(property).c_str()));
      if (!known) {
        error(claim_pointer() + "/property",
              "claim about unknown property \"" + std::string(property) + "\"");
        continue;
      }
      ClaimSpec claim;
      claim.property = property;
      claim.value = value_text(*member(c, "value"));
      claim.note = member_text(c, "note");
      claim.sources = read_sources(c, {section, SourceListOwner::claims, index, i});
      claim.index = i;
      if (property == "date" && !parse_iso_date(claim.value)) {
        error(claim_pointer() + "/value",
              "invalid date \"" + claim.value + "\": expected a real YYYY-MM-DD date");
      }
      out_.claims.push_back(std::move(claim));
      ++r.count;
    }
    return r;
  }

  // `type` and `claims` are an edge of its own's (field `relation`); the others have their
  // field's type and no claims.
  void add_edge(std::string_view type, std::string_view from, std::string_view to, Section section,
                uint32_t record, EdgeField field, uint32_t item, Range sources, Range properties,
                Range claims = {}) {
    EdgeSpec e;
    e.set_from(from);
    e.set_to(to);
    e.section = section;
    e.record = record;
    e.field = field;
    e.item = item;
    e.sources = sources;
    e.properties = properties;
    if (field == EdgeField::relation) {
      e.item = static_cast<uint32_t>(out_.relations.size());
      out_.relations.push_back({type, claims});
    }
    out_.edges.push_back(e);
  }

  // The property list of an edge written in a decision: `outcome` and `solution` of an appeal,
  // `role` of a citation. These lists repeat (nearly every citation is "infringed", most
  // appeals "confirmed"), so each distinct list is stored once per table and shared: a copy per
  // edge took 56 bytes for each (1M decisions: 140 MB of the peak). Equal lists are merged when
  // the graph tables are built anyway, so sharing them here changes nothing in the graph.
  Range add_text_properties(std::string_view key, std::string_view text,
                            std::string_view second_key = {}, std::string_view second_text = {}) {
    if (text.empty() && second_text.empty())
      return Range{static_cast<uint32_t>(out_.properties.size()), 0};
    const auto [it, inserted] =
        shared_properties_.try_emplace(std::make_tuple(key, text, second_text), Range{});
    if (!inserted)
      return it->second;
    Range r{static_cast<uint32_t>(out_.properties.size()), 0};
    for (const auto& [k, t] : {std::pair{key, text}, std::pair{second_key, second_text}}) {
      if (t.empty())
        continue;
      PropertySpec p;
      p.key = k;
      p.text = t;
      out_.properties.push_back(p);
      ++r.count;
    }
    it->second = r;
    return r;
  }

  const DatasetFile& file_;
  FileRecords& out_;
  Diagnostics& diagnostics_;
  bool ok_ = true;
  // add_text_properties' lists, by (first key, its text, the second text).
  absl::flat_hash_map<std::tuple<std::string_view, std::string_view, std::string_view>, Range,
                      TextTripleHash>
      shared_properties_;
};

RecordReader::RecordReader(const DatasetFile& where, FileRecords& out, Diagnostics& diagnostics)
    : impl_(std::make_unique<Impl>(where, out, diagnostics)) {}
RecordReader::~RecordReader() = default;
void RecordReader::forget_read_text() {
  impl_->forget_read_text();
}
void RecordReader::read_source_table(const Value& sources) {
  impl_->read_source_table(sources);
}
void RecordReader::read_vocabulary(const Value& vocabulary, uint32_t first_index) {
  impl_->read_vocabulary(vocabulary, first_index);
}
void RecordReader::read_entity(const Value& entity, uint32_t index) {
  impl_->read_entity(entity, index);
}
void RecordReader::read_decision(const Value& decision, uint32_t index) {
  impl_->read_decision(decision, index);
}
void RecordReader::read_relation(const Value& relation, uint32_t index) {
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

DuplicateIds find_duplicate_ids(std::span<const FileRecords> parts) {
  // Open addressing over 8-byte entries: the high half of an id's hash and its node's number in
  // the file, plus one (0: free). The text is read only when the halves agree, which is nearly
  // always a repeated id. Abseil's map of views to nodes took 24 bytes an entry (1M decisions:
  // 50 MB at the peak of reading, against 16 MB), and the resolver's IdIndex, which holds each id
  // inline, would take 32.
  std::vector<std::size_t> part_start{0};  // the number of the first node of each part
  for (const FileRecords& records : parts)
    part_start.push_back(part_start.back() + records.nodes.size());
  const std::size_t node_count = part_start.back();
  if (node_count >= 0xFFFFFFFF)
    throw std::length_error("more than 4 billion nodes in one dataset file");
  std::size_t capacity = 16;
  while (capacity < node_count + node_count / 2)
    capacity *= 2;
  const std::size_t mask = capacity - 1;
  HugeVector<uint64_t> table(capacity, 0);
  auto node = [&](uint64_t number) -> const NodeSpec& {
    const auto part = static_cast<std::size_t>(
        std::upper_bound(part_start.begin(), part_start.end(), number) - part_start.begin() - 1);
    return parts[part].nodes[number - part_start[part]];
  };
  DuplicateIds duplicates;
  uint64_t number = 0;
  for (const FileRecords& records : parts) {
    for (const NodeSpec& n : records.nodes) {
      const std::size_t hash = TextHash{}(n.id);
      const uint64_t tag = hash >> 32 << 32;
      for (std::size_t p = hash & mask;; p = (p + 1) & mask) {
        const uint64_t e = table[p];
        if (e == 0) {
          table[p] = tag | (number + 1);
          break;
        }
        if ((e & ~uint64_t{0xFFFFFFFF}) == tag) {
          const NodeSpec& first = node((e & 0xFFFFFFFF) - 1);
          if (equal_short_text(first.id, n.id)) {
            duplicates.emplace_back(&first, &n);
            break;
          }
        }
      }
      ++number;
    }
  }
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
    for (const SourceKeyRef& ref : records.source_key_refs) {
      // Most records of a file cite the same few sources: skip the lookup for a repeated key.
      if (!last_key.empty() && equal_short_text(ref.key, last_key)) {
        records.source_refs[ref.ref] = last_index;
        continue;
      }
      auto it = keys.find(ref.key);
      if (it == keys.end()) {
        error(sources_pointer(ref.owner) + "/" + std::to_string(ref.item),
              "unknown source \"" + std::string(ref.key) +
                  "\": not a key of this file's \"sources\" object");
        continue;
      }
      records.source_refs[ref.ref] = it->second;
      last_key = ref.key;
      last_index = it->second;
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
  return edge.field == EdgeField::relation ? records.relations[edge.item].type
                                           : field_relation_type(edge.field);
}

Range edge_claims(const FileRecords& records, const EdgeSpec& edge) {
  return edge.field == EdgeField::relation ? records.relations[edge.item].claims : Range{};
}

std::string edge_pointer(const EdgeSpec& edge) {
  std::string p = record_pointer(edge.section, edge.record);
  if (edge.field == EdgeField::relation)
    return p;
  p += '/';
  p += edge_field_name(edge.field);
  if (edge.field == EdgeField::against)
    p += "/" + std::to_string(edge.item);
  if (edge.field == EdgeField::appeal_of)
    p += "/" + std::to_string(edge.item) + "/decision";
  if (edge.field == EdgeField::cites)
    p += "/" + std::to_string(edge.item) + "/provision";
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
  const Value& root = file.document();
  RecordReader reader(file, out, diagnostics);
  if (const Value* table = member(root, "sources"))
    reader.read_source_table(*table);
  if (const Value* vocab = member(root, "vocabulary"))
    reader.read_vocabulary(*vocab, 0);
  if (const Value* entities = member(root, "entities")) {
    for (rapidjson::SizeType i = 0; i < entities->Size(); ++i)
      reader.read_entity((*entities)[i], i);
  }
  if (const Value* decisions = member(root, "decisions")) {
    for (rapidjson::SizeType i = 0; i < decisions->Size(); ++i)
      reader.read_decision((*decisions)[i], i);
  }
  if (const Value* relations = member(root, "relations")) {
    for (rapidjson::SizeType i = 0; i < relations->Size(); ++i)
      reader.read_relation((*relations)[i], i);
  }
  const bool records_ok = reader.ok();
  return finish_records(file, out, diagnostics) && records_ok;
}

}  // namespace jurigraph::ingest
