// build --update: a snapshot with new files added answers as a build of all the inputs: the same
// file byte for byte where the resolver's writes can be repeated (a snapshot of one generated
// file), otherwise the same triples, statistics and claims; the new files meet the snapshot under
// the rules between files (duplicates, conflicts as claims, references, relation types, appeal
// cycles).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "export/rdf_writers.hpp"
#include "export/stats_report.hpp"
#include "generate/synthetic.hpp"
#include "graph/snapshot.hpp"
#include "graph/stats.hpp"
#include "ingest/ingest.hpp"
#include "ingest/snapshot_dataset.hpp"

namespace jurigraph {
namespace {

namespace fs = std::filesystem;

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Whether two files hold the same bytes; else where they first differ (not the bytes: a failure
// would print megabytes).
::testing::AssertionResult same_file(const std::string& a, const std::string& b) {
  const std::string x = read_bytes(a), y = read_bytes(b);
  if (x == y)
    return ::testing::AssertionSuccess();
  const auto at = std::mismatch(x.begin(), x.end(), y.begin(), y.end());
  return ::testing::AssertionFailure()
         << a << " (" << x.size() << " bytes) and " << b << " (" << y.size()
         << " bytes) differ from byte " << (at.first - x.begin());
}

// Whether two texts are equal; else their first different lines.
::testing::AssertionResult same_text(const std::string& a, const std::string& b) {
  if (a == b)
    return ::testing::AssertionSuccess();
  std::istringstream x(a), y(b);
  std::string lx, ly;
  for (int line = 1;; ++line) {
    const bool more_x = static_cast<bool>(std::getline(x, lx));
    const bool more_y = static_cast<bool>(std::getline(y, ly));
    if (lx != ly || more_x != more_y)
      return ::testing::AssertionFailure()
             << "line " << line << ": \"" << lx << "\" vs \"" << ly << "\"";
  }
}

std::string headlines(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.all())
    out += format_headline(d) + "\n";
  return out;
}

std::string nquads(const graph::Graph& g) {
  std::ostringstream out;
  exporter::write_nquads(out, g, exporter::RdfOptions{});
  return out.str();
}

std::string stats(const graph::Graph& g) {
  std::ostringstream out;
  exporter::write_stats_json(out, graph::compute_stats(g));
  return out.str();
}

// A node's claims, one line each: property, value, verdict, origin, note and sources.
std::vector<std::string> claims_of(const graph::Graph& g, std::string_view id) {
  std::vector<std::string> lines;
  const auto v = g.find_id(id);
  if (!v)
    return {"no node " + std::string(id)};
  for (const graph::ClaimRecord& c : g.claims(g.node(*v).claims)) {
    std::string line = std::string(g.str(c.property)) + "=" + std::string(g.str(c.value)) +
                       (c.authoritative ? " (authoritative)" : "") + " from " +
                       std::string(g.str(c.origin));
    if (!c.note.empty())
      line += " — " + std::string(g.str(c.note));
    for (const uint32_t s : g.source_ids(c.sources))
      line += " [" + std::string(g.str(g.source(s).url)) + "]";
    lines.push_back(line);
  }
  return lines;
}

// Every node's claims, without their origins, in id order: what an update keeps whatever it
// knows of where a value came from.
std::string all_claims_without_origins(const graph::Graph& g) {
  std::string out;
  for (graph::VertexId v = 0; v < g.node_count(); ++v) {
    std::vector<std::string> lines;
    for (const graph::ClaimRecord& c : g.claims(g.node(v).claims)) {
      lines.push_back(std::string(g.str(c.property)) + "=" + std::string(g.str(c.value)) +
                      (c.authoritative ? "!" : "") + " " + std::string(g.str(c.note)));
    }
    std::sort(lines.begin(), lines.end());
    for (const std::string& l : lines)
      out += std::string(g.str(g.node(v).id)) + " " + l + "\n";
  }
  return out;
}

std::string jsonl_of(const generate::SyntheticGraph& s) {
  std::ostringstream out;
  generate::write_dataset_jsonl(s, out);
  return out.str();
}

// Generated datasets number their decisions from 0: another seed's decisions get other ids.
std::string renamed_decisions(std::string text, const std::string& prefix) {
  const std::string from = "\"decision:d";
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
    text.replace(at, from.size(), "\"decision:" + prefix);
  return text;
}

class SnapshotUpdate : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("jurigraph-update-test-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The snapshots' own files are named 0-…: a build reads its files in path order and an update
  // reads the snapshot first, so an update is compared with a build whose old files sort first.
  std::string write(const std::string& name, const std::string& text) const {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // build PATHS -o NAME, which must have no error.
  std::string built(const std::vector<std::string>& paths, const std::string& name) const {
    const ingest::LoadResult r = ingest::load_datasets(paths);
    EXPECT_FALSE(r.diagnostics.has_errors()) << headlines(r.diagnostics);
    write_snapshot(r.graph, path(name));
    return path(name);
  }
  // build --update SNAPSHOT PATHS -o NAME, which must have no error.
  std::string updated(const std::string& snapshot, const std::vector<std::string>& paths,
                      const std::string& name) const {
    const ingest::UpdateResult u = ingest::update_snapshot(snapshot, paths);
    EXPECT_FALSE(u.loaded.diagnostics.has_errors()) << headlines(u.loaded.diagnostics);
    EXPECT_FALSE(u.snapshot_rejected);
    write_snapshot(u.loaded.graph, path(name));
    return path(name);
  }

  fs::path dir_;
};

TEST_F(SnapshotUpdate, GeneratedDataGivesTheFileOfAFullBuild) {
  // Another seed shares every entity id (company:c0…, authority:a0…) and the source: entities
  // merge, decisions and relations are new, subcontracting pairs may repeat (parallel edges).
  const std::string old = write("0-old.jsonl", jsonl_of(generate::generate_graph(400, 1)));
  const std::string add =
      write("add.jsonl", renamed_decisions(jsonl_of(generate::generate_graph(80, 2)), "n"));
  const std::string more =
      write("more.jsonl", renamed_decisions(jsonl_of(generate::generate_graph(40, 3)), "m"));
  const std::string snapshot = built({old}, "old.jg");

  const std::string once = updated(snapshot, {add}, "once.jg");
  EXPECT_TRUE(same_file(once, built({old, add}, "full.jg")));

  // Updated again, the snapshot's entities now each merge two definitions, which it holds as
  // one: the bytes differ, the graph does not.
  const ingest::UpdateResult twice = ingest::update_snapshot(once, {more});
  const ingest::LoadResult full = ingest::load_datasets({old, add, more});
  EXPECT_TRUE(same_text(nquads(twice.loaded.graph), nquads(full.graph)));
  EXPECT_TRUE(same_text(stats(twice.loaded.graph), stats(full.graph)));
}

TEST_F(SnapshotUpdate, AnUpdateWithNothingNewGivesTheSameFile) {
  // A file that only repeats what the snapshot says (same entities, same source).
  const std::string old = write("0-old.jsonl", jsonl_of(generate::generate_graph(200, 4)));
  std::string entities;
  std::istringstream lines(read_bytes(old));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("{\"entity\"", 0) == 0 || line.rfind("{\"sources\"", 0) == 0)
      entities += line + "\n";
  }
  const std::string same = write("same.jsonl", entities);
  const std::string snapshot = built({old}, "old.jg");
  EXPECT_TRUE(same_file(updated(snapshot, {same}, "upd.jg"), built({old, same}, "full.jg")));
}

// Edges that share details (here CITES with its own source, then ISSUED_BY of a decision of
// that source) are handed back from the snapshot in another order than the build made them: the
// details table must not depend on that order.
TEST_F(SnapshotUpdate, EdgesSharingDetailsGiveTheFileOfAFullBuild) {
  const std::string old = write("0-old.json", R"({
  "sources": {"x": {"url": "https://example.org/x", "kind": "press"},
              "y": {"url": "https://example.org/y", "kind": "press"}},
  "entities": [
    {"id": "authority:dpa", "label": "Authority", "name": "Data Protection Authority", "sources": ["y"]},
    {"id": "provision:art-5", "label": "Provision", "name": "Article 5", "sources": ["y"]}
  ],
  "decisions": [
    {"id": "decision:one", "kind": "sanction", "issued_by": "authority:dpa", "date": "2016-02-29",
     "sources": ["y"], "cites": [{"provision": "provision:art-5", "role": "infringed", "sources": ["x"]}]},
    {"id": "decision:two", "kind": "sanction", "issued_by": "authority:dpa", "date": "2017-02-28",
     "sources": ["x"]}
  ]
})");
  const std::string add = write("add.json", R"({
  "sources": {"z": {"url": "https://example.org/z", "kind": "press"}},
  "entities": [{"id": "company:acme", "label": "Company", "name": "Acme", "sources": ["z"]}]
})");
  const std::string snapshot = built({old}, "old.jg");
  EXPECT_TRUE(same_file(updated(snapshot, {add}, "upd.jg"), built({old, add}, "full.jg")));
}

