// The GraphML export of a small dataset: keys declared once per domain with the attr.type of
// their values, numbers without exponent, XML escaping, unique edge ids, the label and type
// attributes out of the way of properties, and the same bytes on every run.
#include "export/graphml_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "ingest/ingest.hpp"

namespace jurigraph {
namespace {

namespace fs = std::filesystem;

// A dataset with what the writer must get right: text with markup characters and controls, a
// fine large enough for a shortest-float printer to choose an exponent, a property typed
// differently under two labels, a list, booleans, dates, and parallel relationships (two
// SHARED_DATA_WITH, and two CITES with different roles).
const char* kDataset = R"({
  "sources": {"s": {"url": "https://example.org/s", "kind": "official"}},
  "vocabulary": {"relation_types": [
    {"type": "SHARED_DATA_WITH", "description": "gave data to", "from": ["Company"], "to": ["Company"]}
  ]},
  "entities": [
    {"id": "authority:dpa", "label": "Authority", "name": "Data Protection Authority",
     "aliases": ["DPA", "The \"Authority\""], "properties": {"staff": "about 250"}, "sources": ["s"]},
    {"id": "company:smith", "label": "Company", "name": "Smith & Sons <\"Ltd\">",
     "description": "line one\r\nline two \u0001 end\uFFFF",
     "identifiers": {"siren": "123456789"},
     "properties": {"staff": 1200, "listed": true, "rating": 4.5}, "sources": ["s"]},
    {"id": "company:jones", "label": "Company", "name": "Jones", "properties": {"staff": 3},
     "sources": ["s"]},
    {"id": "provision:art-32", "label": "Provision", "name": "GDPR, art. 32", "sources": ["s"]}
  ],
  "decisions": [
    {"id": "decision:big", "kind": "sanction", "issued_by": "authority:dpa",
     "against": ["company:smith", "company:jones"], "date": "2016-02-29",
     "amount": "150000000", "currency": "EUR",
     "cites": [{"provision": "provision:art-32", "role": "infringed"},
               {"provision": "provision:art-32", "role": "applied"}],
     "sources": ["s"]},
    {"id": "decision:small", "kind": "sanction", "issued_by": "authority:dpa",
     "against": ["company:jones"], "date": "2017-01-02", "amount": "1234.50", "currency": "EUR",
     "sources": ["s"]}
  ],
  "relations": [
    {"type": "SHARED_DATA_WITH", "from": "company:smith", "to": "company:jones",
     "properties": {"records": 40000000, "share": 0.25}, "sources": ["s"]},
    {"type": "SHARED_DATA_WITH", "from": "company:smith", "to": "company:jones",
     "properties": {"records": 12}, "sources": ["s"]}
  ]
})";

// A node property named like the label attribute, an edge property named like the type one.
const char* kClashes = R"({
  "sources": {"s": {"url": "https://example.org/s", "kind": "official"}},
  "vocabulary": {"relation_types": [
    {"type": "SHARED_DATA_WITH", "description": "gave data to", "from": ["Company"], "to": ["Company"]}
  ]},
  "entities": [
    {"id": "company:a", "label": "Company", "name": "A", "properties": {"label": "own label"},
     "sources": ["s"]},
    {"id": "company:b", "label": "Company", "name": "B", "sources": ["s"]}
  ],
  "relations": [
    {"type": "SHARED_DATA_WITH", "from": "company:a", "to": "company:b",
     "properties": {"type": "bulk"}, "sources": ["s"]}
  ]
})";

// Loads `text` as the one file of a dataset folder of its own (numbered: a test may load two).
class Dataset {
 public:
  explicit Dataset(const char* text)
      : dir_(fs::temp_directory_path() /
             ("jurigraph-graphml-" +
              std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
              std::to_string(serial_++))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "data.json") << text;
    result_ = ingest::load_datasets({dir_.string()});
  }
  ~Dataset() { fs::remove_all(dir_); }
  const ingest::LoadResult& result() const { return result_; }

 private:
  static inline int serial_ = 0;
  fs::path dir_;
  ingest::LoadResult result_;
};

std::string export_graphml(const graph::Graph& g) {
  std::ostringstream out;
  exporter::write_graphml(out, g);
  return out.str();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size()))
    ++n;
  return n;
}

// The <key …/> declaration of attribute `name` for `domain`, or "" when there is none.
std::string key_line(const std::string& xml, const std::string& domain, const std::string& name) {
  const std::regex re("<key id=\"[^\"]*\" for=\"" + domain + "\" attr.name=\"" + name +
                      "\" attr.type=\"[a-z]+\"/>");
  std::smatch m;
  return std::regex_search(xml, m, re) ? m.str() : "";
}

std::string key_type(const std::string& xml, const std::string& domain, const std::string& name) {
  const std::string line = key_line(xml, domain, name);
  const auto p = line.find("attr.type=\"");
  return p == std::string::npos ? "" : line.substr(p + 11, line.size() - p - 11 - 3);
}

class GraphmlWriter : public ::testing::Test {
 protected:
  GraphmlWriter() : data_(kDataset), xml_(export_graphml(graph())) {}
  const graph::Graph& graph() const { return data_.result().graph; }

