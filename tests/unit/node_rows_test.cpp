// Nodes stored in two parts (src/graph/model.hpp: NodeRow, NodeDetails): a node added to the
// tables comes back whole, a node without details takes no details record, and the frozen graph's
// details follow its rows' order whatever order the nodes were added in.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"

namespace jurigraph::graph {
namespace {

std::string text(const GraphTables& t, StrRef r) {
  return t.strings.substr(r.offset, r.length);
}

// A node with every field set, its texts stored in `t`.
NodeRecord full_node(GraphTables& t, std::string_view id) {
  TableWriter w(t);
  NodeRecord n;
  n.id = w.store(id);
  n.name = w.store(std::string(id) + " name");
  n.country = w.store("FR");
  n.description = w.store(std::string(id) + " description");
  n.kind = w.store("sanction");
  n.number = w.store("2014-298");
  n.currency = w.store("EUR");
  n.summary = w.store(std::string(id) + " summary");
  n.date = 20140807;
  n.amount = 12345;
  n.aliases = {1, 2};
  n.identifiers = {3, 4};
  n.properties = {5, 6};
  n.sources = {7, 8};
  n.claims = {9, 10};
  n.label = Label::Decision;
  return n;
}

// A node with only the fields every node of a generated graph has.
NodeRecord plain_node(GraphTables& t, std::string_view id) {
  TableWriter w(t);
  NodeRecord n;
  n.id = w.store(id);
  n.name = w.store(std::string(id) + " name");
  n.sources = {0, 1};
  n.label = Label::Company;
  return n;
}

void expect_same(const NodeRecord& a, const NodeRecord& b) {
  // Field by field: NodeRecord has padding, so its bytes cannot be compared.
  const auto same = [](StrRef x, StrRef y) { return x.offset == y.offset && x.length == y.length; };
  const auto same_range = [](Range x, Range y) { return x.begin == y.begin && x.count == y.count; };
  EXPECT_TRUE(same(a.id, b.id) && same(a.name, b.name) && same(a.country, b.country) &&
              same(a.description, b.description) && same(a.kind, b.kind) &&
              same(a.number, b.number) && same(a.currency, b.currency) &&
              same(a.summary, b.summary));
  EXPECT_TRUE(same_range(a.aliases, b.aliases) && same_range(a.identifiers, b.identifiers) &&
              same_range(a.properties, b.properties) && same_range(a.sources, b.sources) &&
              same_range(a.claims, b.claims));
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.amount, b.amount);
  EXPECT_EQ(a.label, b.label);
}

TEST(NodeRows, ANodeComesBackWholeFromItsRowAndDetails) {
  GraphTables t;
  const NodeRecord full = full_node(t, "decision:a");
  const NodeRecord plain = plain_node(t, "company:b");
  t.add_node(full);
  t.add_node(plain);
  ASSERT_EQ(t.nodes.size(), 2u);
  ASSERT_EQ(t.node_details.size(), 1u);  // the plain node has none
  EXPECT_EQ(t.nodes[0].details, 0u);
  EXPECT_EQ(t.nodes[1].details, kNoNodeDetails);
  expect_same(t.node(0), full);
  expect_same(t.node(1), plain);
  EXPECT_EQ(text(t, t.node(0).summary), "decision:a summary");
}

TEST(NodeRows, AnyOneDetailMakesADetailsRecord) {
  GraphTables t;
  NodeRecord n = plain_node(t, "company:a");
  n.identifiers = {0, 1};
  t.add_node(n);
  n = plain_node(t, "company:b");
  n.claims = {4, 0};  // an empty list, wherever it begins, is no detail
  t.add_node(n);
  EXPECT_EQ(t.node_details.size(), 1u);
  EXPECT_EQ(t.nodes[0].details, 0u);
  EXPECT_EQ(t.nodes[1].details, kNoNodeDetails);
}

// The same nodes added in two orders give the same frozen rows and details, byte for byte, and
// each node keeps its own details.
TEST(NodeRows, DetailsFollowTheRowsWhateverTheInputOrder) {
  const std::vector<std::string> ids = {"decision:c", "company:z", "decision:a", "company:m",
                                        "decision:b"};
  const auto frozen = [&](bool reversed) {
    GraphTables t;
    std::vector<std::string> order = ids;
    if (reversed)
      order.assign(ids.rbegin(), ids.rend());
    // Strings in one order whatever the nodes' order, so that their offsets agree.
    std::vector<NodeRecord> nodes;
    for (const std::string& id : ids) {
      NodeRecord n = id.starts_with("decision:") ? full_node(t, id) : plain_node(t, id);
      // The freeze reads the lists (the name index folds aliases and identifiers): none here.
      n.aliases = n.identifiers = n.properties = n.claims = n.sources = {};
      nodes.push_back(n);
    }
    for (const std::string& id : order) {
      const std::size_t k =
          static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
      t.add_node(nodes[k]);
    }
    return Graph::freeze(std::move(t));
  };
  const Graph a = frozen(false), b = frozen(true);
  const GraphArrays &x = a.arrays(), &y = b.arrays();
  ASSERT_EQ(x.nodes.size(), ids.size());
  ASSERT_EQ(x.node_details.size(), 3u);
  ASSERT_EQ(y.node_details.size(), 3u);
  EXPECT_EQ(std::memcmp(x.nodes.data(), y.nodes.data(), x.nodes.size_bytes()), 0);
  EXPECT_EQ(std::memcmp(x.node_details.data(), y.node_details.data(), x.node_details.size_bytes()),
            0);
  for (VertexId v = 0; v < a.node_count(); ++v) {
    const NodeRecord n = a.node(v);
    const std::string id(a.str(n.id));
    if (id.starts_with("decision:"))
      EXPECT_EQ(a.str(n.description), id + " description");
    else
      EXPECT_TRUE(n.description.empty()) << id;
  }
}

}  // namespace
}  // namespace jurigraph::graph