// Each seed dataset in turn added to a snapshot of the others: the same triples, statistics and
// claims as a build of all of them in that order. (Not the same bytes: the snapshot holds one
// merged record for an entity several files define, where the build writes each definition.)
TEST_F(SnapshotUpdate, EachSeedDatasetAddedToTheOthersAnswersAsAFullBuild) {
  const fs::path seeds = fs::path(JURIGRAPH_TEST_DATA) / ".." / ".." / "datasets";
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(seeds)) {
    if (entry.path().extension() == ".json")
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 3u);
  std::size_t splits = 0;
  for (const std::string& added : files) {
    SCOPED_TRACE(added);
    std::vector<std::string> others;
    for (const std::string& f : files) {
      if (f != added)
        others.push_back(f);
    }
    if (ingest::load_datasets(others).diagnostics.has_errors())
      continue;  // the others refer to it: no snapshot without it
    const std::string snapshot = built(others, "others.jg");
    std::vector<std::string> all = others;
    all.push_back(added);
    const ingest::LoadResult full = ingest::load_datasets(all);
    ASSERT_FALSE(full.diagnostics.has_errors());
    const ingest::UpdateResult update = ingest::update_snapshot(snapshot, {added});
    ASSERT_FALSE(update.loaded.diagnostics.has_errors());
    const graph::Graph& g = update.loaded.graph;
    EXPECT_TRUE(same_text(nquads(g), nquads(full.graph)));
    EXPECT_TRUE(same_text(stats(g), stats(full.graph)));
    EXPECT_TRUE(same_text(all_claims_without_origins(g), all_claims_without_origins(full.graph)));
    ++splits;
    EXPECT_EQ(update.snapshot_nodes, graph::open_snapshot(snapshot).node_count());
  }
  EXPECT_GE(splits, 4u);
}

