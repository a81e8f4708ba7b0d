// Diagnostics of JSON Lines files: the record's line and column, the JSON pointer inside the
// record, the messages of JSON files; malformed lines do not stop the check of the others.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "ingest/ingest.hpp"
#include "jsonl_test_util.hpp"

namespace jurigraph {
namespace {

namespace fs = std::filesystem;

const char* const kHead =
    R"({"sources": {"s": {"url": "https://example.org/s", "kind": "official"}}})"
    "\n"
    R"({"entity": {"id": "authority:cnil", "label": "Authority", "name": "CNIL", "sources": ["s"]}})"
    "\n"
    R"({"entity": {"id": "company:acme", "label": "Company", "name": "Acme", "sources": ["s"]}})"
    "\n";

std::string decision(const std::string& id, const std::string& extra = {}) {
  return R"({"decision": {"id": ")" + id +
         R"(", "kind": "sanction", "issued_by": "authority:cnil", "against": ["company:acme"], )" +
         extra + R"("sources": ["s"]}})" + "\n";
}

class JsonlErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("jurigraph-jsonl-errors-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }
  // Headlines, with the folder left out of paths.
  std::vector<std::string> load(const std::vector<std::string>& paths,
                                ingest::LoadOptions options = {}) {
    result_ = ingest::load_datasets(paths, options);
    std::vector<std::string> out;
    for (const Diagnostic& d : result_.diagnostics.all()) {
      std::string text = format_headline(d);
      const std::string root = dir_.string() + "/";
      for (std::size_t at = text.find(root); at != std::string::npos; at = text.find(root))
        text.erase(at, root.size());
      out.push_back(text);
    }
    return out;
  }

  fs::path dir_;
  ingest::LoadResult result_;
};

TEST_F(JsonlErrors, ValidFileWithBlankLinesAndSourcesAfterUse) {
  const std::string text = decision("decision:a", R"("date": "2020-01-02", )") + "\n  \n" + kHead +
                           "\r\n" + decision("decision:b");
  EXPECT_EQ(load({write("ok.jsonl", text)}), std::vector<std::string>{});
  EXPECT_EQ(result_.graph.node_count(), 4u);
}

TEST_F(JsonlErrors, MalformedLineHasItsLineAndColumnAndTheRestIsStillChecked) {
  const std::string text = std::string(kHead) + R"({"decision": {"id": "decision:a",, }})" + "\n" +
                           decision("decision:b", R"("date": "2019-02-29", )");
  const auto d = load({write("m.jsonl", text)});
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0], "m.jsonl:4:34: error: malformed JSON: missing a name for object member");
  EXPECT_EQ(d[1],
            "m.jsonl:5:123: error: invalid date \"2019-02-29\": no such day in the calendar (at "
            "/decision/date)");
  EXPECT_EQ(result_.graph.node_count(), 0u);
}

TEST_F(JsonlErrors, SchemaErrorsNameThePointerInsideTheRecord) {
  const std::string text =
      std::string(kHead) + decision("decision:a", R"("amount": 12.5, "currency": "EUR", )") +
      decision("decision:b", R"("amount": "1.234", "currency": "EUR", "colour": "red", )");
  const auto d = load({write("s.jsonl", text)});
  ASSERT_EQ(d.size(), 3u) << ::testing::PrintToString(d);
  EXPECT_EQ(d[0],
            "s.jsonl:4:125: error: wrong type for \"amount\": expected integer or string, found a "
            "number with a fraction (at /decision/amount)");
  EXPECT_EQ(d[1],
            "s.jsonl:5:125: error: invalid amount \"1.234\": expected a non-negative number with "
            "at most two decimals (at /decision/amount)");
  EXPECT_TRUE(
      d[2].starts_with("s.jsonl:5:163: error: unknown property \"colour\" (expected one of:"))
      << d[2];
}

