#include "ingest/ingest.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "ingest/dataset_reader.hpp"
#include "ingest/resolver.hpp"
#include "ingest/schema_check.hpp"

namespace jurigraph::ingest {

namespace fs = std::filesystem;

std::vector<std::string> find_dataset_files(const std::vector<std::string>& paths,
                                            Diagnostics& diagnostics) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      diagnostics.error(Location(path), "no such file or directory");
      continue;
    }
    if (fs::is_regular_file(status)) {
      files.push_back(path);
      continue;
    }
    if (!fs::is_directory(status)) {
      diagnostics.error(Location(path), "not a regular file or directory");
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec))
          it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && it->path().extension() == ".json")
        found.push_back(it->path().string());
    }
    if (ec) {
      diagnostics.error(Location(path), "cannot read directory: " + ec.message());
      continue;
    }
    if (found.empty())
      diagnostics.error(Location(path), "no dataset files (*.json) in this directory");
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  // A file named twice (directly and through its folder) is read once.
  std::vector<std::string> unique;
  for (const std::string& f : files) {
    const bool seen = std::any_of(unique.begin(), unique.end(), [&](const std::string& u) {
      std::error_code ec;
      return u == f || fs::equivalent(u, f, ec);
    });
    if (!seen)
      unique.push_back(f);
  }
  return unique;
}

LoadResult load_datasets(const std::vector<std::string>& paths, const LoadOptions& options) {
  LoadResult result;
  result.files = find_dataset_files(paths, result.diagnostics);
  const SchemaCheck schema;
  std::vector<LoadedFile> loaded;
  loaded.reserve(result.files.size());
  for (const std::string& path : result.files) {
    LoadedFile& lf = loaded.emplace_back();
    lf.file_ptr = std::make_unique<JsonFile>(path, result.diagnostics);
    if (!lf.file().ok())
      continue;
    if (!schema.check(lf.file(), result.diagnostics, options.max_errors_per_file))
      continue;
    // A file whose records have errors still takes part in one round of cross-file checks, so
    // that all its problems are reported at once.
    lf.read_errors = !read_dataset(lf.file(), lf.records, result.diagnostics);
    lf.accepted = true;
  }
  graph::GraphTables tables = resolve(loaded, result.diagnostics);
  for (const LoadedFile& lf : loaded) {
    if (!lf.accepted)
      result.rejected.push_back(lf.file().path());
  }
  result.diagnostics.sort_by_location();
  result.graph = graph::Graph::freeze(std::move(tables));
  return result;
}

}  // namespace jurigraph::ingest
