// Helpers of the JSON Lines tests: a JSON dataset rewritten as JSON Lines, and a graph written
// out whole, so that two graphs can be compared as text.
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "generate/synthetic.hpp"
#include "graph/graph.hpp"

namespace jurigraph::testing {

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The records of a JSON dataset document as JSON Lines, in the order of the format's sections;
// nullopt when the text is not a JSON object of known sections (nothing to convert).
inline std::optional<std::string> to_jsonl(const std::string& json) {
  rapidjson::Document doc;
  doc.Parse(json.c_str(), json.size());
  if (doc.HasParseError() || !doc.IsObject())
    return std::nullopt;
  std::string out;
  auto line = [&](const char* kind, const rapidjson::Value& v) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key(kind);
    v.Accept(w);
    w.EndObject();
    out += buffer.GetString();
    out += '\n';
  };
  for (auto m = doc.MemberBegin(); m != doc.MemberEnd(); ++m) {
    const std::string name = m->name.GetString();
    if (name != "$schema" && name != "dataset" && name != "sources" && name != "vocabulary" &&
        name != "entities" && name != "decisions" && name != "relations")
      return std::nullopt;
    if ((name == "entities" || name == "decisions" || name == "relations") && !m->value.IsArray())
      return std::nullopt;
  }
  for (const char* top : {"$schema", "dataset", "sources", "vocabulary"}) {
    if (doc.HasMember(top))
      line(top, doc[top]);
  }
  const std::pair<const char*, const char*> sections[] = {
      {"entities", "entity"}, {"decisions", "decision"}, {"relations", "relation"}};
  for (const auto& [many, one] : sections) {
    if (!doc.HasMember(many))
      continue;
    for (const auto& item : doc[many].GetArray())
      line(one, item);
  }
  return out;
}

// JSON Lines records as one JSON dataset document, the inverse of to_jsonl; nullopt when a line
// is not JSON. Records go to their sections; other lines (dataset, sources...) are members.
inline std::optional<std::string> to_json(const std::string& lines) {
  rapidjson::Document doc;
  doc.SetObject();
  auto& a = doc.GetAllocator();
  const std::pair<const char*, const char*> kinds[] = {
      {"entity", "entities"}, {"decision", "decisions"}, {"relation", "relations"}};
  rapidjson::Value sections[3] = {rapidjson::Value(rapidjson::kArrayType),
                                  rapidjson::Value(rapidjson::kArrayType),
                                  rapidjson::Value(rapidjson::kArrayType)};
  for (std::size_t pos = 0; pos < lines.size();) {
    const std::size_t end = std::min(lines.find('\n', pos), lines.size());
    rapidjson::Document line(&a);
    // Decimals as the loader reads them (kJsonParseFlags), so that the document holds the same.
    line.Parse<rapidjson::kParseFullPrecisionFlag>(lines.data() + pos, end - pos);
    pos = end + 1;
    if (line.HasParseError() || !line.IsObject() || line.MemberCount() != 1)
      return std::nullopt;
    const auto m = line.MemberBegin();
    bool record = false;
    for (int k = 0; k < 3; ++k) {
      if (std::string_view(m->name.GetString()) == kinds[k].first) {
        sections[k].PushBack(rapidjson::Value(m->value, a), a);
        record = true;
      }
    }
    if (!record)
      doc.AddMember(rapidjson::Value(m->name, a), rapidjson::Value(m->value, a), a);
  }
  for (int k = 0; k < 3; ++k)
    doc.AddMember(rapidjson::StringRef(kinds[k].second), sections[k], a);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  doc.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Every diagnostic, a line each: what a failed assertion shows.
inline std::string messages(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.all())
    out += format_diagnostic(d) + "\n";
  return out;
}