TEST_F(JsonlErrors, DuplicateIdsUnknownAndDuplicateSourceKeys) {
  const std::string text =
      std::string(kHead) + decision("decision:a") + decision("decision:a") +
      R"({"entity": {"id": "company:b", "label": "Company", "name": "B", "sources": ["nope"]}})" +
      "\n" + R"({"sources": {"s": {"title": "again"}}})" + "\n";
  const auto d = load({write("d.jsonl", text)});
  // As in a JSON file, the duplicate is reported by the file's own check and by the cross-file
  // one (the file still takes part in one round of it).
  ASSERT_EQ(d.size(), 4u) << ::testing::PrintToString(d);
  EXPECT_EQ(d[0],
            "d.jsonl:5:21: error: duplicate id \"decision:a\" in this file (first at 4:14) (at "
            "/decision/id)");
  EXPECT_EQ(d[1],
            "d.jsonl:5:21: error: duplicate decision id \"decision:a\", already defined at "
            "d.jsonl:4:14 (at /decision/id)");
  EXPECT_EQ(d[2],
            "d.jsonl:6:77: error: unknown source \"nope\": not a key of this file's \"sources\" "
            "object (at /entity/sources/0)");
  EXPECT_EQ(d[3],
            "d.jsonl:7:19: error: duplicate source key \"s\" in this file (first at 1:19) (at "
            "/sources/s)");
}

// A key reference covers consecutive slots naming the same key, and does not say where its
// lists are written: the error finds each list from the records that hold it, in every kind of
// list, in a run read after others (its records renumbered from the file's start).
TEST_F(JsonlErrors, UnknownSourceKeysNameEachListWhereverItIs) {
  const std::string nope = R"(["nope"])";
  const std::string tail =
      R"({"entity": {"id": "provision:p", "label": "Provision", "name": "P", "sources": ["s"]}})"
      "\n" +
      decision(
          "decision:a",
          R"("appeal_of": [{"decision": "decision:f0", "outcome": "confirmed", "sources": )" +
              nope +
              R"(}], "cites": [{"provision": "provision:p", "role": "infringed", "sources": ["s", "nope"]}], )") +
      decision(
          "decision:b",
          R"("date": "2020-01-02", "claims": [{"property": "date", "value": "2020-01-02", "sources": )" +
              nope + "}], ") +
      R"({"entity": {"id": "company:c", "label": "Company", "name": "C", "sources": ["s", "nope", "nope"], "claims": [{"property": "name", "value": "C", "sources": ["nope"]}]}})"
      "\n"
      R"({"relation": {"type": "SUBCONTRACTOR_OF", "from": "company:c", "to": "company:acme", "sources": ["nope"], "properties": {"service": "mail"}, "claims": [{"property": "service", "value": "mail", "sources": ["s", "nope"]}]}})"
      "\n"
      R"({"entity": {"id": "company:d", "label": "Company", "name": "D", "sources": ["nope", {"url": "https://example.org/d"}, "nope"]}})"
      "\n"
      // Its appeal has no list of its own: the decision's is the one to name.
      R"({"decision": {"id": "decision:c", "kind": "ruling", "issued_by": "authority:cnil", "appeal_of": [{"decision": "decision:a", "outcome": "confirmed"}], "sources": ["nope"]}})"
      "\n";
  const std::vector<std::string> pointers = {"/decision/appeal_of/0/sources/0",
                                             "/decision/cites/0/sources/1",
                                             "/decision/claims/0/sources/0",
                                             "/entity/sources/1",
                                             "/entity/sources/2",
                                             "/entity/claims/0/sources/0",
                                             "/relation/sources/0",
                                             "/relation/claims/0/sources/1",
                                             "/entity/sources/0",
                                             "/entity/sources/2",
                                             "/decision/sources/0"};
  const std::vector<int> tail_lines = {2, 2, 3, 4, 4, 4, 5, 5, 6, 6, 7};  // the tail's line of each
  // Alone after the head, then after 3 MB of decisions read as several runs on two threads.
  for (const int filler : {1, 10000}) {
    std::string text = kHead;
    for (int i = 0; i < filler; ++i)
      text += decision("decision:f" + std::to_string(i), std::string(250, ' '));
    ingest::LoadOptions options;
    options.threads = 2;
    const auto d = load({write("k.jsonl", text + tail)}, options);
    ASSERT_EQ(d.size(), pointers.size()) << ::testing::PrintToString(d);
    for (std::size_t i = 0; i < d.size(); ++i) {
      SCOPED_TRACE(d[i]);
      const int line = 3 + filler + tail_lines[i];
      EXPECT_TRUE(d[i].starts_with("k.jsonl:" + std::to_string(line) + ":"));
      EXPECT_NE(d[i].find("error: unknown source \"nope\""), std::string::npos);
      EXPECT_TRUE(d[i].ends_with("(at " + pointers[i] + ")"));
    }
  }
}

