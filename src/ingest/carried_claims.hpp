// build --update: the claims a graph snapshot already holds for an entity meet the claims the
// resolver makes when a new file gives that entity another value. Kept apart from the resolver so
// that its one hook stays a call.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "graph/graph_tables.hpp"

namespace jurigraph::ingest {

// `claims` holds one node's claims: first the `merged` ones the merge of its definitions made
// (values the snapshot and the new files disagree on), then the ones the snapshot carried, as they
// were. The merge gave the snapshot's own value of a contested property the origin
// `snapshot_place` (the snapshot does not say where an uncontested value came from); the carried
// claims say better:
// - the snapshot's claim with that value takes the merge's place, with its own origin, sources
//   and note, and the merge's verdict on which value is authoritative;
// - the snapshot's other claims of that property follow it, no longer authoritative;
// - the claims of properties no new file contests stay as they were.
// So a property holds exactly one authoritative claim, and every value the snapshot recorded is
// still there with its origin.
void settle_carried_claims(std::vector<graph::ClaimRecord>& claims, std::size_t merged,
                           std::string_view snapshot_place, const graph::TableWriter& writer);

}  // namespace jurigraph::ingest
