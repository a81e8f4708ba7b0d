// IdIndex answers as a map from id to slot would: each id keeps the slot it was first given,
// whether it is held inline or by pointer, however many ids the table had to grow for.
#include "ingest/id_index.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <unordered_map>

namespace jurigraph::ingest {
namespace {

TEST(IdIndex, FindsEachIdAtTheSlotItWasFirstGiven) {
  std::deque<std::string> ids;  // the index views the texts of long ids: they must stay put
  for (int i = 0; i < 5000; ++i) {
    ids.push_back("company:c" + std::to_string(i));
    // Longer than the inline bytes, and equal to each other in the first 20.
    ids.push_back("decision:cnil-2014-000000-" + std::to_string(i));
  }
  IdIndex index;
  index.reset(100);  // far fewer than come: the table grows several times
  std::unordered_map<std::string, uint32_t> expected;
  for (std::size_t round = 0; round < 2; ++round) {
    for (const std::string& id : ids) {
      const auto slot = static_cast<uint32_t>(expected.size());
      const auto [it, added] = expected.try_emplace(id, slot);
      const auto [found, inserted] = index.insert(id, slot);
      EXPECT_EQ(inserted, added) << id;
      EXPECT_EQ(found, it->second) << id;
    }
  }
  EXPECT_EQ(index.size(), ids.size());
  for (const auto& [id, slot] : expected)
    EXPECT_EQ(index.find(id), slot) << id;
  for (const char* absent : {"company:c5000", "decision:cnil-2014-000000-", "", "company:c"})
    EXPECT_EQ(index.find(absent), IdIndex::npos) << absent;
}

TEST(IdIndex, AnEmptyOrReleasedIndexFindsNothing) {
  IdIndex index;
  EXPECT_EQ(index.find("a"), IdIndex::npos);
  index.prefetch("a");
  index.reset(10);
  EXPECT_EQ(index.find("a"), IdIndex::npos);
  EXPECT_EQ(index.insert("a", 7), std::make_pair(uint32_t{7}, true));
  EXPECT_EQ(index.find("a"), 7u);
  index.release();
  EXPECT_EQ(index.find("a"), IdIndex::npos);
  index.reset(10);
  EXPECT_EQ(index.find("a"), IdIndex::npos);
  EXPECT_EQ(index.insert("a", 3), std::make_pair(uint32_t{3}, true));
}

}  // namespace
}  // namespace jurigraph::ingest