// Relation types are numbered across the file's vocabulary lines; a type declared again in a
// run read after others is named by its place in its own line.
TEST_F(JsonlErrors, ARelationTypeDeclaredTwiceIsNamedInItsLineInALaterRun) {
  const auto vocabulary = [](const std::string& first, const std::string& second) {
    const auto type = [](const std::string& name) {
      return R"({"type": ")" + name +
             R"(", "description": "d", "from": ["Company"], "to": ["Company"]})";
    };
    return R"({"vocabulary": {"relation_types": [)" + type(first) + ", " + type(second) + "]}}\n";
  };
  std::string text = kHead + vocabulary("HOSTS", "MAILS_FOR");
  const int filler = 10000;  // 3 MB: several runs on two threads
  for (int i = 0; i < filler; ++i)
    text += decision("decision:f" + std::to_string(i), std::string(250, ' '));
  text += vocabulary("PAYS", "MAILS_FOR");
  ingest::LoadOptions options;
  options.threads = 2;
  const auto d = load({write("v.jsonl", text)}, options);
  ASSERT_EQ(d.size(), 1u) << ::testing::PrintToString(d);
  EXPECT_TRUE(d[0].starts_with("v.jsonl:" + std::to_string(5 + filler) + ":")) << d[0];
  EXPECT_TRUE(
      d[0].ends_with("relation type MAILS_FOR is declared twice in this file (at "
                     "/vocabulary/relation_types/1/type)"))
      << d[0];
}

TEST_F(JsonlErrors, DanglingReferencesAcrossFilesAndDuplicateDecisions) {
  const std::string a = write("a.jsonl", std::string(kHead) + decision("decision:x"));
  const std::string b = write(
      "b.jsonl",
      R"({"sources": {"s": {"url": "https://example.org/s"}}})"
      "\n" +
          decision("decision:x") +
          R"({"decision": {"id": "decision:y", "kind": "ruling", "issued_by": "court:none", "appeal_of": [{"decision": "decision:x", "outcome": "confirmed"}], "sources": ["s"]}})"
          "\n");
  const auto d = load({a, b});
  ASSERT_EQ(d.size(), 2u) << ::testing::PrintToString(d);
  EXPECT_EQ(d[0],
            "b.jsonl:2:21: error: duplicate decision id \"decision:x\", already defined at "
            "a.jsonl:4:14 (at /decision/id)");
  EXPECT_EQ(d[1], "b.jsonl:3:66: error: unknown id \"court:none\" (at /decision/issued_by)");
}

