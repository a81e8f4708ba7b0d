// Loading across files: merging, conflicts kept as claims, duplicates, cascades, order
// independence; then look-up and statistics on the result.
#include "ingest/ingest.hpp"

#include <gtest/gtest.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "base/source_text.hpp"
#include "base/utf8.hpp"
#include "generate/synthetic.hpp"
#include "graph/lookup.hpp"
#include "graph/stats.hpp"
#include "ingest/json_file.hpp"
#include "ingest/json_nodes.hpp"
#include "jsonl_test_util.hpp"

namespace jurigraph {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir()
      : path_(fs::temp_directory_path() /
              ("jurigraph-test-" +
               std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string write(const std::string& name, const std::string& text) const {
    const fs::path p = path_ / name;
    std::ofstream(p) << text;
    return p.string();
  }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

const char* kEntities = R"({
  "sources": {"off": {"url": "https://example.org/official", "kind": "official"},
              "press": {"url": "https://example.org/press", "kind": "press"}},
  "entities": [
    {"id": "authority:dpa", "label": "Authority", "name": "Data Protection Authority", "aliases": ["DPA"], "sources": ["off"]},
    {"id": "company:acme", "label": "Company", "name": "Acme", "sources": ["off"]},
    {"id": "company:twin-a", "label": "Company", "name": "Twin", "sources": ["off"]},
    {"id": "company:twin-b", "label": "Company", "name": "Twin", "sources": ["off"]}
  ]
})";

const char* kDecisions = R"({
  "entities": [{"id": "company:acme", "label": "Company", "name": "ACME SA", "aliases": ["Acme Group"],
                "sources": [{"url": "https://example.org/press", "kind": "press"}]}],
  "decisions": [
    {"id": "decision:one", "kind": "sanction", "issued_by": "authority:dpa", "against": ["company:acme"],
     "date": "2016-02-29", "amount": "1000.50", "currency": "EUR", "sources": [{"url": "https://example.org/official"}]},
    {"id": "decision:two", "kind": "warning", "issued_by": "authority:dpa", "against": ["company:twin-a"],
     "date": "2014-01-01", "amount": 200, "currency": "USD", "sources": [{"url": "https://example.org/official"}]}
  ]
})";

// RapidJSON takes a low surrogate escape alone (\udc00) and stores bytes that are not UTF-8;
// the check finds it, and a lone high one, but not a pair, nor an escaped backslash before "u".
TEST(Ingest, LoneSurrogateEscapesAreFoundAndPairsAreNot) {
  const std::size_t npos = std::string_view::npos;
  const std::pair<std::string_view, std::size_t> cases[] = {
      {R"(["a\udc00b"])", 3},
      {R"(["\uDFFF"])", 2},
      {R"(["\ud83d\ude00", "\u00e9\n\"\\"])", npos},
      {R"(["\\udc00"])", npos},        // a backslash, then the text "udc00"
      {R"(["\\\udc00"])", 4},          // a backslash, then the escape
      {R"(["\ud800"])", 2},            // high, then the string ends
      {R"(["\ud800\n"])", 2},          // high, then another escape
      {R"(["\ud800", "\udc00"])", 2},  // halves in two strings
      {R"(["\ud800\ud800\udc00"])", 2},
      {R"(["\ud83d\ude00\udc00"])", 14},
      {R"(["\u12"])", npos},
      {R"(["x"])", npos},
  };
  for (const auto& [text, at] : cases)
    EXPECT_EQ(ingest::lone_surrogate_at(text), at) << text;
}

// The first member whose name an earlier one has, in objects of a record's few fields and in a
// `sources` object of many keys (looked up in a set there, compared pairwise below 32 members).
TEST(Ingest, RepeatedMemberIsTheFirstNameGivenBefore) {
  for (const int members : {5, 31, 32, 100, 20000}) {
    SCOPED_TRACE(members);
    std::vector<std::string> names;
    for (int i = 0; i < members; ++i)
      names.push_back("key-" + std::to_string(i));
    const auto object_of = [](const std::vector<std::string>& keys) {
      std::string text = "{";
      for (const std::string& k : keys)
        text += (text.size() > 1 ? ", \"" : "\"") + k + "\": 1";
      rapidjson::Document doc;
      doc.Parse((text + "}").c_str());
      return doc;
    };
    EXPECT_FALSE(ingest::repeated_member(ingest::RapidNode(object_of(names))));
    // Two repeated names: the one at 3/5 of the object repeats a name given before the one at
    // 4/5 does, but comes first.
    const int first = members * 3 / 5, second = members * 4 / 5;
    names[second] = names[1];
    names[first] = names[first / 2];
    const rapidjson::Document doc = object_of(names);
    const auto repeated = ingest::repeated_member(ingest::RapidNode(doc));
    ASSERT_TRUE(repeated);
    EXPECT_EQ(repeated->index, static_cast<std::size_t>(first));
    EXPECT_EQ(repeated->name, names[first / 2]);
  }
}

TEST(Ingest, SameEntityInTwoFilesIsOneNodeAndConflictsBecomeClaims) {
  TempDir dir;
  dir.write("a.json", kEntities);
  dir.write("b.json", kDecisions);
  const auto r = ingest::load_datasets({dir.str()});
  ASSERT_FALSE(r.diagnostics.has_errors());
  ASSERT_EQ(r.diagnostics.warning_count(), 1u);
  EXPECT_NE(r.diagnostics.all()[0].message.find("conflicting name for \"company:acme\""),
            std::string::npos);
  EXPECT_NE(r.diagnostics.all()[0].message.find("(official source)"), std::string::npos);
  const graph::Graph& g = r.graph;
  const auto acme = g.find_id("company:acme");
  ASSERT_TRUE(acme);
  EXPECT_EQ(g.str(g.node(*acme).name), "Acme");  // the official value is authoritative
  const auto claims = g.claims(g.node(*acme).claims);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_TRUE(claims[0].authoritative);
  EXPECT_EQ(g.str(claims[1].value), "ACME SA");
  EXPECT_FALSE(claims[1].authoritative);
  EXPECT_EQ(g.strings(g.node(*acme).aliases).size(), 1u);  // aliases merged
  EXPECT_EQ(g.source_ids(g.node(*acme).sources).size(), 2u);
}