const char* kOldOne = R"({
  "sources": {"one": {"url": "https://example.org/one", "kind": "press"}},
  "entities": [
    {"id": "authority:dpa", "label": "Authority", "name": "Data Protection Authority", "sources": ["one"]},
    {"id": "company:acme", "label": "Company", "name": "Acme", "country": "FR", "sources": ["one"]}
  ],
  "decisions": [
    {"id": "decision:one", "kind": "sanction", "issued_by": "authority:dpa", "against": ["company:acme"],
     "date": "2016-02-29", "number": "2016-1", "sources": ["one"],
     "claims": [{"property": "date", "value": "2016-03-01", "sources": ["one"], "note": "the press release"}]}
  ]
})";

const char* kOldTwo = R"({
  "sources": {"two": {"url": "https://example.org/two", "kind": "press"}},
  "entities": [{"id": "company:acme", "label": "Company", "name": "ACME SA", "sources": ["two"]}]
})";

TEST_F(SnapshotUpdate, ConflictingValuesBecomeClaimsBesideThoseTheSnapshotHolds) {
  const std::string one = write("0-one.json", kOldOne), two = write("0-two.json", kOldTwo);
  const std::string snapshot = built({one, two}, "old.jg");
  auto both = [&](const std::string& name, const std::string& text) {
    const std::string added = write(name, text);
    ingest::UpdateResult u = ingest::update_snapshot(snapshot, {added});
    ingest::LoadResult full = ingest::load_datasets({one, two, added});
    EXPECT_FALSE(u.loaded.diagnostics.has_errors());
    EXPECT_FALSE(full.diagnostics.has_errors());
    return std::make_pair(std::move(u), std::move(full));
  };

  // A third name: the claims of a full build, origins and order included; a warning.
  {
    const auto [u, full] = both("third.json", R"({
      "sources": {"three": {"url": "https://example.org/three", "kind": "press"}},
      "entities": [{"id": "company:acme", "label": "Company", "name": "Acme Corp", "sources": ["three"]}]})");
    const graph::Graph& g = u.loaded.graph;
    EXPECT_EQ(claims_of(g, "company:acme"), claims_of(full.graph, "company:acme"));
    ASSERT_EQ(claims_of(g, "company:acme").size(), 3u);
    EXPECT_EQ(claims_of(g, "company:acme")[0],
              "name=Acme (authoritative) from " + one + ":5:5 [https://example.org/one]");
    EXPECT_EQ(claims_of(g, "company:acme")[2],
              "name=Acme Corp from " + path("third.json") + ":3:20 [https://example.org/three]");
    ASSERT_EQ(u.loaded.diagnostics.warning_count(), 1u);
    EXPECT_EQ(format_headline(u.loaded.diagnostics.all()[0]),
              path("third.json") +
                  ":3:20: warning: conflicting name for \"company:acme\": \"Acme Corp\" here, "
                  "\"Acme\" at " +
                  snapshot + " is kept (first file); both are kept as claims (at /entities/0)");
    // The decision's own claims come through with their origin and note.
    EXPECT_EQ(claims_of(g, "decision:one"), claims_of(full.graph, "decision:one"));
  }
  // An official source: its value becomes authoritative, the snapshot's values stay as claims.
  {
    const auto [u, full] = both("official.json", R"({
      "sources": {"reg": {"url": "https://example.org/register", "kind": "official"}},
      "entities": [{"id": "company:acme", "label": "Company", "name": "Acme Corporation", "sources": ["reg"]}]})");
    const graph::Graph& g = u.loaded.graph;
    EXPECT_EQ(g.str(g.node(*g.find_id("company:acme")).name), "Acme Corporation");
    EXPECT_EQ(claims_of(g, "company:acme"), claims_of(full.graph, "company:acme"));
    EXPECT_TRUE(same_text(nquads(g), nquads(full.graph)));
  }
  // A value the snapshot holds as a claim: kept once more with the new file's origin, where a
  // full build lists it once (the snapshot cannot tell a value of a merge from one written as a
  // claim, and keeps both rather than lose one).
  {
    const auto [u, full] = both("again.json", R"({
      "sources": {"three": {"url": "https://example.org/three", "kind": "press"}},
      "entities": [{"id": "company:acme", "label": "Company", "name": "ACME SA", "sources": ["three"]}]})");
    const std::vector<std::string> claims = claims_of(u.loaded.graph, "company:acme");
    ASSERT_EQ(claims.size(), 3u);
    EXPECT_EQ(std::vector<std::string>(claims.begin(), claims.begin() + 2),
              claims_of(full.graph, "company:acme"));
    EXPECT_EQ(claims[2],
              "name=ACME SA from " + path("again.json") + ":3:20 [https://example.org/three]");
  }
  // A value the snapshot held uncontested: contested now, its origin is the snapshot (the file
  // keeps no origin for a value nobody contested). The claims of the property contested now come
  // first, then the snapshot's others, where a full build lists them in field order.
  {
    const auto [u, full] = both("country.json", R"({
      "sources": {"three": {"url": "https://example.org/three", "kind": "press"}},
      "entities": [{"id": "company:acme", "label": "Company", "name": "Acme", "country": "DE", "sources": ["three"]}]})");
    const std::vector<std::string> claims = claims_of(u.loaded.graph, "company:acme");
    const std::vector<std::string> in_full = claims_of(full.graph, "company:acme");
    ASSERT_EQ(claims.size(), 4u);
    ASSERT_EQ(in_full.size(), 4u);
    EXPECT_EQ(in_full[2],
              "country=FR (authoritative) from " + one + ":5:5 [https://example.org/one]");
    EXPECT_EQ(claims[0], "country=FR (authoritative) from " + snapshot +
                             " [https://example.org/one] [https://example.org/two]");
    EXPECT_EQ(claims[1], in_full[3]);
    EXPECT_EQ(claims[2], in_full[0]);
    EXPECT_EQ(claims[3], in_full[1]);
  }
}

