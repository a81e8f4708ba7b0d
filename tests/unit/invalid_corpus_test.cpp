// The invalid-input corpus: each case (NAME.json beside NAME.expected, or a folder NAME/ with
// its .json files and a file `expected`) must give exactly the expected diagnostics and
// contribute nothing. JURIGRAPH_UPDATE_GOLDEN=1 rewrites the expected files (review the diff).
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
    if (entry.is_directory() || entry.path().extension() == ".json")
      cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  ASSERT_GE(cases.size(), 25u);
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

}  // namespace
}  // namespace jurigraph
