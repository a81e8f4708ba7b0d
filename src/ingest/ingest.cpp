#include "ingest/ingest.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <memory>
#include <set>
#include <system_error>
#include <thread>

#include "base/mapped_file.hpp"
#include "graph/snapshot.hpp"
#include "ingest/dataset_reader.hpp"
#include "ingest/jsonl_fast_check.hpp"
#include "ingest/jsonl_file.hpp"
#include "ingest/jsonl_reader.hpp"
#include "ingest/progress.hpp"
#include "ingest/resolver.hpp"
#include "ingest/schema_check.hpp"
#include "ingest/snapshot_dataset.hpp"

namespace jurigraph::ingest {

namespace fs = std::filesystem;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

bool is_jsonl_extension(const std::string& extension) {
  return extension == ".jsonl" || extension == ".ndjson";
}

bool is_dataset_extension(const std::string& extension) {
  return extension == ".json" || is_jsonl_extension(extension);
}

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
      if (it->is_regular_file(ec) && is_dataset_extension(it->path().extension().string()))
        found.push_back(it->path().string());
    }
    if (ec) {
      diagnostics.error(Location(path), "cannot read directory: " + ec.message());
      continue;
    }
    if (found.empty())
      diagnostics.error(Location(path),
                        "no dataset files (*.json, *.jsonl, *.ndjson) in this directory");
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  // A file named twice (directly and through its folder, or by two links) is read once, under
  // its first name: the files are told apart by device and inode, as fs::equivalent does.
  // Compared pairwise with it, a folder of 3,000 files took 18 s of calls to stat.
  std::vector<std::string> unique;
  std::set<std::pair<dev_t, ino_t>> seen_files;
  std::set<std::string> seen_names;  // of the files stat cannot tell (reading will say why)
  for (const std::string& f : files) {
    struct stat st {};
    const bool first = ::stat(f.c_str(), &st) == 0 ? seen_files.emplace(st.st_dev, st.st_ino).second
                                                   : seen_names.insert(f).second;
    if (first)
      unique.push_back(f);
  }
  // One canonical order whatever the command line's: the resolver merges a node's definitions
  // (and keeps the first of duplicates) in file order, so `build b.json a.json` must read what
  // `build a.json b.json` reads, or the snapshot and every export could differ. The key is the
  // absolute path (a file named `./a.json` or `a.json` sorts alike); the paths stay as given,
  // for the diagnostics.
  std::vector<std::pair<std::string, std::string>> keyed;
  keyed.reserve(unique.size());
  for (std::string& f : unique) {
    std::error_code ec;
    fs::path key = fs::weakly_canonical(f, ec);
    keyed.emplace_back(ec ? f : key.string(), std::move(f));
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t k = 0; k < keyed.size(); ++k)
    unique[k] = std::move(keyed[k].second);
  return unique;
}

