// Writing a graph snapshot: sections of canonical record bytes (padding zeroed, so the same
// graph always gives the same file), each checksummed, behind a header and a directory.
#include <array>
#include <cstddef>
#include <cstring>
#include <functional>
#include <ostream>
#include <type_traits>
#include <vector>

#include "base/atomic_file.hpp"
#include "graph/relation_counts.hpp"
#include "graph/snapshot.hpp"
#include "graph/snapshot_checksum.hpp"
#include "graph/snapshot_format.hpp"

namespace jurigraph::graph {
namespace {

using namespace snapshot;
using ChunkFn = std::function<void(std::span<const std::byte>)>;

// A record's bytes with the padding between fields zeroed: the file must not depend on what
// happened to be in memory there.
template <typename T>
class Canonical {
 public:
  template <typename F>
  void put(std::size_t offset, const F& field) {
    std::memcpy(bytes_.data() + offset, &field, sizeof field);
  }
  const std::byte* data() const { return bytes_.data(); }

 private:
  std::array<std::byte, sizeof(T)> bytes_{};
};

#define JURIGRAPH_PUT(field) c.put(offsetof(std::remove_cvref_t<decltype(r)>, field), r.field)

void put_fields(const SourceRecord& r, Canonical<SourceRecord>& c) {
  JURIGRAPH_PUT(url);
  JURIGRAPH_PUT(title);
  JURIGRAPH_PUT(publisher);
  JURIGRAPH_PUT(note);
  JURIGRAPH_PUT(date);
  JURIGRAPH_PUT(kind);
}
void put_fields(const PropertyRecord& r, Canonical<PropertyRecord>& c) {
  JURIGRAPH_PUT(key);
  JURIGRAPH_PUT(kind);
  JURIGRAPH_PUT(text);
  JURIGRAPH_PUT(integer);
  JURIGRAPH_PUT(number);
}
void put_fields(const ClaimRecord& r, Canonical<ClaimRecord>& c) {
  JURIGRAPH_PUT(property);
  JURIGRAPH_PUT(value);
  JURIGRAPH_PUT(origin);
  JURIGRAPH_PUT(note);
  JURIGRAPH_PUT(sources);
  JURIGRAPH_PUT(authoritative);
}
void put_fields(const EdgeBundle& r, Canonical<EdgeBundle>& c) {
  JURIGRAPH_PUT(id);
  JURIGRAPH_PUT(type);
}

#undef JURIGRAPH_PUT

// Types without padding are written as they are in memory.
template <typename T>
constexpr bool kPlainBytes = std::has_unique_object_representations_v<T>;
static_assert(kPlainBytes<EdgeRow> && kPlainBytes<EdgeDetails> && kPlainBytes<NodeRow> &&
              kPlainBytes<NodeDetails>);

// Hands the canonical bytes of `items` to `fn`, about a megabyte at a time.
template <typename T>
void produce(std::span<const T> items, const ChunkFn& fn) {
  if constexpr (kPlainBytes<T>) {
    fn(std::as_bytes(items));
  } else {
    constexpr std::size_t kPerChunk = (std::size_t{1} << 20) / sizeof(T) + 1;
    std::vector<std::byte> chunk;
    for (std::size_t begin = 0; begin < items.size(); begin += kPerChunk) {
      const std::size_t n = std::min(kPerChunk, items.size() - begin);
      chunk.resize(n * sizeof(T));
      for (std::size_t i = 0; i < n; ++i) {
        Canonical<T> c;
        put_fields(items[begin + i], c);
        std::memcpy(chunk.data() + i * sizeof(T), c.data(), sizeof(T));
      }
      fn(chunk);
    }
  }
}

struct SectionSource {
  Section id;
  uint32_t element_size;
  uint64_t count;
  std::function<void(const ChunkFn&)> produce;
};

template <typename T>
SectionSource section(Section id, std::span<const T> items) {
  return {id, static_cast<uint32_t>(sizeof(T)), items.size(),
          [items](const ChunkFn& fn) { produce(items, fn); }};
}

void put_u32(std::string& out, uint32_t v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
void put_text(std::string& out, std::string_view s) {
  put_u32(out, static_cast<uint32_t>(s.size()));
  out.append(s);
}
void put_labels(std::string& out, const std::vector<Label>& labels) {
  put_u32(out, static_cast<uint32_t>(labels.size()));
  for (const Label l : labels)
    out += static_cast<char>(l);
}

// count, then per type: name, description (u32 length + bytes), builtin (one byte), the FROM
// labels and the TO labels (u32 count + one byte each). Read back by snapshot_reader.cpp.
std::string encode_relation_types(const std::vector<RelationType>& types) {
  std::string out;
  put_u32(out, static_cast<uint32_t>(types.size()));
  for (const RelationType& t : types) {
    put_text(out, t.name);
    put_text(out, t.description);
    out += static_cast<char>(t.builtin ? 1 : 0);
    put_labels(out, t.from);
    put_labels(out, t.to);
  }
  return out;
}

uint64_t aligned(uint64_t offset) {
  return (offset + kAlignment - 1) / kAlignment * kAlignment;
}

void write_zeros(std::ostream& out, uint64_t n) {
  static constexpr std::array<char, kAlignment> kZeros{};
  while (n > 0) {
    const uint64_t k = std::min<uint64_t>(n, kZeros.size());
    out.write(kZeros.data(), static_cast<std::streamsize>(k));
    n -= k;
  }
}

}  // namespace

void write_snapshot(const Graph& g, const std::string& path) {
  const GraphArrays& a = g.arrays();
  const std::string types = encode_relation_types(g.relation_types());
  const RelationCounts counts(g);
  const std::vector<SectionSource> sections = {
      section(Section::strings, std::span<const char>(a.strings.data(), a.strings.size())),
      // Rows and details have no padding: written as they are in memory (kPlainBytes).
      section(Section::nodes, a.nodes),
      section(Section::edges, a.edges),
      section(Section::sources, a.sources),
      section(Section::source_refs, a.source_refs),
      section(Section::string_refs, a.string_refs),
      section(Section::identifiers, a.identifiers),
      section(Section::properties, a.properties),
      section(Section::claims, a.claims),
      section(Section::labels, a.labels),
      section(Section::out_start, a.out_start),
      section(Section::out_other, a.out_other),
      section(Section::out_edges, a.out_edges),
      section(Section::in_start, a.in_start),
      section(Section::in_other, a.in_other),
      section(Section::in_edges, a.in_edges),
      section(Section::label_nodes, a.label_nodes),
      section(Section::label_start, std::span<const uint32_t>(a.label_start)),
      section(Section::name_index, a.name_index),
      section(Section::relation_types, std::span<const char>(types.data(), types.size())),
      section(Section::relation_counts, counts.all()),
      section(Section::edge_details, a.edge_details),
      section(Section::node_details, a.node_details),
  };
  static_assert(kSectionCount == 23);

  std::vector<SectionEntry> directory;
  uint64_t offset = aligned(sizeof(Header) + kSectionCount * sizeof(SectionEntry));
  XXH3_state_t* state = XXH3_createState();
  for (const SectionSource& s : sections) {
    XXH3_64bits_reset(state);
    s.produce([&](std::span<const std::byte> chunk) {
      XXH3_64bits_update(state, chunk.data(), chunk.size());
    });
    directory.push_back(
        {static_cast<uint32_t>(s.id), s.element_size, offset, s.count, XXH3_64bits_digest(state)});
    offset = aligned(offset + s.count * s.element_size);
  }
  XXH3_freeState(state);

  Header h{};
  std::memcpy(h.magic, kMagic.data(), sizeof h.magic);
  h.version = kVersion;
  h.byte_order = kByteOrderMark;
  h.file_size = offset;
  h.section_count = kSectionCount;
  h.directory_checksum = checksum(directory.data(), directory.size() * sizeof(SectionEntry));
  h.header_checksum = checksum(&h, offsetof(Header, header_checksum));

  write_file_atomically(path, [&](std::ostream& out) {
    out.write(reinterpret_cast<const char*>(&h), sizeof h);
    out.write(reinterpret_cast<const char*>(directory.data()),
              static_cast<std::streamsize>(directory.size() * sizeof(SectionEntry)));
    uint64_t at = sizeof h + directory.size() * sizeof(SectionEntry);
    for (std::size_t i = 0; i < sections.size(); ++i) {
      write_zeros(out, directory[i].offset - at);
      sections[i].produce([&](std::span<const std::byte> chunk) {
        out.write(reinterpret_cast<const char*>(chunk.data()),
                  static_cast<std::streamsize>(chunk.size()));
      });
      at = directory[i].offset + directory[i].count * directory[i].element_size;
    }
    write_zeros(out, h.file_size - at);
  });
}

}  // namespace jurigraph::graph