  Dataset data_;
  std::string xml_;
};

TEST_F(GraphmlWriter, DatasetLoads) {
  ASSERT_FALSE(data_.result().diagnostics.has_errors());
  EXPECT_EQ(graph().node_count(), 6u);
}

TEST_F(GraphmlWriter, HeaderAndDirectedGraph) {
  EXPECT_EQ(xml_.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "
                       "xmlns=\"http://graphml.graphdrawing.org/xmlns\"",
                       0),
            0u);
  EXPECT_NE(xml_.find("xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\""),
            std::string::npos);
  EXPECT_EQ(count(xml_, "<graph id=\"G\" edgedefault=\"directed\">"), 1u);
  EXPECT_TRUE(xml_.ends_with("  </graph>\n</graphml>\n"));
}

TEST_F(GraphmlWriter, ReturnsWhatItWrote) {
  std::ostringstream out;
  const auto [nodes, edges] = exporter::write_graphml(out, graph());
  EXPECT_EQ(nodes, graph().node_count());
  EXPECT_EQ(edges, graph().edge_count());
  EXPECT_EQ(count(xml_, "<node id="), graph().node_count());
  EXPECT_EQ(count(xml_, "<edge id="), graph().edge_count());
}

TEST_F(GraphmlWriter, EveryKeyDeclaredOnceWithItsType) {
  const std::regex key("<key id=\"([^\"]+)\" for=\"(node|edge)\" attr.name=\"([^\"]+)\"");
  std::set<std::string> ids, names;
  for (auto it = std::sregex_iterator(xml_.begin(), xml_.end(), key); it != std::sregex_iterator();
       ++it) {
    EXPECT_TRUE(ids.insert((*it)[1]).second) << "key id twice: " << (*it)[1];
    EXPECT_TRUE(names.insert((*it)[2].str() + " " + (*it)[3].str()).second)
        << "attribute twice: " << (*it)[3];
  }
  EXPECT_EQ(key_type(xml_, "node", "label"), "string");
  EXPECT_EQ(key_type(xml_, "node", "id"), "string");
  EXPECT_EQ(key_type(xml_, "node", "name"), "string");
  EXPECT_EQ(key_type(xml_, "node", "aliases"), "string");  // a list: JSON text
  EXPECT_EQ(key_type(xml_, "node", "date"), "string");     // NetworkX has no date type
  EXPECT_EQ(key_type(xml_, "node", "amount"), "double");
  EXPECT_EQ(key_type(xml_, "node", "listed"), "boolean");
  EXPECT_EQ(key_type(xml_, "node", "rating"), "double");
  EXPECT_EQ(key_type(xml_, "node", "siren"), "string");
  // An integer under Company, a string under Authority: one GraphML key, so string.
  EXPECT_EQ(key_type(xml_, "node", "staff"), "string");
  EXPECT_EQ(key_type(xml_, "edge", "type"), "string");
  EXPECT_EQ(key_type(xml_, "edge", "records"), "long");
  EXPECT_EQ(key_type(xml_, "edge", "share"), "double");
  EXPECT_EQ(key_type(xml_, "edge", "role"), "string");
  EXPECT_EQ(key_line(xml_, "edge", "label"), "");
  EXPECT_EQ(key_line(xml_, "node", "type"), "");
}

TEST_F(GraphmlWriter, NumbersWithoutExponent) {
  EXPECT_NE(xml_.find("<data key=\"n_amount\">150000000</data>"), std::string::npos);
  EXPECT_NE(xml_.find("<data key=\"n_amount\">1234.5</data>"), std::string::npos);
  EXPECT_NE(xml_.find("<data key=\"e_records\">40000000</data>"), std::string::npos);
  EXPECT_NE(xml_.find("<data key=\"e_share\">0.25</data>"), std::string::npos);
  EXPECT_NE(xml_.find("<data key=\"n_staff\">1200</data>"), std::string::npos);
  EXPECT_FALSE(std::regex_search(xml_, std::regex("[0-9][eE][+-]?[0-9]")));
}

TEST_F(GraphmlWriter, ScalarsListsAndDates) {
  EXPECT_NE(xml_.find("<data key=\"n_listed\">true</data>"), std::string::npos);
  EXPECT_NE(xml_.find("<data key=\"n_date\">2016-02-29</data>"), std::string::npos);
  EXPECT_NE(xml_.find("<data key=\"n_aliases\">[&quot;DPA&quot;,&quot;The "
                      "\\&quot;Authority\\&quot;&quot;]</data>"),
            std::string::npos);
  EXPECT_NE(xml_.find("<data key=\"n_staff\">about 250</data>"), std::string::npos);
}

