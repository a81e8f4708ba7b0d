#include "export/render.hpp"

#include <graphviz/gvc.h>

#include <memory>

#include "base/diagnostic.hpp"

namespace jurigraph::exporter {
namespace {

struct ContextDeleter {
  void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};

// Frees the layout when rendering is done or fails.
class LayoutGuard {
 public:
  LayoutGuard(GVC_t* gvc, Agraph_t* g) : gvc_(gvc), g_(g) {}
  ~LayoutGuard() { gvFreeLayout(gvc_, g_); }
  LayoutGuard(const LayoutGuard&) = delete;
  LayoutGuard& operator=(const LayoutGuard&) = delete;

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
};

}  // namespace

std::string choose_layout(std::string_view requested, std::size_t node_count) {
  if (requested != "auto")
    return std::string(requested);
  return node_count > kDotLayoutNodeLimit ? "sfdp" : "dot";
}

std::string render(CgraphDocument& doc, std::string_view layout, std::string_view format) {
  std::unique_ptr<GVC_t, ContextDeleter> gvc(gvContext());
  if (!gvc)
    throw Error(Location("render"), "Graphviz could not start (gvContext failed)",
                ErrorKind::output);
  const std::string engine(layout), fmt(format);
  if (gvLayout(gvc.get(), doc.handle(), engine.c_str()) != 0) {
    throw Error(Location("--layout"), "Graphviz has no layout engine \"" + engine + "\"",
                ErrorKind::usage);
  }
  LayoutGuard guard(gvc.get(), doc.handle());
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(gvc.get(), doc.handle(), fmt.c_str(), &data, &length) != 0 || data == nullptr) {
    if (data != nullptr)
      gvFreeRenderData(data);
    throw Error(Location("-o"), "Graphviz cannot render the format \"" + fmt + "\"",
                ErrorKind::usage);
  }
  std::string bytes(data, length);
  gvFreeRenderData(data);
  return bytes;
}

}  // namespace jurigraph::exporter
