// The TCK's set-up queries, run without the engine: CREATE clauses whose patterns have
// variables, labels, relationship types and directions, and property maps of constants build a
// MemoryGraph. Literals, lists, maps, negative numbers and parameters are read directly; other
// constant expressions (date({year: 1910, month: 5, day: 6})) are evaluated by the engine as
// `RETURN expression` on an empty graph. Anything else (MATCH … CREATE, UNWIND, WITH, MERGE,
// SET, DELETE, a property value naming a variable) is "setup not supported".
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "query/cypher/literal.hpp"
#include "query/cypher/memory_graph.hpp"

namespace jurigraph::tck {

// A set-up query the loader cannot run; the message says why.
class SetupNotSupported : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Adds what `script` creates to `g` (not frozen). Variables live for the whole script, across
// its CREATE clauses. Throws SetupNotSupported.
void run_setup(query::cypher::MemoryGraph& g, std::string_view script,
               const query::cypher::ParameterMap& params = {});

// The set-up script of a named graph: TCK_DIR/graphs/NAME/NAME.cypher (or the only .cypher
// file in that folder). Throws SetupNotSupported when there is none.
std::string named_graph_script(const std::string& tck_dir, const std::string& name);

}  // namespace jurigraph::tck
