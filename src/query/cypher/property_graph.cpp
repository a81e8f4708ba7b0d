#include "query/cypher/property_graph.hpp"

#include <algorithm>

namespace jurigraph::query::cypher {

std::optional<LabelId> PropertyGraph::find_label(std::string_view name) const {
  const auto& names = label_names();
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end())
    return std::nullopt;
  return static_cast<LabelId>(it - names.begin());
}

std::optional<TypeId> PropertyGraph::find_type(std::string_view name) const {
  const auto& names = type_names();
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end())
    return std::nullopt;
  return static_cast<TypeId>(it - names.begin());
}

}  // namespace jurigraph::query::cypher