TEST_F(SnapshotUpdate, ADecisionTheSnapshotHoldsRejectsTheNewFileOnly) {
  const std::string snapshot = built({write("0-one.json", kOldOne)}, "old.jg");
  const std::string added = write("again.json", R"({
    "sources": {"s": {"url": "https://example.org/s"}},
    "entities": [{"id": "company:new", "label": "Company", "name": "New", "sources": ["s"]}],
    "decisions": [{"id": "decision:one", "kind": "warning", "issued_by": "authority:dpa", "sources": ["s"]}]})");
  const ingest::UpdateResult u = ingest::update_snapshot(snapshot, {added});
  ASSERT_EQ(u.loaded.diagnostics.error_count(), 1u);
  EXPECT_EQ(format_headline(u.loaded.diagnostics.all()[0]),
            added + ":4:26: error: duplicate decision id \"decision:one\", already defined at " +
                snapshot + " (at /decisions/0/id)");
  EXPECT_EQ(u.loaded.rejected, std::vector<std::string>{added});
  EXPECT_FALSE(u.snapshot_rejected);
  EXPECT_TRUE(same_text(nquads(u.loaded.graph), nquads(graph::open_snapshot(snapshot))));
}

TEST_F(SnapshotUpdate, NewFilesReferToTheSnapshotAndDeclareTypes) {
  const std::string snapshot = built({write("0-one.json", kOldOne)}, "old.jg");
  const std::string added = write("add.json", R"({
    "sources": {"s": {"url": "https://example.org/s"}},
    "vocabulary": {"relation_types": [{"type": "OWNS", "description": "holds shares of", "from": ["Company"], "to": ["Company"]}]},
    "entities": [{"id": "company:parent", "label": "Company", "name": "Parent", "sources": ["s"]}],
    "decisions": [{"id": "decision:appeal", "kind": "ruling", "issued_by": "authority:dpa",
                   "appeal_of": [{"decision": "decision:one", "outcome": "confirmed"}], "sources": ["s"]}],
    "relations": [{"type": "OWNS", "from": "company:parent", "to": "company:acme", "sources": ["s"]}]})");
  const std::string out = updated(snapshot, {added}, "new.jg");
  const graph::Graph g = graph::open_snapshot(out);
  EXPECT_TRUE(
      same_text(nquads(g), nquads(ingest::load_datasets({path("0-one.json"), added}).graph)));
  ASSERT_TRUE(g.find_relation_type("OWNS"));
  // And a later update knows the type from the snapshot.
  const std::string later = write("later.json", R"({
    "sources": {"s": {"url": "https://example.org/s"}},
    "relations": [{"type": "OWNS", "from": "company:acme", "to": "company:parent", "sources": ["s"]}]})");
  const ingest::UpdateResult u = ingest::update_snapshot(out, {later});
  EXPECT_FALSE(u.loaded.diagnostics.has_errors());
  EXPECT_EQ(u.loaded.graph.edge_count(), g.edge_count() + 1);
  // Declared otherwise: an error of the new file, naming the snapshot.
  const std::string other = write("other.json", R"({
    "sources": {"s": {"url": "https://example.org/s"}},
    "vocabulary": {"relation_types": [{"type": "OWNS", "description": "holds shares of", "from": ["Person"], "to": ["Company"]}]}})");
  const ingest::UpdateResult bad = ingest::update_snapshot(out, {other});
  ASSERT_EQ(bad.loaded.diagnostics.error_count(), 1u);
  EXPECT_NE(bad.loaded.diagnostics.all()[0].message.find("declared differently at " + out),
            std::string::npos);
  EXPECT_EQ(bad.loaded.rejected, std::vector<std::string>{other});
}

