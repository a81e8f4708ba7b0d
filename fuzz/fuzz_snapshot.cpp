// libFuzzer target: the snapshot reader (graph::open_snapshot) on arbitrary bytes. A corrupt
// file must be refused with an Error, never read: a crash or a sanitizer report is a finding.
//
// Random bytes almost never carry matching XXH3 checksums, so they would only exercise the
// first checks. Unless the input's first byte is odd, this harness therefore writes the
// checksums (of the sections inside the file, the directory and the header) and the file size
// into the header before the reader sees it: the rest of the reader (section shapes, offsets,
// the relation types) is then fuzzed as a deliberately crafted file would reach it. A file that
// opens is walked entirely (fuzz::walk), so that contents accepted inconsistent show up too.
#include <cstdint>
#include <cstring>
#include <vector>

#include "base/diagnostic.hpp"
#include "fuzz_common.hpp"
#include "graph/snapshot.hpp"
#include "graph/snapshot_checksum.hpp"
#include "graph/snapshot_format.hpp"

using namespace jurigraph;
namespace snapshot = jurigraph::graph::snapshot;

namespace {

void fix_checksums(std::vector<uint8_t>& file) {
  using snapshot::Header, snapshot::SectionEntry;
  if (file.size() < sizeof(Header) + snapshot::kSectionCount * sizeof(SectionEntry))
    return;
  Header header;
  std::memcpy(&header, file.data(), sizeof header);
  std::vector<SectionEntry> entries(snapshot::kSectionCount);
  const std::size_t directory = entries.size() * sizeof(SectionEntry);
  std::memcpy(entries.data(), file.data() + sizeof(Header), directory);
  for (SectionEntry& e : entries) {
    if (e.element_size != 0 && e.offset <= file.size() &&
        e.count <= (file.size() - e.offset) / e.element_size)
      e.checksum = snapshot::checksum(file.data() + e.offset, e.count * e.element_size);
  }
  std::memcpy(file.data() + sizeof(Header), entries.data(), directory);
  header.file_size = file.size();
  header.directory_checksum = snapshot::checksum(entries.data(), directory);
  header.header_checksum = snapshot::checksum(&header, offsetof(Header, header_checksum));
  std::memcpy(file.data(), &header, sizeof header);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0)
    return 0;
  static fuzz::ScratchFile file("input.jg");
  std::vector<uint8_t> bytes(data + 1, data + size);
  if ((data[0] & 1) == 0)
    fix_checksums(bytes);
  const std::string& path = file.write(bytes.data(), bytes.size());
  try {
    const graph::Graph g = graph::open_snapshot(path);
    fuzz::walk(g);
  } catch (const Error&) {
  }
  return 0;
}
