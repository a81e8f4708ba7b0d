// The graph as RDF: the one mapping behind both the JSON-LD and the N-Quads exports, so the two
// always say the same thing. Classes and properties come from schema.org, Dublin Core terms,
// ELI, DPV and PROV where they fit, and from the project vocabulary (jg:) for the rest; see
// schema/context.jsonld and schema/README.md ("Linked data").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"

namespace jurigraph::exporter {

inline constexpr std::string_view kDefaultBaseIri = "https://example.org/jurigraph/";
inline constexpr std::string_view kVocabIri = "https://example.org/jurigraph/vocab#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

struct RdfObject {
  bool is_iri = false;
  std::string value;
  std::string datatype;  // for literals; empty means xsd:string
  auto operator<=>(const RdfObject&) const = default;
};

struct Triple {
  std::string subject;  // always an IRI: no blank nodes, so exports are stable and diffable
  std::string predicate;
  RdfObject object;
  auto operator<=>(const Triple&) const = default;
};

struct RdfOptions {
  std::string base_iri{kDefaultBaseIri};
};

// Throws a usage Error unless `base` is an absolute http(s) IRI ending in '/' or '#'.
void check_base_iri(const std::string& base);

// "company:orange" → "{base}company/orange".
std::string node_iri(const graph::Graph& g, graph::VertexId v, const RdfOptions& options);

// Every triple the graph implies, sorted and without duplicates.
std::vector<Triple> graph_to_triples(const graph::Graph& g, const RdfOptions& options);

}  // namespace jurigraph::exporter
