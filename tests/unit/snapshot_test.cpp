// Graph snapshots: a round trip gives the same graph (arrays, relation types, and every export
// byte for byte), the same data gives the same file, and every kind of damaged file is refused
// with its reason, never read.
#include "graph/snapshot.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/diagnostic.hpp"
#include "export/rdf_writers.hpp"
#include "generate/synthetic.hpp"
#include "graph/relation_counts.hpp"
#include "graph/snapshot_checksum.hpp"
#include "graph/snapshot_format.hpp"
#include "ingest/ingest.hpp"
#include "query/cypher/graph_view.hpp"

namespace jurigraph::graph {
namespace {

namespace fs = std::filesystem;

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_bytes(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

template <typename T>
bool same_bytes(std::span<const T> a, std::span<const T> b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size_bytes()) == 0;
}

// The directory of a snapshot's bytes.
std::vector<snapshot::SectionEntry> directory(const std::string& bytes) {
  snapshot::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  std::vector<snapshot::SectionEntry> entries(h.section_count);
  std::memcpy(entries.data(), bytes.data() + sizeof h, entries.size() * sizeof entries[0]);
  return entries;
}

// `bytes` with `entries` as its directory and every checksum made to match again: a file whose
// damage only its structure can show.
std::string resealed(std::string bytes, std::vector<snapshot::SectionEntry> entries) {
  for (snapshot::SectionEntry& e : entries)
    e.checksum = snapshot::checksum(bytes.data() + e.offset, e.count * e.element_size);
  snapshot::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  const std::size_t size = entries.size() * sizeof entries[0];
  std::memcpy(bytes.data() + sizeof h, entries.data(), size);
  h.directory_checksum = snapshot::checksum(entries.data(), size);
  h.header_checksum = snapshot::checksum(&h, offsetof(snapshot::Header, header_checksum));
  std::memcpy(bytes.data(), &h, sizeof h);
  return bytes;
}

snapshot::SectionEntry& entry(std::vector<snapshot::SectionEntry>& entries, snapshot::Section s) {
  return entries.at(static_cast<uint32_t>(s) - 1);
}

std::string nquads(const Graph& g) {
  std::ostringstream out;
  exporter::write_nquads(out, g, exporter::RdfOptions{});
  return out.str();
}

class Snapshot : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("jurigraph-snapshot-test-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static const Graph& seeds() {
    static const ingest::LoadResult loaded =
        ingest::load_datasets({std::string(JURIGRAPH_TEST_DATA) + "/../../datasets"});
    return loaded.graph;
  }
  fs::path written(const Graph& g, const std::string& name = "graph.jg") {
    const fs::path p = dir_ / name;
    write_snapshot(g, p.string());
    return p;
  }
  // The message of the Error opening `p` throws; fails the test when it opens.
  static std::string refusal(const fs::path& p) {
    try {
      open_snapshot(p.string());
    } catch (const Error& e) {
      EXPECT_EQ(e.diagnostic().where.file, p.string());
      return e.diagnostic().message;
    }
    ADD_FAILURE() << p << " opened";
    return {};
  }

