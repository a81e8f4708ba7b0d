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

// Long lines (minified JSON) are cut to a window around the column so the caret stays useful.
constexpr std::size_t kWindowCodePoints = 100;

}  // namespace

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
  std::size_t first = 0;  // first code point shown
  std::size_t caret = d.where.column - 1;
  if (caret > kWindowCodePoints / 2) {
    first = caret - kWindowCodePoints / 2;
    caret = kWindowCodePoints / 2;
  }
  std::string shown = utf8::substr_code_points(d.source_line, first, kWindowCodePoints);
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
