// The name index (src/graph/name_index.hpp): ordered by the hash of each folded key, then by
// vertex, and a look-up finds exactly the vertices that a scan of every key finds.
#include "graph/name_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "base/fold.hpp"
#include "generate/synthetic.hpp"
#include "graph/graph.hpp"

namespace jurigraph::graph {
namespace {

// A generated graph whose names are unique; every seventh node is then given the name of one of
// the first fifty, so that some keys are shared by many nodes.
Graph generated_graph() {
  GraphTables t = generate::build_tables(generate::generate_graph(5000, 7));
  for (std::size_t v = 7; v < t.nodes.size(); v += 7)
    t.nodes[v].name = t.nodes[v % 50].name;
  return Graph::freeze(std::move(t));
}

// Every key of the index and its vertices in vertex order, by a scan of all entries.
std::map<std::string, std::vector<VertexId>> keys_by_scan(const Graph& g) {
  std::map<std::string, std::vector<VertexId>> keys;
  for (const NameKey& k : g.name_index())
    keys[std::string(g.str(k.folded))].push_back(k.vertex);
  for (auto& [key, vertices] : keys)
    std::sort(vertices.begin(), vertices.end());
  return keys;
}

std::string_view key_of(const GraphTables& t, const NameKey& k) {
  return std::string_view(t.strings).substr(k.folded.offset, k.folded.length);
}

TEST(NameIndex, OrderedByHashThenVertex) {
  const Graph g = generated_graph();
  const auto index = g.name_index();
  ASSERT_GE(index.size(), 2 * g.node_count());  // an id and a name each
  std::size_t equal_hashes = 0;
  for (std::size_t i = 1; i < index.size(); ++i) {
    const uint64_t before = name_key_hash(g.str(index[i - 1].folded));
    const uint64_t here = name_key_hash(g.str(index[i].folded));
    ASSERT_LE(before, here) << "at " << i;
    if (before == here) {
      ++equal_hashes;
      ASSERT_LT(index[i - 1].vertex, index[i].vertex) << "at " << i;
    }
  }
  EXPECT_GT(equal_hashes, 500u);  // the shared names: the order within a hash is exercised
}

TEST(NameIndex, FindsWhatAScanOfEveryKeyFinds) {
  const Graph g = generated_graph();
  const auto keys = keys_by_scan(g);
  for (const auto& [key, vertices] : keys)
    ASSERT_EQ(g.find_folded(key), vertices) << key;
  for (VertexId v = 0; v < g.node_count(); ++v) {
    const std::vector<VertexId> found = g.find_folded(fold_for_lookup(g.str(g.node(v).id)));
    ASSERT_NE(std::find(found.begin(), found.end(), v), found.end()) << g.str(g.node(v).id);
  }
  for (const std::string& absent :
       std::vector<std::string>{"", "no such name", keys.begin()->first + "x"})
    EXPECT_TRUE(g.find_folded(absent).empty()) << absent;
}

TEST(NameIndex, AKeySharedByNodesFindsEachOnceInVertexOrder) {
  GraphTables t;
  TableWriter w(t);
  auto node = [&](std::string_view id, std::string_view name,
                  std::vector<std::string_view> aliases) {
    NodeRecord n;
    n.id = w.store(id);
    n.name = w.store(name);
    std::vector<StrRef> refs;
    for (const std::string_view a : aliases)
      refs.push_back(w.store(a));
    n.aliases = w.add_string_list(refs);
    t.add_node(n);
  };
  node("company:a", "Alpha", {});
  node("company:b", "Twin", {"TWIN", "twin"});  // one key, three times
  node("company:c", "Gamma", {});
  node("company:d", "Delta", {"Twîn"});
  node("company:e", "TWIN", {});
  const HugeVector<NameKey> index = build_name_index(t);
  EXPECT_EQ(find_in_name_index(index, t.strings, "twin"), (std::vector<VertexId>{1, 3, 4}));
  EXPECT_EQ(find_in_name_index(index, t.strings, "company d"), (std::vector<VertexId>{3}));
  EXPECT_TRUE(find_in_name_index(index, t.strings, "twins").empty());
  EXPECT_EQ(index.size(), 5u * 2 + 1);  // ids and names, and Delta's alias
}

// The index orders a bucket by 32 bits of each hash and, where two agree, by the whole hashes.
// These two names' hashes agree on their top 32 bits (found by a search over "name N"), which a
// table of under 8 keys (one bucket) compares: the one dealt first must still come second.
TEST(NameIndex, HashesAlikeInTheirTop32BitsAreOrderedByTheWholeHash) {
  GraphTables t;
  TableWriter w(t);
  auto node = [&](std::string_view id, std::string_view name) {
    NodeRecord n;
    n.id = w.store(id);
    n.name = w.store(name);
    t.add_node(n);
  };
  node("x:a", "name 40431");
  node("x:b", "name 11831");
  const uint64_t first_dealt = name_key_hash("name 40431");
  const uint64_t second_dealt = name_key_hash("name 11831");
  ASSERT_EQ(first_dealt >> 32, second_dealt >> 32);
  ASSERT_GT(first_dealt, second_dealt);
  const HugeVector<NameKey> index = build_name_index(t);
  ASSERT_EQ(index.size(), 4u);
  for (std::size_t i = 1; i < index.size(); ++i) {
    EXPECT_LE(name_key_hash(key_of(t, index[i - 1])), name_key_hash(key_of(t, index[i])))
        << "at " << i;
  }
  EXPECT_EQ(find_in_name_index(index, t.strings, "name 40431"), (std::vector<VertexId>{0}));
  EXPECT_EQ(find_in_name_index(index, t.strings, "name 11831"), (std::vector<VertexId>{1}));
}

TEST(NameIndex, EmptyTablesGiveAnEmptyIndex) {
  GraphTables t;
  const HugeVector<NameKey> index = build_name_index(t);
  EXPECT_TRUE(index.empty());
  EXPECT_TRUE(find_in_name_index(index, t.strings, "anything").empty());
}

// Built aside (as the resolver starts it, on rows not yet in id order), the index is the one
// built on the rows in that order.
TEST(NameIndex, BuiltAsideOnRowsInAnotherOrderIsTheIndexOfTheRowsInIdOrder) {
  const auto reversed_tables = [] {
    GraphTables t = generate::build_tables(generate::generate_graph(2000, 7));
    std::reverse(t.nodes.begin(), t.nodes.end());
    return t;
  };
  GraphTables unsorted = reversed_tables();
  std::vector<VertexId> by_id(unsorted.nodes.size());
  std::iota(by_id.begin(), by_id.end(), 0);
  std::sort(by_id.begin(), by_id.end(), [&](VertexId a, VertexId b) {
    return key_of(unsorted, {unsorted.nodes[a].id, 0}) <
           key_of(unsorted, {unsorted.nodes[b].id, 0});
  });
  GraphTables sorted = reversed_tables();
  for (VertexId v = 0; v < by_id.size(); ++v)
    sorted.nodes[v] = unsorted.nodes[by_id[v]];
  NameIndexAside aside(unsorted, by_id);
  const HugeVector<NameKey> built_aside = attach_name_index(unsorted, aside.take());
  const HugeVector<NameKey> built_on_sorted = build_name_index(sorted);
  ASSERT_EQ(built_aside.size(), built_on_sorted.size());
  EXPECT_EQ(unsorted.strings, sorted.strings);
  for (std::size_t i = 0; i < built_aside.size(); ++i) {
    EXPECT_EQ(built_aside[i].vertex, built_on_sorted[i].vertex) << i;
    EXPECT_EQ(built_aside[i].folded.offset, built_on_sorted[i].folded.offset) << i;
    EXPECT_EQ(built_aside[i].folded.length, built_on_sorted[i].folded.length) << i;
  }
}

// What the index reads is freed once it is built: after take() at the latest, and at once when
// handed over after.
TEST(NameIndex, BuiltAsideItKeepsWhatItReadsUntilBuilt) {
  const GraphTables t = generate::build_tables(generate::generate_graph(500, 3));
  NameIndexAside aside(t, std::span<const VertexId>());
  auto rows = std::make_shared<int>(1);
  const std::weak_ptr<int> rows_alive = rows;
  aside.keep_until_built(std::move(rows));
  const NameIndexPart part = aside.take();
  EXPECT_TRUE(rows_alive.expired());
  EXPECT_FALSE(part.keys.empty());
  auto late = std::make_shared<int>(2);
  const std::weak_ptr<int> late_alive = late;
  aside.keep_until_built(std::move(late));
  EXPECT_TRUE(late_alive.expired());
}

// A reader of the strings on another thread is told once, before the table first moves.
TEST(TableWriter, SaysOnceBeforeTheStringsMove) {
  GraphTables t;
  t.strings.reserve(100);
  TableWriter w(t);
  int calls = 0;
  const char* table_when_told = nullptr;
  w.before_strings_move([&] {
    ++calls;
    table_when_told = t.strings.data();
  });
  const char* table = t.strings.data();
  w.store(std::string(t.strings.capacity(), 'a'));  // fills the room: no move
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(t.strings.data(), table);
  w.store("b");
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(table_when_told, table);
  w.store(std::string(3 * t.strings.capacity(), 'c'));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(t.strings.back(), 'c');
}

}  // namespace
}  // namespace jurigraph::graph
