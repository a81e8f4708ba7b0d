// `jurigraph stats`: the figures of compute_stats as aligned text or JSON.
#pragma once

#include <ostream>

#include "graph/stats.hpp"

namespace jurigraph::exporter {

void write_stats_text(std::ostream& out, const graph::GraphStats& s);
void write_stats_json(std::ostream& out, const graph::GraphStats& s);

}  // namespace jurigraph::exporter
