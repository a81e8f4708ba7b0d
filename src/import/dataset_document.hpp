// A dataset document under construction, shared by the importers (`import csv`, `import dila`):
// sources, entities, decisions and relations in the terms of schema/dataset.schema.json, ids
// made from names, the check `validate` runs, and the atomic write as JSON or JSON Lines.
//
// Every record carries where it came from (`origin`, e.g. sheet.csv:12:1, and optionally one
// place per field), so that a problem the dataset check finds in the document is reported at the
// input that caused it rather than at a line of a file that was never written.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/diagnostic.hpp"

namespace jurigraph::import {

// "Optical Center" → "optical-center", "Conseil d'État" → "conseil-d-etat": the name folded as
// look-ups fold it (case, accents, punctuation), then every run of anything but a-z and 0-9
// turned into one '-'. Empty when nothing of the name is left (a name in another script).
std::string slug(std::string_view name);
// "company" and "Optical Center" → "company:optical-center"; nullopt when the slug is empty.
std::optional<std::string> make_id(std::string_view prefix, std::string_view name);

// Where a record's fields came from: the record's own place and, for some fields (by the name
// the dataset format gives them: "date", "amount", "against"…), the place of the field, in the
// record's file. A field keeps its line and column only, not a Location of its own with a copy
// of the file's path: an import of 100,000 spreadsheet rows held some 800,000 of them.
struct Origin {
  struct Field {
    std::string name;
    uint32_t line = 0, column = 0;
  };
  Location record;
  std::vector<Field> fields;
  // `where` is in the record's file.
  void set(std::string field, const Location& where) {
    fields.push_back({std::move(field), where.line, where.column});
  }
  // The field's place, or the record's when the field has none.
  Location of(std::string_view field) const;
};

struct SourceRecord {
  std::string url, title, publisher, date, kind, note;  // empty: absent
  Location origin;                                      // where it was first given
};

using Pairs = std::vector<std::pair<std::string, std::string>>;  // identifiers, properties

struct EntityRecord {
  std::string id, label, name;
  std::vector<std::string> aliases;
  Pairs identifiers;
  std::string country, description;
  std::vector<std::string> sources;  // source keys (DatasetDocument::add_source)
  Origin origin;
};

struct Citation {
  std::string provision;
  std::string role = "infringed";
};

struct DecisionRecord {
  std::string id, kind, name, issued_by;
  std::vector<std::string> against;
  std::string date;  // YYYY-MM-DD, empty: absent
  std::string number;
  Pairs identifiers;
  std::optional<int64_t> amount;  // hundredths (base/calendar.hpp), never a binary float
  std::string currency;
  std::string summary;
  std::vector<Citation> cites;
  Pairs properties;  // written as strings
  std::vector<std::string> sources;
  Origin origin;
};

struct RelationRecord {
  std::string type, from, to;
  Pairs properties;
  std::vector<std::string> sources;
  Origin origin;
};

struct DatasetInfo {
  std::string title, description, license, maintainer;
};

class DatasetDocument {
 public:
  void set_info(DatasetInfo info) { info_ = std::move(info); }

  // The key of a source: an equal source (same url, title and publisher) added before gives its
  // key back; a new one is keyed `source-N` in the order of first addition.
  std::string add_source(const SourceRecord& source);
  // Adds an entity, or merges it into the one with the same id: a name spelled otherwise
  // ("OPTICAL CENTER" after "Optical Center") becomes an alias, aliases, identifiers and
  // sources are united, other fields keep the first value given.
  void add_entity(EntityRecord entity);
  // Decisions and relations are kept as given: a duplicate id is the dataset check's to report.
  void add_decision(DecisionRecord decision) { decisions_.push_back(std::move(decision)); }
  void add_relation(RelationRecord relation) { relations_.push_back(std::move(relation)); }

  std::size_t source_count() const { return sources_.size(); }
  std::size_t entity_count() const { return entities_.size(); }
  std::size_t decision_count() const { return decisions_.size(); }
  std::size_t relation_count() const { return relations_.size(); }
  const std::vector<DecisionRecord>& decisions() const { return decisions_; }
  const std::vector<EntityRecord>& entities() const { return entities_; }

  // The dataset format as one JSON document (records in the order added), and the same records as
  // JSON Lines (schema/README.md), which give the same graph.
  void write_json(std::ostream& out) const;
  void write_jsonl(std::ostream& out) const;

  // The checks of `jurigraph validate` on the document, together with the datasets of
  // `context` (files or folders it may refer to). Each diagnostic about the document is moved to
  // the origin of the record (and field) it points at, its message ending with the pointer in
  // the document made, e.g. `sheet.csv:4:37: error: invalid date "2015-02-30" (at
  // /decisions/2/date of the dataset made)`.
  Diagnostics check(const std::vector<std::string>& context = {}) const;

  // Writes the document to `path` atomically: JSON Lines for .jsonl and .ndjson, else JSON.
  void write(const std::string& path) const;

 private:
  Location origin_of(std::string_view pointer) const;

  DatasetInfo info_;
  std::vector<std::pair<std::string, SourceRecord>> sources_;
  std::vector<EntityRecord> entities_;
  std::unordered_map<std::string, std::size_t> entity_index_;  // id → index in entities_
  std::unordered_map<std::string, std::size_t> source_index_;  // url, title, publisher → index
  // "entity id\0source key" for every source an entity holds: a company named on thousands of
  // rows gathers their sources without a search through its list each time.
  std::unordered_set<std::string> entity_sources_;
  std::vector<DecisionRecord> decisions_;
  std::vector<RelationRecord> relations_;
};

}  // namespace jurigraph::import
