// The Kuzu export of a small dataset: the DDL (a relationship type with two FROM/TO pairs, typed
// columns), one CSV per table and per pair, RFC 4180 quoting, Kuzu's list syntax and the lists
// it cannot carry, ISO dates, numbers without loss, the COPY options, and the same bytes on
// every run. The load into a real Kuzu is tests/e2e/kuzu_test.sh.
#include "export/kuzu_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "export/export_folder.hpp"
#include "ingest/ingest.hpp"

namespace jurigraph {
namespace {

namespace fs = std::filesystem;

// ISSUED_BY goes to an Authority and to a Court (two FROM/TO pairs); text with a comma, quotes,
// a line break and edge spaces; aliases that Kuzu's CSV lists carry and one they cannot (a
// comma inside); a date, fines with and without cents, an integer, a boolean, floats.
const char* kDataset = R"({
  "sources": {"s": {"url": "https://example.org/s", "kind": "official"}},
  "entities": [
    {"id": "authority:dpa", "label": "Authority", "name": "Data Protection Authority",
     "aliases": ["DPA", "The \"Authority\""], "country": "FR", "sources": ["s"]},
    {"id": "court:top", "label": "Court", "name": "Top Court", "aliases": ["Top, the court", "TC"],
     "sources": ["s"]},
    {"id": "company:smith", "label": "Company", "name": "Smith, \"Sons\" & Co",
     "description": "line one\nline two", "identifiers": {"siren": "123456789"},
     "properties": {"staff": 1200, "listed": true, "rating": 4.5}, "sources": ["s"]},
    {"id": "company:jones", "label": "Company", "name": " Jones ", "sources": ["s"]}
  ],
  "decisions": [
    {"id": "decision:fine", "kind": "sanction", "issued_by": "authority:dpa",
     "against": ["company:smith", "company:jones"], "date": "2016-02-29",
     "amount": "150000000", "currency": "EUR", "properties": {"share": 0.30000000000000004},
     "sources": ["s"]},
    {"id": "decision:appeal", "kind": "ruling", "issued_by": "court:top",
     "against": ["company:smith"], "date": "2017-01-02", "amount": "1234.50", "currency": "EUR",
     "appeal_of": [{"decision": "decision:fine", "outcome": "reduced"}], "sources": ["s"]}
  ]
})";

// Loads `text` as the one file of a dataset folder of its own, and exports it to Kuzu there.
class KuzuExport : public ::testing::Test {
 protected:
  KuzuExport()
      : dir_(fs::temp_directory_path() /
             ("jurigraph-kuzu-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "data");
    std::ofstream(dir_ / "data" / "data.json") << kDataset;
    result_ = ingest::load_datasets({(dir_ / "data").string()});
  }
  ~KuzuExport() override { fs::remove_all(dir_); }

  // The export's files by name (manifest.json left out).
  std::map<std::string, std::string> export_files(const std::string& name = "out") {
    const fs::path out = dir_ / name;
    exporter::write_export_folder(out.string(), "kuzu", [&](exporter::ExportFolder& folder) {
      exporter::write_kuzu(folder, result_.graph);
    });
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(out)) {
      if (entry.path().filename() == "manifest.json")
        continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      files[entry.path().filename().string()] = text.str();
    }
    return files;
  }

  fs::path dir_;
  ingest::LoadResult result_;
};

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

TEST_F(KuzuExport, DatasetLoads) {
  ASSERT_FALSE(result_.diagnostics.has_errors());
  EXPECT_EQ(result_.graph.node_count(), 6u);
}

TEST_F(KuzuExport, OneFilePerTableAndPerPair) {
  const auto files = export_files();
  std::string names;
  for (const auto& [name, text] : files)
    names += name + " ";
  EXPECT_EQ(names,
            "AGAINST.Decision.Company.csv APPEAL_OF.Decision.Decision.csv Authority.csv "
            "Company.csv Court.csv Decision.csv ISSUED_BY.Decision.Authority.csv "
            "ISSUED_BY.Decision.Court.csv load.cypher schema.cypher ");
}

TEST_F(KuzuExport, DdlHasTypedColumnsAndEveryFromToPair) {
  const std::string ddl = export_files().at("schema.cypher");
  EXPECT_TRUE(has_line(ddl,
                       "CREATE NODE TABLE `Authority`(`id` STRING, `aliases` STRING[], "
                       "`country` STRING, `name` STRING, PRIMARY KEY (`id`));"))
      << ddl;
  EXPECT_TRUE(has_line(ddl,
                       "CREATE NODE TABLE `Company`(`id` STRING, `description` STRING, "
                       "`listed` BOOLEAN, `name` STRING, `rating` DOUBLE, `siren` STRING, "
                       "`staff` INT64, PRIMARY KEY (`id`));"))
      << ddl;
  EXPECT_TRUE(has_line(ddl,
                       "CREATE NODE TABLE `Decision`(`id` STRING, `amount` DOUBLE, `currency` "
                       "STRING, `date` DATE, `kind` STRING, `name` STRING, `share` DOUBLE, PRIMARY "
                       "KEY (`id`));"))
      << ddl;
  EXPECT_TRUE(has_line(
      ddl,
      "CREATE REL TABLE `ISSUED_BY`(FROM `Decision` TO `Authority`, FROM `Decision` TO `Court`);"))
      << ddl;
  EXPECT_TRUE(has_line(ddl,
                       "CREATE REL TABLE `APPEAL_OF`(FROM `Decision` TO `Decision`, `outcome` "
                       "STRING);"))
      << ddl;
  // Labels without nodes get no table.
  EXPECT_EQ(ddl.find("`Person`"), std::string::npos);
  EXPECT_EQ(ddl.find("`Provision`"), std::string::npos);
}

