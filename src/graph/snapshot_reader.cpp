// Opening a graph snapshot: every check before the first read of the data, so that a foreign,
// truncated, corrupt or other-version file is refused with its reason instead of crashing later.
#include <algorithm>
#include <array>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <memory>
#include <numeric>
#include <optional>
#include <thread>
#include <type_traits>

#include "base/diagnostic.hpp"
#include "base/mapped_file.hpp"
#include "graph/relation_counts.hpp"
#include "graph/snapshot.hpp"
#include "graph/snapshot_checksum.hpp"
#include "graph/snapshot_format.hpp"

namespace jurigraph::graph {
namespace {

using namespace snapshot;

[[noreturn]] void refuse(const MappedFile& file, const std::string& why) {
  throw Error(Location(file.path()), "cannot open the graph snapshot: " + why);
}

std::string rebuild_hint() {
  return "; rebuild it with `jurigraph build DATASETS… -o FILE`";
}

// Reads the relation types section (see encode_relation_types in snapshot_writer.cpp).
class TypeReader {
 public:
  TypeReader(const MappedFile& file, std::span<const std::byte> bytes)
      : file_(file), bytes_(bytes) {}

  std::vector<RelationType> read() {
    std::vector<RelationType> types(count());
    for (RelationType& t : types) {
      t.name = text();
      t.description = text();
      t.builtin = byte() != 0;
      t.from = labels();
      t.to = labels();
    }
    if (at_ != bytes_.size())
      refuse(file_, "the relation types section has trailing bytes");
    return types;
  }

 private:
  void need(std::size_t n) {
    if (bytes_.size() - at_ < n)
      refuse(file_, "the relation types section is cut short");
  }
  uint32_t u32() {
    need(4);
    uint32_t v;
    std::memcpy(&v, bytes_.data() + at_, 4);
    at_ += 4;
    return v;
  }
  // A number of items that follow: each takes at least a byte, so a count beyond the bytes left
  // is refused before anything is allocated for it.
  uint32_t count() {
    const uint32_t n = u32();
    need(n);
    return n;
  }
  uint8_t byte() {
    need(1);
    return static_cast<uint8_t>(bytes_[at_++]);
  }
  std::string text() {
    const uint32_t n = count();
    std::string s(reinterpret_cast<const char*>(bytes_.data() + at_), n);
    at_ += n;
    return s;
  }
  std::vector<Label> labels() {
    std::vector<Label> out(count());
    for (Label& l : out) {
      const uint8_t b = byte();
      if (b >= kLabelCount)
        refuse(file_, "a relation type names an unknown label");
      l = static_cast<Label>(b);
    }
    return out;
  }

  const MappedFile& file_;
  std::span<const std::byte> bytes_;
  std::size_t at_ = 0;
};

// The checks behind the checksums: every reference a record holds lies inside the section it
// points into, every enum and flag has a value the code knows, and the row and label offsets
// grow. They run on the bytes the checksum pass has just copied (verify_sections), so they cost
// no page of the mapping: an opened snapshot stays resident only where queries go.
class RecordCheck {
 public:
  explicit RecordCheck(const std::vector<SectionEntry>& entries) : entries_(entries) {}

  // The state one section carries from piece to piece.
  struct Carry {
    uint64_t previous = 0;  // the last row or label offset
    uint32_t max_type = 0;  // the largest relation type id seen
    std::string error;      // the first reason found, empty while the section is sound
  };