TEST_F(JsonlErrors, LinesThatAreNotOneRecord) {
  const std::string text = std::string(kHead) + "[1, 2]\n" + R"({"decisions": []})" + "\n" +
                           R"({"entity": {}, "decision": {}})" + "\n";
  const auto d = load({write("r.jsonl", text)});
  ASSERT_EQ(d.size(), 3u) << ::testing::PrintToString(d);
  EXPECT_EQ(d[0],
            "r.jsonl:4:1: error: a JSON Lines record is an object with one member, \"decision\", "
            "\"entity\", \"relation\", \"sources\", \"vocabulary\", \"dataset\" or \"$schema\"; "
            "found an array");
  EXPECT_EQ(d[1],
            "r.jsonl:5:15: error: unknown record kind \"decisions\": expected \"decision\", "
            "\"entity\", \"relation\", \"sources\", \"vocabulary\", \"dataset\" or \"$schema\" (at "
            "/decisions)");
  EXPECT_TRUE(d[2].ends_with("found an object with 2 members")) << d[2];
}

TEST_F(JsonlErrors, EncodingByteOrderMarkAndEmptyFile) {
  const auto d =
      load({write("bom.jsonl", "\xEF\xBB\xBF" + std::string(kHead)), write("empty.ndjson", "\n\n"),
            write("utf8.jsonl", std::string(kHead) + "{\"dataset\": {\"title\": \"caf\xC3\"}}\n")});
  ASSERT_EQ(d.size(), 3u) << ::testing::PrintToString(d);
  EXPECT_EQ(d[0],
            "bom.jsonl:1:1: error: the file starts with a byte-order mark; save it as UTF-8 "
            "without BOM");
  EXPECT_EQ(d[1],
            "empty.ndjson:1:1: error: the file is empty: a JSON Lines dataset holds one record a "
            "line");
  EXPECT_EQ(d[2], "utf8.jsonl:4:27: error: invalid UTF-8 byte sequence");
}

// A line nested deeper than 64 levels is an error at the bracket that opens the 65th, 200,000
// brackets as well (no threat to the stack); 64 levels parse, and the schema says what is wrong.
TEST_F(JsonlErrors, LinesNestedTooDeepStopAtTheLevelPastTheLimit) {
  const std::string deep(200000, '[');
  const std::string at_limit =
      "{\"dataset\": {\"title\": " + std::string(62, '[') + "1" + std::string(62, ']') + "}}\n";
  const std::string text = std::string(kHead) + "{\"dataset\": " + deep + "\n" + at_limit +
                           "{\"dataset\": " + std::string(70, '{') + "}}\n" +
                           decision("decision:a");
  const auto d = load({write("deep.jsonl", text)});
  ASSERT_EQ(d.size(), 3u) << ::testing::PrintToString(d);
  EXPECT_EQ(d[0], "deep.jsonl:4:76: error: JSON nested deeper than 64 levels");
  EXPECT_TRUE(d[1].starts_with("deep.jsonl:5:23: error: wrong type for \"title\"")) << d[1];
  EXPECT_EQ(d[2], "deep.jsonl:6:76: error: JSON nested deeper than 64 levels");
  EXPECT_EQ(result_.graph.node_count(), 0u);
}

// A property or identifier named like a record field, or a property named like an identifier,
// is valid but hidden in queries and exports: each is a warning at its key.
TEST_F(JsonlErrors, KeysHiddenByFieldsOrIdentifiersAreWarnings) {
  const auto d = load(
      {write("hidden.jsonl",
             std::string(kHead) +
                 R"({"entity": {"id": "company:b", "label": "Company", "name": "B", )"
                 R"("identifiers": {"rank": "A1", "id": "x"}, )"
                 R"("properties": {"name": "shadow", "rank": 3, "size": 10}, "sources": ["s"]}})"
                 "\n" +
                 decision("decision:a", R"("properties": {"amount": 5}, )"))});
  ASSERT_EQ(d.size(), 4u) << ::testing::PrintToString(d);
  EXPECT_FALSE(result_.diagnostics.has_errors());
  // Each at the key's value, as the other diagnostics of a record.
  EXPECT_EQ(
      d[0],
      "hidden.jsonl:4:101: warning: identifier \"id\" is hidden by the record's field of that "
      "name: queries and exports show the field, not this value (at /entity/identifiers/id)");
  EXPECT_EQ(
      d[1],
      "hidden.jsonl:4:130: warning: property \"name\" is hidden by the record's field of that "
      "name: queries and exports show the field, not this value (at /entity/properties/name)");
  EXPECT_EQ(
      d[2],
      "hidden.jsonl:4:148: warning: property \"rank\" is hidden by the record's identifier of "
      "that name: queries and exports show the identifier, not this value (at "
      "/entity/properties/rank)");
  EXPECT_EQ(d[3],
            "hidden.jsonl:5:140: warning: property \"amount\" is hidden by the record's field of "
            "that name: queries and exports show the field, not this value (at "
            "/decision/properties/amount)");
}