TEST_F(KuzuExport, RelationshipFilesStartWithTheFromAndToKeys) {
  const auto files = export_files();
  EXPECT_EQ(files.at("ISSUED_BY.Decision.Authority.csv"), "from,to\ndecision:fine,authority:dpa\n");
  EXPECT_EQ(files.at("ISSUED_BY.Decision.Court.csv"), "from,to\ndecision:appeal,court:top\n");
  EXPECT_EQ(files.at("APPEAL_OF.Decision.Decision.csv"),
            "from,to,outcome\ndecision:appeal,decision:fine,reduced\n");
}

TEST_F(KuzuExport, Rfc4180QuotingAndKuzuLists) {
  const auto files = export_files();
  const std::string& companies = files.at("Company.csv");
  EXPECT_TRUE(has_line(companies, "id,description,listed,name,rating,siren,staff")) << companies;
  // A comma and quotes: quoted, quotes doubled; a line break: quoted as it is; edge spaces kept.
  EXPECT_NE(companies.find("company:smith,\"line one\nline two\",true,\"Smith, \"\"Sons\"\" & "
                           "Co\",4.5,123456789,1200\n"),
            std::string::npos)
      << companies;
  EXPECT_TRUE(has_line(companies, "company:jones,,, Jones ,,,")) << companies;
  // Kuzu's list syntax, the CSV field quoted around it.
  EXPECT_TRUE(
      has_line(files.at("Authority.csv"),
               "authority:dpa,\"[DPA,The \"\"Authority\"\"]\",FR,Data Protection Authority"))
      << files.at("Authority.csv");
}

TEST_F(KuzuExport, ListsKuzuCsvCannotCarryAreSetAfterTheCopies) {
  const auto files = export_files();
  // Kuzu would split "Top, the court" at its comma: null in the CSV, then a SET.
  EXPECT_TRUE(has_line(files.at("Court.csv"), "court:top,,Top Court")) << files.at("Court.csv");
  const std::string& load = files.at("load.cypher");
  const std::string set =
      "MATCH (n:`Court`) WHERE n.`id` = 'court:top' SET n.`aliases` = ['Top, the court', 'TC'];";
  ASSERT_TRUE(has_line(load, set)) << load;
  EXPECT_GT(load.find(set), load.rfind("COPY "));
}

TEST_F(KuzuExport, DatesAndNumbersWithoutLoss) {
  const std::string decisions = export_files().at("Decision.csv");
  EXPECT_TRUE(has_line(decisions, "id,amount,currency,date,kind,name,share")) << decisions;
  const auto fine = decisions.find("decision:fine,150000000,EUR,2016-02-29,sanction,");
  const auto appeal = decisions.find("decision:appeal,1234.5,EUR,2017-01-02,ruling,");
  EXPECT_NE(fine, std::string::npos) << decisions;
  // The shortest digits that read back as the same double, not 0.3.
  EXPECT_NE(decisions.find(",0.30000000000000004\n", fine), std::string::npos) << decisions;
  EXPECT_NE(appeal, std::string::npos) << decisions;
}

TEST_F(KuzuExport, LoadScriptCopiesNodesFirstThenEachPair) {
  const std::string load = export_files().at("load.cypher");
  const std::string options = "header=true, delim=',', quote='\"', escape='\"'";
  EXPECT_TRUE(has_line(load, "COPY `Authority` FROM 'Authority.csv' (" + options + ");")) << load;
  // The quoted line break: Kuzu's parallel reader refuses it.
  EXPECT_TRUE(
      has_line(load, "COPY `Company` FROM 'Company.csv' (" + options + ", parallel=false);"))
      << load;
  EXPECT_TRUE(has_line(load,
                       "COPY `ISSUED_BY` FROM 'ISSUED_BY.Decision.Authority.csv' "
                       "(from='Decision', to='Authority', " +
                           options + ");"))
      << load;
  EXPECT_TRUE(has_line(load,
                       "COPY `ISSUED_BY` FROM 'ISSUED_BY.Decision.Court.csv' "
                       "(from='Decision', to='Court', " +
                           options + ");"))
      << load;
  EXPECT_LT(load.rfind("COPY `Decision`"), load.find("COPY `AGAINST`"));
  // The DDL first, as in schema.cypher.
  const std::string ddl = export_files("again").at("schema.cypher");
  EXPECT_NE(load.find(ddl), std::string::npos);
  EXPECT_LT(load.find(ddl), load.find("COPY "));
}

TEST_F(KuzuExport, SameBytesOnEveryRun) {
  EXPECT_EQ(export_files("first"), export_files("second"));
}

}  // namespace
}  // namespace jurigraph
