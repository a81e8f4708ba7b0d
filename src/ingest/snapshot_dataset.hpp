// build --update: an opened graph snapshot presented to the resolver as a dataset file, put first
// in the list, so that new files meet the old graph under exactly the rules between files (a
// decision defined once, entities merged with conflicting values kept as claims, references
// resolved, relation types declared alike, no appeal cycle) without reading the old inputs.
//
// The records are the graph's own: one node record per node with its authoritative values, one
// edge record per edge, the sources, the declared relation types and the claims with their
// origins. Strings are views into the graph. They are listed in the order the resolver first
// made them (nodes by where their id lies in the string table, edges by where their lists lie),
// so that resolving the snapshot with new files repeats the writes a build of all the inputs
// makes; see the README for when that gives a byte-identical file.
#pragma once

#include <string>

#include "graph/graph.hpp"
#include "ingest/resolver.hpp"

namespace jurigraph::ingest {

// The file of a LoadedFile made from a snapshot: its path, and places that name the node, edge or
// relation type a dataset pointer stands for ("decision:d1 —CITES→ provision:p3"), with no line:
// diagnostics read `graph.jg: error: … (at decision:d1)`.
class SnapshotFile final : public DatasetFile {
 public:
  SnapshotFile(graph::Graph graph, std::string path)
      : graph_(std::move(graph)), path_(std::move(path)) {}
  SnapshotFile(const SnapshotFile&) = delete;
  SnapshotFile& operator=(const SnapshotFile&) = delete;

  const std::string& path() const override { return path_; }
  Location locate(std::string_view pointer) const override;
  Diagnostic diagnostic(Severity severity, std::string_view pointer,
                        std::string message) const override;

  const graph::Graph& graph() const { return graph_; }

 private:
  std::string what(std::string_view pointer) const;

  graph::Graph graph_;  // the records' strings point into it
  std::string path_;
};

// The snapshot `graph`, opened from `path`, as the first file of an update: accepted, and marked
// from_snapshot so that its claims keep their origins.
LoadedFile snapshot_as_dataset(graph::Graph graph, const std::string& path);

// The name the resolver gives a decision written without one ("Authority 3 sanction 2014-298"),
// from `graph` as it is. A snapshot's decision whose name is exactly that is presented unnamed,
// so that the name is made again from the issuer as merged with the new files.
std::string default_decision_name(const graph::Graph& graph, graph::VertexId decision);
// Whether the decision's name is that one; `scratch` is a buffer the caller reuses.
bool has_default_decision_name(const graph::Graph& graph, graph::VertexId decision,
                               std::string& scratch);

}  // namespace jurigraph::ingest
