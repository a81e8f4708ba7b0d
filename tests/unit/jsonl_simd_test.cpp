// JSON Lines records are parsed by simdjson, and by RapidJSON again where simdjson turns a line
// down (json_nodes.hpp, jsonl_reader.cpp). Whatever simdjson accepts must be what RapidJSON reads,
// value for value: checked on edge cases of the grammar and on byte mutations of every record of
// the shipped datasets and a generated one. Lines only RapidJSON accepts are still read.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "generate/synthetic.hpp"
#include "ingest/ingest.hpp"
#include "ingest/json_file.hpp"
#include "ingest/json_nodes.hpp"
#include "jsonl_test_util.hpp"

namespace jurigraph {
namespace {

namespace fs = std::filesystem;
using ingest::RapidNode;
using ingest::SimdNode;

// Where two parses of one text differ, as a JSON pointer and what differs; empty when they read
// the same values (types as the record reader asks for them, texts, integers, doubles bit for
// bit, members in order, repeated names kept).
std::string difference(RapidNode r, SimdNode s, const std::string& at = "") {
  if (r.is_object() != s.is_object() || r.is_array() != s.is_array() ||
      r.is_string() != s.is_string() || r.is_bool() != s.is_bool() ||
      r.is_int64() != s.is_int64() || r.is_number() != s.is_number())
    return at + ": types differ";
  if (r.is_string())
    return r.string() == s.string() ? "" : at + ": texts differ";
  if (r.is_bool())
    return r.boolean() == s.boolean() ? "" : at + ": booleans differ";
  if (r.is_int64())
    return r.int64() == s.int64() ? "" : at + ": integers differ";
  if (r.is_number()) {
    const double a = r.number(), b = s.number();
    return std::memcmp(&a, &b, sizeof a) == 0 ? "" : at + ": numbers differ";
  }
  if (r.is_array() || r.is_object()) {
    if (r.size() != s.size())
      return at + ": sizes differ";
    if (r.is_array()) {
      auto si = s.items().begin();
      std::size_t i = 0;
      for (const RapidNode item : r.items()) {
        if (std::string d = difference(item, *si, at + "/" + std::to_string(i++)); !d.empty())
          return d;
        ++si;
      }
    } else {
      auto sm = s.members().begin();
      for (const auto m : r.members()) {
        if (m.name != (*sm).name)
          return at + ": member names differ";
        if (std::string d = difference(m.value, (*sm).value, at + "/" + std::string(m.name));
            !d.empty())
          return d;
        ++sm;
      }
    }
  }
  return "";
}

TEST(JsonlSimd, WhereSimdjsonAcceptsATextRapidJsonReadsTheSameValues) {
  std::vector<std::string> texts = {"-0",
                                    "-0.0",
                                    "0",
                                    "1E5",
                                    "0.1e1",
                                    "1e-400",
                                    "1e400",
                                    "-1e400",
                                    "2.2250738585072011e-308",
                                    "9007199254740993",
                                    "9223372036854775807",
                                    "9223372036854775808",
                                    "-9223372036854775808",
                                    "-9223372036854775809",
                                    "18446744073709551615",
                                    "18446744073709551616",
                                    "123456789012345678901234",
                                    "1.00000000000000011102230246251565404236316680908203125",
                                    "0.1",
                                    "3.14159265358979323846264338327950288",
                                    "01",
                                    "1.",
                                    ".5",
                                    "-",
                                    "+1",
                                    "1e",
                                    "NaN",
                                    "Infinity",
                                    R"("\ud800")",
                                    R"("\udc00")",
                                    R"("\ud800\u0041")",
                                    R"("\ud83d\ude00")",
                                    R"("\u0000")",
                                    R"("a\/b\b\f\n\r\t")",
                                    R"("\x")",
                                    "\"\x01\"",
                                    "\"\xC3\xA9\"",
                                    "\"\xC3\"",
                                    "\"\xED\xA0\x80\"",
                                    "\"\xF4\x90\x80\x80\"",
                                    "\"\xEF\xBB\xBF\"",
                                    "true",
                                    "false",
                                    "null",
                                    "tru",
                                    "[]",
                                    "{}",
                                    "[1,]",
                                    "{\"a\":1,}",
                                    "{\"a\":1,\"a\":2}",
                                    "{\"a\" :\t1 }\r",
                                    "[1] [2]",
                                    "{} x",
                                    " \t\r{}",
                                    "{\"a\":[[[[[]]]]]}",
                                    std::string(70, '[') + std::string(70, ']'),
                                    std::string(64, '[') + std::string(64, ']'),
                                    "{\"a\":1}\v"};
  // Byte mutations of every record line: a byte dropped, doubled or replaced by one of these,
  // at every 41st place (every 151st under the sanitizers), from a place that moves from line
  // to line: some 90,000 texts, in a few seconds.
  const std::string bytes =
      std::string("\"\\{}[],:0-.eE \x01\x7F\xC3\xFF", 19) + std::string(1, '\0');
  const std::size_t step = JURIGRAPH_SANITIZED ? 151 : 41;
  std::size_t lines = 0;
  for (const std::string& line : testing::record_lines()) {
    texts.push_back(line);
    ++lines;
    for (std::size_t i = lines % step; i < line.size(); i += step) {
      texts.push_back(line.substr(0, i) + line.substr(i + 1));
      texts.push_back(line.substr(0, i + 1) + line.substr(i));
      for (const char b : bytes)
        texts.push_back(line.substr(0, i) + b + line.substr(i + 1));
    }
  }
  simdjson::dom::parser parser;
  ASSERT_EQ(parser.allocate(1 << 16, ingest::kMaxDepth), simdjson::SUCCESS);
  std::size_t accepted = 0, only_rapidjson = 0;
  for (const std::string& text : texts) {
    const simdjson::padded_string padded(text);
    simdjson::dom::document document;
    rapidjson::Document doc;
    doc.Parse<ingest::kJsonParseFlags>(text.data(), text.size());
    if (parser.parse_into_document(document, padded.data(), padded.size(), false).error() !=
        simdjson::SUCCESS) {
      only_rapidjson += !doc.HasParseError();
      continue;
    }
    ++accepted;
    ASSERT_FALSE(doc.HasParseError()) << "simdjson accepts what RapidJSON does not: " << text;
    EXPECT_EQ(difference(RapidNode(doc), SimdNode(document)), "") << text;
  }
  EXPECT_GT(lines, 200u);
  EXPECT_GT(accepted, 1'000'000u / step);
  std::cout << accepted << " of " << texts.size() << " texts accepted by simdjson and read alike; "
            << only_rapidjson << " accepted by RapidJSON only\n";
}

// Integers beyond 64 bits: simdjson refuses them, RapidJSON reads them as doubles. Such a line is
// read all the same, as the same records the equivalent JSON file gives.
TEST(JsonlSimd, LinesOnlyRapidJsonAcceptsAreReadAsInAJsonFile) {
  const generate::SyntheticGraph s = generate::generate_graph(200, 3);
  std::ostringstream text;
  generate::write_dataset_jsonl(s, text);
  const std::string lines = text.str();
  // Every 50th decision: 4 of the 200.
  const std::string changed = testing::with_decision_members(
      lines, R"("properties":{"big":123456789012345678901234,"low":-9223372036854775809},)",
      [](std::size_t n) { return n % 50 == 1; });
  const fs::path dir = fs::temp_directory_path() / "jurigraph-jsonl-simd";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "changed.jsonl") << changed;
  // The same records as one JSON document: RapidJSON reads every one.
  const std::optional<std::string> json_text = testing::to_json(changed);
  ASSERT_TRUE(json_text);
  std::ofstream(dir / "changed.json") << *json_text;

  const auto jsonl = ingest::load_datasets({(dir / "changed.jsonl").string()});
  const auto json = ingest::load_datasets({(dir / "changed.json").string()});
  ASSERT_FALSE(jsonl.diagnostics.has_errors()) << testing::messages(jsonl.diagnostics);
  ASSERT_FALSE(json.diagnostics.has_errors()) << testing::messages(json.diagnostics);
  const std::string dump = testing::dump_graph(jsonl.graph);
  EXPECT_NE(dump.find(" big:"), std::string::npos);
  EXPECT_NE(dump.find(" low:"), std::string::npos);
  EXPECT_EQ(dump, testing::dump_graph(json.graph));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jurigraph
