#include "ingest/jsonl_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>

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

std::optional<std::pair<RecordPlace, std::string>> RecordIndex::find(
    std::string_view pointer) const {
  const auto [first, rest] = split_first(pointer);
  struct Kind {
    std::string_view plural, singular;
    const std::vector<RecordPlace>* places;
  };
  const Kind kinds[] = {{"entities", "/entity", &entities},
                        {"decisions", "/decision", &decisions},
                        {"relations", "/relation", &relations}};
  for (const Kind& k : kinds) {
    if (first != k.plural)
      continue;
    const auto [token, inner] = split_first(rest);
    const auto i = parse_index(token);
    if (!i || *i >= k.places->size())
      return std::nullopt;
    return std::make_pair((*k.places)[*i], std::string(k.singular) + std::string(inner));
  }
  if (first == "vocabulary") {
    const auto [types, after] = split_first(rest);
    const auto [token, inner] = split_first(after);
    const auto i = parse_index(token);
    if (types != "relation_types" || !i || *i >= relation_types.size())
      return std::nullopt;
    return std::make_pair(relation_types[*i], "/vocabulary/relation_types/" +
                                                  std::to_string(relation_type_item[*i]) +
                                                  std::string(inner));
  }
  if (first == "sources") {
    const auto [token, inner] = split_first(rest);
    auto it = source_keys.find(unescape_token(token));
    if (it == source_keys.end())
      return std::nullopt;
    return std::make_pair(it->second, std::string(pointer));
  }
  return std::nullopt;
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

Location JsonlFile::locate_in_line(RecordPlace place, std::string_view line_pointer) const {
  const std::string line = original_line(place.offset);
  const std::size_t at = std::min(locate_json_pointer(line, line_pointer), line.size());
  const auto column = utf8::count_code_points(std::string_view(line).substr(0, at)) + 1;
  return Location(path_, place.line, static_cast<uint32_t>(column), std::string(line_pointer));
}

Diagnostic JsonlFile::line_diagnostic(Severity severity, RecordPlace place,
                                      std::string_view line_pointer, std::string message) const {
  Diagnostic d{severity, locate_in_line(place, line_pointer), std::move(message), {}};
  d.source_line = original_line(place.offset);
  return d;
}

Location JsonlFile::locate(std::string_view pointer) const {
  return JsonlView(*this, index_).locate(pointer);
}

Diagnostic JsonlFile::diagnostic(Severity severity, std::string_view pointer,
                                 std::string message) const {
  return JsonlView(*this, index_).diagnostic(severity, pointer, std::move(message));
}

Location JsonlView::locate(std::string_view pointer) const {
  const auto found = index_.find(pointer);
  if (!found)
    return Location(file_.path());
  return file_.locate_in_line(found->first, found->second);
}

Diagnostic JsonlView::diagnostic(Severity severity, std::string_view pointer,
                                 std::string message) const {
  const auto found = index_.find(pointer);
  if (!found)
    return Diagnostic{severity, Location(file_.path()), std::move(message), {}};
  return file_.line_diagnostic(severity, found->first, found->second, std::move(message));
}

}  // namespace jurigraph::ingest
