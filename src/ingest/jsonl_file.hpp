// One JSON Lines dataset file (*.jsonl, *.ndjson): its bytes, where each record stands, and the
// translation of the JSON dataset format's pointers, which the readers and the resolver speak
// (/decisions/3/date), into a record's line and its pointer inside that line (/decision/date).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostic.hpp"
#include "ingest/dataset_file.hpp"
#include "ingest/dataset_records.hpp"

namespace jurigraph::ingest {

// Where one record is written: the byte offset of its line and the line's number (1-based).
struct RecordPlace {
  uint64_t offset = 0;
  uint32_t line = 0;
};

// The record a dataset pointer falls in and the pointer inside its line: /decisions/3/date is
// (the place of decision 3, /decision/date).
using FoundRecord = std::pair<RecordPlace, std::string>;

// The records of a run of JSON Lines by section and index, as the JSON format numbers them.
struct RecordIndex {
  std::vector<RecordPlace> entities, decisions, relations;
  // Relation types, numbered across every vocabulary line, and each one's index in its line.
  std::vector<RecordPlace> relation_types;
  std::vector<uint32_t> relation_type_item;
  std::unordered_map<std::string_view, RecordPlace> source_keys;  // the line defining each key

  std::vector<RecordPlace>& of(Section section);
  const std::vector<RecordPlace>& of(Section section) const;
  // nullopt when the pointer names no record (the file as a whole).
  std::optional<FoundRecord> find(std::string_view pointer) const;
  // For find: the place of record i of `section`, nullopt past the last.
  std::optional<RecordPlace> place(Section section, std::size_t i) const;
  uint32_t type_item(std::size_t i) const { return relation_type_item[i]; }
};

// The records of a whole file: the runs' indexes as they were read, one after the other, each
// with the lines before its run. Joined into one table, the runs' places were copied (1M
// decisions: 22 MB more at the peak of reading).
class FileRecordIndex {
 public:
  // Adds the records of the run after `line_base` lines of the file, after those added before.
  void append(RecordIndex&& run, uint32_t line_base);
  std::size_t size(Section section) const;
  std::optional<FoundRecord> find(std::string_view pointer) const;
  std::optional<RecordPlace> place(Section section, std::size_t i) const;
  uint32_t type_item(std::size_t i) const;

  std::unordered_map<std::string_view, RecordPlace> source_keys;  // the line defining each key

 private:
  struct Part {
    RecordIndex index;
    uint32_t line_base = 0;
  };
  // The part holding record i of `section`, and i within it; nullptr past the last.
  std::pair<const Part*, std::size_t> part_of(Section section, std::size_t i) const;
  std::vector<Part> parts_;
};

class JsonlFile final : public DatasetFile {
 public:
  // Reads `path`; an unreadable file is reported in `diagnostics` and `ok()` is then false.
  JsonlFile(std::string path, Diagnostics& diagnostics);
  // Text already in memory (tests); a copy is kept to show the lines as written.
  JsonlFile(std::string path, std::string text);
  JsonlFile(const JsonlFile&) = delete;
  JsonlFile& operator=(const JsonlFile&) = delete;
  ~JsonlFile() override;

  bool ok() const { return ok_; }
  const std::string& path() const override { return path_; }
  Location locate(std::string_view pointer) const override;
  Diagnostic diagnostic(Severity severity, std::string_view pointer,
                        std::string message) const override;

  // The file is not held in memory: readers copy a run of lines at a time into a buffer of
  // their own, parse it in place and keep only what the records need (1M decisions: 380 MB of
  // text, of which the records keep about a third).
  std::size_t size() const { return size_; }
  // Copies up to `length` bytes from `offset` into `out`; returns how many (fewer at the end, or
  // when the file shrank since it was opened). Safe from several threads at once.
  std::size_t read_at(uint64_t offset, char* out, std::size_t length) const;
  // Asks the kernel to start reading [offset, offset + length) into the page cache, so that a
  // read_at of it later does not wait for the disk (advise_read_ahead).
  void read_ahead(uint64_t offset, std::size_t length) const;
  // Where the line after the one holding `offset` starts: one past its '\n', or size().
  uint64_t next_line_start(uint64_t offset) const;
  // A line as it was written, before parsing in place changed it (read again from the file: only
  // diagnostics need it). Without its end of line.
  std::string original_line(uint64_t offset) const;

  // Filled by the reader once every line is read.
  FileRecordIndex& index() { return index_; }
  const FileRecordIndex& index() const { return index_; }
  // A diagnostic or location at a record found by an index, or of the whole file (nullopt).
  Diagnostic found_diagnostic(Severity severity, const std::optional<FoundRecord>& found,
                              std::string message) const;
  Location found_location(const std::optional<FoundRecord>& found) const;

  // A location at `column` (1-based, code points) of the line at `place`, with that line shown.
  Diagnostic line_diagnostic(Severity severity, RecordPlace place, std::string_view line_pointer,
                             std::string message) const;
  // Locates a pointer inside the line at `place` (a pointer of the line: /decision/date).
  Location locate_in_line(RecordPlace place, std::string_view line_pointer) const;

 private:
  std::string path_;
  int fd_ = -1;  // open for read_at; -1 for text in memory
  std::size_t size_ = 0;
  std::string pristine_;  // the text as given, for files made in memory
  bool in_memory_ = false;
  FileRecordIndex index_;
  bool ok_ = false;
};

// A view of a JSON Lines file through another index: the records one reader has read so far,
// numbered from 0, before they are merged into the file's index.
class JsonlView final : public DatasetFile {
 public:
  JsonlView(const JsonlFile& file, const RecordIndex& index) : file_(file), index_(index) {}
  const std::string& path() const override { return file_.path(); }
  Location locate(std::string_view pointer) const override;
  Diagnostic diagnostic(Severity severity, std::string_view pointer,
                        std::string message) const override;

 private:
  const JsonlFile& file_;
  const RecordIndex& index_;
};

}  // namespace jurigraph::ingest
