#include "fixture.hpp"

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <variant>

#include "base/diagnostic.hpp"
#include "query/cypher/engine.hpp"
#include "query/cypher/parser.hpp"

namespace jurigraph::tck {

namespace cy = query::cypher;

namespace {

class Loader {
 public:
  Loader(cy::MemoryGraph& g, const cy::Query& q, const cy::ParameterMap& params)
      : g_(g), q_(q), params_(params) {}

  void run() {
    if (q_.parts.size() != 1)
      throw SetupNotSupported("setup uses UNION");
    for (const cy::Clause& clause : q_.parts[0].clauses) {
      if (const auto* create = std::get_if<cy::Create>(&clause)) {
        for (const cy::PatternPart& part : create->pattern)
          create_part(part);
        continue;
      }
      const char* what = std::holds_alternative<cy::Match>(clause)    ? "MATCH"
                         : std::holds_alternative<cy::Unwind>(clause) ? "UNWIND"
                         : std::holds_alternative<cy::With>(clause)   ? "WITH"
                                                                      : "RETURN";
      throw SetupNotSupported("setup uses " + std::string(what) + " (only CREATE is loaded)");
    }
  }

 private:
  std::string text_of(const cy::Expression& e) const {
    return e.end > e.pos && e.end <= q_.text.size() ? q_.text.substr(e.pos, e.end - e.pos)
                                                    : std::string("?");
  }

