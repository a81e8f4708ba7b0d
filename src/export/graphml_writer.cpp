// GraphML through the Cypher engine's own view of the graph (GraphView), so that every property a
// query sees is written, with the type property_tables inferred for it; streamed through a
// buffer: the document is never held in memory.
#include "export/graphml_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/calendar.hpp"
#include "export/chunked_output.hpp"
#include "export/property_tables.hpp"
#include "query/cypher/graph_view.hpp"

namespace jurigraph::exporter {
namespace {

namespace cy = query::cypher;

// --- text -------------------------------------------------------------------------------------

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Bytes that need a look: markup characters, C0 controls, and 0xEF, the first byte of U+FFFE
// and U+FFFF.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c)
    t[c] = true;
  for (const unsigned char c : std::string_view("&<>\"\xEF"))
    t[c] = true;
  return t;
}();

// Whether s[i] (0xEF) begins U+FFFE or U+FFFF, which XML 1.0 does not allow.
bool is_noncharacter(std::string_view s, std::size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
         (static_cast<unsigned char>(s[i + 2]) == 0xBE ||
          static_cast<unsigned char>(s[i + 2]) == 0xBF);
}

// The escape for s[i], and the bytes it replaces; empty when s[i] stays as it is.
// XML 1.0 cannot carry the C0 controls other than tab, newline and return, nor U+FFFE/U+FFFF,
// not even as character references: they become U+FFFD. A return is a reference, since parsers
// turn a raw one into a newline; tab and newline too inside an attribute value, which parsers
// turn into spaces.
std::pair<std::string_view, std::size_t> escape_at(std::string_view s, std::size_t i,
                                                   bool attribute) {
  switch (s[i]) {
    case '&':
      return {"&amp;", 1};
    case '<':
      return {"&lt;", 1};
    case '>':
      return {"&gt;", 1};
    case '"':
      return {"&quot;", 1};
    case '\r':
      return {"&#13;", 1};
    case '\n':
      return {attribute ? "&#10;" : "", 1};
    case '\t':
      return {attribute ? "&#9;" : "", 1};
    default:
      break;
  }
  if (static_cast<unsigned char>(s[i]) == 0xEF)
    return {is_noncharacter(s, i) ? kReplacement : "", 3};
  return {kReplacement, 1};  // another C0 control
}

void append_escaped(std::string& out, std::string_view s, bool attribute = false) {
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!kNeedsEscape[static_cast<unsigned char>(s[i])])
      continue;
    const auto [escape, length] = escape_at(s, i, attribute);
    if (escape.empty())
      continue;
    out.append(s.substr(run, i - run));
    out.append(escape);
    i += length - 1;
    run = i + 1;
  }
  out.append(s.substr(run));
}

// --- values -----------------------------------------------------------------------------------

void append_integer(std::string& out, int64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

// The shortest text that reads back as the same double, in plain decimals (85000000, 1000.5):
// never 8.5e+07, which some readers take for text. xs:double's names for the non-finite values.
void append_double(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "NaN";
  } else if (std::isinf(d)) {
    out += d > 0 ? "INF" : "-INF";
  } else {
    char buf[400];  // the longest is the smallest subnormal: "-0." then 323 zeros and a digit
    const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    out.append(buf, r.ptr);
  }
}

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  out += '"';
}

void append_json(std::string& out, const cy::Value& v);

void append_json_list(std::string& out, const cy::List& l) {
  out += '[';
  for (std::size_t k = 0; k < l.size(); ++k) {
    if (k > 0)
      out += ',';
    append_json(out, l[k]);
  }
  out += ']';
}

// One list element as JSON: dates as ISO strings, non-finite floats (which JSON lacks) as null.
void append_json(std::string& out, const cy::Value& v) {
  switch (v.type()) {
    case cy::ValueType::null:
      out += "null";
      break;
    case cy::ValueType::boolean:
      out += v.as_bool() ? "true" : "false";
      break;
    case cy::ValueType::integer:
      append_integer(out, v.as_int());
      break;
    case cy::ValueType::floating:
      if (std::isfinite(v.as_float()))
        append_double(out, v.as_float());
      else
        out += "null";
      break;
    case cy::ValueType::date:
      append_json_string(out, format_iso_date(v.as_date().yyyymmdd));
      break;
    case cy::ValueType::list:
      append_json_list(out, v.as_list());
      break;
    case cy::ValueType::string:
      append_json_string(out, v.as_string());
      break;
    default:
      append_json_string(out, cy::to_literal(v));
  }
}