  fs::path dir_;
};

TEST_F(Snapshot, RoundTripGivesTheSameGraph) {
  const Graph& g = seeds();
  ASSERT_GT(g.node_count(), 30u);
  const Graph r = open_snapshot(written(g).string());
  const GraphArrays& a = g.arrays();
  const GraphArrays& b = r.arrays();
  EXPECT_EQ(a.strings, b.strings);
  EXPECT_EQ(r.node_count(), g.node_count());
  EXPECT_EQ(r.edge_count(), g.edge_count());
  EXPECT_TRUE(same_bytes(a.source_refs, b.source_refs));
  EXPECT_TRUE(same_bytes(a.string_refs, b.string_refs));
  EXPECT_TRUE(same_bytes(a.identifiers, b.identifiers));
  EXPECT_TRUE(same_bytes(a.labels, b.labels));
  EXPECT_TRUE(same_bytes(a.out_start, b.out_start));
  EXPECT_TRUE(same_bytes(a.out_other, b.out_other));
  EXPECT_TRUE(same_bytes(a.in_start, b.in_start));
  EXPECT_TRUE(same_bytes(a.in_other, b.in_other));
  EXPECT_TRUE(same_bytes(a.label_nodes, b.label_nodes));
  EXPECT_TRUE(same_bytes(a.name_index, b.name_index));
  EXPECT_EQ(a.label_start, b.label_start);
  for (VertexId v = 0; v < g.node_count(); ++v) {
    EXPECT_EQ(g.str(g.node(v).id), r.str(r.node(v).id));
    EXPECT_EQ(g.node(v).amount, r.node(v).amount);
    EXPECT_EQ(g.node(v).date, r.node(v).date);
  }
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    EXPECT_EQ(g.edge(e).source, r.edge(e).source);
    EXPECT_EQ(g.edge(e).type, r.edge(e).type);
    EXPECT_EQ(r.out_arrays().edges[e].id, g.out_arrays().edges[e].id);
    EXPECT_EQ(r.in_arrays().edges[e].id, g.in_arrays().edges[e].id);
  }
  ASSERT_EQ(r.relation_types().size(), g.relation_types().size());
  for (std::size_t t = 0; t < g.relation_types().size(); ++t) {
    EXPECT_EQ(r.relation_types()[t].name, g.relation_types()[t].name);
    EXPECT_EQ(r.relation_types()[t].description, g.relation_types()[t].description);
    EXPECT_EQ(r.relation_types()[t].from, g.relation_types()[t].from);
    EXPECT_EQ(r.relation_types()[t].to, g.relation_types()[t].to);
    EXPECT_EQ(r.relation_types()[t].builtin, g.relation_types()[t].builtin);
  }
  // Everything an export reads, properties and claims and sources included.
  EXPECT_EQ(nquads(r), nquads(g));
  EXPECT_EQ(r.find_folded("orange"), g.find_folded("orange"));
  EXPECT_FALSE(r.find_folded("orange").empty());
}

TEST_F(Snapshot, TheSameGraphGivesTheSameBytes) {
  const Graph g = Graph::freeze(generate::build_tables(generate::generate_graph(2000, 7)));
  const Graph again = Graph::freeze(generate::build_tables(generate::generate_graph(2000, 7)));
  const std::string first = read_bytes(written(g, "a.jg"));
  EXPECT_EQ(first, read_bytes(written(again, "b.jg")));
  EXPECT_EQ(read_bytes(written(open_snapshot((dir_ / "a.jg").string()), "c.jg")), first)
      << "a snapshot of an opened snapshot is the same file";
  EXPECT_EQ(nquads(open_snapshot((dir_ / "a.jg").string())), nquads(g));
}

TEST_F(Snapshot, AnEmptyGraphRoundTrips) {
  const Graph r = open_snapshot(written(Graph::freeze(GraphTables{})).string());
  EXPECT_EQ(r.node_count(), 0u);
  EXPECT_EQ(r.edge_count(), 0u);
  EXPECT_EQ(r.relation_types().size(), builtin_relation_types().size());
}

TEST_F(Snapshot, MissingAndForeignFilesAreRefused) {
  EXPECT_NE(refusal(dir_ / "none.jg").find("cannot open"), std::string::npos);
  write_bytes(dir_ / "data.json", "{\"decisions\": []}\n");
  EXPECT_NE(refusal(dir_ / "data.json").find("not a jurigraph snapshot"), std::string::npos);
  write_bytes(dir_ / "empty.jg", "");
  EXPECT_NE(refusal(dir_ / "empty.jg").find("not a jurigraph snapshot"), std::string::npos);
  EXPECT_NE(refusal(dir_).find("not a regular file"), std::string::npos);
}

TEST_F(Snapshot, TruncatedOrExtendedFilesAreRefused) {
  const std::string bytes = read_bytes(written(seeds()));
  for (const std::size_t keep :
       {std::size_t{8}, std::size_t{40}, std::size_t{100}, bytes.size() / 2, bytes.size() - 1}) {
    write_bytes(dir_ / "cut.jg", bytes.substr(0, keep));
    const std::string why = refusal(dir_ / "cut.jg");
    EXPECT_NE(why.find("truncated"), std::string::npos) << keep << ": " << why;
  }
  write_bytes(dir_ / "long.jg", bytes + "x");
  EXPECT_NE(refusal(dir_ / "long.jg").find("extra bytes"), std::string::npos);
}

