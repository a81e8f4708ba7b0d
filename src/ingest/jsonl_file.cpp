#include "ingest/jsonl_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>

#include "base/mapped_file.hpp"
#include "base/utf8.hpp"
#include "ingest/json_file.hpp"

namespace jurigraph::ingest {
namespace {

// The first token of `pointer` (without its '/') and the rest, starting with '/' or empty.
std::pair<std::string_view, std::string_view> split_first(std::string_view pointer) {
  if (pointer.empty() || pointer[0] != '/')
    return {{}, {}};
  const std::size_t next = pointer.find('/', 1);
  if (next == std::string_view::npos)
    return {pointer.substr(1), {}};
  return {pointer.substr(1, next - 1), pointer.substr(next)};
}

std::optional<std::size_t> parse_index(std::string_view token) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (ec != std::errc() || end != token.data() + token.size() || token.empty())
    return std::nullopt;
  return value;
}

std::string unescape_token(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size()) {
      out += token[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

}  // namespace

std::vector<RecordPlace>& RecordIndex::of(Section section) {
  switch (section) {
    case Section::entities:
      return entities;
    case Section::decisions:
      return decisions;
    case Section::relations:
      return relations;
    case Section::vocabulary:
      return relation_types;
  }
  return entities;
}

const std::vector<RecordPlace>& RecordIndex::of(Section section) const {
  return const_cast<RecordIndex*>(this)->of(section);
}

namespace {

// The record `pointer` falls in, in `index` (a RecordIndex or a FileRecordIndex).
template <typename Index>
std::optional<FoundRecord> find_record(const Index& index, std::string_view pointer) {
  const auto [first, rest] = split_first(pointer);
  struct Kind {
    std::string_view plural, singular;
    Section section;
  };
  const Kind kinds[] = {{"entities", "/entity", Section::entities},
                        {"decisions", "/decision", Section::decisions},
                        {"relations", "/relation", Section::relations}};
  for (const Kind& k : kinds) {
    if (first != k.plural)
      continue;
    const auto [token, inner] = split_first(rest);
    const auto i = parse_index(token);
    const std::optional<RecordPlace> place = i ? index.place(k.section, *i) : std::nullopt;
    if (!place)
      return std::nullopt;
    return FoundRecord(*place, std::string(k.singular) + std::string(inner));
  }
  if (first == "vocabulary") {
    const auto [types, after] = split_first(rest);
    const auto [token, inner] = split_first(after);
    const auto i = parse_index(token);
    const std::optional<RecordPlace> place =
        types == "relation_types" && i ? index.place(Section::vocabulary, *i) : std::nullopt;
    if (!place)
      return std::nullopt;
    return FoundRecord(*place, "/vocabulary/relation_types/" + std::to_string(index.type_item(*i)) +
                                   std::string(inner));
  }
  if (first == "sources") {
    const auto [token, inner] = split_first(rest);
    auto it = index.source_keys.find(unescape_token(token));
    if (it == index.source_keys.end())
      return std::nullopt;
    return FoundRecord(it->second, std::string(pointer));
  }
  return std::nullopt;
}

}  // namespace

std::optional<RecordPlace> RecordIndex::place(Section section, std::size_t i) const {
  const std::vector<RecordPlace>& places = of(section);
  return i < places.size() ? std::optional(places[i]) : std::nullopt;
}

std::optional<FoundRecord> RecordIndex::find(std::string_view pointer) const {
  return find_record(*this, pointer);
}

void FileRecordIndex::append(RecordIndex&& run, uint32_t line_base) {
  parts_.push_back({std::move(run), line_base});
}

std::size_t FileRecordIndex::size(Section section) const {
  std::size_t n = 0;
  for (const Part& part : parts_)
    n += part.index.of(section).size();
  return n;
}

std::pair<const FileRecordIndex::Part*, std::size_t> FileRecordIndex::part_of(Section section,
                                                                              std::size_t i) const {
  for (const Part& part : parts_) {
    const std::size_t n = part.index.of(section).size();
    if (i < n)
      return {&part, i};
    i -= n;
  }
  return {nullptr, 0};
}

std::optional<RecordPlace> FileRecordIndex::place(Section section, std::size_t i) const {
  const auto [part, at] = part_of(section, i);
  if (part == nullptr)
    return std::nullopt;
  RecordPlace p = part->index.of(section)[at];
  p.line += part->line_base;
  return p;
}

uint32_t FileRecordIndex::type_item(std::size_t i) const {
  const auto [part, at] = part_of(Section::vocabulary, i);
  return part->index.type_item(at);
}

std::optional<FoundRecord> FileRecordIndex::find(std::string_view pointer) const {
  return find_record(*this, pointer);
}

JsonlFile::JsonlFile(std::string path, Diagnostics& diagnostics) : path_(std::move(path)) {
  auto fail = [&] {
    diagnostics.error(Location(path_), std::string("cannot read file: ") + std::strerror(errno));
  };
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    fail();
    return;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    fail();
    ::close(fd);
    return;
  }
  fd_ = fd;
  size_ = static_cast<std::size_t>(st.st_size);
  ok_ = true;
}

JsonlFile::JsonlFile(std::string path, std::string text)
    : path_(std::move(path)), pristine_(std::move(text)), in_memory_(true) {
  size_ = pristine_.size();
  ok_ = true;
}

JsonlFile::~JsonlFile() {
  if (fd_ >= 0)
    ::close(fd_);
}

std::size_t JsonlFile::read_at(uint64_t offset, char* out, std::size_t length) const {
  if (offset >= size_)
    return 0;
  length = std::min<std::size_t>(length, size_ - offset);
  if (in_memory_) {
    std::memcpy(out, pristine_.data() + offset, length);
    return length;
  }
  std::size_t done = 0;
  while (done < length) {
    const ssize_t n = ::pread(fd_, out + done, length - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;  // an error or the file shrank: what was read is all there is
    done += static_cast<std::size_t>(n);
  }
  return done;
}

void JsonlFile::read_ahead(uint64_t offset, std::size_t length) const {
  if (fd_ >= 0 && offset < size_)
    advise_read_ahead(fd_, offset, std::min<uint64_t>(length, size_ - offset));
}

uint64_t JsonlFile::next_line_start(uint64_t offset) const {
  char window[64 * 1024];
  while (offset < size_) {
    const std::size_t n = read_at(offset, window, sizeof window);
    if (n == 0)
      break;
    if (const void* nl = std::memchr(window, '\n', n))
      return offset + static_cast<uint64_t>(static_cast<const char*>(nl) - window) + 1;
    offset += n;
  }
  return size_;
}

std::string JsonlFile::original_line(uint64_t offset) const {
  std::string line;
  if (in_memory_) {
    if (offset > pristine_.size())
      return {};
    const std::size_t end = pristine_.find('\n', offset);
    line = pristine_.substr(offset, end == std::string::npos ? std::string::npos : end - offset);
  } else {
    std::ifstream in(path_, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(offset));
    std::getline(in, line);
  }
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
  return line;
}

namespace {

// The location of `line_pointer` in `line`, the line `place` starts, and its byte in the line.
std::pair<Location, std::size_t> locate_in(const std::string& path, RecordPlace place,
                                           std::string_view line, std::string_view line_pointer) {
  const std::size_t at = std::min(locate_json_pointer(line, line_pointer), line.size());
  const auto column = utf8::count_code_points(line.substr(0, at)) + 1;
  return {Location(path, place.line, static_cast<uint32_t>(column), std::string(line_pointer)), at};
}

}  // namespace

Location JsonlFile::locate_in_line(RecordPlace place, std::string_view line_pointer) const {
  return locate_in(path_, place, original_line(place.offset), line_pointer).first;
}

Diagnostic JsonlFile::line_diagnostic(Severity severity, RecordPlace place,
                                      std::string_view line_pointer, std::string message) const {
  const std::string line = original_line(place.offset);
  auto [where, at] = locate_in(path_, place, line, line_pointer);
  Diagnostic d{severity, std::move(where), std::move(message), {}};
  set_source_excerpt(d, line, at);
  return d;
}

Location JsonlFile::found_location(const std::optional<FoundRecord>& found) const {
  return found ? locate_in_line(found->first, found->second) : Location(path_);
}

Diagnostic JsonlFile::found_diagnostic(Severity severity, const std::optional<FoundRecord>& found,
                                       std::string message) const {
  if (!found)
    return Diagnostic{severity, Location(path_), std::move(message), {}};
  return line_diagnostic(severity, found->first, found->second, std::move(message));
}

Location JsonlFile::locate(std::string_view pointer) const {
  return found_location(index_.find(pointer));
}

Diagnostic JsonlFile::diagnostic(Severity severity, std::string_view pointer,
                                 std::string message) const {
  return found_diagnostic(severity, index_.find(pointer), std::move(message));
}

Location JsonlView::locate(std::string_view pointer) const {
  return file_.found_location(index_.find(pointer));
}

Diagnostic JsonlView::diagnostic(Severity severity, std::string_view pointer,
                                 std::string message) const {
  return file_.found_diagnostic(severity, index_.find(pointer), std::move(message));
}

}  // namespace jurigraph::ingest
