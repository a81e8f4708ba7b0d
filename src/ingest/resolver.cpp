#include "ingest/resolver.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "base/calendar.hpp"
#include "ingest/carried_claims.hpp"

namespace jurigraph::ingest {
namespace {

using graph::Label;
using graph::Range;
using graph::StrRef;

struct Definition {
  uint32_t file = 0;
  uint32_t node = 0;  // index in FileRecords::nodes
};

std::string labels_text(const std::vector<Label>& labels) {
  std::string out;
  for (Label l : labels) {
    if (!out.empty())
      out += '|';
    out += graph::label_name(l);
  }
  return out;
}

std::string q(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

// ---------------------------------------------------------------------------------------------
// Checking: finds the files to drop.

class Checker {
 public:
  Checker(std::vector<LoadedFile>& files, Diagnostics& diagnostics)
      : files_(files), diagnostics_(diagnostics) {}

  // One round over the accepted files; returns true when it dropped any.
  bool round() {
    round_errors_.assign(files_.size(), false);
    collect_types();
    collect_ids();
    check_edges();
    check_appeal_cycles();
    bool dropped = false;
    for (std::size_t f = 0; f < files_.size(); ++f) {
      if (files_[f].accepted && (round_errors_[f] || files_[f].read_errors)) {
        files_[f].accepted = false;
        dropped = true;
        for (const NodeSpec& n : files_[f].records.nodes)
          dropped_ids_.emplace(n.id, files_[f].file().path());
      }
    }
    return dropped;
  }

  const std::vector<graph::RelationType>& types() const { return types_; }
  const std::unordered_map<std::string_view, std::vector<Definition>>& ids() const { return ids_; }

 private:
  void error(uint32_t file, const std::string& pointer, std::string message) {
    diagnostics_.add(files_[file].file().diagnostic(Severity::error, pointer, std::move(message)));
    round_errors_[file] = true;
  }

  std::string place(uint32_t file, const std::string& pointer) const {
    return format_place(files_[file].file().locate(pointer));
  }

  void collect_types() {
    types_ = graph::builtin_relation_types();
    last_type_ = nullptr;
    type_origin_.clear();
    for (uint32_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].accepted)
        continue;
      for (const RelationTypeSpec& spec : files_[f].records.relation_types) {
        const std::string pointer = "/vocabulary/relation_types/" + std::to_string(spec.index);
        auto it = std::find_if(types_.begin(), types_.end(), [&](const graph::RelationType& t) {
          return t.name == spec.type.name;
        });
        if (it == types_.end()) {
          types_.push_back(spec.type);
          type_origin_[spec.type.name] = place(f, pointer);
          continue;
        }
        if (it->from != spec.type.from || it->to != spec.type.to) {
          error(f, pointer + "/type",
                "relation type " + spec.type.name + " is declared differently at " +
                    type_origin_[spec.type.name] + " (" + labels_text(it->from) + " → " +
                    labels_text(it->to) + ")");
        }
      }
    }
  }

