#include "graph/lookup.hpp"

#include <algorithm>
#include <tuple>

#include "base/concat.hpp"
#include "base/fold.hpp"

namespace jurigraph::graph {
namespace {

constexpr std::size_t kMaxSuggestions = 5;

// Names close to `folded`: first those that contain it as a word prefix, then by edit distance
// within a third of its length. Keys whose length alone rules them out are skipped cheaply.
std::vector<VertexId> nearest(const Graph& graph, const std::string& folded) {
  struct Scored {
    std::size_t score;
    std::string_view key;
    VertexId vertex;
  };
  std::vector<Scored> scored;
  const std::size_t budget = std::max<std::size_t>(2, folded.size() / 3);
  for (const NameKey& k : graph.name_index()) {
    const std::string_view key = graph.str(k.folded);
    const std::size_t word = key.find(folded);
    if (!folded.empty() && word != std::string_view::npos && (word == 0 || key[word - 1] == ' ')) {
      scored.push_back({0, key, k.vertex});
      continue;
    }
    const std::size_t diff =
        key.size() > folded.size() ? key.size() - folded.size() : folded.size() - key.size();
    if (diff > budget)
      continue;
    const std::size_t d = edit_distance(folded, key);
    if (d <= budget)
      scored.push_back({d, key, k.vertex});
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return std::tie(a.score, a.key, a.vertex) < std::tie(b.score, b.key, b.vertex);
  });
  std::vector<VertexId> out;
  for (const Scored& s : scored) {
    if (std::find(out.begin(), out.end(), s.vertex) == out.end())
      out.push_back(s.vertex);
    if (out.size() == kMaxSuggestions)
      break;
  }
  return out;
}

}  // namespace

LookupResult lookup_node(const Graph& graph, std::string_view query) {
  LookupResult r;
  if (auto v = graph.find_id(query)) {
    r.status = LookupResult::Status::found;
    r.vertex = *v;
    return r;
  }
  const std::string folded = fold_for_lookup(query);
  std::vector<VertexId> matches = graph.find_folded(folded);
  matches.erase(std::unique(matches.begin(), matches.end()), matches.end());
  if (matches.size() == 1) {
    r.status = LookupResult::Status::found;
    r.vertex = matches.front();
  } else if (matches.size() > 1) {
    r.status = LookupResult::Status::ambiguous;
    r.candidates = std::move(matches);
  } else {
    r.candidates = nearest(graph, folded);
  }
  return r;
}

std::string describe_node(const Graph& graph, VertexId v) {
  const NodeRecord& n = graph.node(v);
  std::string out(graph.str(n.name));
  out.append(" (").append(graph.str(n.id)).append(", ").append(label_name(n.label)).append(")");
  return out;
}

VertexId resolve_node(const Graph& graph, std::string_view query, const Location& where) {
  const LookupResult r = lookup_node(graph, query);
  if (r.status == LookupResult::Status::found)
    return r.vertex;
  std::string message;
  if (r.status == LookupResult::Status::ambiguous) {
    message.append("\"").append(query).append("\" is ambiguous; it names ");
    message.append(std::to_string(r.candidates.size())).append(" nodes:");
  } else {
    message.append("no node named \"").append(query).append("\"");
    if (!r.candidates.empty())
      message += "; did you mean:";
  }
  for (VertexId c : r.candidates)
    message += "\n  " + describe_node(graph, c);
  if (r.status == LookupResult::Status::ambiguous)
    message += "\nuse an id to choose one";
  throw Error(where, message, ErrorKind::not_found);
}

std::vector<RelTypeId> resolve_relation_types(const Graph& graph,
                                              const std::vector<std::string>& names,
                                              const Location& where) {
  std::vector<RelTypeId> ids;
  for (const std::string& name : names) {
    std::string upper;
    for (char ch : name)
      upper += static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    if (auto id = graph.find_relation_type(upper)) {
      ids.push_back(*id);
      continue;
    }
    std::string known;
    for (const RelationType& t : graph.relation_types())
      known += (known.empty() ? "" : ", ") + t.name;
    throw Error(where, concat("unknown relationship type \"", name, "\"; the graph has: ", known),
                ErrorKind::usage);
  }
  return ids;
}

}  // namespace jurigraph::graph
