// Shared by the libFuzzer targets: a scratch file per process for the inputs the code under test
// reads by path (datasets, snapshots), and the small fixed graph the query targets run on.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "graph/graph.hpp"

namespace jurigraph::fuzz {

// A file in a per-process folder under $TMPDIR (or /tmp), rewritten for each input and removed
// with its folder at exit. `name` gives the extension the loader dispatches on.
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& name) {
    const char* tmp = std::getenv("TMPDIR");
    dir_ = std::filesystem::path(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") /
           ("jurigraph-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / name).string();
  }
  ~ScratchFile() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  // Writes the bytes and returns the path.
  const std::string& write(const uint8_t* data, std::size_t size) {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) {
      std::perror(path_.c_str());
      std::abort();
    }
    return path_;
  }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

// Reads everything a graph holds, the way the commands do: every node and edge through the
// GraphML writer (records, strings, lists, sources, claims), the statistics (adjacency, labels,
// degrees) and a name look-up of each node (the name index).
void walk(const graph::Graph& g);

// The shipped datasets (datasets/ of the source tree), loaded once: the graph the query targets
// run on. Aborts when they do not load, which would make every run meaningless.
const graph::Graph& fixed_graph();

}  // namespace jurigraph::fuzz
