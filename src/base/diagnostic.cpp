#include "base/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include "base/utf8.hpp"

namespace jurigraph {
namespace {

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

// The first code point of the line shown for a caret after `caret` code points: long lines
// (minified JSON) are cut to a window around the column so the caret stays useful.
std::size_t first_shown(std::size_t caret) {
  return caret > kSourceWindowCodePoints / 2 ? caret - kSourceWindowCodePoints / 2 : 0;
}

}  // namespace

void set_source_excerpt(Diagnostic& d, std::string_view line, std::size_t at) {
  at = std::min(at, line.size());
  const std::size_t caret = d.where.column > 0 ? d.where.column - 1 : 0;
  // Back from `at` to the first code point shown, then on to the last: code points start at
  // bytes that are not continuation bytes, as utf8::count_code_points counts them.
  std::size_t begin = at;
  for (std::size_t back = caret - first_shown(caret); back > 0 && begin > 0; --back) {
    --begin;
    while (begin > 0 && utf8::is_continuation(line[begin]))
      --begin;
  }
  std::size_t end = begin;
  for (std::size_t n = 0; end < line.size(); ++end) {
    if (!utf8::is_continuation(line[end]) && n++ == kSourceWindowCodePoints)
      break;
  }
  d.source_line.assign(line.substr(begin, end - begin));
  // The code points before `begin`: the caret's less those between `begin` and `at`.
  const std::size_t between = utf8::count_code_points(line.substr(begin, at - begin));
  d.source_from = static_cast<uint32_t>(caret >= between ? caret - between : 0);
}

std::string format_place(const Location& where) {
  std::string out = where.file;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.column > 0)
      out += ':' + std::to_string(where.column);
  }
  return out;
}

std::string format_headline(const Diagnostic& d) {
  std::string out;
  if (!d.where.file.empty())
    out += format_place(d.where) + ": ";
  out += severity_word(d.severity);
  out += ": ";
  out += d.message;
  if (!d.where.pointer.empty())
    out += " (at " + d.where.pointer + ")";
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = format_headline(d);
  if (d.source_line.empty() || d.where.column == 0)
    return out;
  const std::size_t column = d.where.column - 1;
  // The first code point of the line shown; source_line may start there or before.
  const std::size_t first = std::max<std::size_t>(first_shown(column), d.source_from);
  const std::size_t caret = column >= first ? column - first : 0;
  std::string shown =
      utf8::substr_code_points(d.source_line, first - d.source_from, kSourceWindowCodePoints);
  for (char& c : shown) {
    if (c == '\t' || c == '\r')
      c = ' ';
  }
  out += "\n  " + shown + "\n  " + std::string(caret, ' ') + '^';
  return out;
}

Error::Error(Diagnostic d, ErrorKind kind)
    : std::runtime_error(format_headline(d)), diagnostic_(std::move(d)), kind_(kind) {}

Error::Error(Location where, std::string message, ErrorKind kind)
    : Error(Diagnostic{Severity::error, std::move(where), std::move(message), {}}, kind) {}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::error)
    ++errors_;
  if (d.severity == Severity::warning)
    ++warnings_;
  items_.push_back(std::move(d));
}

void Diagnostics::error(Location where, std::string message) {
  add(Diagnostic{Severity::error, std::move(where), std::move(message), {}});
}

void Diagnostics::warning(Location where, std::string message) {
  add(Diagnostic{Severity::warning, std::move(where), std::move(message), {}});
}

void Diagnostics::append(const Diagnostics& other) {
  for (const Diagnostic& d : other.items_)
    add(d);
}

void Diagnostics::sort_by_location() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.column) <
           std::tie(b.where.file, b.where.line, b.where.column);
  });
}

}  // namespace jurigraph
