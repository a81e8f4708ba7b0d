// The Neo4j exports — the neo4j-admin CSV folder and the cypher-shell script — on small datasets:
// headers with one ID space and typed columns, RFC 4180 quoting, arrays and the choice of their
// delimiter, the import command, the same bytes on every run; constraints, batches, escaping and
// parallel relationships in the script. Also the two pieces they stand on: infer_tables (column
// types) and write_export_folder (an earlier export replaced in one step or left intact).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "export/csv_fields.hpp"
#include "export/cypher_script_writer.hpp"
#include "export/export_folder.hpp"
#include "export/neo4j_csv_writer.hpp"
#include "export/property_tables.hpp"
#include "generate/synthetic.hpp"
#include "ingest/ingest.hpp"
#include "query/cypher/graph_view.hpp"
#include "query/cypher/memory_graph.hpp"

namespace jurigraph {
namespace {

namespace fs = std::filesystem;
namespace cy = query::cypher;

// What the writers must get right: quotes, commas and line breaks in text, aliases holding `;`
// and `|` (so neither can be the array delimiter), a property that is an integer on one node and
// a float on another, booleans, a missing value, a date and an amount, a declared type whose
// ends carry several labels, and two parallel relationships of one type.
const char* kTricky = R"({
  "sources": {"s": {"url": "https://example.org/s", "kind": "official"}},
  "vocabulary": {"relation_types": [
    {"type": "RELATED_TO", "description": "related to", "from": ["Company", "Authority"],
     "to": ["Company", "Court"]}
  ]},
  "entities": [
    {"id": "authority:dpa", "label": "Authority", "name": "Data \"Protection\" Authority, Inc.",
     "aliases": ["DPA", "a;b"], "sources": ["s"]},
    {"id": "company:acme", "label": "Company", "name": "Acme\nLine two", "aliases": ["x|y"],
     "identifiers": {"siren": "123456789"},
     "properties": {"staff": 120, "listed": true, "note": "it's a \\ back"}, "sources": ["s"]},
    {"id": "company:beta", "label": "Company", "name": "Beta", "properties": {"staff": 2.5},
     "sources": ["s"]},
    {"id": "court:top", "label": "Court", "name": "Top Court", "sources": ["s"]}
  ],
  "decisions": [
    {"id": "decision:one", "kind": "sanction", "issued_by": "authority:dpa",
     "against": ["company:acme"], "date": "2016-02-29", "amount": "85000000.01",
     "currency": "EUR", "sources": ["s"]}
  ],
  "relations": [
    {"type": "RELATED_TO", "from": "company:acme", "to": "company:beta",
     "properties": {"rank": 1}, "sources": ["s"]},
    {"type": "RELATED_TO", "from": "company:acme", "to": "company:beta",
     "properties": {"rank": 2}, "sources": ["s"]},
    {"type": "RELATED_TO", "from": "authority:dpa", "to": "court:top", "sources": ["s"]}
  ]
})";

std::string unique_name(const std::string& prefix) {
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  return prefix + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
         test->test_suite_name() + "-" + test->name();
}

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / unique_name("jurigraph-neo4j-")) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size()))
    ++n;
  return n;
}

// Every file of a folder by name, with its bytes.
std::map<std::string, std::string> folder_files(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(folder))
    files[entry.path().filename().string()] = read_file(entry.path());
  return files;
}

// The entries of `parent` whose name holds ".tmp-": temporaries left behind.
std::vector<std::string> temporaries(const fs::path& parent) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(parent)) {
    if (entry.path().filename().string().find(".tmp-") != std::string::npos)
      found.push_back(entry.path().filename().string());
  }
  return found;
}

// A dataset loaded from text, in a folder of its own.
class Dataset {
 public:
  explicit Dataset(const std::string& text) {
    std::ofstream(dir_.path() / "data.json") << text;
    result_ = ingest::load_datasets({dir_.path().string()});
  }
  const graph::Graph& graph() const { return result_.graph; }
  const ingest::LoadResult& result() const { return result_; }

 private:
  TempDir dir_;
  ingest::LoadResult result_;
};