// Every pointer into a record is located from the record's start (JsonFile keeps where each
// record starts): the place must be the one a scan from the file's start finds, for pointers to
// every value, to values that do not exist and outside the records, in the file as written and
// written on one line.
void expect_located_as_from_the_start(const std::string& text) {
  Diagnostics diagnostics;
  const ingest::JsonFile file("f.json", text, diagnostics);
  ASSERT_TRUE(file.ok());
  std::vector<std::string> pointers = {"",
                                       "/",
                                       "/sources/off",
                                       "/decisions",
                                       "/decisions/",
                                       "/decisions/2",
                                       "/decisions/x",
                                       "/decisions/01",
                                       "/decisions/0/nope/3",
                                       "/relations/0",
                                       "/entities/99999999999999999999"};
  const auto walk = [&](const auto& self, const rapidjson::Value& v,
                        const std::string& at) -> void {
    pointers.push_back(at);
    if (v.IsObject()) {
      for (const auto& m : v.GetObject())
        self(self, m.value, at + "/" + ingest::pointer_token(m.name.GetString()));
    } else if (v.IsArray()) {
      for (rapidjson::SizeType i = 0; i < v.Size(); ++i)
        self(self, v[i], at + "/" + std::to_string(i));
    }
  };
  walk(walk, file.document(), "");
  const SourceText source(text);
  for (const std::string& pointer : pointers) {
    const LineColumn expected = source.position(ingest::locate_json_pointer(text, pointer));
    const Location got = file.locate(pointer);
    EXPECT_EQ(std::tie(got.line, got.column), std::tie(expected.line, expected.column)) << pointer;
    EXPECT_EQ(got.pointer, pointer);
    const Diagnostic d = file.diagnostic(Severity::warning, pointer, "m");
    EXPECT_EQ(std::tie(d.where.line, d.where.column), std::tie(expected.line, expected.column))
        << pointer;
  }
}

TEST(JsonFile, EveryPointerIsLocatedWhereAScanFromTheStartFindsIt) {
  const std::string written =
      std::string(kDecisions).substr(0, std::string(kDecisions).size() - 2) +
      R"(,
  "relations" : [ {"from": "company:acme", "to": "company:twin-a", "type": "SUBCONTRACTOR_OF",
                   "sources": [{"url": "https://example.org/s"}], "properties": {"a/b~c": [1, {"é": "x"}]}} ] ,
  "vocabulary"  :{"relation_types": []}
})";
  expect_located_as_from_the_start(written);
  rapidjson::Document doc;
  doc.Parse(written.c_str());
  ASSERT_FALSE(doc.HasParseError());
  rapidjson::StringBuffer one_line;
  rapidjson::Writer<rapidjson::StringBuffer> writer(one_line);
  doc.Accept(writer);
  expect_located_as_from_the_start(one_line.GetString());
}

// Two datasets written on one line each (minified JSON), whose companies have other names: a
// warning and a claim for each. Each warning keeps the part of the line it shows, not the line
// (which held 9 MB in 6,250 warnings at 25,000 decisions, and ran the machine out of memory),
// and each claim's origin is the company's record in its file.
TEST(Ingest, ConflictsAcrossMinifiedFilesKeepAPartOfTheLine) {
  constexpr int kCompanies = 300;
  const auto dataset = [&](const std::string& name) {
    std::string text = R"({"entities":[)";
    for (int c = 0; c < kCompanies; ++c) {
      text += std::string(c ? "," : "") + R"({"id":"company:c)" + std::to_string(c) +
              R"(","label":"Company","name":")" + name + " " + std::to_string(c) +
              R"(","sources":[{"url":"https://example.org/s"}]})";
    }
    return text + "]}";
  };
  TempDir dir;
  const std::string a = dataset("Company"), b = dataset("Société");
  dir.write("a.json", a);
  dir.write("b.json", b);
  const auto r = ingest::load_datasets({dir.str()});
  ASSERT_FALSE(r.diagnostics.has_errors());
  ASSERT_EQ(r.diagnostics.warning_count(), std::size_t{kCompanies});
  // The column of the record of company c in a file: code points, not bytes.
  const auto column = [](const std::string& text, int c) {
    const std::size_t at = text.find(R"({"id":"company:c)" + std::to_string(c) + '"');
    return utf8::count_code_points(std::string_view(text).substr(0, at)) + 1;
  };
  for (const Diagnostic& d : r.diagnostics.all()) {
    const int c = std::stoi(d.where.pointer.substr(std::string("/entities/").size()));
    EXPECT_EQ(d.where.line, 1u);
    EXPECT_EQ(d.where.column, column(b, c)) << d.where.pointer;
    EXPECT_LE(d.source_line.size(), 4 * kSourceWindowCodePoints);
    // The caret is under the company's record.
    const std::string shown = format_diagnostic(d);
    const std::size_t line = shown.find("\n  ") + 3, caret_line = shown.find('\n', line) + 3;
    const std::size_t caret = shown.size() - 1 - caret_line;
    EXPECT_TRUE(utf8::substr_code_points(shown.substr(line, caret_line - 3 - line), caret, 30)
                    .starts_with(R"({"id":"company:c)" + std::to_string(c) + '"'))
        << shown;
  }
  const graph::Graph& g = r.graph;
  for (const int c : {0, 1, kCompanies / 2, kCompanies - 1}) {
    const auto node = g.find_id("company:c" + std::to_string(c));
    ASSERT_TRUE(node);
    const auto claims = g.claims(g.node(*node).claims);
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(g.str(claims[0].origin),
              (fs::path(dir.str()) / "a.json").string() + ":1:" + std::to_string(column(a, c)));
    EXPECT_EQ(g.str(claims[1].origin),
              (fs::path(dir.str()) / "b.json").string() + ":1:" + std::to_string(column(b, c)));
  }
}

