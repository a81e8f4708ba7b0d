// Members of the dataset records the importers write, with any RapidJSON writer (pretty or
// compact, a document or one JSON Lines record): an empty value is left out, as the schema has
// no empty strings, lists or objects to say "unknown".
#pragma once

#include <rapidjson/rapidjson.h>

#include <string>
#include <utility>
#include <vector>

namespace jurigraph::import {

template <typename Writer>
void string_member(Writer& w, const char* name, const std::string& value) {
  if (value.empty())
    return;
  w.Key(name);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

template <typename Writer>
void string_array(Writer& w, const char* name, const std::vector<std::string>& values) {
  if (values.empty())
    return;
  w.Key(name);
  w.StartArray();
  for (const std::string& v : values)
    w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  w.EndArray();
}

// `identifiers` and `properties`: an object of strings, its members in the pairs' order.
template <typename Writer>
void pairs_member(Writer& w, const char* name,
                  const std::vector<std::pair<std::string, std::string>>& pairs) {
  if (pairs.empty())
    return;
  w.Key(name);
  w.StartObject();
  for (const auto& [key, value] : pairs) {
    if (value.empty())
      continue;
    w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
  w.EndObject();
}

// The members an entity record starts with, in the schema's order: the same for the dataset
// document's records and the DILA importer's (EntityRecord, ImportEntity).
template <typename Writer, typename Entity>
void entity_head_members(Writer& w, const Entity& e) {
  string_member(w, "id", e.id);
  string_member(w, "label", e.label);
  string_member(w, "name", e.name);
  string_array(w, "aliases", e.aliases);
  pairs_member(w, "identifiers", e.identifiers);
  string_member(w, "country", e.country);
}

// The members a decision record starts with, in the schema's order (DecisionRecord,
// ImportDecision).
template <typename Writer, typename Decision>
void decision_head_members(Writer& w, const Decision& d) {
  string_member(w, "id", d.id);
  string_member(w, "kind", d.kind);
  string_member(w, "name", d.name);
  string_member(w, "issued_by", d.issued_by);
  string_array(w, "against", d.against);
  string_member(w, "date", d.date);
  string_member(w, "number", d.number);
  pairs_member(w, "identifiers", d.identifiers);
}

}  // namespace jurigraph::import