  // Checks the records of section `s` in `piece`, which holds whole records.
  void check(Section s, std::span<const std::byte> piece, Carry& c) const {
    switch (s) {
      case Section::nodes:
        return each<NodeRow>(s, piece, c, [&](const NodeRow& r) {
          return strs({r.id, r.name, r.kind, r.currency}) && in(r.sources, Section::source_refs) &&
                 (r.details == kNoNodeDetails || id(r.details, Section::node_details)) &&
                 label(r.label);
        });
      case Section::node_details:
        return each<NodeDetails>(s, piece, c, [&](const NodeDetails& r) {
          return strs({r.country, r.description, r.number, r.summary}) &&
                 in(r.aliases, Section::string_refs) && in(r.identifiers, Section::identifiers) &&
                 in(r.properties, Section::properties) && in(r.claims, Section::claims);
        });
      case Section::edges:
        return each<EdgeRow>(s, piece, c, [&](const EdgeRow& r) {
          c.max_type = std::max<uint32_t>(c.max_type, r.type);
          return id(r.source, Section::nodes) && id(r.target, Section::nodes) &&
                 id(r.details, Section::edge_details);
        });
      case Section::edge_details:
        return each<EdgeDetails>(s, piece, c, [&](const EdgeDetails& r) {
          return in(r.properties, Section::properties) && in(r.sources, Section::source_refs) &&
                 in(r.claims, Section::claims);
        });
      case Section::sources:
        return each<SourceRecord>(s, piece, c, [&](const SourceRecord& r) {
          return strs({r.url, r.title, r.publisher, r.note}) &&
                 static_cast<uint8_t>(r.kind) <= static_cast<uint8_t>(SourceKind::database);
        });
      case Section::source_refs:
        return each<uint32_t>(s, piece, c, [&](uint32_t r) { return id(r, Section::sources); });
      case Section::string_refs:
        return each<StrRef>(s, piece, c, [&](StrRef r) { return str(r); });
      case Section::identifiers:
        return each<IdentifierRecord>(s, piece, c, [&](const IdentifierRecord& r) {
          return strs({r.scheme, r.value});
        });
      case Section::properties:
        return each<PropertyRecord>(s, piece, c, [&](const PropertyRecord& r) {
          return strs({r.key, r.text}) &&
                 static_cast<uint8_t>(r.kind) <= static_cast<uint8_t>(ValueKind::boolean);
        });
      case Section::claims:
        return each<ClaimRecord>(s, piece, c, [&](const ClaimRecord& r) {
          return strs({r.property, r.value, r.origin, r.note}) &&
                 in(r.sources, Section::source_refs);
        });
      case Section::labels:
        return each<Label>(s, piece, c, [&](Label r) { return label(r); });
      case Section::out_start:
      case Section::in_start:
        return each<EdgeId>(s, piece, c, [&](EdgeId r) { return grows(r, c, Section::edges); });
      case Section::label_start:
        return each<uint32_t>(s, piece, c, [&](uint32_t r) { return grows(r, c, Section::nodes); });
      case Section::out_other:
      case Section::in_other:
      case Section::label_nodes:
        return each<VertexId>(s, piece, c, [&](VertexId r) { return id(r, Section::nodes); });
      case Section::out_edges:
      case Section::in_edges:
        return each<EdgeBundle>(s, piece, c, [&](const EdgeBundle& r) {
          c.max_type = std::max<uint32_t>(c.max_type, r.type);
          return id(r.id, Section::edges);
        });
      case Section::name_index:
        return each<NameKey>(s, piece, c, [&](const NameKey& r) {
          return str(r.folded) && id(r.vertex, Section::nodes);
        });
      default:  // strings, relation_types (read by TypeReader), relation_counts
        return;
    }
  }

 private:
  // Calls `ok` on each record of the piece (copied out: the piece keeps no alignment) and notes
  // the first that fails. A section of another record size is left to get<T>, which names it.
  template <typename T, typename Ok>
  void each(Section s, std::span<const std::byte> piece, Carry& c, Ok ok) const {
    if (!c.error.empty() || entry(s).element_size != sizeof(T))
      return;
    for (std::size_t at = 0; at + sizeof(T) <= piece.size(); at += sizeof(T)) {
      T r;
      std::memcpy(&r, piece.data() + at, sizeof r);
      if constexpr (std::is_same_v<T, ClaimRecord>) {
        // A bool of another byte than 0 or 1 is undefined behaviour to read.
        if (static_cast<uint8_t>(piece[at + offsetof(ClaimRecord, authoritative)]) > 1) {
          c.error = "a record of section claims holds an invalid flag";
          return;
        }
      }
      if (!ok(r)) {
        c.error = "a record of section " + std::string(section_name(s)) +
                  " points outside the section it refers to, or holds an unknown value";
        return;
      }
    }
  }

  const SectionEntry& entry(Section s) const { return entries_[static_cast<uint32_t>(s) - 1]; }
  uint64_t count(Section s) const { return entry(s).count; }