namespace {

// One file read: its entries for the resolver (a JSON Lines file's parts, in order) and what
// reading it said.
struct FileRead {
  std::vector<LoadedFile> parts;
  Diagnostics diagnostics;
  std::exception_ptr failed;
};

// What every file's reading shares: the schema checks (thread-safe) and the options.
struct ReadContext {
  const SchemaCheck& schema;
  const FastSchemaCheck* fast;  // made when there are JSON Lines files
  const LoadOptions& options;
};

void read_jsonl_file(const std::string& path, const ReadContext& context,
                     const JsonlReadOptions& jsonl, FileRead& read) {
  auto file = std::make_shared<JsonlFile>(path, read.diagnostics);
  if (!file->ok()) {
    read.parts.emplace_back().file_ptr = file;
    return;
  }
  // Lines with errors are left out; the rest take part in one round of cross-file checks.
  std::vector<FileRecords> parts;
  const bool read_errors =
      !read_jsonl(*file, context.schema, *context.fast, parts, read.diagnostics, jsonl);
  // One entry per part, the first one even without records (see LoadedFile::continues).
  for (std::size_t p = 0; p < std::max<std::size_t>(parts.size(), 1); ++p) {
    LoadedFile& part = read.parts.emplace_back();
    part.file_ptr = file;
    if (p < parts.size())
      part.records = std::move(parts[p]);
    part.continues = p > 0;
    part.read_errors = read_errors;
    part.accepted = true;
  }
}

void read_json_file(const std::string& path, const ReadContext& context, FileRead& read) {
  LoadedFile& lf = read.parts.emplace_back();
  auto file = std::make_unique<JsonFile>(path, read.diagnostics);
  const JsonFile& jf = *file;
  lf.file_ptr = std::move(file);
  if (!jf.ok() || !context.schema.check(jf, read.diagnostics, context.options.max_errors_per_file))
    return;
  // A file whose records have errors still takes part in one round of cross-file checks, so
  // that all its problems are reported at once.
  lf.read_errors = !read_dataset(jf, lf.records, read.diagnostics);
  lf.accepted = true;
}

bool is_jsonl_path(const std::string& path) {
  return is_jsonl_extension(fs::path(path).extension().string());
}

// A JSON Lines file this large is cut into runs that every thread reads (read_jsonl); smaller
// ones, and JSON documents (parsed on one core), are read a file a thread.
constexpr uint64_t kReadAloneBytes = uint64_t{4} << 20;

// Reads, parses, validates and reads the records of each file, appending its entries to
// `loaded` (the files that cannot be read or fail the schema are not accepted).
void read_dataset_files(const std::vector<std::string>& files, std::vector<LoadedFile>& loaded,
                        Diagnostics& diagnostics, const LoadOptions& options) {
  const SchemaCheck schema;
  std::vector<uint64_t> sizes(files.size(), 0);
  uint64_t jsonl_bytes = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    sizes[i] = fs::file_size(files[i], ec);
    if (ec)
      sizes[i] = 0;  // reading it says why
    if (is_jsonl_path(files[i]))
      jsonl_bytes += sizes[i];
  }
  const bool any_jsonl = std::any_of(files.begin(), files.end(), is_jsonl_path);
  const auto fast =
      any_jsonl ? std::make_unique<FastSchemaCheck>(schema.line_schema_document()) : nullptr;
  const ReadContext context{schema, fast.get(), options};
  std::unique_ptr<Progress> progress;
  if (options.progress != nullptr && jsonl_bytes > 0)
    progress = std::make_unique<Progress>(*options.progress, jsonl_bytes);
  const unsigned threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  JsonlReadOptions jsonl;
  jsonl.max_errors = options.max_errors_per_file;
  jsonl.threads = threads;
  jsonl.progress = progress.get();
  if (options.jsonl_chunk_bytes != 0)
    jsonl.chunk_bytes = options.jsonl_chunk_bytes;

  // Each file is read into its own FileRead, and the results are joined in the files' order:
  // the diagnostics and the entries are the serial ones whatever the threads.
  std::vector<FileRead> reads(files.size());
  std::vector<std::size_t> one_a_thread, alone;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const bool cut_in_runs = is_jsonl_path(files[i]) && sizes[i] >= kReadAloneBytes;
    (cut_in_runs && threads > 1 ? alone : one_a_thread).push_back(i);
  }
  const auto read_one = [&](std::size_t i, const JsonlReadOptions& options_here) {
    try {
      if (is_jsonl_path(files[i]))
        read_jsonl_file(files[i], context, options_here, reads[i]);
      else
        read_json_file(files[i], context, reads[i]);
    } catch (...) {
      reads[i].failed = std::current_exception();
    }
  };
  {
    // The workers take the files in turn; this thread draws the progress meanwhile.
    const auto workers = static_cast<unsigned>(std::min<std::size_t>(threads, one_a_thread.size()));
    JsonlReadOptions one_thread = jsonl;
    one_thread.threads = 1;
    one_thread.draw_progress = workers <= 1;
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
      for (std::size_t k = next++; k < one_a_thread.size(); k = next++)
        read_one(one_a_thread[k], one_thread);
    };
    run_drawing_progress(workers, work, progress.get());
  }
  for (const std::size_t i : alone)
    read_one(i, jsonl);

  loaded.reserve(loaded.size() + files.size());
  for (FileRead& read : reads) {
    if (read.failed)
      std::rethrow_exception(read.failed);
    diagnostics.append(read.diagnostics);
    for (LoadedFile& part : read.parts)
      loaded.push_back(std::move(part));
  }
  if (progress)
    progress->finish();
}

