// Diagnostics: the one error type of jurigraph and the list that validation fills.
//
// Every problem a user can cause is reported as `file:line:col: severity: message`, optionally
// followed by `(at /json/pointer)` and the offending source line with a caret. Expected problems
// (schema violations, dangling references) are collected as values in `Diagnostics`; fatal ones
// are thrown as `Error`, which carries the same `Diagnostic`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jurigraph {

enum class Severity : uint8_t { error, warning, note };

// Where a diagnostic points. Line and column are 1-based, 0 when unknown; columns count UTF-8
// code points, not bytes, because the data is full of accents.
struct Location {
  Location() = default;
  explicit Location(std::string file_) : file(std::move(file_)) {}
  Location(std::string file_, uint32_t line_, uint32_t column_, std::string pointer_ = {})
      : file(std::move(file_)), line(line_), column(column_), pointer(std::move(pointer_)) {}

  std::string file;  // a path as the user gave it, or "query", "<command line>"
  uint32_t line = 0;
  uint32_t column = 0;
  std::string pointer;  // JSON pointer inside the file, or empty
};

struct Diagnostic {
  Severity severity = Severity::error;
  Location where;
  std::string message;
  // The line the location points into, for the caret display: the part format_diagnostic shows
  // (set_source_excerpt), or the whole line.
  std::string source_line;
  // The code points of the line before source_line, when it holds a part of it.
  uint32_t source_from = 0;
};

// The code points of a line format_diagnostic shows around the column: a long line (a minified
// JSON document is one) is cut to this window.
inline constexpr std::size_t kSourceWindowCodePoints = 100;

// Sets d.source_line to the part of `line` that format_diagnostic shows for a location at byte
// `at` of it, d.where.column being the column of that byte. Reads only that part: a diagnostic
// in a file written on one line holds a window of it, not a copy of the file.
void set_source_excerpt(Diagnostic& d, std::string_view line, std::size_t at);

// `file:line:col`, or `file:line` or `file` where the column or line is unknown (0).
std::string format_place(const Location& where);
// `file:line:col: error: message (at /pointer)`, without the caret lines.
std::string format_headline(const Diagnostic& d);
// The headline, then the source line and a caret under the column when the line is known.
std::string format_diagnostic(const Diagnostic& d);

// What kind of failure an Error is; the CLI maps each to its exit code.
enum class ErrorKind : uint8_t {
  invalid_data,  // a dataset or an input file is wrong
  usage,         // a command-line value is wrong (unknown relation type, bad bound)
  not_found,     // a node name is unknown or ambiguous
  output,        // an output cannot be written
  row_limit,     // a query exceeded --max-rows
  time_limit,    // a query exceeded --timeout
  memory_limit,  // a query exceeded --max-memory
};

// The single exception type: thrown for fatal problems (unreadable file, unknown node name,
// bad command-line value) and caught in one place, the CLI's main.
class Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic d, ErrorKind kind = ErrorKind::invalid_data);
  Error(Location where, std::string message, ErrorKind kind = ErrorKind::invalid_data);
  const Diagnostic& diagnostic() const { return diagnostic_; }
  ErrorKind kind() const { return kind_; }

 private:
  Diagnostic diagnostic_;
  ErrorKind kind_;
};

// An ordered list of diagnostics with a cap on how many errors are kept per file, so that a
// broken 1 GB file does not produce a billion lines.
class Diagnostics {
 public:
  void add(Diagnostic d);
  void error(Location where, std::string message);
  void warning(Location where, std::string message);
  void append(const Diagnostics& other);
  // Orders by file, line and column (stable), so each file's problems read top to bottom.
  void sort_by_location();

  const std::vector<Diagnostic>& all() const { return items_; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return warnings_; }
  bool has_errors() const { return errors_ > 0; }

 private:
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
};

}  // namespace jurigraph