// The record lines of the shipped datasets (converted) and of a small generated dataset.
inline std::vector<std::string> record_lines() {
  std::string all;
  const std::filesystem::path datasets =
      std::filesystem::path(JURIGRAPH_TEST_DATA) / ".." / ".." / "datasets";
  for (const auto& entry : std::filesystem::directory_iterator(datasets)) {
    if (entry.path().extension() == ".json")
      all += *to_jsonl(read_text(entry.path()));
  }
  std::ostringstream generated;
  generate::write_dataset_jsonl(generate::generate_graph(60, 2), generated);
  all += generated.str();
  std::vector<std::string> lines;
  for (std::size_t pos = 0; pos < all.size();) {
    const std::size_t end = all.find('\n', pos);
    lines.push_back(all.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

// JSON Lines with `members` (text such as "\"properties\":{...},") put first in the decision
// records for which chosen(n) is true, n counting them from 1.
template <typename Chosen>
std::string with_decision_members(const std::string& lines, std::string_view members,
                                  Chosen&& chosen) {
  constexpr std::string_view kStart = "{\"decision\":{";
  std::string changed;
  std::size_t decisions = 0;
  for (std::size_t pos = 0; pos < lines.size();) {
    const std::size_t end = lines.find('\n', pos);
    std::string line = lines.substr(pos, end - pos + 1);
    pos = end + 1;
    if (line.starts_with(kStart) && chosen(++decisions))
      line.insert(kStart.size(), members);
    changed += line;
  }
  return changed;
}

// Every table of a graph as text. Claim origins (file:line:col of the record) are left out:
// they name each format's own lines.
inline std::string dump_graph(const graph::Graph& g) {
  std::ostringstream o;
  auto claims = [&](graph::Range r) {
    for (const auto& c : g.claims(r)) {
      o << " claim " << g.str(c.property) << '=' << g.str(c.value) << " note=" << g.str(c.note)
        << " auth=" << c.authoritative << " src";
      for (uint32_t s : g.source_ids(c.sources))
        o << ' ' << s;
    }
  };
  auto props = [&](graph::Range r) {
    for (const auto& p : g.properties(r)) {
      o << ' ' << g.str(p.key) << ':' << static_cast<int>(p.kind) << '=' << g.str(p.text) << '/'
        << p.integer << '/' << p.number;
    }
  };
  for (std::size_t i = 0; i < g.source_count(); ++i) {
    const auto& s = g.source(static_cast<uint32_t>(i));
    o << "source " << i << ' ' << g.str(s.url) << '|' << g.str(s.title) << '|' << g.str(s.publisher)
      << '|' << g.str(s.note) << '|' << s.date << '|' << static_cast<int>(s.kind) << '\n';
  }
  for (const auto& t : g.relation_types()) {
    o << "type " << t.name << ' ' << t.description << ' ' << t.from.size() << ' ' << t.to.size()
      << '\n';
  }
  for (graph::VertexId v = 0; v < g.node_count(); ++v) {
    const auto& n = g.node(v);
    o << "node " << v << ' ' << static_cast<int>(n.label) << ' ' << g.str(n.id) << '|'
      << g.str(n.name) << '|' << g.str(n.country) << '|' << g.str(n.description) << '|'
      << g.str(n.kind) << '|' << g.str(n.number) << '|' << g.str(n.currency) << '|'
      << g.str(n.summary) << '|' << n.date << '|' << n.amount << " aliases";
    for (const auto& a : g.strings(n.aliases))
      o << ' ' << g.str(a);
    o << " ids";
    for (const auto& i : g.identifiers(n.identifiers))
      o << ' ' << g.str(i.scheme) << '=' << g.str(i.value);
    o << " props";
    props(n.properties);
    o << " sources";
    for (uint32_t s : g.source_ids(n.sources))
      o << ' ' << s;
    claims(n.claims);
    o << '\n';
  }
  for (graph::EdgeId e = 0; e < g.edge_count(); ++e) {
    const auto& r = g.edge(e);
    o << "edge " << e << ' ' << r.source << ' ' << r.target << ' ' << r.type << " props";
    props(r.properties);
    o << " sources";
    for (uint32_t s : g.source_ids(r.sources))
      o << ' ' << s;
    claims(r.claims);
    o << '\n';
  }
  return o.str();
}

}  // namespace jurigraph::testing