  // The value of a constant expression: literals (and parameters) directly; anything else, such
  // as date({year: 1910, month: 5, day: 6}), by the engine as `RETURN expression` on an empty
  // graph. nullopt when it is not a constant (it names a variable) or the engine refuses it.
  std::optional<cy::Value> constant(const cy::Expression& e) const {
    if (auto v = cy::literal_value(e, &params_))
      return v;
    try {
      cy::MemoryGraph empty;
      empty.freeze();
      const cy::Query q = cy::parse_query("RETURN " + text_of(e) + " AS value");
      cy::QueryLimits limits;
      limits.strict_schema = false;
      limits.timeout = std::chrono::milliseconds(5'000);
      const cy::QueryResult r = cy::execute(empty, q, params_, limits);
      if (r.rows.size() == 1 && r.rows[0].size() == 1)
        return r.rows[0][0];
    } catch (const Error&) {
      // Not a constant the engine can evaluate: the caller says why.
    }
    return std::nullopt;
  }

  // Why a property value is not a constant, the kind first: "setup calls date() (…)".
  std::string not_constant(const cy::Expression& e) const {
    std::string kind = "setup property value is not a constant";
    if (const auto* f = e.as<cy::FunctionCall>())
      kind = "setup calls " + f->name + "() in a property value, which the engine refuses";
    else if (e.as<cy::PropertyAccess>() || e.as<cy::Variable>())
      kind = "setup property value refers to a variable";
    else if (e.as<cy::Parameter>())
      kind = "setup property value is a parameter without a value";
    return kind + " (" + text_of(e) + ")";
  }

  cy::Map property_map(const cy::ExprPtr& e) const {
    if (!e)
      return {};
    if (const auto* m = e->as<cy::MapLiteral>()) {
      cy::Map out;
      for (const cy::MapEntry& entry : m->entries) {
        auto v = constant(*entry.value);
        if (!v)
          throw SetupNotSupported(not_constant(*entry.value));
        out.emplace_back(entry.key.text, std::move(*v));
      }
      return out;
    }
    auto v = constant(*e);
    if (!v)
      throw SetupNotSupported(not_constant(*e));
    if (v->type() != cy::ValueType::map)
      throw SetupNotSupported("setup properties are not a map (" + text_of(*e) + ")");
    return v->as_map();
  }

  cy::NodeId node(const cy::NodePattern& n) {
    if (n.variable) {
      const auto it = nodes_.find(n.variable->text);
      if (it != nodes_.end()) {
        if (!n.labels.empty() || n.properties) {
          throw SetupNotSupported("setup redeclares node variable " + n.variable->text +
                                  " with labels or properties");
        }
        return it->second;
      }
      if (rels_.count(n.variable->text))
        throw SetupNotSupported("setup uses " + n.variable->text + " as node and relationship");
    }
    std::vector<std::string> labels;
    for (const cy::Name& l : n.labels)
      labels.push_back(l.text);
    const cy::NodeId id = g_.add_node(labels, property_map(n.properties));
    if (n.variable)
      nodes_.emplace(n.variable->text, id);
    return id;
  }

  void create_part(const cy::PatternPart& part) {
    if (part.selector != cy::PathSelector::all_paths)
      throw SetupNotSupported("setup uses a shortest-path pattern in CREATE");
    const cy::PatternElement& el = part.element;
    if (el.nodes.size() != el.relationships.size() + 1)
      throw SetupNotSupported("setup pattern is malformed");
    // Nodes first, left to right, as Cypher creates them.
    std::vector<cy::NodeId> ids;
    for (const cy::NodePattern& n : el.nodes)
      ids.push_back(node(n));
    for (std::size_t i = 0; i < el.relationships.size(); ++i) {
      const cy::RelationshipPattern& r = el.relationships[i];
      if (r.types.size() != 1)
        throw SetupNotSupported("setup creates a relationship without exactly one type");
      if (r.length)
        throw SetupNotSupported("setup creates a variable-length relationship");
      if (r.direction == cy::Direction::undirected)
        throw SetupNotSupported("setup creates an undirected relationship");
      if (r.variable) {
        if (rels_.count(r.variable->text) || nodes_.count(r.variable->text))
          throw SetupNotSupported("setup reuses relationship variable " + r.variable->text);
      }
      const bool out = r.direction == cy::Direction::outgoing;
      const cy::RelId id = g_.add_relationship(out ? ids[i] : ids[i + 1], out ? ids[i + 1] : ids[i],
                                               r.types[0].text, property_map(r.properties));
      if (r.variable)
        rels_.emplace(r.variable->text, id);
    }
  }

  cy::MemoryGraph& g_;
  const cy::Query& q_;
  const cy::ParameterMap& params_;
  std::map<std::string, cy::NodeId, std::less<>> nodes_;
  std::map<std::string, cy::RelId, std::less<>> rels_;
};

}  // namespace

void run_setup(cy::MemoryGraph& g, std::string_view script, const cy::ParameterMap& params) {
  // The named graphs' scripts end with ';'.
  while (!script.empty() &&
         (std::isspace(static_cast<unsigned char>(script.back())) || script.back() == ';'))
    script.remove_suffix(1);
  cy::Query q;
  try {
    cy::ParseOptions options;
    options.origin = "setup";
    options.allow_create = true;
    q = cy::parse_query(script, options);
  } catch (const Error& e) {
    // The parser refuses the write clauses other than CREATE: "… MERGE is not supported".
    static const char* const kWrites[] = {"MERGE", "SET",     "DELETE", "REMOVE",
                                          "CALL",  "FOREACH", "LOAD"};
    const std::string& message = e.diagnostic().message;
    for (const char* w : kWrites) {
      if (message.find(std::string(w) + " is not supported") != std::string::npos)
        throw SetupNotSupported("setup uses " + std::string(w) + " (" + message + ")");
    }
    throw SetupNotSupported("setup does not parse (" + format_headline(e.diagnostic()) + ")");
  }
  Loader(g, q, params).run();
}

std::string named_graph_script(const std::string& tck_dir, const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(tck_dir) / "graphs" / name;
  fs::path file = folder / (name + ".cypher");
  if (!fs::exists(file)) {
    file.clear();
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (entry.path().extension() == ".cypher") {
        if (!file.empty())
          throw SetupNotSupported("graph " + name + " has several .cypher files");
        file = entry.path();
      }
    }
    if (file.empty())
      throw SetupNotSupported("graph " + name + " has no .cypher script in " + folder.string());
  }
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw SetupNotSupported("cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace jurigraph::tck