TEST_F(Snapshot, AFlippedByteInAnySectionIsRefusedNamingIt) {
  const std::string bytes = read_bytes(written(seeds()));
  snapshot::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  const std::vector<snapshot::SectionEntry> entries = directory(bytes);
  int tested = 0;
  for (const snapshot::SectionEntry& e : entries) {
    if (e.count == 0)
      continue;
    std::string damaged = bytes;
    damaged[e.offset + e.count * e.element_size / 2] ^= 0x10;
    write_bytes(dir_ / "flipped.jg", damaged);
    const std::string why = refusal(dir_ / "flipped.jg");
    const std::string name(snapshot::section_name(static_cast<snapshot::Section>(e.id)));
    EXPECT_NE(why.find("checksum of section " + name + " does not match"), std::string::npos)
        << why;
    ++tested;
  }
  EXPECT_GE(tested, 19);
  for (const std::size_t at : {std::size_t{20}, sizeof h + 40}) {
    std::string damaged = bytes;
    damaged[at] ^= 0x01;
    write_bytes(dir_ / "flipped.jg", damaged);
    EXPECT_NE(refusal(dir_ / "flipped.jg").find("corrupt"), std::string::npos) << at;
  }
}

TEST_F(Snapshot, AnotherVersionIsRefusedWithWhatToDo) {
  std::string bytes = read_bytes(written(seeds()));
  snapshot::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  h.version = snapshot::kVersion + 1;
  h.header_checksum = snapshot::checksum(&h, offsetof(snapshot::Header, header_checksum));
  std::memcpy(bytes.data(), &h, sizeof h);
  write_bytes(dir_ / "newer.jg", bytes);
  const std::string why = refusal(dir_ / "newer.jg");
  EXPECT_NE(why.find("snapshot format version " + std::to_string(snapshot::kVersion + 1) +
                     ", this jurigraph reads version " + std::to_string(snapshot::kVersion)),
            std::string::npos)
      << why;
  EXPECT_NE(why.find("jurigraph build"), std::string::npos) << why;
  // Another version's header need not checksum as this version's does: still named by version.
  h.header_checksum ^= 1;
  std::memcpy(bytes.data(), &h, sizeof h);
  write_bytes(dir_ / "other-layout.jg", bytes);
  EXPECT_NE(refusal(dir_ / "other-layout.jg").find("snapshot format version"), std::string::npos);
}

// The relation counts of `g` counted another way than count_relations: along the CSR's rows.
std::vector<uint64_t> counted_along_the_csr(const Graph& g) {
  const RelationCountLayout layout{g.relation_types().size()};
  std::vector<uint64_t> counts(layout.size(), 0);
  for (VertexId v = 0; v < g.node_count(); ++v) {
    for (const bool outgoing : {false, true}) {
      const Adjacency a = outgoing ? g.out_adjacency(v) : g.in_adjacency(v);
      for (const EdgeBundle& b : a.edges) {
        const std::size_t label = static_cast<std::size_t>(g.label(v)) + 1;
        for (const std::size_t l : {std::size_t{0}, label}) {
          ++counts[layout.index(outgoing, l, 0)];
          ++counts[layout.index(outgoing, l, b.type + 1u)];
        }
      }
    }
  }
  return counts;
}

