// libFuzzer target: the Cypher parser, then the binder (names, labels, types, functions and
// parameters resolved against the shipped datasets' graph, strict schema as in the CLI) for the
// queries that parse. Errors (jurigraph::Error) are the expected outcome for most inputs.
#include <cstdint>
#include <string_view>

#include "base/diagnostic.hpp"
#include "fuzz_common.hpp"
#include "query/cypher/binder.hpp"
#include "query/cypher/graph_view.hpp"
#include "query/cypher/parser.hpp"

using namespace jurigraph;
namespace cypher = jurigraph::query::cypher;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  static const cypher::GraphView view(fuzz::fixed_graph());
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const cypher::Query q = cypher::parse_query(text);
    cypher::QueryLimits limits;
    limits.timeout = std::chrono::milliseconds(1000);
    (void)cypher::exec::bind(q, view, cypher::Parameters{}, limits);
  } catch (const Error&) {
  }
  return 0;
}
