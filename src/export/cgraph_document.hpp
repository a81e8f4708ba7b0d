// The one place that talks to Graphviz's cgraph: an RAII owner of an Agraph_t, with every
// char* conversion and the escaping rules of DOT labels (see Graphviz pitfalls in the README).
#pragma once

#include <graphviz/cgraph.h>

#include <string>
#include <string_view>

namespace jurigraph::exporter {

class CgraphDocument {
 public:
  explicit CgraphDocument(std::string_view name, bool directed = true);
  ~CgraphDocument();
  CgraphDocument(const CgraphDocument&) = delete;
  CgraphDocument& operator=(const CgraphDocument&) = delete;

  Agnode_t* node(std::string_view name);
  // A subgraph (a cluster when its name starts with "cluster"), and a node created in it.
  Agraph_t* subgraph(std::string_view name);
  Agnode_t* node_in(Agraph_t* subgraph, std::string_view name);
  Agraph_t* handle() const { return graph_; }
  // A named edge, so that parallel relations between the same nodes stay distinct.
  Agedge_t* edge(Agnode_t* tail, Agnode_t* head, std::string_view name);
  // Sets an attribute, declaring it with an empty default first when needed.
  void set(void* object, std::string_view attribute, std::string_view value);
  void set_graph(std::string_view attribute, std::string_view value);
  void set_node_default(std::string_view attribute, std::string_view value);
  void set_edge_default(std::string_view attribute, std::string_view value);

  // The graph as DOT text (agwrite through an in-memory discipline).
  std::string write() const;

  // A plain label: backslashes doubled (DOT reads \n, \l, \N… in labels as escapes), line
  // breaks as \n.
  static std::string escape_label(std::string_view text);

 private:
  Agdisc_t discipline_;
  Agiodisc_t io_;
  Agraph_t* graph_ = nullptr;
};

}  // namespace jurigraph::exporter
