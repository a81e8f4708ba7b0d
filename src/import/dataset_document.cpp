#include "import/dataset_document.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <sstream>

#include "base/atomic_file.hpp"
#include "base/calendar.hpp"
#include "base/fold.hpp"
#include "import/json_members.hpp"
#include "ingest/ingest.hpp"

namespace jurigraph::import {

std::string slug(std::string_view name) {
  const std::string folded = fold_for_lookup(name);
  std::string out;
  out.reserve(folded.size());
  bool dash = false;
  for (const char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty())
        out += '-';
      dash = false;
      out += c;
    } else {
      dash = true;
    }
  }
  return out;
}

std::optional<std::string> make_id(std::string_view prefix, std::string_view name) {
  std::string s = slug(name);
  if (s.empty())
    return std::nullopt;
  std::string id;
  id.reserve(prefix.size() + 1 + s.size());
  id.append(prefix).append(":").append(s);
  return id;
}

Location Origin::of(std::string_view field) const {
  for (const Field& f : fields) {
    if (f.name == field)
      return Location(record.file, f.line, f.column);
  }
  return record;
}

std::string DatasetDocument::add_source(const SourceRecord& source) {
  std::string key = source.url;
  key += '\0';
  key += source.title;
  key += '\0';
  key += source.publisher;
  const auto [it, added] = source_index_.try_emplace(std::move(key), sources_.size());
  if (added)
    sources_.emplace_back("source-" + std::to_string(sources_.size() + 1), source);
  return sources_[it->second].first;
}

namespace {

template <typename T>
void add_missing(std::vector<T>& into, const std::vector<T>& from) {
  for (const T& x : from) {
    if (std::find(into.begin(), into.end(), x) == into.end())
      into.push_back(x);
  }
}

}  // namespace

void DatasetDocument::add_entity(EntityRecord entity) {
  const auto [it, added] = entity_index_.try_emplace(entity.id, entities_.size());
  auto new_source = [this, &entity](const std::string& key) {
    return entity_sources_.insert(entity.id + '\0' + key).second;
  };
  if (added) {
    std::erase_if(entity.sources, [&](const std::string& key) { return !new_source(key); });
    entities_.push_back(std::move(entity));
    return;
  }
  EntityRecord& kept = entities_[it->second];
  if (!entity.name.empty() && entity.name != kept.name &&
      std::find(kept.aliases.begin(), kept.aliases.end(), entity.name) == kept.aliases.end())
    kept.aliases.push_back(entity.name);
  add_missing(kept.aliases, entity.aliases);
  for (const auto& pair : entity.identifiers) {
    const bool known = std::any_of(kept.identifiers.begin(), kept.identifiers.end(),
                                   [&](const auto& k) { return k.first == pair.first; });
    if (!known)
      kept.identifiers.push_back(pair);
  }
  for (const std::string& key : entity.sources) {
    if (new_source(key))
      kept.sources.push_back(key);
  }
  if (kept.country.empty())
    kept.country = entity.country;
  if (kept.description.empty())
    kept.description = entity.description;
}

namespace {

// Writes the records with any RapidJSON writer: the JSON document (pretty for the file, compact
// for the check) and each JSON Lines record share these functions.
template <typename Writer>
void write_info(Writer& w, const DatasetInfo& info) {
  w.StartObject();
  string_member(w, "title", info.title);
  string_member(w, "description", info.description);
  string_member(w, "license", info.license);
  string_member(w, "maintainer", info.maintainer);
  w.EndObject();
}

template <typename Writer>
void write_source(Writer& w, const SourceRecord& s) {
  w.StartObject();
  string_member(w, "url", s.url);
  string_member(w, "title", s.title);
  string_member(w, "publisher", s.publisher);
  string_member(w, "date", s.date);
  string_member(w, "kind", s.kind);
  string_member(w, "note", s.note);
  w.EndObject();
}

template <typename Writer>
void write_entity(Writer& w, const EntityRecord& e) {
  w.StartObject();
  entity_head_members(w, e);
  string_member(w, "description", e.description);
  string_array(w, "sources", e.sources);
  w.EndObject();
}

template <typename Writer>
void write_decision(Writer& w, const DecisionRecord& d) {
  w.StartObject();
  decision_head_members(w, d);
  if (d.amount) {
    w.Key("amount");
    if (*d.amount % 100 == 0)
      w.Int64(*d.amount / 100);
    else {
      const std::string text = format_amount(*d.amount);
      w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    }
  }
  string_member(w, "currency", d.currency);
  string_member(w, "summary", d.summary);
  if (!d.cites.empty()) {
    w.Key("cites");
    w.StartArray();
    for (const Citation& c : d.cites) {
      w.StartObject();
      string_member(w, "provision", c.provision);
      string_member(w, "role", c.role);
      w.EndObject();
    }
    w.EndArray();
  }
  pairs_member(w, "properties", d.properties);
  string_array(w, "sources", d.sources);
  w.EndObject();
}

template <typename Writer>
void write_relation(Writer& w, const RelationRecord& r) {
  w.StartObject();
  string_member(w, "type", r.type);
  string_member(w, "from", r.from);
  string_member(w, "to", r.to);
  pairs_member(w, "properties", r.properties);
  string_array(w, "sources", r.sources);
  w.EndObject();
}

bool has_info(const DatasetInfo& i) {
  return !(i.title.empty() && i.description.empty() && i.license.empty() && i.maintainer.empty());
}

template <typename Writer>
void write_document(Writer& w, const DatasetInfo& info,
                    const std::vector<std::pair<std::string, SourceRecord>>& sources,
                    const std::vector<EntityRecord>& entities,
                    const std::vector<DecisionRecord>& decisions,
                    const std::vector<RelationRecord>& relations) {
  w.StartObject();
  if (has_info(info)) {
    w.Key("dataset");
    write_info(w, info);
  }
  w.Key("sources");
  w.StartObject();
  for (const auto& [key, s] : sources) {
    w.Key(key.c_str());
    write_source(w, s);
  }
  w.EndObject();
  w.Key("entities");
  w.StartArray();
  for (const EntityRecord& e : entities)
    write_entity(w, e);
  w.EndArray();
  w.Key("decisions");
  w.StartArray();
  for (const DecisionRecord& d : decisions)
    write_decision(w, d);
  w.EndArray();
  if (!relations.empty()) {
    w.Key("relations");
    w.StartArray();
    for (const RelationRecord& r : relations)
      write_relation(w, r);
    w.EndArray();
  }
  w.EndObject();
}

// One JSON Lines record: {"<kind>": record}.
template <typename Write>
void write_line(std::ostream& out, const char* kind, Write write) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key(kind);
  write(w);
  w.EndObject();
  out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  out.put('\n');
}

