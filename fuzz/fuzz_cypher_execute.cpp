// libFuzzer target: parse, bind, plan and execute a Cypher query on the shipped datasets' graph
// (strict schema, as `jurigraph query` runs it), bounded to 200 ms and 1000 held rows. Running
// out of either is an Error like any other; a crash, a hang past the bound or a sanitizer report
// is a finding.
#include <chrono>
#include <cstdint>
#include <string_view>

#include "base/diagnostic.hpp"
#include "fuzz_common.hpp"
#include "query/cypher/engine.hpp"
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
    limits.max_rows = 1000;
    limits.timeout = std::chrono::milliseconds(200);
    (void)cypher::execute(view, q, cypher::Parameters{}, limits);
  } catch (const Error&) {
  }
  return 0;
}
