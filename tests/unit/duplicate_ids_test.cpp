// find_duplicate_ids against the obvious map: every later node whose id an earlier node of the
// file has, with the first such node, in record order, across the parts of a file (empty parts
// included) and at every distance, near and far (the look-up fetches ids some places ahead); and
// the file's ids it numbers for the resolver.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "ingest/dataset_reader.hpp"
#include "ingest/id_index.hpp"

namespace jurigraph::ingest {
namespace {

TEST(DuplicateIds, AreThoseAMapOfFirstDefinitionsFinds) {
  // A third of the ids once each; the rest drawn at random from 1,000, so that an id comes back
  // after one node, a few or thousands.
  std::mt19937 random(7);
  std::uniform_int_distribution<int> drawn(0, 999);
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i)
    ids.push_back("company:" + std::to_string(i % 3 == 0 ? 1000 + i : drawn(random)));
  // Parts of varied sizes, some empty, as a JSON Lines file's runs.
  const std::vector<std::size_t> sizes = {0, 3, 1, 0, 0, 17, 16, 15, 1000, 0, 2, 3946};
  std::vector<FileRecords> parts(sizes.size());
  std::size_t at = 0;
  for (std::size_t p = 0; p < sizes.size(); ++p) {
    for (std::size_t k = 0; k < sizes[p]; ++k) {
      NodeSpec n;
      n.id = ids[at++];
      parts[p].nodes.push_back(n);
    }
  }
  ASSERT_EQ(at, ids.size());

  std::vector<std::pair<const NodeSpec*, const NodeSpec*>> expected;
  std::map<std::string_view, const NodeSpec*> first;
  for (const FileRecords& part : parts) {
    for (const NodeSpec& n : part.nodes) {
      const auto [it, inserted] = first.emplace(n.id, &n);
      if (!inserted)
        expected.emplace_back(it->second, &n);
    }
  }
  ASSERT_GT(expected.size(), 1000u);
  std::size_t near = 0;  // ids repeated within the 16 before them
  for (std::size_t i = 1; i < ids.size(); ++i)
    near += std::find(ids.begin() + static_cast<std::ptrdiff_t>(i >= 16 ? i - 16 : 0),
                      ids.begin() + static_cast<std::ptrdiff_t>(i),
                      ids[i]) != ids.begin() + static_cast<std::ptrdiff_t>(i);
  EXPECT_GT(near, 10u);
  EXPECT_EQ(find_duplicate_ids(parts), expected);
  EXPECT_TRUE(find_duplicate_ids(std::vector<FileRecords>(3)).empty());

  // The ids as the resolver numbers them (FileIds): in order of first definition, each node
  // with its id's number, and the index finds each id's.
  FileIds file_ids;
  file_ids.index.reset(file_ids.node_slots.size());  // too small: the index grows
  EXPECT_EQ(find_duplicate_ids(parts, file_ids), expected);
  std::map<std::string_view, uint32_t> numbered;
  std::vector<uint32_t> expected_slots;
  for (const FileRecords& part : parts) {
    for (const NodeSpec& n : part.nodes)
      expected_slots.push_back(
          numbered.emplace(n.id, static_cast<uint32_t>(numbered.size())).first->second);
  }
  EXPECT_EQ(file_ids.slots, numbered.size());
  EXPECT_EQ(std::vector<uint32_t>(file_ids.node_slots.begin(), file_ids.node_slots.end()),
            expected_slots);
  for (const auto& [id, slot] : numbered)
    EXPECT_EQ(file_ids.index.find(id), slot) << id;
  EXPECT_EQ(file_ids.index.find("company:none"), IdIndex::npos);
}

}  // namespace
}  // namespace jurigraph::ingest