// The planner's counts are freeze's, and the snapshot's are those (no pass over the edges at
// open or at query): every (direction, label, type), "any" included.
TEST_F(Snapshot, RelationCountsAreStoredAndRoundTrip) {
  for (const Graph& g :
       {seeds(), Graph::freeze(generate::build_tables(generate::generate_graph(500, 3))),
        Graph::freeze(GraphTables{})}) {
    const Graph r = open_snapshot(written(g).string());
    const std::vector<uint64_t> counted = counted_along_the_csr(g);
    ASSERT_EQ(g.arrays().relation_counts.size(), counted.size()) << "freeze counts";
    EXPECT_TRUE(same_bytes(g.arrays().relation_counts, std::span<const uint64_t>(counted)));
    ASSERT_EQ(r.arrays().relation_counts.size(), counted.size());
    EXPECT_TRUE(same_bytes(r.arrays().relation_counts, std::span<const uint64_t>(counted)));
    EXPECT_EQ(RelationCounts(g).all().data(), g.arrays().relation_counts.data())
        << "read, not recounted";
    EXPECT_EQ(RelationCounts(r).all().data(), r.arrays().relation_counts.data())
        << "read, not recounted";
    const query::cypher::GraphView from_datasets(g), from_snapshot(r);
    for (const bool outgoing : {false, true}) {
      for (std::size_t l = 0; l <= kLabelCount + 1; ++l) {
        for (std::size_t t = 0; t <= g.relation_types().size() + 1; ++t) {
          const auto label = l == 0 ? std::nullopt : std::optional<query::cypher::LabelId>(l - 1);
          const auto type = t == 0 ? std::nullopt : std::optional<query::cypher::TypeId>(t - 1);
          EXPECT_EQ(from_snapshot.count_relationships(label, type, outgoing),
                    from_datasets.count_relationships(label, type, outgoing))
              << outgoing << ' ' << l << ' ' << t;
        }
      }
    }
    EXPECT_EQ(from_snapshot.count_relationships(std::nullopt, std::nullopt, true), g.edge_count());
  }
}

// Counts whose checksum matches but whose shape does not (a writer's bug, or a forged file)
// are refused, not read out of bounds.
TEST_F(Snapshot, RelationCountsOfTheWrongShapeAreRefused) {
  const std::string bytes = read_bytes(written(seeds()));
  std::vector<snapshot::SectionEntry> entries = directory(bytes);
  --entry(entries, snapshot::Section::relation_counts).count;
  write_bytes(dir_ / "short.jg", resealed(bytes, entries));
  EXPECT_NE(refusal(dir_ / "short.jg").find("relation_counts section does not match"),
            std::string::npos);

  std::string wrong = bytes;
  entries = directory(bytes);
  const snapshot::SectionEntry& counts = entry(entries, snapshot::Section::relation_counts);
  uint64_t total;
  std::memcpy(&total, wrong.data() + counts.offset, sizeof total);
  ++total;  // the "any label, any type" incoming count, first in the layout
  std::memcpy(wrong.data() + counts.offset, &total, sizeof total);
  write_bytes(dir_ / "wrong.jg", resealed(wrong, entries));
  EXPECT_NE(refusal(dir_ / "wrong.jg").find("does not count every relationship"),
            std::string::npos);
}

// The fuzz finding of that name (tests/data/fuzz/): a snapshot whose checksums match (the
// harness writes them when the input's first byte is even) and whose node holds a string
// reference far outside the strings section. It crashed the first read of the node. It is a
// version-3 file, refused at its version since format 5 split the node records; the fault it
// found is refused at open in every version since (ReferencesOutsideTheirSectionsAreRefused
// points a node's name outside the strings).
TEST_F(Snapshot, SnapshotStrrefOutsideStrings) {
  const std::string input =
      read_bytes(fs::path(JURIGRAPH_TEST_DATA) / "fuzz" / "snapshot-strref-outside-strings");
  ASSERT_FALSE(input.empty());
  ASSERT_EQ(input[0] & 1, 0);
  std::string bytes = input.substr(1);
  snapshot::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  h.file_size = bytes.size();
  std::memcpy(bytes.data(), &h, sizeof h);
  write_bytes(dir_ / "fuzz.jg", resealed(bytes, directory(bytes)));
  const std::string why = refusal(dir_ / "fuzz.jg");
  EXPECT_NE(why.find("snapshot format version 3, this jurigraph reads version " +
                     std::to_string(snapshot::kVersion)),
            std::string::npos)
      << why;
}