TEST_F(GraphmlWriter, TextIsEscaped) {
  EXPECT_NE(xml_.find("<data key=\"n_name\">Smith &amp; Sons &lt;&quot;Ltd&quot;&gt;</data>"),
            std::string::npos);
  // A raw return would be read back as a newline; U+0001 and U+FFFF cannot be in XML 1.0 at
  // all, not even as references.
  EXPECT_NE(xml_.find("<data key=\"n_description\">line one&#13;\nline two \xEF\xBF\xBD "
                      "end\xEF\xBF\xBD</data>"),
            std::string::npos);
  EXPECT_EQ(xml_.find('\x01'), std::string::npos);
  EXPECT_EQ(xml_.find('\r'), std::string::npos);
}

TEST_F(GraphmlWriter, NodeIdsAreJurigraphIdsAndEdgeIdsAreUnique) {
  EXPECT_NE(xml_.find("<node id=\"company:smith\">\n      <data key=\"n_label\">Company</data>\n"),
            std::string::npos);
  EXPECT_NE(xml_.find("<data key=\"n_id\">company:smith</data>"), std::string::npos);
  const std::regex edge("<edge id=\"([^\"]+)\" source=\"([^\"]+)\" target=\"([^\"]+)\">");
  std::set<std::string> ids;
  std::map<std::pair<std::string, std::string>, int> between;
  for (auto it = std::sregex_iterator(xml_.begin(), xml_.end(), edge); it != std::sregex_iterator();
       ++it) {
    EXPECT_TRUE(ids.insert((*it)[1]).second) << "edge id twice: " << (*it)[1];
    ++between[{(*it)[2], (*it)[3]}];
  }
  EXPECT_EQ(ids.size(), graph().edge_count());
  // Parallel relationships stay distinct edges with ids of their own.
  const auto pair_count = [&](const char* from, const char* to) { return between[{from, to}]; };
  EXPECT_EQ(pair_count("company:smith", "company:jones"), 2);
  EXPECT_EQ(pair_count("decision:big", "provision:art-32"), 2);
  EXPECT_EQ(count(xml_, "<data key=\"e_type\">CITES</data>"), 2u);
}

TEST_F(GraphmlWriter, SameBytesEveryRun) {
  EXPECT_EQ(export_graphml(graph()), xml_);
  const Dataset again(kDataset);
  EXPECT_EQ(export_graphml(again.result().graph), xml_);
}

TEST(GraphmlWriterNames, LabelAndTypeAttributesMoveAsideForPropertiesOfTheirName) {
  const Dataset data(kClashes);
  ASSERT_FALSE(data.result().diagnostics.has_errors());
  const std::string xml = export_graphml(data.result().graph);
  EXPECT_EQ(key_type(xml, "node", "_label"), "string");
  EXPECT_EQ(key_type(xml, "node", "label"), "string");
  EXPECT_EQ(key_type(xml, "edge", "_type"), "string");
  EXPECT_EQ(key_type(xml, "edge", "type"), "string");
  EXPECT_NE(xml.find("<data key=\"n__label\">Company</data>\n      <data key=\"n_id\">company:a"),
            std::string::npos);
  EXPECT_NE(xml.find("<data key=\"n_label\">own label</data>"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"e__type\">SHARED_DATA_WITH</data>\n      <data "
                     "key=\"e_type\">bulk</data>"),
            std::string::npos);
}

// A property named like a record field or an identifier: one <data> per key, the value a query
// gives (the field's, then the identifier's), where the node had two n_name and two n_rank.
TEST(GraphmlWriterNames, PropertiesNamedLikeFieldsGiveOneDataEach) {
  const Dataset data(R"({
  "sources": {"s": {"url": "https://example.org/s", "kind": "official"}},
  "entities": [
    {"id": "company:acme", "label": "Company", "name": "Acme", "identifiers": {"rank": "A1"},
     "properties": {"name": "shadow", "rank": 3, "country": "FR", "size": 10}, "sources": ["s"]}
  ]
})");
  ASSERT_FALSE(data.result().diagnostics.has_errors());
  const std::string xml = export_graphml(data.result().graph);
  EXPECT_EQ(count(xml, "<data key=\"n_name\">"), 1u);
  EXPECT_NE(xml.find("<data key=\"n_name\">Acme</data>"), std::string::npos);
  EXPECT_EQ(count(xml, "<data key=\"n_rank\">"), 1u);
  EXPECT_NE(xml.find("<data key=\"n_rank\">A1</data>"), std::string::npos);
  EXPECT_EQ(count(xml, "<data key=\"n_country\">"), 0u);
  EXPECT_NE(xml.find("<data key=\"n_size\">10</data>"), std::string::npos);
}

TEST(GraphmlWriterEmpty, EmptyGraphIsAValidDocument) {
  const graph::Graph g;
  std::ostringstream out;
  const auto [nodes, edges] = exporter::write_graphml(out, g);
  EXPECT_EQ(nodes, 0u);
  EXPECT_EQ(edges, 0u);
  EXPECT_NE(out.str().find("<key id=\"n_label\" for=\"node\" attr.name=\"label\" "
                           "attr.type=\"string\"/>"),
            std::string::npos);
  EXPECT_TRUE(
      out.str().ends_with("<graph id=\"G\" edgedefault=\"directed\">\n  </graph>\n"
                          "</graphml>\n"));
}

}  // namespace
}  // namespace jurigraph