// "/decisions/12/date" → {"decisions", 12, "date"}; the index is npos for "/sources/key".
struct PointerParts {
  std::string_view section, key, field;
  std::size_t index = std::string_view::npos;
};

PointerParts split_pointer(std::string_view pointer) {
  PointerParts p;
  std::string_view rest = pointer.substr(pointer.empty() ? 0 : 1);
  auto next = [&rest]() {
    const std::size_t slash = rest.find('/');
    const std::string_view token = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    return token;
  };
  p.section = next();
  p.key = next();
  p.field = next();
  std::size_t index = 0;
  const auto [end, ec] = std::from_chars(p.key.data(), p.key.data() + p.key.size(), index);
  if (ec == std::errc() && end == p.key.data() + p.key.size() && !p.key.empty())
    p.index = index;
  return p;
}

constexpr const char* kDocumentName = "<the dataset made>";

}  // namespace

void DatasetDocument::write_json(std::ostream& out) const {
  rapidjson::OStreamWrapper stream(out);
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> w(stream);
  w.SetIndent(' ', 2);
  write_document(w, info_, sources_, entities_, decisions_, relations_);
  out.put('\n');
}

void DatasetDocument::write_jsonl(std::ostream& out) const {
  if (has_info(info_))
    write_line(out, "dataset", [&](auto& w) { write_info(w, info_); });
  for (const auto& [key, s] : sources_) {
    // Named captures: clang 14 (the fuzz build) cannot capture a structured binding.
    write_line(out, "sources", [&key = key, &s = s](auto& w) {
      w.StartObject();
      w.Key(key.c_str());
      write_source(w, s);
      w.EndObject();
    });
  }
  for (const EntityRecord& e : entities_)
    write_line(out, "entity", [&](auto& w) { write_entity(w, e); });
  for (const DecisionRecord& d : decisions_)
    write_line(out, "decision", [&](auto& w) { write_decision(w, d); });
  for (const RelationRecord& r : relations_)
    write_line(out, "relation", [&](auto& w) { write_relation(w, r); });
}

Location DatasetDocument::origin_of(std::string_view pointer) const {
  const PointerParts p = split_pointer(pointer);
  if (p.section == "decisions" && p.index < decisions_.size())
    return decisions_[p.index].origin.of(p.field);
  if (p.section == "entities" && p.index < entities_.size())
    return entities_[p.index].origin.of(p.field);
  if (p.section == "relations" && p.index < relations_.size())
    return relations_[p.index].origin.of(p.field);
  if (p.section == "sources") {
    for (const auto& [key, s] : sources_) {
      if (key == p.key)
        return s.origin;
    }
  }
  return Location(kDocumentName);
}

Diagnostics DatasetDocument::check(const std::vector<std::string>& context) const {
  // A decision made twice (two rows with one id) is reported here, at both origins: the
  // dataset check would name the second's place in a text that is never written.
  Diagnostics duplicates;
  std::unordered_map<std::string_view, std::size_t> first;
  for (std::size_t i = 0; i < decisions_.size(); ++i) {
    const auto [it, added] = first.try_emplace(decisions_[i].id, i);
    if (!added) {
      const Location& before = decisions_[it->second].origin.of("id");
      duplicates.error(decisions_[i].origin.of("id"),
                       "duplicate decision id \"" + decisions_[i].id + "\", already made at " +
                           format_place(before));
    }
  }
  if (duplicates.has_errors())
    return duplicates;
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  write_document(w, info_, sources_, entities_, decisions_, relations_);
  const Diagnostics found = ingest::check_dataset_text(
      kDocumentName, std::string(buffer.GetString(), buffer.GetSize()), context);
  Diagnostics moved;
  for (const Diagnostic& d : found.all()) {
    if (d.where.file != kDocumentName) {
      moved.add(d);
      continue;
    }
    Diagnostic m;
    m.severity = d.severity;
    m.where = origin_of(d.where.pointer);
    m.message = d.message;
    if (!d.where.pointer.empty())
      m.message += " (at " + d.where.pointer + " of the dataset made)";
    moved.add(std::move(m));
  }
  moved.sort_by_location();
  return moved;
}

void DatasetDocument::write(const std::string& path) const {
  const bool jsonl = ingest::is_jsonl_extension(std::filesystem::path(path).extension().string());
  write_file_atomically(path, [&](std::ostream& out) {
    if (jsonl)
      write_jsonl(out);
    else
      write_json(out);
  });
}

}  // namespace jurigraph::import