// A property value as <data> text. The text of a value is the same whatever its key's declared
// type, so that a key widened to string across labels keeps readable values: numbers and
// booleans as above, dates as YYYY-MM-DD. GraphML has no list type: a list is its JSON array
// text (["CNIL","Commission nationale…"]), which json.loads reads back.
void append_value(std::string& out, const cy::Value& v, std::string& scratch) {
  switch (v.type()) {
    case cy::ValueType::string:
      append_escaped(out, v.as_string());
      break;
    case cy::ValueType::integer:
      append_integer(out, v.as_int());
      break;
    case cy::ValueType::floating:
      append_double(out, v.as_float());
      break;
    case cy::ValueType::boolean:
      out += v.as_bool() ? "true" : "false";
      break;
    case cy::ValueType::date:
      out += format_iso_date(v.as_date().yyyymmdd);
      break;
    case cy::ValueType::list:
      scratch.clear();
      append_json_list(scratch, v.as_list());
      append_escaped(out, scratch);
      break;
    default:
      append_escaped(out, cy::to_literal(v));
  }
}

// --- keys -------------------------------------------------------------------------------------

// The attr.type values all three readers know. igraph and NetworkX reject `date`; lists have
// no type at all.
enum class KeyType : uint8_t { boolean, long_, double_, string };

std::string_view key_type_name(KeyType t) {
  switch (t) {
    case KeyType::boolean:
      return "boolean";
    case KeyType::long_:
      return "long";
    case KeyType::double_:
      return "double";
    case KeyType::string:
      return "string";
  }
  return "string";
}

KeyType key_type(ColumnType t) {
  switch (t) {
    case ColumnType::boolean:
      return KeyType::boolean;
    case ColumnType::integer:
      return KeyType::long_;
    case ColumnType::floating:
      return KeyType::double_;
    default:
      return KeyType::string;  // strings, dates (ISO text) and lists (JSON text)
  }
}

// GraphML keys are global to nodes (or edges), whereas types were inferred per label (or per
// relationship type): a key whose labels disagree on its type is declared string, the one type
// every value can be written as.
std::map<std::string, KeyType> merge_tables(const std::vector<Table>& tables) {
  std::map<std::string, KeyType> keys;
  for (const Table& t : tables) {
    for (const Column& c : t.columns) {
      const KeyType type = key_type(c.type);
      const auto [it, added] = keys.try_emplace(c.key, type);
      if (!added && it->second != type)
        it->second = KeyType::string;
    }
  }
  return keys;
}

struct Key {
  std::string name;       // the property's name, as in a property map
  std::string id;         // <key id>, escaped: the domain's letter, '_', the name (n_name, e_role)
  std::string attr_name;  // attr.name, escaped
  KeyType type = KeyType::string;
};

// The keys of one domain (nodes or edges): first the one holding the label or relationship
// type, then the properties in name order, the order of a property map.
struct Domain {
  std::string_view element;  // "node" or "edge"
  Key kind;
  std::vector<Key> properties;
};

// The name of the label (type) attribute: `label` (`type`) unless a property has that name;
// then underscores go in front until it is free. Property keys begin with a letter, so one
// underscore is enough for jurigraph's data.
std::string free_name(std::string name, const std::map<std::string, KeyType>& taken) {
  while (taken.count(name))
    name.insert(name.begin(), '_');
  return name;
}

Key make_key(std::string_view prefix, std::string_view name, KeyType type) {
  Key k{std::string(name), std::string(prefix), {}, type};
  append_escaped(k.id, name, true);
  append_escaped(k.attr_name, name, true);
  return k;
}

Domain make_domain(std::string_view element, std::string_view kind_name,
                   const std::vector<Table>& tables) {
  const std::map<std::string, KeyType> keys = merge_tables(tables);
  const std::string prefix = std::string(1, element[0]) + "_";
  Domain d{element, {}, {}};
  const std::string kind = free_name(std::string(kind_name), keys);
  d.kind = make_key(prefix, kind, KeyType::string);
  for (const auto& [name, type] : keys)
    d.properties.push_back(make_key(prefix, name, type));
  return d;
}