// A file named twice, by its folder and by itself, by a symbolic link or a hard link, is read
// once, under the name it is first found by; files that are not there are named each time.
TEST(FindDatasetFiles, AFileNamedTwiceOrByTwoLinksIsReadOnce) {
  TempDir dir;
  const std::string a = dir.write("a.json", kEntities), b = dir.write("b.json", kDecisions);
  fs::create_directories(fs::path(dir.str()) / "links");
  const fs::path hard = fs::path(dir.str()) / "links" / "hard.json";
  const fs::path soft = fs::path(dir.str()) / "links" / "soft.json";
  fs::create_hard_link(b, hard);
  fs::create_symlink(a, soft);
  Diagnostics diagnostics;
  const std::string missing = (fs::path(dir.str()) / "missing.json").string();
  const auto files = ingest::find_dataset_files(
      {soft.string(), dir.str(), a, hard.string(), "./" + fs::relative(b).string()}, diagnostics);
  // The folder holds a.json, b.json and the links; each file keeps the first name given.
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0], soft.string());
  EXPECT_EQ(files[1], b);
  EXPECT_FALSE(diagnostics.has_errors());
  const auto with_missing = ingest::find_dataset_files({missing, missing}, diagnostics);
  EXPECT_TRUE(with_missing.empty());
  EXPECT_EQ(diagnostics.error_count(), 2u);
}

TEST(Ingest, GraphDoesNotDependOnFileOrder) {
  TempDir one, two;
  one.write("1.json", kEntities);
  one.write("2.json", kDecisions);
  two.write("2.json", kEntities);  // names swapped: loaded in the other order
  two.write("1.json", kDecisions);
  const auto a = ingest::load_datasets({one.str()});
  const auto b = ingest::load_datasets({two.str()});
  ASSERT_EQ(a.graph.node_count(), b.graph.node_count());
  ASSERT_EQ(a.graph.edge_count(), b.graph.edge_count());
  for (graph::VertexId v = 0; v < a.graph.node_count(); ++v) {
    EXPECT_EQ(a.graph.str(a.graph.node(v).id), b.graph.str(b.graph.node(v).id));
    EXPECT_EQ(a.graph.str(a.graph.node(v).name),
              b.graph.str(b.graph.node(v).name));  // official wins in both
  }
  for (graph::EdgeId e = 0; e < a.graph.edge_count(); ++e) {
    EXPECT_EQ(a.graph.edge(e).source, b.graph.edge(e).source);
    EXPECT_EQ(a.graph.edge(e).target, b.graph.edge(e).target);
    EXPECT_EQ(a.graph.edge(e).type, b.graph.edge(e).type);
  }
}

// Equal lists are stored once: a large graph repeats the same role on millions of CITES edges
// and the same source on most records. Each record still reads its own values.
TEST(Ingest, EqualPropertyAndSourceListsAreStoredOnce) {
  TempDir dir;
  dir.write("a.json", kEntities);
  dir.write("c.json", R"({
  "sources": {"off": {"url": "https://example.org/official", "kind": "official"}},
  "entities": [{"id": "provision:art-5", "label": "Provision", "name": "Article 5", "sources": ["off"]},
               {"id": "provision:art-6", "label": "Provision", "name": "Article 6", "sources": ["off"]}],
  "decisions": [
    {"id": "decision:x", "kind": "sanction", "issued_by": "authority:dpa", "against": ["company:acme"],
     "cites": [{"provision": "provision:art-5", "role": "infringed"}, {"provision": "provision:art-6", "role": "applied"}],
     "sources": ["off"]},
    {"id": "decision:y", "kind": "sanction", "issued_by": "authority:dpa", "against": ["company:acme"],
     "cites": [{"provision": "provision:art-5", "role": "infringed"}, {"provision": "provision:art-6", "role": "infringed"}],
     "sources": ["off"]}
  ]
})");
  const auto r = ingest::load_datasets({dir.str()});
  ASSERT_FALSE(r.diagnostics.has_errors());
  const graph::Graph& g = r.graph;
  std::vector<graph::Range> infringed, applied;
  for (graph::EdgeId e = 0; e < g.edge_count(); ++e) {
    const graph::EdgeRecord& edge = g.edge(e);
    if (edge.type != graph::rel::kCites)
      continue;
    const graph::PropertyRecord* role = g.property(edge.properties, "role");
    ASSERT_NE(role, nullptr);
    (g.str(role->text) == "infringed" ? infringed : applied).push_back(edge.properties);
  }
  ASSERT_EQ(infringed.size(), 3u);
  ASSERT_EQ(applied.size(), 1u);
  for (const graph::Range& list : infringed)
    EXPECT_EQ(list.begin, infringed[0].begin);  // one stored list
  EXPECT_NE(applied[0].begin, infringed[0].begin);
  // Two CITES lists, nothing else has properties here.
  EXPECT_EQ(g.arrays().properties.size(), 2u);
  // Every record citing only the official source shares one one-item list.
  const auto x = g.find_id("decision:x"), y = g.find_id("decision:y");
  ASSERT_TRUE(x && y);
  EXPECT_EQ(g.node(*x).sources.begin, g.node(*y).sources.begin);
  EXPECT_EQ(g.source_ids(g.node(*x).sources).size(), 1u);
}

