// libFuzzer target: one dataset file through the loader the CLI uses (ingest::load_datasets:
// parse, validate against the schema, read the records, resolve, freeze). The first byte picks
// the format: '1' (any odd byte) a JSON Lines file, otherwise a JSON file; the rest is the file.
// Any outcome is fine but a crash, a hang or a sanitizer report; a file with errors must
// contribute no node.
#include <cstdint>
#include <cstdlib>

#include "base/diagnostic.hpp"
#include "fuzz_common.hpp"
#include "ingest/ingest.hpp"

using namespace jurigraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0)
    return 0;
  static fuzz::ScratchFile json("input.json"), jsonl("input.jsonl");
  fuzz::ScratchFile& file = (data[0] & 1) != 0 ? jsonl : json;
  const std::string& path = file.write(data + 1, size - 1);
  ingest::LoadOptions options;
  options.threads = 1;
  const ingest::LoadResult r = ingest::load_datasets({path}, options);
  if (r.diagnostics.has_errors() && r.graph.node_count() != 0)
    std::abort();  // a file with errors contributed nodes
  // Each diagnostic as the CLI prints it: the part of its line kept (set_source_excerpt) must
  // hold the window shown, on lines of any length and encoding.
  for (const Diagnostic& d : r.diagnostics.all())
    (void)format_diagnostic(d);
  return 0;
}