  void collect_ids() {
    ids_.clear();
    std::size_t total = 0;
    for (const LoadedFile& file : files_)
      total += file.accepted ? file.records.nodes.size() : 0;
    ids_.reserve(total);  // no rehashing of a million ids
    for (uint32_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].accepted)
        continue;
      const auto& nodes = files_[f].records.nodes;
      for (uint32_t i = 0; i < nodes.size(); ++i) {
        const NodeSpec& n = nodes[i];
        auto& defs = ids_[n.id];
        if (!defs.empty()) {
          const Definition first = defs.front();
          const NodeSpec& other = files_[first.file].records.nodes[first.node];
          const std::string here = record_pointer(n.section, n.record) + "/id";
          const std::string there = place(first.file, record_pointer(other.section, other.record));
          if (n.label == Label::Decision && other.label == Label::Decision) {
            error(f, here, "duplicate decision id " + q(n.id) + ", already defined at " + there);
            continue;
          }
          if (n.label != other.label) {
            error(f, here,
                  "id " + q(n.id) + " is a " + std::string(graph::label_name(n.label)) +
                      " here but a " + std::string(graph::label_name(other.label)) + " at " +
                      there);
            continue;
          }
        }
        defs.push_back({f, i});
      }
    }
  }

  const graph::RelationType* find_type(std::string_view name) {
    // Edges come in runs of the same few types: compare with the last one found first.
    if (last_type_ != nullptr && last_type_->name == name)
      return last_type_;
    for (const auto& t : types_) {
      if (t.name == name)
        return last_type_ = &t;
    }
    return nullptr;
  }

  // The label of a defined id, or an error message for a dangling one.
  const NodeSpec* resolve_id(std::string_view id) const {
    auto it = ids_.find(id);
    if (it == ids_.end() || it->second.empty())
      return nullptr;
    const Definition d = it->second.front();
    return &files_[d.file].records.nodes[d.node];
  }

  std::string unknown_id_message(std::string_view id) const {
    std::string m = "unknown id " + q(id);
    auto dropped = dropped_ids_.find(std::string(id));
    if (dropped != dropped_ids_.end())
      m += " (defined in " + dropped->second + ", which has errors)";
    return m;
  }

  void check_edges() {
    for (uint32_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].accepted)
        continue;
      for (const EdgeSpec& e : files_[f].records.edges) {
        // Pointers are composed only for an error: millions of edges have none.
        auto pointer = [&] { return edge_pointer(e); };
        const graph::RelationType* type = find_type(e.type);
        if (type == nullptr) {
          error(f, pointer() + (e.field.empty() ? "/type" : ""),
                "undeclared relation type " + std::string(e.type) +
                    ": declare it in vocabulary.relation_types (with its from and to labels)");
          continue;
        }
        const NodeSpec* from = resolve_id(e.from);
        const NodeSpec* to = resolve_id(e.to);
        auto from_pointer = [&] { return e.field.empty() ? pointer() + "/from" : pointer(); };
        auto to_pointer = [&] { return e.field.empty() ? pointer() + "/to" : pointer(); };
        if (from == nullptr)
          error(f, from_pointer(), unknown_id_message(e.from));
        if (to == nullptr)
          error(f, to_pointer(), unknown_id_message(e.to));
        if (from == nullptr || to == nullptr)
          continue;
        if (std::find(type->from.begin(), type->from.end(), from->label) == type->from.end()) {
          error(f, from_pointer(),
                type->name + " goes from " + labels_text(type->from) + ", but " + q(e.from) +
                    " is a " + std::string(graph::label_name(from->label)));
        } else if (std::find(type->to.begin(), type->to.end(), to->label) == type->to.end()) {
          error(f, to_pointer(),
                type->name + " goes to " + labels_text(type->to) + ", but " + q(e.to) + " is a " +
                    std::string(graph::label_name(to->label)));
        }
      }
    }
  }

  // A decision cannot, through appeals, rule on itself. Iterative DFS over APPEAL_OF edges.
  void check_appeal_cycles() {
    struct Arc {
      std::string_view target;
      uint32_t file;
      const EdgeSpec* edge;
    };
    std::unordered_map<std::string_view, std::vector<Arc>> arcs;
    for (uint32_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].accepted)
        continue;
      for (const EdgeSpec& e : files_[f].records.edges) {
        if (e.type == "APPEAL_OF" && resolve_id(e.to) != nullptr)
          arcs[e.from].push_back({e.to, f, &e});
      }
    }
    enum : uint8_t { unseen, open, done };
    std::unordered_map<std::string_view, uint8_t> state;
    std::vector<std::string_view> roots;
    for (const auto& [from, list] : arcs)
      roots.push_back(from);
    std::sort(roots.begin(), roots.end());  // deterministic report
    for (std::string_view root : roots) {
      if (state[root] != unseen)
        continue;
      std::vector<std::pair<std::string_view, std::size_t>> stack{{root, 0}};
      state[root] = open;
      while (!stack.empty()) {
        auto& [node, next] = stack.back();
        auto it = arcs.find(node);
        if (it == arcs.end() || next >= it->second.size()) {
          state[node] = done;
          stack.pop_back();
          continue;
        }
        const Arc arc = it->second[next++];
        const uint8_t s = state[arc.target];
        if (s == open) {
          std::string cycle;
          bool in_cycle = false;
          for (const auto& frame : stack) {
            if (frame.first == arc.target)
              in_cycle = true;
            if (in_cycle)
              cycle += std::string(frame.first) + " → ";
          }
          cycle += std::string(arc.target);
          error(arc.file, edge_pointer(*arc.edge), "APPEAL_OF cycle: " + cycle);
        } else if (s == unseen) {
          state[arc.target] = open;
          stack.emplace_back(arc.target, 0);
        }
      }
    }
  }

  std::vector<LoadedFile>& files_;
  Diagnostics& diagnostics_;
  std::vector<bool> round_errors_;
  std::vector<graph::RelationType> types_;
  const graph::RelationType* last_type_ = nullptr;
  std::map<std::string, std::string> type_origin_;
  std::unordered_map<std::string_view, std::vector<Definition>> ids_;
  std::unordered_map<std::string, std::string> dropped_ids_;  // id → file
};

