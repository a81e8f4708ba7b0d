#include "export/json_writer.hpp"

#include "base/calendar.hpp"

namespace jurigraph::exporter {
namespace {

using graph::Graph;

void write_field(JsonWriter& w, const Graph& g, std::string_view key, graph::StrRef value) {
  if (value.empty())
    return;
  write_key(w, key);
  write_string(w, g.str(value));
}

void write_property_value(JsonWriter& w, const Graph& g, const graph::PropertyRecord& p) {
  switch (p.kind) {
    case graph::ValueKind::string:
      write_string(w, g.str(p.text));
      break;
    case graph::ValueKind::integer:
      w.Int64(p.integer);
      break;
    case graph::ValueKind::boolean:
      w.Bool(p.integer != 0);
      break;
    case graph::ValueKind::number:
      w.Double(p.number);
      break;
  }
}

void write_properties(JsonWriter& w, const Graph& g, graph::Range props) {
  if (props.count == 0)
    return;
  write_key(w, "properties");
  w.StartObject();
  for (const graph::PropertyRecord& p : g.properties(props)) {
    write_key(w, g.str(p.key));
    write_property_value(w, g, p);
  }
  w.EndObject();
}

void write_sources(JsonWriter& w, const Graph& g, graph::Range sources) {
  write_key(w, "sources");
  w.StartArray();
  for (uint32_t s : g.source_ids(sources))
    write_source(w, g, s);
  w.EndArray();
}

void write_claims(JsonWriter& w, const Graph& g, graph::Range claims) {
  if (claims.count == 0)
    return;
  write_key(w, "claims");
  w.StartArray();
  for (const graph::ClaimRecord& c : g.claims(claims)) {
    w.StartObject();
    write_field(w, g, "property", c.property);
    write_key(w, "value");
    write_string(w, g.str(c.value));
    write_key(w, "authoritative");
    w.Bool(c.authoritative);
    write_field(w, g, "origin", c.origin);
    write_field(w, g, "note", c.note);
    write_sources(w, g, c.sources);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void write_source(JsonWriter& w, const Graph& g, uint32_t source) {
  const graph::SourceRecord& s = g.source(source);
  w.StartObject();
  write_field(w, g, "url", s.url);
  write_field(w, g, "title", s.title);
  write_field(w, g, "publisher", s.publisher);
  if (s.date != 0) {
    write_key(w, "date");
    write_string(w, format_iso_date(s.date));
  }
  if (s.kind != graph::SourceKind::unspecified) {
    write_key(w, "kind");
    write_string(w, graph::source_kind_name(s.kind));
  }
  write_field(w, g, "note", s.note);
  w.EndObject();
}

void write_node(JsonWriter& w, const Graph& g, graph::VertexId v) {
  const graph::NodeRecord& n = g.node(v);
  w.StartObject();
  write_field(w, g, "id", n.id);
  write_key(w, "label");
  write_string(w, graph::label_name(n.label));
  write_field(w, g, "name", n.name);
  if (n.aliases.count > 0) {
    write_key(w, "aliases");
    w.StartArray();
    for (const graph::StrRef& a : g.strings(n.aliases))
      write_string(w, g.str(a));
    w.EndArray();
  }
  if (n.identifiers.count > 0) {
    write_key(w, "identifiers");
    w.StartObject();
    for (const graph::IdentifierRecord& i : g.identifiers(n.identifiers)) {
      write_key(w, g.str(i.scheme));
      write_string(w, g.str(i.value));
    }
    w.EndObject();
  }
  write_field(w, g, "country", n.country);
  write_field(w, g, "description", n.description);
  write_field(w, g, "kind", n.kind);
  if (n.date != 0) {
    write_key(w, "date");
    write_string(w, format_iso_date(n.date));
  }
  write_field(w, g, "number", n.number);
  if (n.amount >= 0) {
    write_key(w, "amount");
    write_string(w, format_amount(n.amount));
  }
  write_field(w, g, "currency", n.currency);
  write_field(w, g, "summary", n.summary);
  write_properties(w, g, n.properties);
  write_sources(w, g, n.sources);
  write_claims(w, g, n.claims);
  w.EndObject();
}

void write_edge(JsonWriter& w, const Graph& g, graph::EdgeId e) {
  const graph::EdgeRecord& r = g.edge(e);
  w.StartObject();
  write_key(w, "type");
  write_string(w, g.relation_type(r.type).name);
  write_key(w, "from");
  write_string(w, g.str(g.node(r.source).id));
  write_key(w, "to");
  write_string(w, g.str(g.node(r.target).id));
  write_properties(w, g, r.properties);
  write_sources(w, g, r.sources);
  write_claims(w, g, r.claims);
  w.EndObject();
}

}  // namespace jurigraph::exporter
