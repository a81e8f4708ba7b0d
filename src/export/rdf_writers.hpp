// Writers of the RDF mapping: N-Quads (also valid N-Triples: everything is in the default
// graph) and JSON-LD 1.0 with the context of schema/context.jsonld inlined, node objects sorted
// by @id, keys in a fixed order — byte-identical for the same graph.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "export/rdf_mapping.hpp"

namespace jurigraph::exporter {

// schema/context.jsonld as compiled into the binary.
std::string_view jsonld_context_text();

void write_nquads(std::ostream& out, const std::vector<Triple>& triples);
void write_jsonld(std::ostream& out, const std::vector<Triple>& triples, const RdfOptions& options);

}  // namespace jurigraph::exporter