// The records of a snapshot copy every section of it but the strings, which they view: those
// pages can go back to the page cache before the resolver's tables grow (1M decisions: some
// 500 MB of the peak). `g` must read a snapshot's mapping (see release_file_pages).
void release_copied_sections(const graph::Graph& g) {
  const graph::GraphArrays& a = g.arrays();
  auto release = [](auto span) { release_file_pages(std::as_bytes(span)); };
  release(a.nodes);
  release(a.edges);
  release(a.sources);
  release(a.source_refs);
  release(a.string_refs);
  release(a.identifiers);
  release(a.properties);
  release(a.claims);
  release(a.out_start);
  release(a.out_other);
  release(a.out_edges);
}

// Resolves the files read and builds the tables of those accepted; fills in `rejected`.
graph::GraphTables resolve_files(std::vector<LoadedFile>& loaded, LoadResult& result,
                                 const LoadOptions& options) {
  graph::GraphTables tables = resolve(loaded, result.diagnostics, options.threads);
  for (const LoadedFile& lf : loaded) {
    if (!lf.accepted && !lf.continues)
      result.rejected.push_back(lf.file().path());
  }
  result.diagnostics.sort_by_location();
  return tables;
}

}  // namespace

LoadResult load_datasets(const std::vector<std::string>& paths, const LoadOptions& options) {
  LoadResult result;
  auto start = std::chrono::steady_clock::now();
  result.files = find_dataset_files(paths, result.diagnostics);
  std::vector<LoadedFile> loaded;
  read_dataset_files(result.files, loaded, result.diagnostics, options);
  result.timings.read = seconds_since(start);
  start = std::chrono::steady_clock::now();
  graph::GraphTables tables = resolve_files(loaded, result, options);
  // The tables hold copies of every string: the files' text and records are not needed any more,
  // and freeing them before freezing lowers the peak.
  loaded = std::vector<LoadedFile>();
  result.timings.resolve = seconds_since(start);
  start = std::chrono::steady_clock::now();
  result.graph = graph::Graph::freeze(std::move(tables));
  result.timings.freeze = seconds_since(start);
  return result;
}

Diagnostics check_dataset_text(const std::string& name, std::string text,
                               const std::vector<std::string>& context,
                               const LoadOptions& options) {
  LoadResult result;
  const std::vector<std::string> files = find_dataset_files(context, result.diagnostics);
  std::vector<LoadedFile> loaded;
  read_dataset_files(files, loaded, result.diagnostics, options);
  LoadedFile& lf = loaded.emplace_back();
  auto file = std::make_shared<JsonFile>(name, std::move(text), result.diagnostics);
  lf.file_ptr = file;
  if (file->ok() && SchemaCheck().check(*file, result.diagnostics, options.max_errors_per_file)) {
    lf.read_errors = !read_dataset(*file, lf.records, result.diagnostics);
    lf.accepted = true;
  }
  resolve_files(loaded, result, options);
  return std::move(result.diagnostics);
}

UpdateResult update_snapshot(const std::string& snapshot, const std::vector<std::string>& paths,
                             const LoadOptions& options) {
  UpdateResult update;
  LoadResult& result = update.loaded;
  auto start = std::chrono::steady_clock::now();
  std::vector<LoadedFile> loaded;
  {
    const graph::Graph old = graph::open_snapshot(snapshot);
    update.snapshot_nodes = old.node_count();
    update.snapshot_edges = old.edge_count();
    loaded.push_back(snapshot_as_dataset(old, snapshot));  // a copy shares the mapping
    release_copied_sections(old);
  }
  const std::vector<std::string> added = find_dataset_files(paths, result.diagnostics);
  result.files.push_back(snapshot);
  result.files.insert(result.files.end(), added.begin(), added.end());
  read_dataset_files(added, loaded, result.diagnostics, options);
  result.timings.read = seconds_since(start);
  start = std::chrono::steady_clock::now();
  graph::GraphTables tables = resolve_files(loaded, result, options);
  // Only an appeal cycle closed by one of the snapshot's own edges can reject it: the graph of
  // the new files alone is then no update of it.
  update.snapshot_rejected = !loaded.front().accepted;
  loaded.clear();  // the tables hold copies: the snapshot's mapping and records can go
  result.timings.resolve = seconds_since(start);
  start = std::chrono::steady_clock::now();
  result.graph = graph::Graph::freeze(std::move(tables));
  result.timings.freeze = seconds_since(start);
  return update;
}

}  // namespace jurigraph::ingest
