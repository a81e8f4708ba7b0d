// The graph as RDF: the one mapping behind both the JSON-LD and the N-Quads exports, so the two
// always say the same thing. Classes and properties come from schema.org, Dublin Core terms,
// ELI, DPV and PROV where they fit, and from the project vocabulary (jg:) for the rest; see
// schema/context.jsonld and schema/README.md ("Linked data").
//
// The mapping streams: it hands the writers one subject at a time with all of that subject's
// triples, so exporting a graph of millions of decisions needs memory for one subject, not for
// the whole set of triples.
#pragma once

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph.hpp"

namespace jurigraph::exporter {

// w3id.org gives research projects permanent identifiers that redirect wherever the project
// lives; the default base and the vocabulary sit under the project's name there.
inline constexpr std::string_view kDefaultBaseIri = "https://w3id.org/jurigraph/id/";
inline constexpr std::string_view kVocabIri = "https://w3id.org/jurigraph/vocab#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

struct RdfOptions {
  std::string base_iri{kDefaultBaseIri};
  // When set, only these nodes and relationships (indexed by id) are mapped: the subgraph a
  // query returned. Sources are those the mapped elements cite.
  const std::vector<bool>* node_subset = nullptr;
  const std::vector<bool>* edge_subset = nullptr;
};

// One triple of a subject. The predicate and datatype point at IRIs the mapping owns for its
// whole life; the object is a slice of the block's text, so that a block is rebuilt for every
// subject without allocating once its buffers have grown.
struct Statement {
  std::string_view predicate;
  std::string_view datatype;  // literals only; empty means xsd:string
  uint32_t offset = 0;        // the object in SubjectBlock::text
  uint32_t length = 0;
  bool is_iri = false;
};

// A subject and every triple about it, sorted by (predicate, kind, object) without duplicates.
struct SubjectBlock {
  std::string subject;
  std::string text;
  std::vector<Statement> statements;

  std::string_view object(const Statement& s) const {
    return std::string_view(text).substr(s.offset, s.length);
  }
};

// Throws a usage Error unless `base` is an absolute http(s) IRI ending in '/' or '#'.
void check_base_iri(const std::string& base);

// "company:orange" → "{base}company/orange".
std::string node_iri(const graph::Graph& g, graph::VertexId v, const RdfOptions& options);

// A source's URL, or for a source known only by its title an IRI under the base.
std::string source_iri(const graph::Graph& g, uint32_t source, const RdfOptions& options);

struct RdfTerms;

class RdfMapping {
 public:
  RdfMapping(const graph::Graph& g, RdfOptions options);
  ~RdfMapping();

  // Calls `emit` once per subject, in a fixed order: every node in id order, each followed by
  // its fine (an amount node) and by its outgoing relations (one jg:Relation node each, which
  // carries what a triple cannot: the relation's properties and sources); then every cited
  // source in IRI order. The same graph gives the same sequence, whatever the input order.
  void for_each_subject(const std::function<void(const SubjectBlock&)>& emit);

 private:
  void begin(std::string subject);
  void finish(const std::function<void(const SubjectBlock&)>& emit);
  void iri(std::string_view predicate, std::string_view object);
  void literal(std::string_view predicate, std::string_view value, std::string_view datatype = {});
  bool included(graph::EdgeId e) const { return o_.edge_subset == nullptr || (*o_.edge_subset)[e]; }
  std::string_view intern(std::string iri);
  std::string_view vocab(std::string_view local);
  void sources(graph::Range range);
  void properties(graph::Range range);
  void identifier(std::string_view scheme, std::string_view value);
  void map_node(graph::VertexId v, const std::function<void(const SubjectBlock&)>& emit);
  void map_relation(graph::EdgeId e, uint32_t parallel_index);
  void map_source(std::string_view url, const std::vector<uint32_t>& records);

  const graph::Graph& g_;
  RdfOptions o_;
  std::unique_ptr<const RdfTerms> t_;
  SubjectBlock block_;
  std::set<std::string, std::less<>> iris_;                  // interned predicates and types
  std::unordered_map<uint32_t, std::string_view> key_iris_;  // property key offset → its IRI
  std::vector<bool> used_sources_;
  std::vector<std::string> source_iris_;
};

}  // namespace jurigraph::exporter