void append_keys(std::string& out, const Domain& d) {
  const auto one = [&](const Key& k) {
    out += "  <key id=\"";
    out += k.id;
    out += "\" for=\"";
    out += d.element;
    out += "\" attr.name=\"";
    out += k.attr_name;
    out += "\" attr.type=\"";
    out += key_type_name(k.type);
    out += "\"/>\n";
  };
  one(d.kind);
  for (const Key& k : d.properties)
    one(k);
}

// --- elements ---------------------------------------------------------------------------------

void open_data(std::string& out, const Key& key) {
  out += "      <data key=\"";
  out += key.id;
  out += "\">";
}

void append_data(std::string& out, const Key& key, const cy::Value& v, std::string& scratch) {
  open_data(out, key);
  append_value(out, v, scratch);
  out += "</data>\n";
}

// The label or relationship type: a name, written without making a Value of it.
void append_kind(std::string& out, const Key& key, std::string_view name) {
  open_data(out, key);
  append_escaped(out, name);
  out += "</data>\n";
}

// The <data> of a property map: the map and the domain's keys are both in name order, so one
// walk pairs them.
void append_properties(std::string& out, const Domain& d, const cy::Map& properties,
                       std::string& scratch) {
  std::size_t k = 0;
  for (const auto& [name, value] : properties) {
    while (k < d.properties.size() && d.properties[k].name < name)
      ++k;
    if (value.is_null() || k == d.properties.size() || d.properties[k].name != name)
      continue;  // null: absent, as in Cypher (and every key met was declared)
    append_data(out, d.properties[k], value, scratch);
  }
}

void append_node(std::string& out, const cy::GraphView& view, const Domain& d, cy::NodeId n,
                 std::string& scratch) {
  const graph::Graph& g = view.graph();
  out += "    <node id=\"";
  append_escaped(out, g.str(g.node(n).id), true);
  out += "\">\n";
  append_kind(out, d.kind, view.label_names()[view.single_labels()[n]]);
  append_properties(out, d, view.node_properties(n), scratch);
  out += "    </node>\n";
}

void append_edge(std::string& out, const cy::GraphView& view, const Domain& d, cy::RelId r,
                 std::string& scratch) {
  const graph::Graph& g = view.graph();
  const cy::RelEnds ends = view.ends(r);
  // e + the relationship's index, which is also its id(r) in Cypher.
  out += "    <edge id=\"e";
  append_integer(out, r);
  out += "\" source=\"";
  append_escaped(out, g.str(g.node(ends.source).id), true);
  out += "\" target=\"";
  append_escaped(out, g.str(g.node(ends.target).id), true);
  out += "\">\n";
  append_kind(out, d.kind, view.type_names()[ends.type]);
  append_properties(out, d, view.rel_properties(r), scratch);
  out += "    </edge>\n";
}

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
    "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

}  // namespace

std::pair<uint64_t, uint64_t> write_graphml(std::ostream& out, const graph::Graph& g) {
  const cy::GraphView view(g);
  const PropertyTables tables = infer_tables(view);
  const Domain nodes = make_domain("node", "label", tables.nodes);
  const Domain edges = make_domain("edge", "type", tables.relationships);

  ChunkedOutput o(out);
  std::string& buf = o.buffer();
  std::string scratch;
  buf += kHeader;
  append_keys(buf, nodes);
  append_keys(buf, edges);
  buf += "  <graph id=\"G\" edgedefault=\"directed\">\n";
  for (cy::NodeId n = 0; n < view.node_count(); ++n) {
    append_node(buf, view, nodes, n, scratch);
    o.maybe_flush();
  }
  for (cy::RelId r = 0; r < view.relationship_count(); ++r) {
    append_edge(buf, view, edges, r, scratch);
    o.maybe_flush();
  }
  buf += "  </graph>\n</graphml>\n";
  o.flush();
  return {view.node_count(), view.relationship_count()};
}

}  // namespace jurigraph::exporter