// A record's sources are each listed once, and each record reads its own list, whether it
// repeats the list of the record before it or not.
TEST(Ingest, EachRecordHasItsOwnSourcesEachOnce) {
  TempDir dir;
  dir.write("a.json", R"({
  "sources": {"off": {"url": "https://example.org/official", "kind": "official"},
              "press": {"url": "https://example.org/press", "kind": "press"}},
  "entities": [{"id": "authority:dpa", "label": "Authority", "name": "DPA", "sources": ["off"]},
               {"id": "company:acme", "label": "Company", "name": "Acme", "sources": ["off", "press", "off"]},
               {"id": "company:beta", "label": "Company", "name": "Beta", "sources": ["press"]},
               {"id": "company:gamma", "label": "Company", "name": "Gamma", "sources": ["press"]},
               {"id": "company:delta", "label": "Company", "name": "Delta", "sources": ["off"]},
               {"id": "company:eps", "label": "Company", "name": "Eps", "sources": ["press", "off"]}]
})");
  const auto r = ingest::load_datasets({dir.str()});
  ASSERT_FALSE(r.diagnostics.has_errors());
  const graph::Graph& g = r.graph;
  auto urls = [&](const char* id) {
    std::vector<std::string> out;
    const auto v = g.find_id(id);
    EXPECT_TRUE(v) << id;
    if (v) {
      for (const uint32_t s : g.source_ids(g.node(*v).sources))
        out.emplace_back(g.str(g.source(s).url));
    }
    return out;
  };
  const std::string off = "https://example.org/official", press = "https://example.org/press";
  EXPECT_EQ(urls("authority:dpa"), std::vector<std::string>{off});
  EXPECT_EQ(urls("company:acme"), (std::vector<std::string>{off, press}));
  EXPECT_EQ(urls("company:beta"), std::vector<std::string>{press});
  EXPECT_EQ(urls("company:gamma"), std::vector<std::string>{press});
  EXPECT_EQ(urls("company:delta"), std::vector<std::string>{off});
  EXPECT_EQ(urls("company:eps"), (std::vector<std::string>{press, off}));
}

// An edge's properties, sources and claims are stored once per distinct combination: equal
// details share one record, different ones never do, and every edge reads back its own.
TEST(Ingest, EdgesWithEqualDetailsShareOneRecord) {
  const fs::path datasets = fs::path(JURIGRAPH_TEST_DATA) / ".." / ".." / "datasets";
  const auto r = ingest::load_datasets({datasets.string()});
  ASSERT_FALSE(r.diagnostics.has_errors());
  const graph::Graph& g = r.graph;
  ASSERT_GT(g.edge_count(), 40u);
  auto key = [](const graph::EdgeRecord& e) {
    auto range = [](graph::Range x) { return std::make_pair(x.begin, x.count); };
    return std::make_tuple(range(e.properties), range(e.sources), range(e.claims));
  };
  std::map<decltype(key(g.edge(0))), uint32_t> index_of;
  for (graph::EdgeId e = 0; e < g.edge_count(); ++e) {
    const graph::EdgeRecord whole = g.edge(e);
    const graph::EdgeRow& row = g.edge_row(e);
    EXPECT_EQ(whole.source, row.source);
    EXPECT_EQ(whole.target, row.target);
    EXPECT_EQ(whole.type, row.type);
    const auto [it, added] = index_of.emplace(key(whole), row.details);
    EXPECT_EQ(it->second, row.details) << "equal details stored twice, edge " << e;
  }
  // One record per distinct combination, and no more: so no two combinations share one.
  EXPECT_EQ(g.arrays().edge_details.size(), index_of.size());
  // The edges of one decision have its sources: they share, save CITES of different roles.
  EXPECT_LT(index_of.size(), g.edge_count() * 3 / 4);
}