TEST_F(SnapshotUpdate, UnknownIdsAndWrongLabelsAreErrorsOfTheNewFile) {
  const std::string snapshot = built({write("0-one.json", kOldOne)}, "old.jg");
  const std::string added = write("bad.json", R"({
    "sources": {"s": {"url": "https://example.org/s"}},
    "entities": [{"id": "decision:one", "label": "Company", "name": "Not a decision", "sources": ["s"]}],
    "decisions": [{"id": "decision:two", "kind": "warning", "issued_by": "company:acme",
                   "against": ["company:nobody"], "sources": ["s"]}]})");
  const ingest::UpdateResult u = ingest::update_snapshot(snapshot, {added});
  std::vector<std::string> messages;
  for (const Diagnostic& d : u.loaded.diagnostics.all())
    messages.push_back(d.message);
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "id \"decision:one\" is a Company here but a Decision at " + snapshot,
                          "ISSUED_BY goes to Authority|Court, but \"company:acme\" is a Company",
                          "unknown id \"company:nobody\""}));
  EXPECT_EQ(u.loaded.rejected, std::vector<std::string>{added});
  EXPECT_FALSE(u.snapshot_rejected);
}

TEST_F(SnapshotUpdate, AnAppealCycleThroughTheSnapshotRejectsTheUpdate) {
  const std::string snapshot = built({write("0-one.json", kOldOne)}, "old.jg");
  // decision:one is in the snapshot; the new file makes it rule on a new decision that rules on
  // it, through a relation between a snapshot decision and a new one.
  const std::string added = write("cycle.json", R"({
    "sources": {"s": {"url": "https://example.org/s"}},
    "decisions": [{"id": "decision:a", "kind": "ruling", "issued_by": "authority:dpa",
                   "appeal_of": [{"decision": "decision:one", "outcome": "confirmed"}], "sources": ["s"]}],
    "relations": [{"type": "APPEAL_OF", "from": "decision:one", "to": "decision:a", "sources": ["s"]}]})");
  const ingest::UpdateResult u = ingest::update_snapshot(snapshot, {added});
  ASSERT_TRUE(u.loaded.diagnostics.has_errors());
  EXPECT_NE(u.loaded.diagnostics.all()[0].message.find("APPEAL_OF cycle"), std::string::npos)
      << headlines(u.loaded.diagnostics);
  // Whichever edge closes the cycle, nothing of the new file is taken: either the file is
  // rejected, or the snapshot is and the update must not be written.
  EXPECT_TRUE(u.snapshot_rejected || u.loaded.rejected == std::vector<std::string>{added});
}