// Each kind of reference a record holds, made to point outside its section in a file whose
// checksums match: refused at open, naming the section.
TEST_F(Snapshot, ReferencesOutsideTheirSectionsAreRefused) {
  const std::string bytes = read_bytes(written(seeds()));
  const std::vector<snapshot::SectionEntry> entries = directory(bytes);
  const auto damaged = [&](snapshot::Section s, std::size_t at, uint32_t value) {
    std::string b = bytes;
    std::vector<snapshot::SectionEntry> e = entries;
    std::memcpy(b.data() + entry(e, s).offset + at, &value, sizeof value);
    write_bytes(dir_ / "damaged.jg", resealed(b, e));
    return refusal(dir_ / "damaged.jg");
  };
  const uint32_t huge = 0xfffffff0;
  EXPECT_NE(damaged(snapshot::Section::nodes, offsetof(NodeRow, name), huge)
                .find("section nodes points outside"),
            std::string::npos);
  EXPECT_NE(damaged(snapshot::Section::nodes, offsetof(NodeRow, details), huge)
                .find("section nodes points outside"),
            std::string::npos);
  EXPECT_NE(damaged(snapshot::Section::node_details, offsetof(NodeDetails, claims), huge)
                .find("section node_details points outside"),
            std::string::npos);
  EXPECT_NE(damaged(snapshot::Section::node_details, offsetof(NodeDetails, description), huge)
                .find("section node_details points outside"),
            std::string::npos);
  EXPECT_NE(damaged(snapshot::Section::edges, offsetof(EdgeRow, target), huge)
                .find("section edges points outside"),
            std::string::npos);
  EXPECT_NE(damaged(snapshot::Section::edges, offsetof(EdgeRow, type), 0xfff0)
                .find("a relationship has a type"),
            std::string::npos);
  EXPECT_NE(damaged(snapshot::Section::out_start, sizeof(EdgeId), huge)
                .find("section out_start points outside"),
            std::string::npos);
  EXPECT_NE(damaged(snapshot::Section::in_other, 0, huge).find("section in_other points outside"),
            std::string::npos);
  EXPECT_NE(
      damaged(snapshot::Section::name_index, 0, huge).find("section name_index points outside"),
      std::string::npos);
  EXPECT_NE(damaged(snapshot::Section::claims, offsetof(ClaimRecord, authoritative), 7)
                .find("invalid flag"),
            std::string::npos);
}

// A file jurigraph wrote before the counts were stored (tests/data/snapshot/version-1.jg, built
// from version-1.json beside it by the version-1 writer) is named by its version, with what to do.
TEST_F(Snapshot, AVersionOneFileIsRefusedByItsVersion) {
  const fs::path v1 = fs::path(JURIGRAPH_TEST_DATA) / "snapshot" / "version-1.jg";
  const std::string why = refusal(v1);
  EXPECT_NE(why.find("snapshot format version 1, this jurigraph reads version " +
                     std::to_string(snapshot::kVersion) +
                     "; rebuild it with `jurigraph build DATASETS… -o FILE`"),
            std::string::npos)
      << why;
}

TEST_F(Snapshot, AFailedWriteLeavesThePreviousFile) {
  const fs::path p = written(seeds());
  const std::string before = read_bytes(p);
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  const bool can_still_write = ::access(dir_.c_str(), W_OK) == 0;  // root ignores permissions
  if (!can_still_write) {
    EXPECT_THROW(write_snapshot(seeds(), p.string()), Error);
    EXPECT_EQ(read_bytes(p), before);
  }
  fs::permissions(dir_, fs::perms::owner_all);
  EXPECT_THROW(write_snapshot(seeds(), (dir_ / "no-such-folder" / "g.jg").string()), Error);
  // A write that fails only at its rename (the target is a folder), even for root.
  fs::create_directories(dir_ / "taken.jg" / "inside");
  EXPECT_THROW(write_snapshot(seeds(), (dir_ / "taken.jg").string()), Error);
  EXPECT_TRUE(fs::is_directory(dir_ / "taken.jg" / "inside"));
  fs::remove_all(dir_ / "taken.jg");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_))
    ++files;
  EXPECT_EQ(files, 1u) << "no temporary file left";
}

}  // namespace
}  // namespace jurigraph::graph