// ---------------------------------------------------------------------------------------------
// Building: merges definitions and writes the tables.

class Builder {
 public:
  Builder(std::vector<LoadedFile>& files, const Checker& checker, Diagnostics& diagnostics)
      : files_(files), checker_(checker), diagnostics_(diagnostics), writer_(tables_) {
    tables_.relation_types = checker.types();
    global_source_.resize(files.size());
    for (std::size_t f = 0; f < files.size(); ++f) {
      global_source_[f].assign(files[f].records.sources.size(), kNone);
    }
  }

  graph::GraphTables build() {
    // Vertices in order of first definition; Graph::freeze sorts them by id later.
    std::size_t nodes = 0, edges = 0;
    for (const LoadedFile& file : files_) {
      nodes += file.accepted ? file.records.nodes.size() : 0;
      edges += file.accepted ? file.records.edges.size() : 0;
    }
    vertex_.reserve(nodes);
    tables_.nodes.reserve(nodes);
    tables_.edges.reserve(edges);
    for (uint32_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].accepted)
        continue;
      const auto& nodes = files_[f].records.nodes;
      for (uint32_t i = 0; i < nodes.size(); ++i) {
        auto [it, inserted] =
            vertex_.emplace(nodes[i].id, static_cast<graph::VertexId>(vertex_.size()));
        if (inserted)
          add_node(nodes[i].id);
      }
    }
    for (uint32_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].accepted)
        continue;
      for (const EdgeSpec& e : files_[f].records.edges)
        add_edge(f, e);
    }
    name_unnamed_decisions();
    warn_appeal_dates();
    return std::move(tables_);
  }

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFF;

  struct Value {
    std::string text;
    Definition def;
  };

  std::string place(uint32_t file, Section section, uint32_t record) const {
    return format_place(files_[file].file().locate(record_pointer(section, record)));
  }

  // The graph's source list for a file's list. A decision's edges share its list: the last
  // result is reused instead of copying the list once per edge.
  Range sources_of(uint32_t file, Range file_sources) {
    if (file == last_file_ && file_sources.begin == last_local_.begin &&
        file_sources.count == last_local_.count && last_global_.count == file_sources.count) {
      return last_global_;
    }
    const std::size_t start = tables_.source_refs.size();
    const FileRecords& r = files_[file].records;
    for (uint32_t i = 0; i < file_sources.count; ++i) {
      const uint32_t local = r.source_refs[file_sources.begin + i];
      uint32_t& global = global_source_[file][local];
      if (global == kNone) {
        const SourceSpec& s = r.sources[local];
        graph::SourceRecord rec;
        rec.url = writer_.store(s.url);
        rec.title = writer_.store(s.title);
        rec.publisher = writer_.intern(s.publisher);
        rec.note = writer_.store(s.note);
        rec.date = s.date;
        rec.kind = s.kind;
        global = writer_.add_source(rec);
      }
      tables_.source_refs.push_back(global);
    }
    last_file_ = file;
    last_local_ = file_sources;
    last_global_ = {static_cast<uint32_t>(start), file_sources.count};
    return last_global_;
  }

  bool has_official_source(uint32_t file, Range file_sources) const {
    const FileRecords& r = files_[file].records;
    for (uint32_t i = 0; i < file_sources.count; ++i) {
      if (r.sources[r.source_refs[file_sources.begin + i]].kind == graph::SourceKind::official)
        return true;
    }
    return false;
  }

  const NodeSpec& spec(Definition d) const { return files_[d.file].records.nodes[d.node]; }

  void add_claim(std::vector<graph::ClaimRecord>& claims, std::string_view property,
                 const std::string& value, Definition d, Range file_sources, std::string_view note,
                 bool authoritative, std::string_view origin = {}) {
    graph::ClaimRecord c;
    c.property = writer_.intern(property);
    c.value = writer_.store(value);
    const NodeSpec& n = spec(d);
    c.origin = writer_.store(origin.empty() ? place(d.file, n.section, n.record) : origin);
    c.note = writer_.store(note);
    c.sources = sources_of(d.file, file_sources);
    c.authoritative = authoritative;
    claims.push_back(c);
  }

  // Picks the authoritative value of one property among the definitions of a node; records a
  // claim per distinct value and a warning when they disagree.
  std::string merge_field(std::string_view id, std::string_view property,
                          const std::vector<Value>& values, Definition primary,
                          std::vector<graph::ClaimRecord>& claims) {
    if (values.empty())
      return {};
    const Value* chosen = &values.front();
    for (const Value& v : values) {
      if (v.def.file == primary.file && v.def.node == primary.node)
        chosen = &v;
    }
    bool conflict = false;
    for (const Value& v : values)
      conflict |= v.text != chosen->text;
    if (!conflict)
      return chosen->text;
    add_claim(claims, property, chosen->text, chosen->def, spec(chosen->def).sources, {}, true);
    std::unordered_set<std::string> seen{chosen->text};
    const bool official = has_official_source(chosen->def.file, spec(chosen->def).sources);
    for (const Value& v : values) {
      if (!seen.insert(v.text).second)
        continue;
      add_claim(claims, property, v.text, v.def, spec(v.def).sources, {}, false);
      const NodeSpec& n = spec(v.def);
      diagnostics_.add(files_[v.def.file].file().diagnostic(
          Severity::warning, record_pointer(n.section, n.record),
          "conflicting " + std::string(property) + " for " + q(id) + ": " + q(v.text) + " here, " +
              q(chosen->text) + " at " +
              place(chosen->def.file, spec(chosen->def).section, spec(chosen->def).record) +
              " is kept" + (official ? " (official source)" : " (first file)") +
              "; both are kept as claims"));
    }
    return chosen->text;
  }

  void add_node(std::string_view id) {
    const std::vector<Definition>& defs = checker_.ids().at(id);
    Definition primary = defs.front();
    for (const Definition& d : defs) {
      if (has_official_source(d.file, spec(d).sources)) {
        primary = d;
        break;
      }
    }
    const NodeSpec& p = spec(primary);
    std::vector<graph::ClaimRecord> claims;

    auto values_of = [&](std::string_view NodeSpec::*field) {
      std::vector<Value> values;
      for (const Definition& d : defs) {
        if (!(spec(d).*field).empty())
          values.push_back({std::string(spec(d).*field), d});
      }
      return values;
    };
    graph::NodeRecord rec;
    rec.label = p.label;
    rec.id = writer_.store(id);
    rec.name = writer_.store(merge_field(id, "name", values_of(&NodeSpec::name), primary, claims));
    rec.country =
        writer_.intern(merge_field(id, "country", values_of(&NodeSpec::country), primary, claims));
    rec.description = writer_.store(
        merge_field(id, "description", values_of(&NodeSpec::description), primary, claims));
    // Decisions are defined once, so their fields need no merging.
    rec.kind = writer_.intern(p.kind);
    rec.number = writer_.store(p.number);
    rec.currency = writer_.intern(p.currency);
    rec.summary = writer_.store(p.summary);
    rec.date = p.date;
    rec.amount = p.amount;

    // Aliases: the union, in order of appearance, without the name itself.
    std::vector<StrRef> aliases;
    std::unordered_set<std::string_view> seen_alias{id};
    std::vector<std::pair<std::string_view, std::vector<Value>>> identifiers;  // scheme → values
    std::vector<std::pair<std::string_view, std::vector<Value>>> props;
    std::vector<const PropertySpec*> prop_spec;
    std::vector<uint32_t> sources;
    for (const Definition& d : defs) {
      const FileRecords& r = files_[d.file].records;
      const NodeSpec& n = spec(d);
      for (uint32_t i = 0; i < n.aliases.count; ++i) {
        const std::string_view alias = r.strings[n.aliases.begin + i];
        if (seen_alias.insert(alias).second)
          aliases.push_back(writer_.store(alias));
      }
      for (uint32_t i = 0; i < n.identifiers.count; ++i) {
        const auto& [scheme, value] = r.identifiers[n.identifiers.begin + i];
        auto it = std::find_if(identifiers.begin(), identifiers.end(),
                               [&](const auto& e) { return e.first == scheme; });
        if (it == identifiers.end())
          it = identifiers.insert(identifiers.end(), {scheme, {}});
        it->second.push_back({std::string(value), d});
      }
      for (uint32_t i = 0; i < n.properties.count; ++i) {
        const PropertySpec& ps = r.properties[n.properties.begin + i];
        auto it = std::find_if(props.begin(), props.end(),
                               [&](const auto& e) { return e.first == ps.key; });
        if (it == props.end()) {
          it = props.insert(props.end(), {ps.key, {}});
          prop_spec.push_back(&ps);
        }
        it->second.push_back({property_text(ps), d});
      }
      const Range merged = sources_of(d.file, n.sources);
      for (uint32_t i = 0; i < merged.count; ++i) {
        const uint32_t s = tables_.source_refs[merged.begin + i];
        if (std::find(sources.begin(), sources.end(), s) == sources.end())
          sources.push_back(s);
      }
    }
    rec.aliases = writer_.add_string_list(aliases);

    std::vector<graph::IdentifierRecord> ids;
    for (const auto& [scheme, values] : identifiers) {
      const std::string chosen =
          merge_field(id, "identifiers." + std::string(scheme), values, primary, claims);
      ids.push_back({writer_.intern(scheme), writer_.store(chosen)});
    }
    rec.identifiers = {static_cast<uint32_t>(tables_.identifiers.size()),
                       static_cast<uint32_t>(ids.size())};
    tables_.identifiers.insert(tables_.identifiers.end(), ids.begin(), ids.end());

    rec.properties = {static_cast<uint32_t>(tables_.properties.size()), 0};
    std::vector<graph::PropertyRecord> prop_records;
    for (std::size_t i = 0; i < props.size(); ++i) {
      const std::string chosen = merge_field(id, props[i].first, props[i].second, primary, claims);
      // Keep the typed value of the authoritative definition.
      const PropertySpec* typed = prop_spec[i];
      for (const Value& v : props[i].second) {
        if (v.text == chosen) {
          const FileRecords& r = files_[v.def.file].records;
          const NodeSpec& n = spec(v.def);
          for (uint32_t k = 0; k < n.properties.count; ++k) {
            if (r.properties[n.properties.begin + k].key == props[i].first)
              typed = &r.properties[n.properties.begin + k];
          }
          break;
        }
      }
      prop_records.push_back(property_record(*typed));
    }
    tables_.properties.insert(tables_.properties.end(), prop_records.begin(), prop_records.end());
    rec.properties.count = static_cast<uint32_t>(prop_records.size());
    rec.sources = writer_.add_source_list(sources);

    // Claims written in the files: each is a non-authoritative value beside the record's own.
    const std::size_t merged = claims.size();
    for (const Definition& d : defs) {
      const FileRecords& r = files_[d.file].records;
      const NodeSpec& n = spec(d);
      if (files_[d.file].from_snapshot) {  // build --update: the claims the snapshot holds
        for (uint32_t i = 0; i < n.claims.count; ++i) {
          const ClaimSpec& c = r.claims[n.claims.begin + i];
          add_claim(claims, c.property, c.value, d, c.sources, c.note, c.authoritative, c.origin);
        }
        settle_carried_claims(claims, merged, place(d.file, n.section, n.record), writer_);
        continue;
      }
      for (uint32_t i = 0; i < n.claims.count; ++i) {
        const ClaimSpec& c = r.claims[n.claims.begin + i];
        const bool has_authoritative =
            std::any_of(claims.begin(), claims.end(), [&](const graph::ClaimRecord& k) {
              return k.authoritative && writer_.view(k.property) == c.property;
            });
        if (!has_authoritative) {
          add_claim(claims, c.property, current_value(rec, c.property), d, n.sources, {}, true);
        }
        add_claim(claims, c.property, c.value, d, c.sources, c.note, false);
      }
    }
    rec.claims = {static_cast<uint32_t>(tables_.claims.size()),
                  static_cast<uint32_t>(claims.size())};
    tables_.claims.insert(tables_.claims.end(), claims.begin(), claims.end());
    tables_.nodes.push_back(rec);
  }

  std::string current_value(const graph::NodeRecord& rec, std::string_view property) {
    if (property == "name")
      return std::string(writer_.view(rec.name));
    if (property == "country")
      return std::string(writer_.view(rec.country));
    if (property == "description")
      return std::string(writer_.view(rec.description));
    if (property == "kind")
      return std::string(writer_.view(rec.kind));
    if (property == "number")
      return std::string(writer_.view(rec.number));
    if (property == "currency")
      return std::string(writer_.view(rec.currency));
    if (property == "summary")
      return std::string(writer_.view(rec.summary));
    if (property == "date")
      return rec.date ? format_iso_date(rec.date) : std::string();
    if (property == "amount")
      return rec.amount >= 0 ? format_amount(rec.amount) : std::string();
    for (uint32_t i = 0; i < rec.properties.count; ++i) {
      const graph::PropertyRecord& p = tables_.properties[rec.properties.begin + i];
      if (writer_.view(p.key) == property)
        return property_text(p);
    }
    return {};
  }

  std::string property_text(const graph::PropertyRecord& p) const {
    return graph::value_text(p.kind, writer_.view(p.text), p.integer, p.number);
  }

  static std::string property_text(const PropertySpec& p) {
    return graph::value_text(p.kind, p.text, p.integer, p.number);
  }

  graph::PropertyRecord property_record(const PropertySpec& ps) {
    graph::PropertyRecord p;
    p.key = writer_.intern(ps.key);
    p.kind = ps.kind;
    p.text = ps.kind == graph::ValueKind::string ? writer_.intern(ps.text) : StrRef{};
    p.integer = ps.integer;
    p.number = ps.number;
    return p;
  }

  void add_edge(uint32_t file, const EdgeSpec& e) {
    const FileRecords& r = files_[file].records;
    graph::EdgeRecord rec;
    rec.source = vertex_.at(e.from);
    rec.target = vertex_.at(e.to);
    rec.type = type_id(e.type);
    rec.properties = {static_cast<uint32_t>(tables_.properties.size()), e.properties.count};
    for (uint32_t i = 0; i < e.properties.count; ++i) {
      tables_.properties.push_back(property_record(r.properties[e.properties.begin + i]));
    }
    rec.sources = sources_of(file, e.sources);
    std::vector<graph::ClaimRecord> claims;
    for (uint32_t i = 0; i < e.claims.count; ++i) {
      const ClaimSpec& c = r.claims[e.claims.begin + i];
      graph::ClaimRecord k;
      k.property = writer_.intern(c.property);
      k.value = writer_.store(c.value);
      k.origin = writer_.store(c.origin.empty()
                                   ? format_place(files_[file].file().locate(edge_pointer(e)))
                                   : c.origin);
      k.note = writer_.store(c.note);
      k.sources = sources_of(file, c.sources);
      claims.push_back(k);
    }
    rec.claims = {static_cast<uint32_t>(tables_.claims.size()),
                  static_cast<uint32_t>(claims.size())};
    tables_.claims.insert(tables_.claims.end(), claims.begin(), claims.end());
    tables_.edges.push_back(rec);
  }

  graph::RelTypeId type_id(std::string_view name) {
    auto it = type_ids_.find(name);
    if (it != type_ids_.end())
      return it->second;
    for (std::size_t i = 0; i < tables_.relation_types.size(); ++i) {
      if (tables_.relation_types[i].name == name) {
        type_ids_.emplace(name, static_cast<graph::RelTypeId>(i));
        return static_cast<graph::RelTypeId>(i);
      }
    }
    return 0;  // unreachable: the checker rejected undeclared types
  }

  // "CNIL warning 2014-298": issuer's short name (first alias, else name), kind, number or date.
  void name_unnamed_decisions() {
    std::vector<graph::VertexId> issuer(tables_.nodes.size(), kNone);
    for (const graph::EdgeRecord& e : tables_.edges) {
      if (e.type == graph::rel::kIssuedBy)
        issuer[e.source] = e.target;
    }
    for (graph::VertexId v = 0; v < tables_.nodes.size(); ++v) {
      graph::NodeRecord& n = tables_.nodes[v];
      if (n.label != Label::Decision || !n.name.empty())
        continue;
      std::string name;
      if (issuer[v] != kNone) {
        const graph::NodeRecord& i = tables_.nodes[issuer[v]];
        name = std::string(
                   writer_.view(i.aliases.count ? tables_.string_refs[i.aliases.begin] : i.name)) +
               ' ';
      }
      std::string kind(writer_.view(n.kind));
      std::replace(kind.begin(), kind.end(), '_', ' ');
      name += kind;
      if (!n.number.empty()) {
        name += ' ' + std::string(writer_.view(n.number));
      } else if (n.date != 0) {
        name += " of " + format_iso_date(n.date);
      }
      n.name = writer_.store(name);
    }
  }

  // An appeal ruled before the decision it rules on is almost surely a typo in a date.
  void warn_appeal_dates() {
    for (uint32_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].accepted)
        continue;
      for (const EdgeSpec& e : files_[f].records.edges) {
        if (e.type != "APPEAL_OF")
          continue;
        const graph::NodeRecord& later = tables_.nodes[vertex_.at(e.from)];
        const graph::NodeRecord& earlier = tables_.nodes[vertex_.at(e.to)];
        if (later.date != 0 && earlier.date != 0 && later.date < earlier.date) {
          diagnostics_.add(files_[f].file().diagnostic(
              Severity::warning, edge_pointer(e),
              q(e.from) + " (" + format_iso_date(later.date) + ") rules on " + q(e.to) +
                  ", dated later (" + format_iso_date(earlier.date) + ")"));
        }
      }
    }
  }

  std::vector<LoadedFile>& files_;
  const Checker& checker_;
  Diagnostics& diagnostics_;
  graph::GraphTables tables_;
  graph::TableWriter writer_;
  std::unordered_map<std::string_view, graph::VertexId> vertex_;
  std::unordered_map<std::string_view, graph::RelTypeId> type_ids_;
  std::vector<std::vector<uint32_t>> global_source_;
  uint32_t last_file_ = kNone;
  Range last_local_;
  Range last_global_;
};

}  // namespace

graph::GraphTables resolve(std::vector<LoadedFile>& files, Diagnostics& diagnostics) {
  Checker checker(files, diagnostics);
  while (checker.round()) {
  }
  return Builder(files, checker, diagnostics).build();
}

}  // namespace jurigraph::ingest