  bool str(StrRef r) const { return uint64_t{r.offset} + r.length <= count(Section::strings); }
  bool strs(std::initializer_list<StrRef> refs) const {
    return std::all_of(refs.begin(), refs.end(), [&](StrRef r) { return str(r); });
  }
  bool in(Range r, Section s) const { return uint64_t{r.begin} + r.count <= count(s); }
  bool id(uint64_t i, Section s) const { return i < count(s); }
  static bool label(Label l) { return static_cast<uint8_t>(l) < kLabelCount; }
  bool grows(uint64_t v, Carry& c, Section s) const {
    if (v < c.previous || v > count(s))
      return false;
    c.previous = v;
    return true;
  }

  const std::vector<SectionEntry>& entries_;
};

class SnapshotReader {
 public:
  explicit SnapshotReader(std::shared_ptr<const MappedFile> file) : file_(std::move(file)) {}

  Graph read() {
    read_header();
    read_directory();
    GraphArrays a;
    const std::span<const char> strings = get<char>(Section::strings);
    a.strings = std::string_view(strings.data(), strings.size());
    a.nodes = get<NodeRow>(Section::nodes);
    a.node_details = get<NodeDetails>(Section::node_details);
    a.edges = get<EdgeRow>(Section::edges);
    a.edge_details = get<EdgeDetails>(Section::edge_details);
    a.sources = get<SourceRecord>(Section::sources);
    a.source_refs = get<uint32_t>(Section::source_refs);
    a.string_refs = get<StrRef>(Section::string_refs);
    a.identifiers = get<IdentifierRecord>(Section::identifiers);
    a.properties = get<PropertyRecord>(Section::properties);
    a.claims = get<ClaimRecord>(Section::claims);
    a.labels = get<Label>(Section::labels);
    a.out_start = get<EdgeId>(Section::out_start);
    a.out_other = get<VertexId>(Section::out_other);
    a.out_edges = get<EdgeBundle>(Section::out_edges);
    a.in_start = get<EdgeId>(Section::in_start);
    a.in_other = get<VertexId>(Section::in_other);
    a.in_edges = get<EdgeBundle>(Section::in_edges);
    a.label_nodes = get<VertexId>(Section::label_nodes);
    const std::span<const uint32_t> label_start = get<uint32_t>(Section::label_start);
    a.name_index = get<NameKey>(Section::name_index);
    check_shape(a, label_start);
    std::copy(label_start.begin(), label_start.end(), a.label_start.begin());
    std::vector<RelationType> types = TypeReader(*file_, bytes(Section::relation_types)).read();
    a.relation_counts = get<uint64_t>(Section::relation_counts);
    check_relation_counts(a, types.size());
    if (!a.edges.empty() && max_type_ >= types.size())
      refuse(file(), "a relationship has a type the relation_types section does not hold");
    return Graph::over(a, std::move(types), file_);
  }

 private:
  const MappedFile& file() const { return *file_; }

  void read_header() {
    const std::span<const std::byte> all = file().bytes();
    if (all.size() < kMagic.size() || std::memcmp(all.data(), kMagic.data(), kMagic.size()) != 0)
      refuse(file(), "not a jurigraph snapshot (it does not start with \"JURIGRPH\")");
    if (all.size() < sizeof(Header))
      refuse(file(), "truncated: " + std::to_string(all.size()) + " bytes, not even a header");
    std::memcpy(&header_, all.data(), sizeof header_);
    if (header_.byte_order != kByteOrderMark)
      refuse(file(), "written on a machine of the other byte order" + rebuild_hint());
    // The version before the header's checksum: another version may lay out the rest of the
    // header otherwise, and must be named as such, not as corrupt.
    if (header_.version != kVersion) {
      refuse(file(), "snapshot format version " + std::to_string(header_.version) +
                         ", this jurigraph reads version " + std::to_string(kVersion) +
                         rebuild_hint());
    }
    if (header_.header_checksum != checksum(&header_, offsetof(Header, header_checksum)))
      refuse(file(), "the header's checksum does not match: the file is corrupt" + rebuild_hint());
    if (header_.file_size != all.size()) {
      refuse(file(), (all.size() < header_.file_size ? "truncated: " : "has extra bytes: ") +
                         std::to_string(all.size()) + " bytes where the header says " +
                         std::to_string(header_.file_size) + rebuild_hint());
    }
    if (header_.section_count != kSectionCount)
      refuse(file(), "the header lists " + std::to_string(header_.section_count) +
                         " sections, version " + std::to_string(kVersion) + " has " +
                         std::to_string(kSectionCount));
  }

