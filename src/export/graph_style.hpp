// The diagram style (viz/style.json): Graphviz attributes per label, decision kind and
// relationship type. See viz/README.md.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jurigraph::exporter {

using Attributes = std::vector<std::pair<std::string, std::string>>;

struct GraphStyle {
  Attributes graph, node, edge;
  std::map<std::string, Attributes> labels;
  std::map<std::string, Attributes> decision_kinds;
  std::map<std::string, Attributes> relations;
  Attributes other_relations;
};

// viz/style.json as compiled into the binary.
std::string_view default_style_text();
GraphStyle default_style();
// Parses a style; throws Error naming `name`, line and column on bad JSON or a wrong shape.
GraphStyle parse_style(std::string_view json, const std::string& name);
GraphStyle load_style_file(const std::string& path);

}  // namespace jurigraph::exporter