// Each edge gets its own lists of sources and properties, where the resolver looks them up once
// for a run of edges that share them: two files whose decisions' edges sit at the same places
// of their files' tables with other sources and roles, and a relation of its own whose place in
// its table is that of the edges before it in theirs.
TEST(Ingest, EdgesOfRunsInOtherFilesKeepTheirOwnLists) {
  TempDir dir;
  dir.write("a.json", R"({
  "sources": {"s": {"url": "https://example.org/a"}},
  "entities": [{"id": "authority:a", "label": "Authority", "name": "A", "sources": ["s"]},
               {"id": "company:a", "label": "Company", "name": "C A", "sources": ["s"]},
               {"id": "provision:a", "label": "Provision", "name": "P A", "sources": ["s"]}],
  "decisions": [{"id": "decision:a", "kind": "sanction", "issued_by": "authority:a",
                 "against": ["company:a"], "date": "2020-01-01", "sources": ["s"],
                 "cites": [{"provision": "provision:a", "role": "infringed"}]}]
})");
  dir.write("b.json", R"({
  "sources": {"s": {"url": "https://example.org/b"}, "t": {"url": "https://example.org/t"}},
  "entities": [{"id": "authority:b", "label": "Authority", "name": "B", "sources": ["s"]},
               {"id": "company:b", "label": "Company", "name": "C B", "sources": ["s"]}],
  "decisions": [{"id": "decision:b", "kind": "sanction", "issued_by": "authority:b",
                 "against": ["company:b"], "date": "2020-01-01", "sources": ["s"]}],
  "relations": [{"from": "company:b", "to": "company:a", "type": "SUBCONTRACTOR_OF",
                 "sources": ["t"]}]
})");
  const auto r = ingest::load_datasets({dir.str()});
  ASSERT_FALSE(r.diagnostics.has_errors()) << r.diagnostics.all().front().message;
  const graph::Graph& g = r.graph;
  std::map<std::string, std::string> seen;  // "from TYPE to" -> "urls role"
  for (graph::EdgeId e = 0; e < g.edge_count(); ++e) {
    const graph::EdgeRecord edge = g.edge(e);
    std::string what;
    for (const uint32_t s : g.source_ids(edge.sources))
      what += g.str(g.source(s).url);
    if (const graph::PropertyRecord* role = g.property(edge.properties, "role"))
      what += " " + std::string(g.str(role->text));
    seen[std::string(g.str(g.node(edge.source).id)) + " " + g.relation_type(edge.type).name + " " +
         std::string(g.str(g.node(edge.target).id))] = what;
  }
  const std::string a = "https://example.org/a", b = "https://example.org/b";
  const std::map<std::string, std::string> expected = {
      {"decision:a ISSUED_BY authority:a", a},
      {"decision:a AGAINST company:a", a},
      {"decision:a CITES provision:a", a + " infringed"},
      {"decision:b ISSUED_BY authority:b", b},
      {"decision:b AGAINST company:b", b},
      {"company:b SUBCONTRACTOR_OF company:a", "https://example.org/t"},
  };
  EXPECT_EQ(seen, expected);
}

TEST(Ingest, DuplicateDecisionAcrossFilesNamesBothPlaces) {
  TempDir dir;
  dir.write("a.json", kEntities);
  dir.write("b.json", kDecisions);
  dir.write(
      "c.json",
      R"({"decisions": [{"id": "decision:one", "kind": "warning", "issued_by": "authority:dpa",
                           "sources": [{"url": "https://example.org/x"}]}]})");
  const auto r = ingest::load_datasets({dir.str()});
  ASSERT_EQ(r.diagnostics.error_count(), 1u);
  const Diagnostic& d =
      *std::find_if(r.diagnostics.all().begin(), r.diagnostics.all().end(),
                    [](const Diagnostic& x) { return x.severity == Severity::error; });
  EXPECT_EQ(d.where.file, dir.str() + "/c.json");
  EXPECT_EQ(d.where.line, 1u);
  EXPECT_NE(d.message.find("already defined at " + dir.str() + "/b.json:"), std::string::npos);
  EXPECT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.graph.str(r.graph.node(*r.graph.find_id("decision:one")).kind), "sanction");
}

// The warning is made once the edges hold their resolved ends, not their ids' text: it must
// still name both decisions.
TEST(Ingest, AppealDatedBeforeTheDecisionItRulesOnIsAWarningNamingBoth) {
  TempDir dir;
  dir.write("a.json", kEntities);
  dir.write("b.json",
            R"({"decisions": [
    {"id": "decision:first", "kind": "sanction", "issued_by": "authority:dpa", "date": "2020-05-02",
     "sources": [{"url": "https://example.org/x"}]},
    {"id": "decision:appeal", "kind": "ruling", "issued_by": "authority:dpa", "date": "2019-01-10",
     "appeal_of": [{"decision": "decision:first", "outcome": "confirmed"}], "sources": [{"url": "https://example.org/x"}]}]})");
  const auto r = ingest::load_datasets({dir.str()});
  ASSERT_EQ(r.diagnostics.error_count(), 0u);
  ASSERT_EQ(r.diagnostics.warning_count(), 1u);
  const Diagnostic& d = r.diagnostics.all()[0];
  EXPECT_EQ(d.where.file, dir.str() + "/b.json");
  EXPECT_EQ(
      d.message,
      "\"decision:appeal\" (2019-01-10) rules on \"decision:first\", dated later (2020-05-02)");
  EXPECT_EQ(r.graph.edge_count(), 3u);
}

// The resolver first looks for a cycle from the decisions in the order they were defined, and
// only when it finds one searches again in id order, which the report follows: defined here as
// c, b, a, the cycle is still told from decision:a.
TEST(Ingest, AppealCycleIsToldFromTheSmallestIdWhateverTheOrderOfDefinition) {
  TempDir dir;
  dir.write("a.json", kEntities);
  auto decision = [](const char* id, const char* appealed) {
    return std::string(R"({"id": "decision:)") + id +
           R"(", "kind": "ruling", "issued_by": "authority:dpa", "appeal_of": [{"decision": "decision:)" +
           appealed +
           R"(", "outcome": "confirmed"}], "sources": [{"url": "https://example.org/x"}]})";
  };
  dir.write("b.json", R"({"decisions": [)" + decision("c", "a") + ", " + decision("b", "c") + ", " +
                          decision("a", "b") + "]}");
  const auto r = ingest::load_datasets({dir.str()});
  ASSERT_EQ(r.diagnostics.error_count(), 1u);
  const Diagnostic& d = r.diagnostics.all()[0];
  EXPECT_EQ(d.message, "APPEAL_OF cycle: decision:a → decision:b → decision:c → decision:a");
  EXPECT_EQ(d.where.pointer, "/decisions/0/appeal_of/0/decision");  // c → a closes it
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0], dir.str() + "/b.json");
}