  void read_directory() {
    const std::span<const std::byte> all = file().bytes();
    const std::size_t size = kSectionCount * sizeof(SectionEntry);
    if (all.size() - sizeof(Header) < size)
      refuse(file(), "truncated inside the section directory");
    entries_.resize(kSectionCount);
    std::memcpy(entries_.data(), all.data() + sizeof(Header), size);
    if (checksum(entries_.data(), size) != header_.directory_checksum)
      refuse(file(), "the section directory's checksum does not match: the file is corrupt");
    for (uint32_t i = 0; i < kSectionCount; ++i) {
      const SectionEntry& e = entries_[i];
      if (e.id != i + 1)
        refuse(file(), "section " + std::to_string(i + 1) + " is missing from the directory");
      const std::string name(section_name(static_cast<Section>(e.id)));
      if (e.offset % kAlignment != 0 || e.offset > all.size() || e.element_size == 0 ||
          e.count > (all.size() - e.offset) / e.element_size)
        refuse(file(), "section " + name + " lies outside the file");
    }
    verify_sections();
  }

  // Every byte of data is checked before it is read, so a damaged file is refused instead of
  // crashing a command later. Hashing is the cost of opening, and how the bytes reach the hash
  // is most of it: they are copied with pread into a small buffer per thread (it stays in the
  // L2 cache between the copy and the hash) instead of being read through the mapping, whose
  // page faults cost several times the copy (measured at 1M decisions: README, "Snapshots").
  // The mapping is left untouched, so an opened snapshot is resident only where queries go.
  // The bytes checked are those the mapping shows, since the same open file is read and
  // `jurigraph build` replaces a snapshot by renaming a new file over it, never in place.
  // The sections are shared among up to kThreads threads (the machines measured have two
  // cores; more were not measured), largest first, each to the thread with the least work.
  void verify_sections() {
    static constexpr std::size_t kThreads = 2;
    static constexpr std::size_t kBuffer = std::size_t{256} << 10;
    std::vector<uint32_t> order(kSectionCount);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return length(entries_[a]) > length(entries_[b]); });
    const std::size_t threads =
        std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, kThreads);
    std::vector<std::vector<uint32_t>> share(threads);
    std::vector<std::size_t> load(threads, 0);
    for (const uint32_t i : order) {
      const std::size_t t = std::min_element(load.begin(), load.end()) - load.begin();
      share[t].push_back(i);
      load[t] += length(entries_[i]);
    }
    // One byte per section, not vector<bool>'s bits: the threads set theirs concurrently.
    std::vector<uint8_t> bad(kSectionCount, 0);
    std::vector<RecordCheck::Carry> carry(kSectionCount);
    const RecordCheck records(entries_);
    std::vector<std::exception_ptr> failed(threads);
    auto check = [&](std::size_t t) {
      try {
        std::vector<std::byte> buffer(kBuffer);
        for (const uint32_t i : share[t]) {
          const SectionEntry& e = entries_[i];
          // Whole records in each piece, for the record checks.
          const std::size_t step = std::max<std::size_t>(kBuffer / e.element_size, 1) *
                                   std::min<std::size_t>(e.element_size, kBuffer);
          StreamingChecksum sum;
          for (std::size_t at = 0; at < length(e); at += step) {
            const std::span<std::byte> piece(buffer.data(), std::min(step, length(e) - at));
            file().read(e.offset + at, piece);
            sum.update(piece.data(), piece.size());
            records.check(static_cast<Section>(e.id), piece, carry[i]);
          }
          bad[i] = sum.digest() != e.checksum;
        }
      } catch (...) {
        failed[t] = std::current_exception();
      }
    };
    {
      std::vector<std::jthread> helpers;
      for (std::size_t t = 1; t < threads; ++t)
        helpers.emplace_back(check, t);
      check(0);
    }
    for (const std::exception_ptr& e : failed) {
      if (e)
        std::rethrow_exception(e);
    }
    for (uint32_t i = 0; i < kSectionCount; ++i) {
      if (bad[i])
        refuse(file(), "the checksum of section " +
                           std::string(section_name(static_cast<Section>(i + 1))) +
                           " does not match: the file is corrupt" + rebuild_hint());
    }
    for (uint32_t i = 0; i < kSectionCount; ++i) {
      if (!carry[i].error.empty())
        refuse(file(), carry[i].error + ": the file is corrupt" + rebuild_hint());
      max_type_ = std::max(max_type_, carry[i].max_type);
    }
  }

  static std::size_t length(const SectionEntry& e) { return e.count * e.element_size; }

  std::span<const std::byte> bytes(Section s) const {
    const SectionEntry& e = entries_[static_cast<uint32_t>(s) - 1];
    return file().bytes().subspan(e.offset, length(e));
  }

  template <typename T>
  std::span<const T> get(Section s) const {
    const SectionEntry& e = entries_[static_cast<uint32_t>(s) - 1];
    if (e.element_size != sizeof(T))
      refuse(file(), "section " + std::string(section_name(s)) + " has records of " +
                         std::to_string(e.element_size) + " bytes, this jurigraph reads " +
                         std::to_string(sizeof(T)));
    const std::span<const std::byte> b = bytes(s);
    return {reinterpret_cast<const T*>(b.data()), static_cast<std::size_t>(e.count)};
  }

  // What the graph's accessors rely on without checking per call: every array sized to the node
  // and edge counts, and the row and label offsets ending where the arrays end.
  void check_shape(const GraphArrays& a, std::span<const uint32_t> label_start) const {
    const std::size_t n = a.nodes.size(), m = a.edges.size();
    const bool sizes = a.labels.size() == n && a.out_start.size() == n + 1 &&
                       a.in_start.size() == n + 1 && a.out_other.size() == m &&
                       a.out_edges.size() == m && a.in_other.size() == m &&
                       a.in_edges.size() == m && a.label_nodes.size() == n &&
                       label_start.size() == kLabelCount + 1;
    if (!sizes)
      refuse(file(), "its sections do not agree on the number of nodes and edges");
    if (a.out_start.front() != 0 || a.out_start.back() != m || a.in_start.front() != 0 ||
        a.in_start.back() != m || label_start.front() != 0 || label_start.back() != n)
      refuse(file(), "its adjacency offsets do not span the edges");
  }

  // The planner reads the counts by label and type without checking per call.
  void check_relation_counts(const GraphArrays& a, std::size_t type_count) const {
    const RelationCountLayout layout{type_count};
    if (a.relation_counts.size() != layout.size())
      refuse(file(), "the relation_counts section does not match the relation types");
    if (a.relation_counts[layout.index(true, 0, 0)] != a.edges.size() ||
        a.relation_counts[layout.index(false, 0, 0)] != a.edges.size())
      refuse(file(), "the relation_counts section does not count every relationship");
  }

  std::shared_ptr<const MappedFile> file_;
  Header header_{};
  std::vector<SectionEntry> entries_;
  uint32_t max_type_ = 0;  // the largest relation type id of edges and bundles
};

}  // namespace

std::string_view snapshot::section_name(Section s) {
  static constexpr std::array<std::string_view, kSectionCount> kNames = {
      "strings",         "nodes",        "edges",       "sources",    "source_refs",
      "string_refs",     "identifiers",  "properties",  "claims",     "labels",
      "out_start",       "out_other",    "out_edges",   "in_start",   "in_other",
      "in_edges",        "label_nodes",  "label_start", "name_index", "relation_types",
      "relation_counts", "edge_details", "node_details"};
  const auto i = static_cast<uint32_t>(s);
  return i >= 1 && i <= kSectionCount ? kNames[i - 1] : "unknown";
}

Graph open_snapshot(const std::string& path) {
  return SnapshotReader(std::make_shared<const MappedFile>(path)).read();
}

}  // namespace jurigraph::graph
