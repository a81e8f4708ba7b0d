// The invalid-input corpus: each case (NAME.json, NAME.jsonl or NAME.ndjson beside
// NAME.expected, or a folder NAME/ with its dataset files and a file `expected`) must give exactly
// the expected diagnostics and contribute nothing. JURIGRAPH_UPDATE_GOLDEN=1 rewrites the expected
// files (review the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/ingest.hpp"

namespace jurigraph {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Diagnostics with paths relative to the corpus folder, so expected files are portable.
std::string render(const ingest::LoadResult& r, const std::string& root) {
  std::string out;
  for (Diagnostic d : r.diagnostics.all()) {
    std::string text = format_diagnostic(d);
    for (std::size_t at = text.find(root); at != std::string::npos; at = text.find(root))
      text.erase(at, root.size());
    out += text + "\n";
  }
  return out;
}

TEST(InvalidCorpus, EveryCaseGivesItsExpectedDiagnosticsAndNothingElse) {
  const fs::path corpus = fs::path(JURIGRAPH_TEST_DATA) / "invalid";
  const bool update = std::getenv("JURIGRAPH_UPDATE_GOLDEN") != nullptr;
  const std::string root = corpus.string() + "/";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    const std::string extension = entry.path().extension().string();
    if (entry.is_directory() || extension == ".json" || extension == ".jsonl" ||
        extension == ".ndjson")
      cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  ASSERT_GE(cases.size(), 60u);
  for (const fs::path& c : cases) {
    SCOPED_TRACE(c.filename().string());
    const fs::path expected_file =
        fs::is_directory(c) ? c / "expected" : fs::path(c).replace_extension(".expected");
    const auto r = ingest::load_datasets({c.string()});
    const std::string actual = render(r, root);
    EXPECT_TRUE(r.diagnostics.has_errors());
    if (!fs::is_directory(c)) {
      EXPECT_EQ(r.graph.node_count(), 0u) << "a file with errors contributed nodes";
    }
    if (update) {
      std::ofstream(expected_file) << actual;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_file)) << "missing " << expected_file;
    EXPECT_EQ(actual, read(expected_file));
  }
}

// A 100 MB string value is made here rather than committed: it is read, refused by the schema's
// length bound with a clear message, and the bad date beside it is still found at its line and
// column.
TEST(InvalidCorpus, HundredMegabyteStringIsRefusedAndTheErrorBesideItFound) {
  const fs::path folder = fs::path(::testing::TempDir()) / "jurigraph-huge-string";
  fs::create_directories(folder);
  const fs::path file = folder / "huge.json";
  {
    std::ofstream out(file, std::ios::binary);
    out << R"({"entities": [{"id": "company:acme", "label": "Company", "name": ")";
    // Under the sanitizers, 20 MB: the test is slow only by its volume (JURIGRAPH_SANITIZED).
    const std::string chunk(1 << 20, 'x');
    for (int k = 0; k < (JURIGRAPH_SANITIZED ? 20 : 100); ++k)
      out << chunk;
    out << R"(", "sources": [{"url": "https://example.org/s"}]}],)"
        << "\n"
        << R"( "decisions": [{"id": "decision:one", "kind": "sanction", "issued_by": )"
        << R"("company:acme", "against": [], "date": "07/08/2014", "sources": )"
        << R"([{"url": "https://example.org/s"}]}]})"
        << "\n";
  }
  const auto r = ingest::load_datasets({file.string()});
  fs::remove_all(folder);
  EXPECT_EQ(r.graph.node_count(), 0u);
  const auto all = r.diagnostics.all();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].where.line, 1u);
  EXPECT_EQ(all[0].where.column, 66u);
  EXPECT_EQ(all[0].message, "text too long for \"name\" (no more than 1000 characters in length)");
  EXPECT_LT(format_diagnostic(all[0]).size(), 1000u) << "the source line shown is a window";
  EXPECT_EQ(all[1].where.line, 2u);
  EXPECT_EQ(all[1].message, "invalid date \"07/08/2014\": expected YYYY-MM-DD");
}

}  // namespace
}  // namespace jurigraph
