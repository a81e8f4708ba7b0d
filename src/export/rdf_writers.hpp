// Writers of the RDF mapping: N-Quads (also valid N-Triples: everything is in the default
// graph) and JSON-LD 1.0 with the context of schema/context.jsonld inlined, one node object per
// line in the mapping's fixed order — byte-identical for the same graph. Both stream: memory
// stays that of one subject, whatever the size of the graph.
#pragma once

#include <cstddef>
#include <ostream>
#include <string_view>

#include "export/rdf_mapping.hpp"

namespace jurigraph::exporter {

// schema/context.jsonld as compiled into the binary.
std::string_view jsonld_context_text();

// Each returns the number of triples written.
std::size_t write_nquads(std::ostream& out, const graph::Graph& g, const RdfOptions& options);
std::size_t write_jsonld(std::ostream& out, const graph::Graph& g, const RdfOptions& options);

}  // namespace jurigraph::exporter
