#include "export/cgraph_document.hpp"

#include <stdexcept>

namespace jurigraph::exporter {
namespace {

int append_to_string(void* chan, const char* str) {
  static_cast<std::string*>(chan)->append(str);
  return 0;
}

int no_flush(void*) {
  return 0;
}

// cgraph takes char* everywhere but does not keep or modify the strings we pass.
char* c(std::string& s) {
  return s.data();
}

}  // namespace

CgraphDocument::CgraphDocument(std::string_view name, bool directed) {
  io_ = AgIoDisc;
  io_.putstr = append_to_string;
  io_.flush = no_flush;
  discipline_ = AgDefaultDisc;
  discipline_.io = &io_;
  std::string n(name);
  graph_ = agopen(c(n), directed ? Agdirected : Agundirected, &discipline_);
  if (graph_ == nullptr)
    throw std::runtime_error("cgraph: agopen failed");
}

CgraphDocument::~CgraphDocument() {
  if (graph_ != nullptr)
    agclose(graph_);
}

Agnode_t* CgraphDocument::node(std::string_view name) {
  std::string n(name);
  return agnode(graph_, c(n), 1);
}

Agraph_t* CgraphDocument::subgraph(std::string_view name) {
  std::string n(name);
  return agsubg(graph_, c(n), 1);
}

Agnode_t* CgraphDocument::node_in(Agraph_t* subgraph, std::string_view name) {
  std::string n(name);
  return agnode(subgraph, c(n), 1);
}

Agedge_t* CgraphDocument::edge(Agnode_t* tail, Agnode_t* head, std::string_view name) {
  std::string n(name);
  return agedge(graph_, tail, head, c(n), 1);
}

void CgraphDocument::set(void* object, std::string_view attribute, std::string_view value) {
  std::string a(attribute), v(value), empty;
  agsafeset(object, c(a), c(v), c(empty));
}

void CgraphDocument::set_graph(std::string_view attribute, std::string_view value) {
  std::string a(attribute), v(value);
  agattr(graph_, AGRAPH, c(a), c(v));
}

void CgraphDocument::set_node_default(std::string_view attribute, std::string_view value) {
  std::string a(attribute), v(value);
  agattr(graph_, AGNODE, c(a), c(v));
}

void CgraphDocument::set_edge_default(std::string_view attribute, std::string_view value) {
  std::string a(attribute), v(value);
  agattr(graph_, AGEDGE, c(a), c(v));
}

std::string CgraphDocument::write() const {
  std::string out;
  if (agwrite(graph_, &out) != 0)
    throw std::runtime_error("cgraph: agwrite failed");
  return out;
}

std::string CgraphDocument::escape_label(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch == '\\') {
      out += "\\\\";
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch != '\r') {
      out += ch;
    }
  }
  return out;
}

}  // namespace jurigraph::exporter
