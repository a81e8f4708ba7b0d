// The byte layout of graph snapshots, shared by the writer and the reader. Change a record type
// of model.hpp or graph.hpp and kSnapshotVersion must change with it: the static_asserts on the
// record sizes below stop the build until it does.
#pragma once

#include <cstdint>
#include <string_view>

#include "graph/graph.hpp"

namespace jurigraph::graph::snapshot {

inline constexpr std::string_view kMagic = "JURIGRPH";  // 8 bytes, no terminator in the file
// 5: nodes as 64-byte rows whose texts and lists that most nodes of a large graph lack are in a
// section of node details (NodeRow, NodeDetails: 80 MB less at a million decisions).
// 4: the name index ordered by the hash of its keys, then by vertex (name_index.hpp), not by
// their text: a version-3 index would be searched in the wrong order.
// 3: edges as 16-byte rows whose properties, sources and claims are in a section of shared
// details (EdgeRow, EdgeDetails: a sixth smaller at a million decisions).
// 2: the planner's relationship counts (relation_counts.hpp) as a section, so that opening does
// not count them over every edge. 1: the first.
inline constexpr uint32_t kVersion = 5;
inline constexpr uint32_t kByteOrderMark = 0x01020304;  // reads 0x04030201 on the other order
inline constexpr uint64_t kAlignment = 64;              // of every section

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t byte_order;
  uint64_t file_size;
  uint32_t section_count;
  uint32_t reserved;
  uint64_t directory_checksum;  // XXH3-64 of the directory entries
  uint64_t header_checksum;     // XXH3-64 of the bytes above
};
static_assert(sizeof(Header) == 48);

struct SectionEntry {
  uint32_t id;
  uint32_t element_size;
  uint64_t offset;  // from the start of the file
  uint64_t count;   // elements
  uint64_t checksum;
};
static_assert(sizeof(SectionEntry) == 32);

// Section ids. Every one is required; their order in the file is this order.
enum class Section : uint32_t {
  strings = 1,
  nodes,
  edges,
  sources,
  source_refs,
  string_refs,
  identifiers,
  properties,
  claims,
  labels,
  out_start,
  out_other,
  out_edges,
  in_start,
  in_other,
  in_edges,
  label_nodes,
  label_start,
  name_index,
  relation_types,   // bytes: see snapshot_writer.cpp, encode_relation_types
  relation_counts,  // uint64_t, in RelationCountLayout for the relation types above
  edge_details,     // what edges' `details` index
  node_details,     // what nodes' `details` index
};
inline constexpr uint32_t kSectionCount = 23;

std::string_view section_name(Section s);

// The record layouts this version writes (x86-64, g++): a change here is a format change.
static_assert(sizeof(StrRef) == 8 && sizeof(Range) == 8);
static_assert(sizeof(NodeRow) == 64 && sizeof(NodeDetails) == 64);
static_assert(sizeof(EdgeRow) == 16);
static_assert(sizeof(EdgeDetails) == 24);
static_assert(sizeof(SourceRecord) == 40);
static_assert(sizeof(IdentifierRecord) == 16);
static_assert(sizeof(PropertyRecord) == 40);
static_assert(sizeof(ClaimRecord) == 44);
static_assert(sizeof(EdgeBundle) == 8);
static_assert(sizeof(NameKey) == 12);
static_assert(sizeof(Label) == 1);

}  // namespace jurigraph::graph::snapshot