ingest::LoadResult load_fixture() {
  return ingest::load_datasets({std::string(JURIGRAPH_TEST_DATA) + "/cli/chain.json"});
}

// The Neo4j CSV folder of `g`, written at `out`.
std::map<std::string, std::string> export_csv(const graph::Graph& g, const fs::path& out) {
  exporter::write_export_folder(out.string(), "neo4j-csv", [&](exporter::ExportFolder& folder) {
    exporter::write_neo4j_csv(folder, g);
  });
  return folder_files(out);
}

std::string cypher_script(const graph::Graph& g, uint64_t* statements = nullptr) {
  std::ostringstream out;
  const uint64_t n = exporter::write_cypher_script(out, g);
  if (statements)
    *statements = n;
  return out.str();
}

// --- CSV fields ----------------------------------------------------------------------------------

TEST(CsvFields, QuotesDoubledAndFieldsQuotedWhenNeeded) {
  std::string out;
  exporter::csv::append_quoted(out, R"(say "hi")");
  EXPECT_EQ(out, R"("say ""hi""")");
  out.clear();
  exporter::csv::append_quoted(out, "");
  EXPECT_EQ(out, "\"\"");
  out.clear();
  exporter::csv::append_field(out, "plain");
  exporter::csv::append_field(out, "a,b");
  exporter::csv::append_field(out, "two\nlines");
  EXPECT_EQ(out, "plain\"a,b\"\"two\nlines\"");
  EXPECT_TRUE(exporter::csv::has_line_break("a\rb"));
  EXPECT_FALSE(exporter::csv::needs_quotes("a;b|c"));
}

TEST(CsvFields, NumbersReadBackExactlyAndIntegersHaveNoExponent) {
  const auto text = [](double d) {
    std::string s;
    exporter::csv::append_double(s, d);
    return s;
  };
  EXPECT_EQ(text(85000000.0), "85000000");
  EXPECT_EQ(text(85000000.01), "85000000.01");
  EXPECT_EQ(text(1000.5), "1000.5");
  EXPECT_EQ(text(0.1), "0.1");
  EXPECT_EQ(text(1e20), "1e+20");
  EXPECT_EQ(text(1e-5), "1e-05");
  EXPECT_EQ(text(-0.0), "-0");
  EXPECT_EQ(text(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(text(-std::numeric_limits<double>::infinity()), "-Infinity");
  for (const double d : {0.1, 1.0 / 3, 123456789.125, 2.5e-7, 9007199254740993.0})
    EXPECT_EQ(std::stod(text(d)), d) << text(d);
  std::string s;
  exporter::csv::append_integer(s, -9223372036854775807LL - 1);
  exporter::csv::append_date(s, 20160229);
  exporter::csv::append_date(s, 9990101);
  EXPECT_EQ(s, "-92233720368547758082016-02-290999-01-01");
}

// --- infer_tables --------------------------------------------------------------------------------

TEST(InferTables, FixtureColumnsTypesRowsAndEndpoints) {
  const auto loaded = load_fixture();
  ASSERT_FALSE(loaded.diagnostics.has_errors());
  const cy::GraphView view(loaded.graph);
  const exporter::PropertyTables t = exporter::infer_tables(view);
  ASSERT_EQ(t.nodes.size(), graph::kLabelCount);
  const auto names = [](const exporter::Table& table) {
    std::string s;
    for (const auto& c : table.columns)
      s += c.key + ":" + std::string(exporter::column_type_name(c.type)) + " ";
    return s;
  };
  const exporter::Table& authority = t.nodes[static_cast<std::size_t>(graph::Label::Authority)];
  EXPECT_EQ(authority.name, "Authority");
  EXPECT_EQ(authority.rows, 1u);
  EXPECT_EQ(names(authority), "id:string aliases:string_list name:string ");
  const exporter::Table& decision = t.nodes[static_cast<std::size_t>(graph::Label::Decision)];
  EXPECT_EQ(decision.rows, 3u);
  EXPECT_EQ(names(decision),
            "id:string amount:float currency:string date:date kind:string name:string "
            "number:string ");
  EXPECT_EQ(t.nodes[static_cast<std::size_t>(graph::Label::Person)].rows, 0u);
  EXPECT_TRUE(t.nodes[static_cast<std::size_t>(graph::Label::Person)].columns.empty());

  const exporter::Table& issued = t.relationships[graph::rel::kIssuedBy];
  EXPECT_EQ(issued.name, "ISSUED_BY");
  EXPECT_EQ(issued.rows, 3u);
  const std::vector<std::pair<std::string, std::string>> ends = {{"Decision", "Authority"},
                                                                 {"Decision", "Court"}};
  EXPECT_EQ(issued.endpoints, ends);
  EXPECT_EQ(names(t.relationships[graph::rel::kAppealOf]), "outcome:string ");
  EXPECT_EQ(names(t.relationships[graph::rel::kCites]), "role:string ");
  EXPECT_EQ(issued.column("nothing"), issued.columns.size());
}

TEST(InferTables, MixedValuesGetOneTypeThatFitsThemAll) {
  cy::MemoryGraph g;
  // Property maps sorted by key, as PropertyGraph promises.
  g.add_node({"A"}, {{"id", "a1"}, {"l", cy::Value(cy::List{1, 2})}, {"mixed", 1}, {"num", 1}});
  g.add_node({"A"}, {{"id", "a2"}, {"l", 3}, {"mixed", true}, {"num", 2.5}});
  g.add_node({"A"}, {{"id", "a3"}, {"nl", cy::Value(cy::List{1, 2.5})}});
  g.add_node({"A", "B"}, {{"id", "ab"}});
  const cy::NodeId b = g.add_node({"B"}, {{"id", "b1"}, {"d", cy::Value(cy::Date{20200102})}});
  g.add_relationship(0, b, "R", {{"w", 1}});
  g.add_relationship(b, 0, "R", {});
  g.freeze();
  const exporter::PropertyTables t = exporter::infer_tables(g);
  ASSERT_EQ(t.nodes.size(), 2u);
  const exporter::Table& a = t.nodes[0];
  EXPECT_EQ(a.rows, 4u);  // a node with labels A and B goes to its first label's table
  const auto type_of = [](const exporter::Table& table, const std::string& key) {
    const std::size_t k = table.column(key);
    return k == table.columns.size()
               ? std::string("absent")
               : std::string(exporter::column_type_name(table.columns[k].type));
  };
  EXPECT_EQ(a.columns[0].key, "id");
  EXPECT_EQ(type_of(a, "mixed"), "string");  // boolean and integer: text
  EXPECT_EQ(type_of(a, "num"), "float");     // integer and float: float
  EXPECT_EQ(type_of(a, "l"), "string");      // a list in one row, a scalar in another
  EXPECT_EQ(type_of(a, "nl"), "float_list");
  EXPECT_EQ(type_of(t.nodes[1], "d"), "date");
  EXPECT_EQ(t.relationships[0].rows, 2u);
  const std::vector<std::pair<std::string, std::string>> ends = {{"A", "B"}, {"B", "A"}};
  EXPECT_EQ(t.relationships[0].endpoints, ends);

  EXPECT_EQ(exporter::coerce(cy::Value(2), exporter::ColumnType::floating).type(),
            cy::ValueType::floating);
  EXPECT_EQ(exporter::coerce(cy::Value(true), exporter::ColumnType::string).as_string(), "true");
  const cy::Value wrapped = exporter::coerce(cy::Value(3), exporter::ColumnType::float_list);
  ASSERT_EQ(wrapped.type(), cy::ValueType::list);
  EXPECT_EQ(wrapped.as_list()[0].as_float(), 3.0);
  EXPECT_TRUE(exporter::coerce(cy::Value(), exporter::ColumnType::string).is_null());
  EXPECT_EQ(exporter::coerce(cy::Value(cy::List{1, 2}), exporter::ColumnType::string).as_string(),
            "[1, 2]");
  // A date in a text column is its ISO text, as toString() writes it, not its quoted literal.
  EXPECT_EQ(
      exporter::coerce(cy::Value(cy::Date{20140807}), exporter::ColumnType::string).as_string(),
      "2014-08-07");
}

// --- write_export_folder -------------------------------------------------------------------------

void write_files(const fs::path& target, const std::map<std::string, std::string>& files) {
  exporter::write_export_folder(target.string(), "test", [&](exporter::ExportFolder& folder) {
    for (const auto& [name, text] : files) {
      folder.file(name, [&text = text](std::ostream& out) {  // clang 14: no binding captured
        out << text;
        return uint64_t{1};
      });
    }
  });
}

TEST(ExportFolder, WritesFilesAndManifestThenReplacesAnEarlierExportWhole) {
  TempDir dir;
  const fs::path target = dir.path() / "out";
  write_files(target, {{"a.csv", "x\n"}, {"only-first.csv", "y\n"}});
  EXPECT_EQ(read_file(target / "manifest.json"),
            "{\n  \"format\": \"test\",\n  \"files\": [\n"
            "    {\"name\": \"a.csv\", \"rows\": 1, \"bytes\": 2},\n"
            "    {\"name\": \"only-first.csv\", \"rows\": 1, \"bytes\": 2}\n  ]\n}\n");
  write_files(target, {{"a.csv", "second\n"}});
  const auto files = folder_files(target);
  EXPECT_EQ(files.size(), 2u);  // only-first.csv is gone with the earlier export
  EXPECT_EQ(files.at("a.csv"), "second\n");
  EXPECT_TRUE(temporaries(dir.path()).empty());
}

// `-o out/neo4j/`: the folder is out/neo4j, its temporary goes beside it in out/.
TEST(ExportFolder, ATrailingSeparatorNamesTheSameFolder) {
  TempDir dir;
  write_files((dir.path() / "out").string() + "/", {{"a.csv", "x\n"}});
  EXPECT_EQ(read_file(dir.path() / "out" / "a.csv"), "x\n");
  EXPECT_TRUE(temporaries(dir.path()).empty());
  EXPECT_TRUE(temporaries(dir.path() / "out").empty());
}

TEST(ExportFolder, AFailedExportLeavesTheEarlierOneIntactAndNoTemporary) {
  TempDir dir;
  const fs::path target = dir.path() / "out";
  write_files(target, {{"a.csv", "kept\n"}});
  const auto before = folder_files(target);
  EXPECT_THROW(exporter::write_export_folder(target.string(), "test",
                                             [&](exporter::ExportFolder& folder) {
                                               folder.file("a.csv", [](std::ostream& out) {
                                                 out << "new\n";
                                                 return uint64_t{1};
                                               });
                                               throw std::runtime_error("writer failed");
                                             }),
               std::runtime_error);
  EXPECT_EQ(folder_files(target), before);
  EXPECT_TRUE(temporaries(dir.path()).empty());
}

TEST(ExportFolder, RefusesAFolderThatIsNoExportAndAFile) {
  TempDir dir;
  const fs::path folder = dir.path() / "mine";
  fs::create_directories(folder);
  std::ofstream(folder / "notes.txt") << "precious";
  const fs::path file = dir.path() / "file.csv";
  std::ofstream(file) << "precious";
  for (const fs::path& target : {folder, file}) {
    try {
      write_files(target, {{"a.csv", "x\n"}});
      ADD_FAILURE() << target << " was overwritten";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::output);
      EXPECT_NE(std::string(e.what()).find("not an earlier export"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(read_file(folder / "notes.txt"), "precious");
  EXPECT_EQ(folder_files(folder).size(), 1u);
  EXPECT_EQ(read_file(file), "precious");
  EXPECT_THROW(write_files(dir.path() / "missing" / "out", {{"a.csv", "x\n"}}), Error);
  EXPECT_TRUE(temporaries(dir.path()).empty());
}

TEST(ExportFolder, ScriptsAreMadeExecutable) {
  TempDir dir;
  exporter::write_export_folder((dir.path() / "out").string(), "test", [](auto& folder) {
    folder.file("run.sh", [](std::ostream& out) {
      out << "#!/bin/sh\n";
      return uint64_t{0};
    });
    folder.make_executable("run.sh");
  });
  const fs::perms p = fs::status(dir.path() / "out" / "run.sh").permissions();
  EXPECT_NE(p & fs::perms::owner_exec, fs::perms::none);
}

// --- Neo4j CSV -----------------------------------------------------------------------------------

class Neo4jCsv : public ::testing::Test {
 protected:
  const fs::path& out() const { return dir_.path(); }
  TempDir dir_;
};

TEST_F(Neo4jCsv, OneFilePerLabelAndTypeWithTypedHeadersInOneIdSpace) {
  const auto loaded = load_fixture();
  const auto files = export_csv(loaded.graph, out() / "neo4j");
  std::vector<std::string> names;
  for (const auto& [name, text] : files)
    names.push_back(name);
  const std::vector<std::string> expected = {"constraints.cypher",
                                             "import.sh",
                                             "manifest.json",
                                             "nodes-Authority.csv",
                                             "nodes-Company.csv",
                                             "nodes-Court.csv",
                                             "nodes-Decision.csv",
                                             "nodes-Provision.csv",
                                             "relationships-AGAINST.csv",
                                             "relationships-APPEAL_OF.csv",
                                             "relationships-CITES.csv",
                                             "relationships-ISSUED_BY.csv",
                                             "relationships-SHARED_DATA_WITH.csv",
                                             "relationships-SUBCONTRACTOR_OF.csv"};
  EXPECT_EQ(names, expected);  // no Person file: empty tables are left out
  EXPECT_EQ(lines_of(files.at("nodes-Authority.csv")),
            (std::vector<std::string>{"id:ID(Node),:LABEL,aliases:string[],name:string",
                                      "\"authority:dpa\",Authority,\"DPA\",\"Data Protection "
                                      "Authority\""}));
  const auto decisions = lines_of(files.at("nodes-Decision.csv"));
  EXPECT_EQ(decisions[0],
            "id:ID(Node),:LABEL,amount:double,currency:string,date:date,kind:string,name:string,"
            "number:string");
  EXPECT_EQ(decisions[3],
            "\"decision:dpa-2\",Decision,1000.5,\"EUR\",2016-01-01,\"sanction\",\"DPA sanction of "
            "2016-01-01\",");
  EXPECT_EQ(lines_of(files.at("relationships-APPEAL_OF.csv")),
            (std::vector<std::string>{":START_ID(Node),:END_ID(Node),:TYPE,outcome:string",
                                      "\"decision:court-1\",\"decision:dpa-1\",APPEAL_OF,"
                                      "\"confirmed\""}));
  // ISSUED_BY ends at an Authority and at a Court: one file still, since there is one ID space.
  const auto issued = lines_of(files.at("relationships-ISSUED_BY.csv"));
  EXPECT_EQ(issued.size(), 4u);
  EXPECT_EQ(issued[0], ":START_ID(Node),:END_ID(Node),:TYPE");
  EXPECT_EQ(issued[1], "\"decision:court-1\",\"court:supreme\",ISSUED_BY");
}

TEST_F(Neo4jCsv, ImportScriptNamesEveryFileWithTheExactCommand) {
  const auto loaded = load_fixture();
  const auto files = export_csv(loaded.graph, out() / "neo4j");
  const std::string& script = files.at("import.sh");
  EXPECT_EQ(script.rfind("#!/usr/bin/env bash\n", 0), 0u);
  EXPECT_NE(script.find("\nset -euo pipefail\n"), std::string::npos);
  EXPECT_NE(script.find("database=${1:-neo4j}\n"), std::string::npos);
  EXPECT_NE(script.find("\"${NEO4J_ADMIN:-neo4j-admin}\" database import full \"$database\" \\\n"
                        "  --overwrite-destination \\\n  --array-delimiter=';' \\\n"
                        "  --legacy-style-quoting=false \\\n"
                        "  --nodes=Company=nodes-Company.csv \\\n"),
            std::string::npos)
      << script;
  EXPECT_NE(script.find("  --relationships=SHARED_DATA_WITH=relationships-SHARED_DATA_WITH.csv\n"),
            std::string::npos);
  EXPECT_EQ(script.find("multiline"), std::string::npos);  // no text here holds a line break
  for (const auto& [name, text] : files) {
    if (name.ends_with(".csv")) {
      EXPECT_EQ(count(script, "=" + name + (name.starts_with("nodes") ? " \\\n" : "")), 1u) << name;
    }
  }
  EXPECT_NE(fs::status(out() / "neo4j" / "import.sh").permissions() & fs::perms::owner_exec,
            fs::perms::none);
  EXPECT_NE(
      files.at("constraints.cypher")
          .find("CREATE CONSTRAINT IF NOT EXISTS FOR (n:Authority) REQUIRE n.id IS UNIQUE;\n"),
      std::string::npos);
  EXPECT_EQ(count(files.at("constraints.cypher"), "CREATE CONSTRAINT"), 5u);
}

TEST_F(Neo4jCsv, ManifestCountsTheRowsOfEachFile) {
  const auto loaded = load_fixture();
  const auto files = export_csv(loaded.graph, out() / "neo4j");
  const std::string& manifest = files.at("manifest.json");
  EXPECT_NE(manifest.find("\"format\": \"neo4j-csv\""), std::string::npos);
  for (const auto& [name, text] : files) {
    if (!name.ends_with(".csv"))
      continue;
    const std::string entry = "{\"name\": \"" + name +
                              "\", \"rows\": " + std::to_string(lines_of(text).size() - 1) +
                              ", \"bytes\": " + std::to_string(text.size()) + "}";
    EXPECT_NE(manifest.find(entry), std::string::npos) << entry;
  }
}

TEST_F(Neo4jCsv, TextIsQuotedWithDoubledQuotesAndArraysUseADelimiterNoElementHolds) {
  const Dataset data(kTricky);
  ASSERT_FALSE(data.result().diagnostics.has_errors());
  const auto files = export_csv(data.graph(), out() / "neo4j");
  // "a;b" and "x|y" are aliases: neither ; nor | can split arrays, ^ is the first one free.
  EXPECT_EQ(lines_of(files.at("nodes-Authority.csv"))[1],
            "\"authority:dpa\",Authority,\"DPA^a;b\",\"Data \"\"Protection\"\" Authority, "
            "Inc.\"");
  EXPECT_NE(files.at("import.sh").find("--array-delimiter='^'"), std::string::npos);
  // A line break stays inside its quoted field, and the import command says so.
  const std::string& companies = files.at("nodes-Company.csv");
  EXPECT_EQ(lines_of(companies)[0],
            "id:ID(Node),:LABEL,aliases:string[],listed:boolean,name:string,note:string,"
            "siren:string,staff:double");
  EXPECT_NE(companies.find("\"company:acme\",Company,\"x|y\",true,\"Acme\nLine two\","
                           "\"it's a \\ back\",\"123456789\",120\n"),
            std::string::npos)
      << companies;
  // Beta has no alias, no listed, no note, no siren: empty fields, not "".
  EXPECT_NE(companies.find("\"company:beta\",Company,,,\"Beta\",,,2.5\n"), std::string::npos);
  EXPECT_NE(files.at("import.sh").find("  --multiline-fields=true \\\n"), std::string::npos);
  // An amount with cents survives as a double (a 32-bit float would round it).
  EXPECT_NE(files.at("nodes-Decision.csv").find(",85000000.01,\"EUR\",2016-02-29,"),
            std::string::npos);
  // Parallel relationships stay two rows; one file for the type whatever the end labels.
  const auto related = lines_of(files.at("relationships-RELATED_TO.csv"));
  EXPECT_EQ(related, (std::vector<std::string>{":START_ID(Node),:END_ID(Node),:TYPE,rank:long",
                                               "\"authority:dpa\",\"court:top\",RELATED_TO,",
                                               "\"company:acme\",\"company:beta\",RELATED_TO,1",
                                               "\"company:acme\",\"company:beta\",RELATED_TO,2"}));
}

TEST_F(Neo4jCsv, SameBytesOnEveryRun) {
  const Dataset data(kTricky);
  const auto first = export_csv(data.graph(), out() / "a");
  const auto second = export_csv(data.graph(), out() / "b");
  EXPECT_EQ(first, second);
  const auto again = export_csv(data.graph(), out() / "a");  // over the earlier export
  EXPECT_EQ(first, again);
}

// --- Cypher script -------------------------------------------------------------------------------

TEST(CypherScript, ConstraintsFirstThenOneParamLineAndOneStatementPerBatch) {
  const graph::Graph g =
      graph::Graph::freeze(generate::build_tables(generate::generate_graph(2500, 7)));
  uint64_t statements = 0;
  const std::string script = cypher_script(g, &statements);
  const auto lines = lines_of(script);
  std::size_t constraints = 0, params = 0, unwinds = 0, node_rows = 0, rel_rows = 0;
  bool data_started = false;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const std::string& line = lines[k];
    if (line.starts_with("CREATE CONSTRAINT")) {
      EXPECT_FALSE(data_started) << "constraint after data, line " << k + 1;
      ++constraints;
    } else if (line.starts_with(":param rows => [")) {
      data_started = true;
      ++params;
      ASSERT_LT(k + 1, lines.size());
      EXPECT_TRUE(lines[k + 1].starts_with("UNWIND $rows AS row ")) << lines[k + 1];
      const std::size_t rows = count(line, "{id: '") + count(line, "{startId: '");
      EXPECT_GE(rows, 1u);
      EXPECT_LE(rows, 1000u);
      node_rows += count(line, "{id: '");
      rel_rows += count(line, "{startId: '");
    } else if (line.starts_with("UNWIND")) {
      ++unwinds;
      EXPECT_TRUE(line.ends_with(";"));
      EXPECT_TRUE(lines[k - 1].starts_with(":param")) << "line " << k + 1;
    } else {
      EXPECT_TRUE(line.starts_with("//")) << line.substr(0, 80);
      EXPECT_FALSE(data_started) << "a comment among the batches, line " << k + 1;
    }
  }
  EXPECT_EQ(constraints, 5u);  // Company, Authority, Court, Decision, Provision
  EXPECT_EQ(params, unwinds);
  EXPECT_EQ(statements, constraints + unwinds);
  EXPECT_EQ(node_rows, g.node_count());
  EXPECT_EQ(rel_rows, g.edge_count());
  EXPECT_GT(params, 5u);  // 2500 decisions take three batches
  EXPECT_NE(script.find("UNWIND $rows AS row MERGE (n:Decision {id: row.id}) SET n += row.props, "
                        "n.date = date(row.props.date);"),
            std::string::npos);
}

TEST(CypherScript, TextEscapedDatesConvertedAndParallelRelationshipsKeptApart) {
  const Dataset data(kTricky);
  const std::string script = cypher_script(data.graph());
  EXPECT_NE(script.find("{id: 'company:acme', props: {aliases: ['x|y'], listed: true, name: "
                        "'Acme\\nLine two', note: 'it\\'s a \\\\ back', siren: '123456789', "
                        "staff: 120.0}}"),
            std::string::npos)
      << script;
  EXPECT_NE(script.find("name: 'Data \"Protection\" Authority, Inc.'"), std::string::npos);
  EXPECT_NE(script.find("props: {amount: 85000000.01, currency: 'EUR', date: '2016-02-29'"),
            std::string::npos);
  // One statement per (type, start label, end label), both ends matched by label and id.
  EXPECT_NE(script.find("UNWIND $rows AS row MATCH (a:Authority {id: row.startId}), (b:Court {id: "
                        "row.endId}) MERGE (a)-[r:RELATED_TO {parallelIndex: "
                        "row.parallelIndex}]->(b) SET r += row.props;"),
            std::string::npos);
  EXPECT_NE(script.find(":param rows => [{startId: 'company:acme', endId: 'company:beta', "
                        "parallelIndex: 0, props: {rank: 1}}, {startId: 'company:acme', endId: "
                        "'company:beta', parallelIndex: 1, props: {rank: 2}}]\n"),
            std::string::npos);
  EXPECT_EQ(script, cypher_script(data.graph()));  // the same bytes on every run
}

TEST(CypherScript, IdConstraintsInNeo4j5Syntax) {
  std::ostringstream out;
  EXPECT_EQ(exporter::write_id_constraints(out, {"Company", "Odd Label"}), 2u);
  EXPECT_EQ(out.str(),
            "CREATE CONSTRAINT IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;\n"
            "CREATE CONSTRAINT IF NOT EXISTS FOR (n:`Odd Label`) REQUIRE n.id IS UNIQUE;\n");
}

}  // namespace
}  // namespace jurigraph
