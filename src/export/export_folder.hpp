// Exports that are folders (Neo4j CSV, Kuzu): every file goes into a temporary folder beside
// the target, a manifest.json lists the files with their row counts and sizes, and only then is
// the folder put in place — in one step (an atomic exchange) when it replaces an earlier export.
// On any failure the temporary folder is removed and the previous export is untouched; the
// temporary of a process killed while exporting is removed by the next export to the same path.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace jurigraph::exporter {

class ExportFolder {
 public:
  struct File {
    std::string name;
    uint64_t rows = 0;  // data rows (CSV lines after the header, statements…), 0 where none
    uint64_t bytes = 0;
  };

  // Writes `name` in the folder: `write` fills the stream and returns its row count.
  void file(const std::string& name, const std::function<uint64_t(std::ostream&)>& write);
  // Makes `name` executable by its owner (and whoever may read it), as a script should be.
  void make_executable(const std::string& name) const;
  const std::vector<File>& files() const { return files_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  friend void write_export_folder(const std::string&, const std::string&,
                                  const std::function<void(ExportFolder&)>&);
  explicit ExportFolder(std::filesystem::path p) : path_(std::move(p)) {}
  std::filesystem::path path_;
  std::vector<File> files_;
};

// Creates the export of `format` at `path` through `fill`, then writes manifest.json
// ({"format", "files": [{"name", "rows", "bytes"}…]}) and puts the folder in place. `path` must
// not exist, or be an earlier export (a folder with a manifest.json); anything else is refused
// rather than overwritten.
void write_export_folder(const std::string& path, const std::string& format,
                         const std::function<void(ExportFolder&)>& fill);

}  // namespace jurigraph::exporter
