// The Cypher engine on jurigraph's own graph (the shipped datasets, loaded with the ingest API
// and seen through GraphView): the Orange case, the strict schema, and every research question
// of queries/ against its expected answer in tests/queries/, worked out by hand from the JSON.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "base/calendar.hpp"
#include "cypher_engine_test_util.hpp"
#include "ingest/ingest.hpp"
#include "query/cypher/graph_view.hpp"

namespace jurigraph::query::cypher {
namespace {

namespace fs = std::filesystem;

// tests/data → the project root.
const fs::path kRoot = fs::path(JURIGRAPH_TEST_DATA) / ".." / "..";

// The seed datasets, loaded once for the whole suite.
class CypherEngineGraph : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    loaded_ = new ingest::LoadResult(ingest::load_datasets({(kRoot / "datasets").string()}));
    view_ = new GraphView(loaded_->graph);
  }
  static void TearDownTestSuite() {
    delete view_;
    delete loaded_;
    view_ = nullptr;
    loaded_ = nullptr;
  }
  const GraphView& g() const { return *view_; }

  static ingest::LoadResult* loaded_;
  static GraphView* view_;
};

ingest::LoadResult* CypherEngineGraph::loaded_ = nullptr;
GraphView* CypherEngineGraph::view_ = nullptr;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A value as queries/README.md's CSV format writes it.
std::string csv_field(const Value& v) {
  std::string text;
  switch (v.type()) {
    case ValueType::null:
      return "";
    case ValueType::string:
      text = v.as_string();
      break;
    case ValueType::date:
      text = format_iso_date(v.as_date().yyyymmdd);
      break;
    default:
      text = to_literal(v);
      break;
  }
  if (text.find_first_of(",\"\n") == std::string::npos)
    return text;
  std::string quoted = "\"";
  for (char c : text)
    quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string to_csv(const QueryResult& r) {
  std::string out;
  for (std::size_t i = 0; i < r.columns.size(); ++i)
    out += (i ? "," : "") + csv_field(Value(r.columns[i]));
  out += "\n";
  for (const auto& row : r.rows) {
    for (std::size_t i = 0; i < row.size(); ++i)
      out += (i ? "," : "") + csv_field(row[i]);
    out += "\n";
  }
  return out;
}

TEST_F(CypherEngineGraph, OrangeWarningConfirmedByTheConseilDEtat) {
  ASSERT_FALSE(loaded_->diagnostics.has_errors());
  const QueryLimits strict;
  EXPECT_EQ(testing::rows(g(),
                          "MATCH (c:Company {name: 'Orange'})<-[:AGAINST]-(d:Decision)"
                          "<-[a:APPEAL_OF]-(r) RETURN d.number, a.outcome, r.date",
                          {}, strict),
            (std::vector<std::string>{"'2014-298' | 'confirmed' | '2015-12-30'"}));
  const QueryResult r = testing::run_query(
      g(), "MATCH (c:Company {id: 'company:orange'})<-[:AGAINST]-(d:Decision) RETURN d.date.year",
      {}, strict);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.columns, (std::vector<std::string>{"d.date.year"}));
  EXPECT_EQ(to_literal(r.rows[0][0]), "2014");
}

TEST_F(CypherEngineGraph, StrictSchemaRejectsUnknownLabelsAndTypes) {
  const QueryLimits strict;
  EXPECT_EQ(testing::error_of(g(), "MATCH (c:Company)<-[:AGAINS]-(d) RETURN d", {}, strict),
            "1:22: unknown relationship type :AGAINS; did you mean :AGAINST?");
  EXPECT_EQ(testing::error_of(g(), "MATCH (c:Compny) RETURN c", {}, strict),
            "1:10: unknown label :Compny; did you mean :Company?");
  EXPECT_EQ(testing::error_of(g(), "MATCH (c) WHERE c:Banana RETURN c", {}, strict),
            "1:19: unknown label :Banana");
  // Declared relationship types of the datasets are types like the built-in ones.
  EXPECT_EQ(testing::rows(g(),
                          "MATCH (:Company {id: 'company:kaspr'})-[:COLLECTED_DATA_FROM]->(s) "
                          "RETURN s.name",
                          {}, strict),
            (std::vector<std::string>{"'LinkedIn'"}));
}

TEST_F(CypherEngineGraph, IdPropertyUsesTheIndex) {
  const QueryLimits strict;
  EXPECT_EQ(testing::rows(g(), "MATCH (n {id: 'court:fr-conseil-etat'}) RETURN labels(n), n.name",
                          {}, strict),
            (std::vector<std::string>{"['Court'] | 'Conseil d\\'État'"}));
  EXPECT_EQ(
      testing::rows(g(), "MATCH (n {id: $id}) RETURN n.name", {{"id", Value("nope")}}, strict),
      (std::vector<std::string>{}));
}

// A property or identifier named like a record field (or like each other) is one key of the
// node, with the value the property lookup gives it: the field's, then the identifier's.
TEST(CypherGraphView, KeysNamedLikeFieldsAreListedOnce) {
  const fs::path dir = fs::temp_directory_path() / "jurigraph-graph-view-shadowed-keys";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "d.jsonl")
      << R"({"sources": {"s": {"url": "https://example.org/s", "kind": "official"}}})"
         "\n"
         R"({"entity": {"id": "company:acme", "label": "Company", "name": "Acme", )"
         R"("identifiers": {"rank": "A1"}, "properties": {"name": "shadow", "rank": 3, )"
         R"("country": "FR", "size": 10}, "sources": ["s"]}})"
         "\n";
  const ingest::LoadResult loaded = ingest::load_datasets({(dir / "d.jsonl").string()});
  ASSERT_FALSE(loaded.diagnostics.has_errors());
  const GraphView view(loaded.graph);
  const QueryLimits strict;
  EXPECT_EQ(testing::rows(view, "MATCH (n:Company) RETURN keys(n), n.name, n.rank, n.country", {},
                          strict),
            (std::vector<std::string>{"['id', 'name', 'rank', 'size'] | 'Acme' | 'A1' | null"}));
  const QueryResult r =
      testing::run_query(view, "MATCH (n:Company) RETURN properties(n)", {}, strict);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(to_literal(r.rows[0][0]), "{id: 'company:acme', name: 'Acme', rank: 'A1', size: 10}");
  fs::remove_all(dir);
}

// Every research question gives exactly its expected CSV.
TEST_F(CypherEngineGraph, ResearchQueriesGiveTheirExpectedAnswers) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kRoot / "queries")) {
    if (entry.path().extension() == ".cypher")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    const fs::path expected = kRoot / "tests" / "queries" / (file.stem().string() + ".csv");
    ASSERT_TRUE(fs::exists(expected));
    ParseOptions options;
    options.origin = file.filename().string();
    try {
      const QueryResult r = execute(g(), parse_query(read_file(file), options), {}, QueryLimits{});
      EXPECT_EQ(to_csv(r), read_file(expected));
    } catch (const Error& e) {
      ADD_FAILURE() << format_diagnostic(e.diagnostic());
    }
  }
}

}  // namespace
}  // namespace jurigraph::query::cypher