// The appeals are gathered as the edges are checked, span by span on two threads: a cycle whose
// arcs lie in different spans (20,000 edges, spans of 1,250) is found and told as on one thread.
TEST(Ingest, AppealCycleAcrossSpansOfEdgesCheckedOnTwoThreadsIsTold) {
  TempDir dir;
  dir.write("a.json", kEntities);
  const std::string src = R"(, "sources": [{"url": "https://example.org/x"}]})";
  auto decision = [&](const std::string& id, const std::string& appealed) {
    std::string d =
        R"({"id": "decision:)" + id + R"(", "kind": "ruling", "issued_by": "authority:dpa")";
    if (!appealed.empty())
      d += R"(, "appeal_of": [{"decision": "decision:)" + appealed +
           R"(", "outcome": "confirmed"}])";
    return d + src;
  };
  std::string decisions = R"({"decisions": [)" + decision("x1", "x2");
  for (int i = 0; i < 20000; ++i) {
    decisions += ", " + decision("f" + std::to_string(i), i > 0 ? "f" + std::to_string(i - 1) : "");
    if (i == 10000)
      decisions += ", " + decision("x2", "x3");
  }
  dir.write("b.json", decisions + ", " + decision("x3", "x1") + "]}");
  for (const unsigned threads : {1u, 2u}) {
    ingest::LoadOptions options;
    options.threads = threads;
    const auto r = ingest::load_datasets({dir.str()}, options);
    ASSERT_EQ(r.diagnostics.error_count(), 1u) << threads;
    const Diagnostic& d = r.diagnostics.all()[0];
    EXPECT_EQ(d.message, "APPEAL_OF cycle: decision:x1 → decision:x2 → decision:x3 → decision:x1");
    EXPECT_EQ(d.where.pointer, "/decisions/20002/appeal_of/0/decision");  // x3 → x1 closes it
  }
}

TEST(Ingest, FileWithAnErrorContributesNothingAndDependentsSaySo) {
  TempDir dir;
  dir.write(
      "a.json",
      R"({"entities": [{"id": "company:x", "label": "Company", "name": "X", "sources": [{"url": "https://e.org"}]},
                                       {"id": "company:y", "label": "Company", "name": "Y", "sources": ["nope"]}]})");
  dir.write(
      "b.json",
      R"({"entities": [{"id": "authority:a", "label": "Authority", "name": "A", "sources": [{"url": "https://e.org"}]}],
     "decisions": [{"id": "decision:d", "kind": "sanction", "issued_by": "authority:a", "against": ["company:x"],
                    "sources": [{"url": "https://e.org"}]}]})");
  const auto r = ingest::load_datasets({dir.str()});
  ASSERT_EQ(r.diagnostics.error_count(), 2u);
  EXPECT_NE(r.diagnostics.all()[0].message.find("unknown source \"nope\""), std::string::npos);
  EXPECT_NE(r.diagnostics.all()[1].message.find("(defined in " + dir.str() +
                                                "/a.json, which has errors)"),
            std::string::npos);
  EXPECT_EQ(r.graph.node_count(), 0u);
  EXPECT_EQ(r.rejected.size(), 2u);
}

// Each round drops the files that depend on one dropped before: b names a's company, c appeals
// b's decision. The resolver puts the ends it finds in place of the edges' ids and writes them
// back for the next round, twice here; d's edge to a company a also defines (first) is found
// again in d alone, and d's graph is whole.
TEST(Ingest, DroppingCascadesRoundByRoundAndTheFilesLeftKeepTheirEdges) {
  TempDir dir;
  const std::string src = R"("sources": [{"url": "https://e.org"}])";
  dir.write(
      "a.json",
      R"({"entities": [{"id": "company:x", "label": "Company", "name": "X", )" + src +
          R"(}, {"id": "company:shared", "label": "Company", "name": "S", )" + src +
          R"(}, {"id": "company:y", "label": "Company", "name": "Y", "sources": ["nope"]}]})");
  dir.write(
      "b.json",
      R"({"entities": [{"id": "authority:b", "label": "Authority", "name": "B", )" + src +
          R"(}], "decisions": [{"id": "decision:b", "kind": "sanction", "issued_by": "authority:b", "against": ["company:x"], )" +
          src + "}]}");
  dir.write(
      "c.json",
      R"({"entities": [{"id": "authority:c", "label": "Authority", "name": "C", )" + src +
          R"(}], "decisions": [{"id": "decision:c", "kind": "ruling", "issued_by": "authority:c", "appeal_of": [{"decision": "decision:b", "outcome": "confirmed"}], )" +
          src + "}]}");
  dir.write(
      "d.json",
      R"({"entities": [{"id": "authority:d", "label": "Authority", "name": "D", )" + src +
          R"(}, {"id": "company:shared", "label": "Company", "name": "S", )" + src +
          R"(}], "decisions": [{"id": "decision:d", "kind": "sanction", "issued_by": "authority:d", "against": ["company:shared"], )" +
          src + "}]}");
  const auto r = ingest::load_datasets({dir.str()});
  ASSERT_EQ(r.diagnostics.error_count(), 3u) << r.diagnostics.all()[0].message;
  EXPECT_NE(r.diagnostics.all()[0].message.find("unknown source \"nope\""), std::string::npos);
  EXPECT_EQ(r.diagnostics.all()[1].message,
            "unknown id \"company:x\" (defined in " + dir.str() + "/a.json, which has errors)");
  EXPECT_EQ(r.diagnostics.all()[2].message,
            "unknown id \"decision:b\" (defined in " + dir.str() + "/b.json, which has errors)");
  EXPECT_EQ(r.rejected.size(), 3u);
  ASSERT_EQ(r.graph.node_count(), 3u);
  ASSERT_EQ(r.graph.edge_count(), 2u);
  std::set<std::string> edges;
  for (graph::EdgeId e = 0; e < r.graph.edge_count(); ++e) {
    const graph::EdgeRecord& rec = r.graph.edge(e);
    edges.insert(std::string(r.graph.str(r.graph.node(rec.source).id)) + " " +
                 r.graph.relation_type(rec.type).name + " " +
                 std::string(r.graph.str(r.graph.node(rec.target).id)));
  }
  EXPECT_EQ(edges, (std::set<std::string>{"decision:d AGAINST company:shared",
                                          "decision:d ISSUED_BY authority:d"}));
}

