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

}  // namespace jurigraph::import
