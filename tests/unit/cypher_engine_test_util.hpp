// Helpers for the Cypher engine tests: run a query on a graph and show its rows as text, with
// nodes by their `name` property so that expectations read like the data.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "query/cypher/engine.hpp"
#include "query/cypher/memory_graph.hpp"
#include "query/cypher/parser.hpp"

namespace jurigraph::query::cypher::testing {

inline QueryLimits loose_limits() {
  QueryLimits l;
  l.strict_schema = false;
  return l;
}

// Text of a value: nodes as (name) or (#id), relationships as [:TYPE name], paths as <…>.
inline std::string show(const PropertyGraph& g, const Value& v) {
  const auto node = [&](NodeId n) {
    const Value name = g.node_property(n, "name");
    return "(" +
           (name.is_null() ? "#" + std::to_string(n)
                           : to_literal(name).substr(1, to_literal(name).size() - 2)) +
           ")";
  };
  const auto rel = [&](RelId r) {
    const Value name = g.rel_property(r, "name");
    std::string s = "[:" + g.type_names()[g.ends(r).type];
    if (!name.is_null())
      s += " " + name.as_string();
    return s + "]";
  };
  switch (v.type()) {
    case ValueType::node:
      return node(v.as_node().id);
    case ValueType::relationship:
      return rel(v.as_rel().id);
    case ValueType::path: {
      const Path& p = v.as_path();
      std::string s = "<" + node(p.nodes[0]);
      for (std::size_t i = 0; i < p.rels.size(); ++i) {
        const bool forward = g.ends(p.rels[i]).source == p.nodes[i];
        s +=
            (forward ? "-" : "<-") + rel(p.rels[i]) + (forward ? "->" : "-") + node(p.nodes[i + 1]);
      }
      return s + ">";
    }
    case ValueType::list: {
      std::string s = "[";
      for (std::size_t i = 0; i < v.as_list().size(); ++i)
        s += (i ? ", " : "") + show(g, v.as_list()[i]);
      return s + "]";
    }
    case ValueType::map: {
      std::string s = "{";
      for (std::size_t i = 0; i < v.as_map().size(); ++i)
        s += (i ? ", " : "") + v.as_map()[i].first + ": " + show(g, v.as_map()[i].second);
      return s + "}";
    }
    default:
      return to_literal(v);
  }
}

inline QueryResult run_query(const PropertyGraph& g, std::string_view text,
                             const Parameters& params = {},
                             const QueryLimits& limits = loose_limits()) {
  return execute(g, parse_query(text), params, limits);
}

// The rows as "a | b" lines, in result order.
inline std::vector<std::string> rows(const PropertyGraph& g, std::string_view text,
                                     const Parameters& params = {},
                                     const QueryLimits& limits = loose_limits()) {
  const QueryResult r = run_query(g, text, params, limits);
  std::vector<std::string> out;
  for (const auto& row : r.rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i)
      line += (i ? " | " : "") + show(g, row[i]);
    out.push_back(line);
  }
  return out;
}

// The rows sorted: for results in no particular order.
inline std::vector<std::string> bag(const PropertyGraph& g, std::string_view text,
                                    const Parameters& params = {},
                                    const QueryLimits& limits = loose_limits()) {
  std::vector<std::string> out = rows(g, text, params, limits);
  std::sort(out.begin(), out.end());
  return out;
}

// "line:column: message" of the error the query raises, or "no error".
inline std::string error_of(const PropertyGraph& g, std::string_view text,
                            const Parameters& params = {},
                            const QueryLimits& limits = loose_limits()) {
  try {
    run_query(g, text, params, limits);
  } catch (const Error& e) {
    const Diagnostic& d = e.diagnostic();
    EXPECT_TRUE(e.kind() == ErrorKind::usage || e.kind() == ErrorKind::row_limit ||
                e.kind() == ErrorKind::time_limit || e.kind() == ErrorKind::memory_limit);
    return std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message;
  }
  return "no error";
}

inline Value single(const PropertyGraph& g, std::string_view text, const Parameters& params = {}) {
  const QueryResult r = run_query(g, text, params);
  EXPECT_EQ(r.rows.size(), 1u) << text;
  EXPECT_EQ(r.rows.empty() ? 0u : r.rows[0].size(), 1u) << text;
  return r.rows.empty() || r.rows[0].empty() ? Value() : r.rows[0][0];
}

// The value of a one-row, one-column query as text.
inline std::string eval(const PropertyGraph& g, std::string_view text,
                        const Parameters& params = {}) {
  return show(g, single(g, text, params));
}

}  // namespace jurigraph::query::cypher::testing
