#include "export/graph_style.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <utility>

#include "base/diagnostic.hpp"
#include "base/file_text.hpp"
#include "base/source_text.hpp"

namespace jurigraph::exporter {
namespace {

[[noreturn]] void fail(const std::string& name, std::string_view text, std::size_t offset,
                       const std::string& message) {
  const SourceText source(text);
  const LineColumn lc = source.position(offset);
  throw Error(Location(name, lc.line, lc.column), message, ErrorKind::usage);
}

Attributes attributes(const rapidjson::Value& v, const std::string& name, std::string_view text,
                      const char* where) {
  Attributes out;
  if (!v.IsObject())
    fail(name, text, 0, std::string("\"") + where + "\" must be an object of Graphviz attributes");
  for (const auto& m : v.GetObject()) {
    if (!m.value.IsString()) {
      fail(name, text, 0,
           std::string("attribute \"") + m.name.GetString() + "\" in \"" + where +
               "\" must be a string");
    }
    out.emplace_back(m.name.GetString(), m.value.GetString());
  }
  return out;
}

std::map<std::string, Attributes> attribute_map(const rapidjson::Value& root, const char* key,
                                                const std::string& name, std::string_view text) {
  std::map<std::string, Attributes> out;
  if (!root.HasMember(key))
    return out;
  const rapidjson::Value& v = root[key];
  if (!v.IsObject())
    fail(name, text, 0, std::string("\"") + key + "\" must be an object");
  for (const auto& m : v.GetObject())
    out[m.name.GetString()] = attributes(m.value, name, text, m.name.GetString());
  return out;
}

}  // namespace

GraphStyle parse_style(std::string_view json, const std::string& name) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) {
    fail(name, json, doc.GetErrorOffset(),
         std::string("malformed JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
  }
  if (!doc.IsObject())
    fail(name, json, 0, "a style is a JSON object");
  static const char* const kKeys[] = {"graph",          "node",      "edge",           "labels",
                                      "decision_kinds", "relations", "other_relations"};
  // Through a const reference: RapidJSON 1.1's non-const member iterators compare ambiguously
  // in C++20 (clang's -Wambiguous-reversed-operator); the const ones do not.
  for (const auto& m : std::as_const(doc).GetObject()) {
    bool known = false;
    for (const char* k : kKeys)
      known |= std::string_view(m.name.GetString()) == k;
    if (!known)
      fail(name, json, 0, std::string("unknown style key \"") + m.name.GetString() + "\"");
  }
  GraphStyle s;
  if (doc.HasMember("graph"))
    s.graph = attributes(doc["graph"], name, json, "graph");
  if (doc.HasMember("node"))
    s.node = attributes(doc["node"], name, json, "node");
  if (doc.HasMember("edge"))
    s.edge = attributes(doc["edge"], name, json, "edge");
  if (doc.HasMember("other_relations"))
    s.other_relations = attributes(doc["other_relations"], name, json, "other_relations");
  s.labels = attribute_map(doc, "labels", name, json);
  s.decision_kinds = attribute_map(doc, "decision_kinds", name, json);
  s.relations = attribute_map(doc, "relations", name, json);
  return s;
}

GraphStyle default_style() {
  return parse_style(default_style_text(), "viz/style.json");
}

GraphStyle load_style_file(const std::string& path) {
  const std::optional<std::string> text = read_file_text(path);
  if (!text)
    throw Error(Location(path), "cannot read the style file", ErrorKind::usage);
  return parse_style(*text, path);
}

}  // namespace jurigraph::exporter
