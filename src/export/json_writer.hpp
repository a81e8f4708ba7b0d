// JSON output through RapidJSON's streaming writer: the shared way nodes, edges and sources are
// written by every JSON-producing command (show, stats, later path and query).
#pragma once

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <ostream>
#include <string_view>

#include "graph/graph.hpp"

namespace jurigraph::exporter {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

inline void write_string(JsonWriter& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
inline void write_key(JsonWriter& w, std::string_view s) {
  w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

// {"url":…, "title":…, "publisher":…, "date":…, "kind":…}
void write_source(JsonWriter& w, const graph::Graph& g, uint32_t source);
// The node's properties as one object: id, label, name, aliases, identifiers, decision fields,
// properties, sources, claims. Amounts are decimal strings, dates ISO strings.
void write_node(JsonWriter& w, const graph::Graph& g, graph::VertexId v);
// {"type":…, "from":id, "to":id, "properties":{…}, "sources":[…], "claims":[…]}
void write_edge(JsonWriter& w, const graph::Graph& g, graph::EdgeId e);

}  // namespace jurigraph::exporter
