// A JSON Lines file gives the same graph as the equivalent JSON file: the shipped datasets
// converted line by line, and a generated graph written in both formats; and the same graph and
// diagnostics whether one thread reads it or two.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "generate/synthetic.hpp"
#include "ingest/ingest.hpp"
#include "jsonl_test_util.hpp"

namespace jurigraph {
namespace {

namespace fs = std::filesystem;
using testing::dump_graph;
using testing::messages;
using testing::read_text;
using testing::to_jsonl;

fs::path temp_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("jurigraph-jsonl-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(JsonlEquivalence, ShippedDatasetsGiveTheSameGraph) {
  const fs::path datasets = fs::path(JURIGRAPH_TEST_DATA) / ".." / ".." / "datasets";
  const fs::path dir = temp_dir("shipped");
  std::size_t converted = 0;
  for (const auto& entry : fs::directory_iterator(datasets)) {
    if (entry.path().extension() != ".json")
      continue;
    const auto lines = to_jsonl(read_text(entry.path()));
    ASSERT_TRUE(lines) << entry.path();
    std::ofstream(dir / entry.path().filename().replace_extension(".jsonl")) << *lines;
    ++converted;
  }
  ASSERT_GE(converted, 5u);
  const auto json = ingest::load_datasets({datasets.string()});
  const auto jsonl = ingest::load_datasets({dir.string()});
  ASSERT_FALSE(json.diagnostics.has_errors()) << messages(json.diagnostics);
  ASSERT_FALSE(jsonl.diagnostics.has_errors()) << messages(jsonl.diagnostics);
  EXPECT_EQ(json.diagnostics.warning_count(), jsonl.diagnostics.warning_count());
  EXPECT_GT(jsonl.graph.node_count(), 30u);
  EXPECT_EQ(dump_graph(json.graph), dump_graph(jsonl.graph));
  fs::remove_all(dir);
}

TEST(JsonlEquivalence, GeneratedGraphInBothFormatsAndConvertedGivesTheSameGraph) {
  // About 3 MB: three runs of lines (1 MB each at the least), read by one thread into one buffer
  // it reuses, so a record still viewing the buffer after its run would read the next run's text.
  const generate::SyntheticGraph s = generate::generate_graph(8000, 5);
  const fs::path dir = temp_dir("generated");
  {
    std::ofstream json(dir / "g.json");
    generate::write_dataset_json(s, json);
    std::ofstream jsonl(dir / "g.jsonl");
    generate::write_dataset_jsonl(s, jsonl);
  }
  std::ofstream(dir / "converted.ndjson") << *to_jsonl(read_text(dir / "g.json"));
  const auto json = ingest::load_datasets({(dir / "g.json").string()});
  ingest::LoadOptions one_thread;
  one_thread.threads = 1;
  ASSERT_GT(fs::file_size(dir / "g.jsonl"), 2u << 20);
  const auto jsonl = ingest::load_datasets({(dir / "g.jsonl").string()}, one_thread);
  const auto ndjson = ingest::load_datasets({(dir / "converted.ndjson").string()});
  ASSERT_FALSE(jsonl.diagnostics.has_errors()) << messages(jsonl.diagnostics);
  ASSERT_FALSE(ndjson.diagnostics.has_errors()) << messages(ndjson.diagnostics);
  EXPECT_EQ(json.graph.node_count(), jsonl.graph.node_count());
  EXPECT_EQ(json.graph.edge_count(), jsonl.graph.edge_count());
  EXPECT_EQ(dump_graph(json.graph), dump_graph(jsonl.graph));
  EXPECT_EQ(dump_graph(json.graph), dump_graph(ndjson.graph));
  EXPECT_EQ(read_text(dir / "converted.ndjson"), read_text(dir / "g.jsonl"));
  fs::remove_all(dir);
}

// A line of 900 kB among short ones is read whole, and so are the lines around it (a reader
// that fills its buffer a piece at a time must look past a piece for the line's end).
TEST(JsonlEquivalence, ALineOf900KbAmongShortOnesIsReadWhole) {
  const generate::SyntheticGraph s = generate::generate_graph(3000, 4);
  std::ostringstream text;
  generate::write_dataset_jsonl(s, text);
  const std::string lines = text.str();
  const std::string long_note(900'000, 's');
  // The 1500th decision line gets a property of 900 kB (a summary may hold 100,000 characters).
  const std::string changed =
      testing::with_decision_members(lines, "\"properties\":{\"long_note\":\"" + long_note + "\"},",
                                     [](std::size_t n) { return n == 1500; });
  const fs::path dir = temp_dir("long-line");
  std::ofstream(dir / "original.jsonl") << lines;
  std::ofstream(dir / "long.jsonl") << changed;
  ingest::LoadOptions one_thread;
  one_thread.threads = 1;
  const auto original = ingest::load_datasets({(dir / "original.jsonl").string()}, one_thread);
  const auto with_long = ingest::load_datasets({(dir / "long.jsonl").string()}, one_thread);
  ASSERT_FALSE(with_long.diagnostics.has_errors()) << messages(with_long.diagnostics);
  EXPECT_EQ(original.graph.node_count(), with_long.graph.node_count());
  EXPECT_EQ(original.graph.edge_count(), with_long.graph.edge_count());
  std::string dump = dump_graph(with_long.graph);
  const std::size_t at = dump.find(long_note);
  ASSERT_NE(at, std::string::npos);
  dump.erase(at, long_note.size());
  EXPECT_EQ(dump.find("sssssssssssssssssssssssssssssssssssssssssssssssssss"), std::string::npos);
  fs::remove_all(dir);
}

TEST(JsonlEquivalence, OneThreadTwoAndChunksOfAFewBytesGiveTheSameGraphAndDiagnostics) {
  // Large enough for several runs of lines, with errors of every stage spread through it.
  const generate::SyntheticGraph s = generate::generate_graph(12000, 8);
  const fs::path dir = temp_dir("threads");
  std::ostringstream text;
  generate::write_dataset_jsonl(s, text);
  std::string lines = text.str();
  std::string broken;
  std::size_t n = 0, repeated = 0;
  for (std::size_t pos = 0; pos < lines.size();) {
    const std::size_t end = lines.find('\n', pos);
    std::string line = lines.substr(pos, end - pos);
    pos = end + 1;
    ++n;
    if (n % 997 == 0)
      line = line.substr(0, line.size() / 2);  // malformed
    if (n % 1499 == 0 && line.find("\"date\":\"") != std::string::npos)
      line.replace(line.find("\"date\":\"") + 8, 10, "2019-02-30");  // no such day
    if (n % 1777 == 0 && line.find("\"kind\":\"sanction\"") != std::string::npos)
      line.replace(line.find("\"kind\":\"sanction\""), 17, "\"kind\":\"fine\"");  // schema
    broken += line + '\n';
    if (n % 1201 == 0 && (line.starts_with("{\"entity\"") || line.starts_with("{\"decision\""))) {
      broken += line + '\n';  // the same id again in this file
      ++repeated;
    }
    if (n % 2003 == 0)
      broken += "\n";  // blank lines are allowed
  }
  std::ofstream(dir / "broken.jsonl") << broken;
  std::ofstream(dir / "valid.jsonl") << lines;
  fs::create_directories(dir / "empty");
  std::ofstream(dir / "empty" / "e.json") << R"({"entities": []})";
  for (const char* name : {"broken.jsonl", "valid.jsonl"}) {
    SCOPED_TRACE(name);
    ingest::LoadOptions one, two, chunked;
    one.threads = 1;
    two.threads = chunked.threads = 2;
    one.max_errors_per_file = two.max_errors_per_file = chunked.max_errors_per_file = 1000;
    // Smaller than a line: the first lines grow the buffer, and lines straddle chunks.
    chunked.jsonl_chunk_bytes = 7;
    const auto a = ingest::load_datasets({(dir / name).string()}, one);
    const auto b = ingest::load_datasets({(dir / name).string()}, two);
    const auto c = ingest::load_datasets({(dir / name).string()}, chunked);
    // Beside another file (empty), the resolver looks every id up itself rather than take the
    // ids the file's reading numbered (FileIds): the same graph and messages.
    const auto d =
        ingest::load_datasets({(dir / name).string(), (dir / "empty" / "e.json").string()}, two);
    EXPECT_EQ(messages(a.diagnostics), messages(b.diagnostics));
    EXPECT_EQ(dump_graph(a.graph), dump_graph(b.graph));
    EXPECT_EQ(messages(a.diagnostics), messages(c.diagnostics));
    EXPECT_EQ(dump_graph(a.graph), dump_graph(c.graph));
    EXPECT_EQ(messages(a.diagnostics), messages(d.diagnostics));
    EXPECT_EQ(dump_graph(a.graph), dump_graph(d.graph));
    EXPECT_EQ(std::string(name) == "broken.jsonl", a.diagnostics.has_errors());
  }
  // The lines with errors are each reported, and only they.
  ingest::LoadOptions options;
  options.max_errors_per_file = 1000;
  const auto r = ingest::load_datasets({(dir / "broken.jsonl").string()}, options);
  std::size_t malformed = 0;
  for (const Diagnostic& d : r.diagnostics.all())
    malformed += d.message.starts_with("malformed JSON");
  EXPECT_EQ(malformed, n / 997);
  std::size_t duplicates = 0;
  for (const Diagnostic& d : r.diagnostics.all())
    duplicates += d.message.starts_with("duplicate id");
  EXPECT_GT(repeated, 0u);
  EXPECT_EQ(duplicates, repeated);
  fs::remove_all(dir);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// Files are read a file a thread (JSON documents and small JSON Lines files) and a large JSON
// Lines file on every thread: the graph, the diagnostics and the files rejected are those one
// thread gives. The files share their entities under other names, so the graph tells whether
// the files' records were joined in their order (the first file's name is kept); some have
// errors of each stage.
TEST(JsonlEquivalence, FilesReadAFileAThreadGiveWhatOneThreadGives) {
  const fs::path dir = temp_dir("files");
  const auto dataset = [](uint64_t decisions, uint64_t seed, bool lines) {
    const generate::SyntheticGraph s = generate::generate_graph(decisions, seed);
    std::ostringstream text;
    if (lines)
      generate::write_dataset_jsonl(s, text);
    else
      generate::write_dataset_json(s, text);
    const std::string file = "f" + std::to_string(seed);
    return replaced(replaced(text.str(), "decision:d", "decision:" + file + "d"),
                    "\"name\":\"Company ", "\"name\":\"Company of " + file + " ");
  };
  for (uint64_t seed = 1; seed <= 6; ++seed)
    std::ofstream(dir / ("part" + std::to_string(seed) + ".json")) << dataset(400, seed, false);
  for (uint64_t seed = 7; seed <= 9; ++seed)
    std::ofstream(dir / ("part" + std::to_string(seed) + ".jsonl")) << dataset(300, seed, true);
  std::ofstream(dir / "large.jsonl") << dataset(12000, 10, true);
  ASSERT_GE(fs::file_size(dir / "large.jsonl"), 4u << 20);  // read on every thread
  // A malformed document, a schema error, a malformed line and an unknown id.
  std::ofstream(dir / "part3.json") << dataset(400, 3, false).substr(0, 5000);
  std::ofstream(dir / "part4.json")
      << replaced(dataset(400, 4, false), "\"kind\":\"sanction\"", "\"kind\":\"fine\"");
  std::string lines = dataset(300, 8, true);
  lines.erase(lines.find("{\"decision\":") + 11, 1);  // {"decision"{…
  std::ofstream(dir / "part8.jsonl") << lines;
  std::ofstream(dir / "part9.jsonl")
      << replaced(dataset(300, 9, true), "\"issued_by\":\"authority:a1\"",
                  "\"issued_by\":\"authority:nowhere\"");
  ingest::LoadOptions one;
  one.threads = 1;
  const auto a = ingest::load_datasets({dir.string()}, one);
  ASSERT_TRUE(a.diagnostics.has_errors());
  EXPECT_EQ(a.rejected.size(), 4u);
  EXPECT_GT(a.diagnostics.warning_count(), 100u);  // the names given differently
  // The first file in path order that names a company gives its name: large.jsonl.
  const auto company = a.graph.find_id("company:c0");
  ASSERT_TRUE(company);
  EXPECT_EQ(a.graph.str(a.graph.node(*company).name), "Company of f10 0");
  // Each file with errors in its reading says so.
  for (const char* name : {"part3.json", "part4.json", "part8.jsonl"}) {
    EXPECT_TRUE(std::any_of(a.diagnostics.all().begin(), a.diagnostics.all().end(),
                            [&](const Diagnostic& d) {
                              return d.severity == Severity::error &&
                                     d.where.file == (dir / name).string();
                            }))
        << name;
  }
  for (const unsigned threads : {2u, 3u}) {
    SCOPED_TRACE(threads);
    ingest::LoadOptions more;
    more.threads = threads;
    const auto b = ingest::load_datasets({dir.string()}, more);
    EXPECT_EQ(messages(a.diagnostics), messages(b.diagnostics));
    EXPECT_EQ(dump_graph(a.graph), dump_graph(b.graph));
    EXPECT_EQ(a.rejected, b.rejected);
    EXPECT_EQ(a.files, b.files);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jurigraph