TEST_F(JsonlErrors, LinesWithErrorsAreShownUpToTheLimitThenCounted) {
  std::string text = kHead;
  for (int i = 0; i < 40; ++i)
    text += "{\"decision\": oops}\n";
  ingest::LoadOptions options;
  options.max_errors_per_file = 5;
  options.threads = 2;
  const auto d = load({write("many.jsonl", text)}, options);
  ASSERT_EQ(d.size(), 6u) << ::testing::PrintToString(d);
  EXPECT_EQ(d[0], "many.jsonl: note: 35 more lines with errors not shown");
  EXPECT_EQ(d[1], "many.jsonl:4:14: error: malformed JSON: invalid value");
  EXPECT_EQ(d[5], "many.jsonl:8:14: error: malformed JSON: invalid value");
}

// Every case of the invalid corpus that JSON Lines can express gives the same messages as the
// JSON file (positions aside: each format has its own lines).
TEST_F(JsonlErrors, InvalidCorpusGivesTheMessagesOfJsonFiles) {
  const fs::path corpus = fs::path(JURIGRAPH_TEST_DATA) / "invalid";
  const std::regex position(R"(:\d+:\d+|at \d+:\d+|\(at /[^)]*\)|[^ "]*\.jsonl?)");
  std::size_t compared = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (entry.path().extension() != ".json")
      continue;
    const auto lines = testing::to_jsonl(testing::read_text(entry.path()));
    if (!lines || lines->empty())
      continue;  // not a dataset object, or nothing to put on a line
    // Where the formats differ by design: a JSON Lines line with an error is left out and the
    // other lines are still cross-checked, so a record referring to it adds "unknown id" (the
    // duplicate key, the overlong UTF-8, the lone surrogate escape and the null name are each in
    // an entity that a decision names). Their JSON Lines forms are corpus cases of their own
    // (jsonl-duplicate-key, ...).
    static const std::set<std::string> differ = {
        "json-duplicate-key.json", "json-overlong-utf8.json", "json-lone-low-surrogate-escape.json",
        "wrong-type-name-null.json"};
    if (differ.count(entry.path().filename().string()))
      continue;
    SCOPED_TRACE(entry.path().filename().string());
    const std::string converted = write(entry.path().stem().string() + ".jsonl", *lines);
    auto normalise = [&](const std::vector<std::string>& ds) {
      std::vector<std::string> out;
      for (const std::string& d : ds)
        out.push_back(std::regex_replace(d, position, "@"));
      std::sort(out.begin(), out.end());
      return out;
    };
    const auto json = normalise(load({entry.path().string()}));
    const auto jsonl = normalise(load({converted}));
    // A JSON array element's pointer ends in its index; a line's record in its kind.
    std::vector<std::string> expected;
    for (std::string m : json) {
      m = std::regex_replace(m, std::regex(R"(for "\d+": expected)"), "for \"@\": expected");
      expected.push_back(m);
    }
    std::vector<std::string> actual;
    for (std::string m : jsonl) {
      m = std::regex_replace(m, std::regex(R"re(for "(decision|entity|relation)": expected)re"),
                             "for \"@\": expected");
      actual.push_back(m);
    }
    EXPECT_EQ(expected, actual);
    ++compared;
  }
  EXPECT_GE(compared, 20u);
}

}  // namespace
}  // namespace jurigraph
