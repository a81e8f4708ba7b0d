// A synthetic legal graph with the skew of real enforcement data, for benchmarks and scale
// tests: a few companies with many decisions and most with one; authorities issuing most
// decisions; appeal chains up to three courts; several provisions cited per decision;
// subcontractor chains. Same shape as the graphs the other tools were measured on
// (companies ≈ N/4, 30 authorities, 60 courts, 300 provisions, AGAINST 1–2, CITES 1–4,
// APPEAL_OF ≈ 15 %, SUBCONTRACTOR_OF ≈ N/8). Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <ostream>
#include <vector>

#include "graph/graph_tables.hpp"

namespace jurigraph::generate {

struct SyntheticDecision {
  uint32_t issuer = 0;     // authority index, or court index for appeals
  int32_t appeal_of = -1;  // index of the decision ruled on, or -1
  int32_t date = 0;        // YYYYMMDD
  int64_t amount = -1;     // hundredths of EUR, -1 for none
  uint8_t kind = 0;        // index in kKinds
  uint8_t against_count = 0;
  uint8_t cites_count = 0;
  uint32_t against[2] = {0, 0};      // company indexes
  uint16_t cites[4] = {0, 0, 0, 0};  // provision indexes
};

struct SyntheticGraph {
  uint32_t companies = 0;
  uint32_t authorities = 30;
  uint32_t courts = 60;
  uint32_t provisions = 300;
  std::vector<SyntheticDecision> decisions;
  std::vector<std::pair<uint32_t, uint32_t>> subcontractors;  // processor → controller
};

SyntheticGraph generate_graph(uint64_t decisions, uint64_t seed);

// The graph as a dataset file (valid against schema/dataset.schema.json).
void write_dataset_json(const SyntheticGraph& s, std::ostream& out);
// The same records as JSON Lines (schema/README.md): dataset, sources, entities, decisions,
// relations, one a line, in the order of the JSON file, so both give the same graph.
void write_dataset_jsonl(const SyntheticGraph& s, std::ostream& out);

// The same graph straight into tables, for benchmarks that measure queries, not parsing.
graph::GraphTables build_tables(const SyntheticGraph& s);

}  // namespace jurigraph::generate
