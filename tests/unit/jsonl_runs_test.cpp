// How read_jsonl splits a file among its threads: whole lines, every byte in one run, runs that
// shrink towards the end within their bounds.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <string>

#include "ingest/jsonl_reader.hpp"

namespace jurigraph::ingest {
namespace {

// Lines of varied lengths (7 to 306 bytes), as records are.
std::string lines(std::size_t bytes) {
  std::string text;
  for (std::size_t i = 0; text.size() < bytes; ++i)
    text += "{\"n\":" + std::string(i * 37 % 300, 'x') + "}\n";
  return text;
}

TEST(JsonlRuns, CoverTheFileInWholeLinesAndShrinkTowardsItsEnd) {
  const std::string text = lines(std::size_t{4} << 20);
  const JsonlFile file("runs.jsonl", text);
  constexpr std::size_t kShortest = 64 << 10, kLongest = 512 << 10;
  for (const unsigned threads : {1u, 2u, 3u}) {
    SCOPED_TRACE(threads);
    const std::vector<LineRun> runs = split_into_runs(file, threads, kShortest, kLongest);
    ASSERT_GT(runs.size(), 8u);
    EXPECT_EQ(runs.front().begin, 0u);
    EXPECT_EQ(runs.back().end, text.size());
    std::size_t longest_after = 0;  // of the runs seen so far, from the end
    for (std::size_t i = runs.size(); i-- > 0;) {
      const LineRun& r = runs[i];
      if (i > 0) {
        EXPECT_EQ(runs[i - 1].end, r.begin) << "no gap and no overlap: " << i;
      }
      EXPECT_TRUE(r.end == text.size() || text[r.end - 1] == '\n') << "ends a line: " << i;
      const std::size_t bytes = r.end - r.begin;
      // A run ends at the first line end after its target, one line (300 bytes) at most further.
      EXPECT_LE(bytes, kLongest + 310) << i;
      if (i + 1 < runs.size()) {
        EXPECT_GE(bytes, kShortest) << i;
        EXPECT_GE(bytes + 310, longest_after) << "no run is much shorter than a later one: " << i;
      }
      longest_after = std::max(longest_after, bytes);
    }
    // The first runs are capped, the last ones at the floor.
    EXPECT_GE(runs.front().end - runs.front().begin, kLongest);
    EXPECT_LT(runs[runs.size() - 2].end - runs[runs.size() - 2].begin, kShortest + 310);
  }
}

TEST(JsonlRuns, AFileShorterThanTheShortestRunIsOneRun) {
  const std::string text = lines(1000);
  const JsonlFile file("small.jsonl", text);
  const std::vector<LineRun> runs = split_into_runs(file, 2, 64 << 10, 512 << 10);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].begin, 0u);
  EXPECT_EQ(runs[0].end, text.size());
}

}  // namespace
}  // namespace jurigraph::ingest
