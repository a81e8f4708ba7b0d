// In-process layout and rendering with libgvc (never by running the dot program).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "export/cgraph_document.hpp"

namespace jurigraph::exporter {

// Above this many nodes the automatic layout uses sfdp: dot's layered layout takes minutes on
// cross-linked graphs of about a thousand nodes (measured: over 100 s), sfdp a fraction of a
// second.
inline constexpr std::size_t kDotLayoutNodeLimit = 300;

// "dot", "neato" or "sfdp" as asked, or the automatic choice for "auto".
std::string choose_layout(std::string_view requested, std::size_t node_count);

// Lays out and renders `doc` to `format` (svg, png, pdf…); returns the bytes. Throws Error on
// an unknown format or layout engine.
std::string render(CgraphDocument& doc, std::string_view layout, std::string_view format);

}  // namespace jurigraph::exporter
