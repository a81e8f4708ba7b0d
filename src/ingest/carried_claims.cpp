#include "ingest/carried_claims.hpp"

namespace jurigraph::ingest {

void settle_carried_claims(std::vector<graph::ClaimRecord>& claims, std::size_t merged,
                           std::string_view snapshot_place, const graph::TableWriter& writer) {
  if (claims.size() == merged)
    return;
  const std::vector<graph::ClaimRecord> carried(
      claims.begin() + static_cast<std::ptrdiff_t>(merged), claims.end());
  std::vector<bool> placed(carried.size(), false);
  std::vector<graph::ClaimRecord> settled;
  settled.reserve(claims.size());
  auto same = [&](graph::StrRef a, graph::StrRef b) { return writer.view(a) == writer.view(b); };
  for (std::size_t m = 0; m < merged; ++m) {
    graph::ClaimRecord claim = claims[m];
    if (writer.view(claim.origin) != snapshot_place) {
      settled.push_back(claim);
      continue;
    }
    std::size_t first = carried.size();  // the carried claim of the snapshot's value
    for (std::size_t c = 0; c < carried.size() && first == carried.size(); ++c) {
      if (!placed[c] && same(carried[c].property, claim.property) &&
          same(carried[c].value, claim.value))
        first = c;
    }
    if (first != carried.size()) {
      placed[first] = true;
      claim.origin = carried[first].origin;
      claim.sources = carried[first].sources;
      claim.note = carried[first].note;
    }
    settled.push_back(claim);
    for (std::size_t c = 0; c < carried.size(); ++c) {
      if (!placed[c] && same(carried[c].property, claim.property)) {
        placed[c] = true;
        settled.push_back(carried[c]);
        settled.back().authoritative = false;
      }
    }
  }
  for (std::size_t c = 0; c < carried.size(); ++c) {
    if (!placed[c])
      settled.push_back(carried[c]);
  }
  claims = std::move(settled);
}

}  // namespace jurigraph::ingest