TEST_F(SnapshotUpdate, AnUnnamedDecisionIsNamedAgainFromItsIssuerAsMerged) {
  // decision:one has a number and no name: "Data Protection Authority sanction 2016-1". A new
  // file gives its issuer a first alias, which a full build names it by.
  const std::string snapshot = built({write("0-one.json", kOldOne)}, "old.jg");
  {
    const graph::Graph g = graph::open_snapshot(snapshot);
    const graph::VertexId d = *g.find_id("decision:one");
    EXPECT_EQ(g.str(g.node(d).name), "Data Protection Authority sanction 2016-1");
    EXPECT_EQ(ingest::default_decision_name(g, d), "Data Protection Authority sanction 2016-1");
    std::string scratch;
    EXPECT_TRUE(ingest::has_default_decision_name(g, d, scratch));
    EXPECT_FALSE(ingest::has_default_decision_name(g, *g.find_id("authority:dpa"), scratch));
  }
  const std::string added = write("alias.json", R"({
    "sources": {"s": {"url": "https://example.org/s"}},
    "entities": [{"id": "authority:dpa", "label": "Authority", "name": "Data Protection Authority",
                  "aliases": ["DPA"], "sources": ["s"]}]})");
  const ingest::UpdateResult u = ingest::update_snapshot(snapshot, {added});
  ASSERT_FALSE(u.loaded.diagnostics.has_errors());
  const graph::Graph& g = u.loaded.graph;
  EXPECT_EQ(g.str(g.node(*g.find_id("decision:one")).name), "DPA sanction 2016-1");
}

TEST_F(SnapshotUpdate, AMissingOrDamagedSnapshotIsAnError) {
  const std::string added = write("0-one.json", kOldOne);
  EXPECT_THROW(ingest::update_snapshot(path("none.jg"), {added}), Error);
  EXPECT_THROW(ingest::update_snapshot(added, {added}), Error);
  const std::string snapshot = built({added}, "old.jg");
  const ingest::UpdateResult u = ingest::update_snapshot(snapshot, {path("missing.json")});
  ASSERT_EQ(u.loaded.diagnostics.error_count(), 1u);
  EXPECT_EQ(format_headline(u.loaded.diagnostics.all()[0]),
            path("missing.json") + ": error: no such file or directory");
}

}  // namespace
}  // namespace jurigraph