// With more than one thread the resolver sorts the nodes by id beside the build and hands the
// order to Graph::freeze, which sorts them itself with one: the graphs are the same, in id order.
// The ids share prefixes longer than the sort's 16-byte keys, are defined out of order, one
// twice across files, and a file dropped in the first round renumbers the slots of the next.
TEST(Ingest, NodesSortedByIdBesideTheBuildAreInTheOrderFreezeGives) {
  TempDir dir;
  const std::string src = R"("sources": [{"url": "https://e.org"}])";
  const std::string prefix = "company:a-rather-long-shared-prefix-of-forty-bytes.";
  std::string entities;
  for (int i = 0; i < 300; ++i) {
    const int n = (i * 7919) % 300;  // out of order
    const std::string id = prefix + (n % 3 == 0 ? "Z" : "") + std::to_string(n);
    entities += (entities.empty() ? "" : ", ") + std::string(R"({"id": ")") + id +
                R"(", "label": "Company", "name": "N", )" + src + "}";
  }
  dir.write("a.json", R"({"entities": [)" + entities + "]}");
  dir.write(
      "b.json",
      R"({"entities": [{"id": "company:dropped", "label": "Company", "name": "D", "sources": ["nope"]}]})");
  dir.write(
      "c.json",
      R"({"entities": [{"id": ")" + prefix + R"(7", "label": "Company", "name": "N", )" + src +
          R"(}, {"id": "authority:z", "label": "Authority", "name": "Z", )" + src +
          R"(}], "decisions": [{"id": "decision:0", "kind": "sanction", "issued_by": "authority:z", "against": [")" +
          prefix + R"(13"], )" + src + "}]}");
  ingest::LoadOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const auto a = ingest::load_datasets({dir.str()}, one);
  const auto b = ingest::load_datasets({dir.str()}, two);
  ASSERT_EQ(a.rejected.size(), 1u) << a.diagnostics.all()[0].message;
  ASSERT_EQ(b.graph.node_count(), 302u);
  EXPECT_EQ(testing::dump_graph(a.graph), testing::dump_graph(b.graph));
  for (graph::VertexId v = 1; v < b.graph.node_count(); ++v)
    EXPECT_LT(b.graph.str(b.graph.node(v - 1).id), b.graph.str(b.graph.node(v).id)) << v;
}

// The arrays of two graphs, byte for byte: what a snapshot of each would hold.
void expect_same_arrays(const graph::Graph& a, const graph::Graph& b) {
  const auto bytes = [](auto span) {
    return std::string(reinterpret_cast<const char*>(span.data()), span.size_bytes());
  };
  const graph::GraphArrays& x = a.arrays();
  const graph::GraphArrays& y = b.arrays();
  EXPECT_EQ(x.strings, y.strings);
  EXPECT_EQ(bytes(x.nodes), bytes(y.nodes));
  EXPECT_EQ(bytes(x.node_details), bytes(y.node_details));
  EXPECT_EQ(bytes(x.edges), bytes(y.edges));
  EXPECT_EQ(bytes(x.in_start), bytes(y.in_start));
  EXPECT_EQ(bytes(x.in_other), bytes(y.in_other));
  ASSERT_EQ(x.in_edges.size(), y.in_edges.size());
  for (std::size_t i = 0; i < x.in_edges.size(); ++i) {  // a bundle has padding
    EXPECT_EQ(x.in_edges[i].id, y.in_edges[i].id) << i;
    EXPECT_EQ(x.in_edges[i].type, y.in_edges[i].type) << i;
  }
  EXPECT_EQ(bytes(x.name_index), bytes(y.name_index));
  EXPECT_EQ(bytes(x.relation_counts), bytes(y.relation_counts));
}

// The in-edges of a frozen graph, as Boost's CSR lays them out (the freeze writes them itself,
// see build_in_rows): by target, and for each target in the order of the edges, each with its
// source, its edge and its type; the row starts count them. A generated graph, with parallel
// edges and vertices that no edge reaches.
TEST(Ingest, TheInEdgesAreTheEdgesByTargetInTheirOrder) {
  TempDir dir;
  std::ostringstream text;
  generate::write_dataset_json(generate::generate_graph(3000, 11), text);
  dir.write("g.json", text.str());
  const auto r = ingest::load_datasets({dir.str()});
  ASSERT_FALSE(r.diagnostics.has_errors());
  const graph::GraphArrays& a = r.graph.arrays();
  const std::size_t vertices = r.graph.node_count();
  ASSERT_GT(a.edges.size(), 10000u);
  std::vector<std::vector<graph::EdgeId>> by_target(vertices);
  for (graph::EdgeId e = 0; e < a.edges.size(); ++e)
    by_target[a.edges[e].target].push_back(e);
  ASSERT_EQ(a.in_start.size(), vertices + 1);
  EXPECT_EQ(a.in_start[0], 0u);
  std::size_t unreached = 0;
  for (graph::VertexId v = 0; v < vertices; ++v) {
    ASSERT_EQ(a.in_start[v + 1] - a.in_start[v], by_target[v].size()) << v;
    unreached += by_target[v].empty();
    for (std::size_t k = 0; k < by_target[v].size(); ++k) {
      const graph::EdgeId at = a.in_start[v] + k, e = by_target[v][k];
      ASSERT_EQ(a.in_edges[at].id, e) << v;
      ASSERT_EQ(a.in_edges[at].type, a.edges[e].type) << v;
      ASSERT_EQ(a.in_other[at], a.edges[e].source) << v;
    }
  }
  EXPECT_GT(unreached, 0u);
}

