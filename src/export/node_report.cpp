#include "export/node_report.hpp"

#include <algorithm>
#include <vector>

#include "base/calendar.hpp"
#include "export/json_writer.hpp"

namespace jurigraph::exporter {
namespace {

using graph::Graph;

// Numbers the distinct sources a report cites, in order of first mention.
class SourceNumbers {
 public:
  std::string refs(const Graph& g, graph::Range sources) {
    std::string out;
    for (uint32_t s : g.source_ids(sources)) {
      auto it = std::find(order_.begin(), order_.end(), s);
      if (it == order_.end())
        it = order_.insert(order_.end(), s);
      out += (out.empty() ? "[" : " [") + std::to_string(it - order_.begin() + 1) + "]";
    }
    return out;
  }
  const std::vector<uint32_t>& order() const { return order_; }

 private:
  std::vector<uint32_t> order_;
};

std::string property_text(const Graph& g, const graph::PropertyRecord& p) {
  return graph::value_text(p.kind, g.str(p.text), p.integer, p.number);
}

std::string edge_properties(const Graph& g, graph::Range props) {
  std::string out;
  for (const graph::PropertyRecord& p : g.properties(props)) {
    out += out.empty() ? " {" : ", ";
    out += std::string(g.str(p.key)) + ": " + property_text(g, p);
  }
  return out.empty() ? out : out + "}";
}

void field(std::ostream& out, std::string_view key, std::string_view value) {
  if (value.empty())
    return;
  out << "  " << key << ':' << std::string(key.size() < 12 ? 12 - key.size() : 1, ' ') << value
      << '\n';
}

}  // namespace

std::string node_summary(const Graph& g, graph::VertexId v) {
  const graph::NodeRecord& n = g.node(v);
  std::string s = std::string(g.str(n.name)) + " (" + std::string(g.str(n.id)) + ", " +
                  std::string(graph::label_name(n.label));
  if (n.date != 0)
    s += ", " + format_iso_date(n.date);
  if (n.amount >= 0)
    s += ", " + format_amount(n.amount) + ' ' + std::string(g.str(n.currency));
  return s + ')';
}

void write_node_report_text(std::ostream& out, const Graph& g, graph::VertexId v) {
  const graph::NodeRecord& n = g.node(v);
  SourceNumbers numbers;
  out << g.str(n.name) << " (" << g.str(n.id) << ")\n";
  field(out, "label", graph::label_name(n.label));
  std::string aliases;
  for (const graph::StrRef& a : g.strings(n.aliases))
    aliases += (aliases.empty() ? "" : " · ") + std::string(g.str(a));
  field(out, "aliases", aliases);
  std::string ids;
  for (const graph::IdentifierRecord& i : g.identifiers(n.identifiers)) {
    ids += (ids.empty() ? "" : " · ") + std::string(g.str(i.scheme)) + ' ' +
           std::string(g.str(i.value));
  }
  field(out, "identifiers", ids);
  field(out, "country", g.str(n.country));
  field(out, "kind", g.str(n.kind));
  if (n.date != 0)
    field(out, "date", format_iso_date(n.date));
  field(out, "number", g.str(n.number));
  if (n.amount >= 0)
    field(out, "amount", format_amount(n.amount) + ' ' + std::string(g.str(n.currency)));
  field(out, "description", g.str(n.description));
  field(out, "summary", g.str(n.summary));
  for (const graph::PropertyRecord& p : g.properties(n.properties))
    field(out, g.str(p.key), property_text(g, p));
  field(out, "sources", numbers.refs(g, n.sources));

  if (n.claims.count > 0) {
    out << "  claims:\n";
    for (const graph::ClaimRecord& c : g.claims(n.claims)) {
      out << "    " << g.str(c.property) << " = \"" << g.str(c.value) << '"'
          << (c.authoritative ? " (authoritative)" : "") << ' ' << numbers.refs(g, c.sources)
          << " from " << g.str(c.origin);
      if (!c.note.empty())
        out << " — " << g.str(c.note);
      out << '\n';
    }
  }

  std::vector<std::string> lines;
  g.for_each_out_edge(v, [&](const graph::EdgeBundle& b) {
    const graph::EdgeRecord& e = g.edge(b.id);
    lines.push_back("    —" + g.relation_type(e.type).name + "→ " + node_summary(g, e.target) +
                    edge_properties(g, e.properties) + ' ' + numbers.refs(g, e.sources));
  });
  out << "  out (" << lines.size() << "):\n";
  for (const std::string& l : lines)
    out << l << '\n';
  lines.clear();
  g.for_each_in_edge(v, [&](const graph::EdgeBundle& b) {
    const graph::EdgeRecord& e = g.edge(b.id);
    lines.push_back("    " + node_summary(g, e.source) + " —" + g.relation_type(e.type).name + "→" +
                    edge_properties(g, e.properties) + ' ' + numbers.refs(g, e.sources));
  });
  out << "  in (" << lines.size() << "):\n";
  for (const std::string& l : lines)
    out << l << '\n';

  out << "  sources:\n";
  for (std::size_t i = 0; i < numbers.order().size(); ++i) {
    const graph::SourceRecord& s = g.source(numbers.order()[i]);
    std::string details;
    auto add = [&](std::string_view part) {
      if (!part.empty())
        details += (details.empty() ? "" : ", ") + std::string(part);
    };
    add(g.str(s.publisher));
    if (s.date != 0)
      add(format_iso_date(s.date));
    add(graph::source_kind_name(s.kind));
    add(g.str(s.url));
    out << "    [" << i + 1 << "] " << g.str(s.title)
        << (s.title.empty() || details.empty() ? "" : " — ") << details << '\n';
  }
}

void write_node_report_json(std::ostream& out, const Graph& g, graph::VertexId v) {
  rapidjson::OStreamWrapper os(out);
  JsonWriter w(os);
  w.StartObject();
  write_key(w, "node");
  write_node(w, g, v);
  std::vector<graph::VertexId> neighbours;
  write_key(w, "out");
  w.StartArray();
  g.for_each_out_edge(v, [&](const graph::EdgeBundle& b) {
    write_edge(w, g, b.id);
    neighbours.push_back(g.edge_row(b.id).target);
  });
  w.EndArray();
  write_key(w, "in");
  w.StartArray();
  g.for_each_in_edge(v, [&](const graph::EdgeBundle& b) {
    write_edge(w, g, b.id);
    neighbours.push_back(g.edge_row(b.id).source);
  });
  w.EndArray();
  std::sort(neighbours.begin(), neighbours.end());
  neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
  write_key(w, "neighbours");
  w.StartObject();
  for (graph::VertexId n : neighbours) {
    const graph::NodeRecord& r = g.node(n);
    write_key(w, g.str(r.id));
    w.StartObject();
    write_key(w, "label");
    write_string(w, graph::label_name(r.label));
    write_key(w, "name");
    write_string(w, g.str(r.name));
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  out << '\n';
}

}  // namespace jurigraph::exporter
