// How a query's rows are shown: an aligned table for a terminal, RFC 4180 CSV, typed JSON, or
// the subgraph the rows name (their nodes, relationships and paths) as DOT or JSON-LD through
// the graph's own exporters. Rows arrive one at a time; CSV and JSON stream them, the table
// and the subgraph formats keep what they need until the end.
#pragma once

#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "export/rdf_mapping.hpp"
#include "query/cypher/property_graph.hpp"

namespace jurigraph::exporter {

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  virtual void begin(const std::vector<std::string>& columns) = 0;
  virtual void row(std::span<const query::cypher::Value> values) = 0;
  virtual void end() = 0;
};

inline constexpr std::string_view kResultFormats[] = {"table", "csv", "json", "dot", "jsonld"};

// `jurigraph` is the graph behind `g` when it is jurigraph's own (needed by dot and jsonld,
// which draw or export the subgraph with the graph's style and RDF mapping); may be null for
// table, csv and json.
std::unique_ptr<ResultWriter> make_result_writer(std::string_view format, std::ostream& out,
                                                 const query::cypher::PropertyGraph& g,
                                                 const graph::Graph* jurigraph,
                                                 const RdfOptions& rdf = {});

// One value as text in a cell: strings as they are, null empty, floats with a decimal point,
// dates ISO, lists ['a', 'b'], nodes by their id property (else #n), relationships as
// (from)-[:TYPE]->(to), paths as a chain.
std::string cell_text(const query::cypher::PropertyGraph& g, const query::cypher::Value& v);

}  // namespace jurigraph::exporter