// With more than one thread, the resolver starts the name index once the nodes are written, on
// the rows in their first order, and the freeze takes it; with one, the freeze builds it on the
// sorted rows. Names, aliases, numbers and identifiers, shared keys and ids out of order give the
// same index and strings either way. A decision without a name is named after the edges, so the
// index then waits for the freeze: both cases.
TEST(Ingest, TheNameIndexBuiltBesideTheEdgesIsTheFreezesOwn) {
  const std::string src = R"("sources": [{"url": "https://e.org"}])";
  std::string entities;
  for (int i = 0; i < 200; ++i) {
    const int n = (i * 7919) % 200;  // out of order
    entities += (entities.empty() ? "" : ", ") + std::string(R"({"id": "company:c)") +
                std::to_string(n) + R"(", "label": "Company", "name": "Company )" +
                std::to_string(n % 17) + R"(", "aliases": ["C)" + std::to_string(n) +
                R"( Group", "Shared Alias"], )" + src + "}";
  }
  std::string decisions;
  for (int i = 0; i < 100; ++i) {
    const std::string n = std::to_string((i * 37) % 100);  // out of order
    decisions += (decisions.empty() ? "" : ", ") + std::string(R"({"id": "decision:d)") + n +
                 R"(", "name": "Sanction )" + n + R"(", "kind": "sanction", "number": "SAN-2020-)" +
                 n + R"(", "issued_by": "authority:z", "against": ["company:c)" +
                 std::to_string(i % 200) + R"("], )" + src + "}";
  }
  const std::string authority =
      R"({"id": "authority:z", "label": "Authority", "name": "Zed Authority", )" + src + "}";
  for (const bool every_decision_named : {true, false}) {
    TempDir dir;
    dir.write("a.json", R"({"entities": [)" + entities + ", " + authority + "]}");
    dir.write(
        "b.json",
        R"({"decisions": [)" + decisions +
            (every_decision_named
                 ? std::string()
                 : R"(, {"id": "decision:unnamed", "kind": "warning", "date": "2014-08-07", "issued_by": "authority:z", )" +
                       src + "}") +
            "]}");
    ingest::LoadOptions one, two;
    one.threads = 1;
    two.threads = 2;
    const auto a = ingest::load_datasets({dir.str()}, one);
    const auto b = ingest::load_datasets({dir.str()}, two);
    ASSERT_TRUE(a.rejected.empty()) << a.diagnostics.all()[0].message;
    ASSERT_EQ(b.graph.node_count(), every_decision_named ? 301u : 302u);
    expect_same_arrays(a.graph, b.graph);
    EXPECT_EQ(b.graph.find_folded("shared alias").size(), 200u);
    EXPECT_EQ(b.graph.find_folded("san 2020 42"), b.graph.find_folded("decision d42"))
        << "a decision's number and id find it";
    EXPECT_EQ(b.graph.find_folded("company 3").size(), 12u);  // 3, 20, …, 190
  }
}

TEST(Lookup, IdsNamesAliasesAmbiguityAndSuggestions) {
  TempDir dir;
  dir.write("a.json", kEntities);
  dir.write("b.json", kDecisions);
  const auto r = ingest::load_datasets({dir.str()});
  const graph::Graph& g = r.graph;
  using S = graph::LookupResult::Status;
  EXPECT_EQ(graph::lookup_node(g, "company:acme").status, S::found);
  EXPECT_EQ(graph::lookup_node(g, "dpa").vertex, *g.find_id("authority:dpa"));
  EXPECT_EQ(graph::lookup_node(g, "DATA PROTECTION authority").vertex, *g.find_id("authority:dpa"));
  EXPECT_EQ(graph::lookup_node(g, "acme group").vertex, *g.find_id("company:acme"));
  const auto twin = graph::lookup_node(g, "twin");
  EXPECT_EQ(twin.status, S::ambiguous);
  EXPECT_EQ(twin.candidates.size(), 2u);
  const auto near = graph::lookup_node(g, "acmee");
  EXPECT_EQ(near.status, S::not_found);
  ASSERT_FALSE(near.candidates.empty());
  EXPECT_EQ(near.candidates[0], *g.find_id("company:acme"));
  EXPECT_THROW(graph::resolve_node(g, "twin", Location("x")), Error);
  EXPECT_EQ(g.nodes_with_label(graph::Label::Company).size(), 3u);
}

TEST(Stats, CountsDatesAndAmounts) {
  TempDir dir;
  dir.write("a.json", kEntities);
  dir.write("b.json", kDecisions);
  const auto s = graph::compute_stats(ingest::load_datasets({dir.str()}).graph);
  EXPECT_EQ(s.nodes, 6u);
  EXPECT_EQ(s.nodes_per_label[static_cast<std::size_t>(graph::Label::Decision)], 2u);
  EXPECT_EQ(s.first_decision_date, 20140101);
  EXPECT_EQ(s.last_decision_date, 20160229);
  EXPECT_EQ(s.amounts_per_currency.at("EUR").hundredths, 100050);
  EXPECT_EQ(s.amounts_per_currency.at("USD").hundredths, 20000);
  EXPECT_EQ(s.contested_values, 1u);
}

}  // namespace
}  // namespace jurigraph
