// Reading a delimited text sheet (CSV, semicolon- or tab-separated) as RFC 4180 defines it:
// fields separated by one delimiter, records ended by CRLF or LF, a field in double quotes may
// hold the delimiter, line breaks and doubled quotes (""). The text must be UTF-8; a byte-order
// mark at the start is skipped. Every field keeps its line and column, for diagnostics.
//
// Our own reader rather than a library: Debian's libcsv (3.0.3) hands fields to callbacks without
// their line and column, and libfccp (Fast C++ CSV Parser) fixes the number of columns at compile
// time, where a mapping names them at run time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"

namespace jurigraph::import {

struct CsvDialect {
  char delimiter = ',';
  bool header = true;  // the first record names the columns
};

struct CsvField {
  std::string text;
  uint32_t line = 0;    // where the field starts (its opening quote, if quoted), 1-based
  uint32_t column = 0;  // in UTF-8 code points, 1-based
};

struct CsvRecord {
  std::vector<CsvField> fields;
  uint32_t line() const { return fields.empty() ? 0 : fields.front().line; }
};

struct CsvTable {
  std::vector<std::string> header;  // "column 1", "column 2"… when the sheet has no header row
  std::vector<CsvRecord> rows;      // blank lines are skipped
  std::string text;  // the sheet as read (after any byte-order mark), for diagnostics
};

// Parses `text`; `path` names it in diagnostics. Throws Error (invalid data) at file:line:col
// for invalid UTF-8, an unterminated quoted field, a character after a closing quote, a quote
// inside an unquoted field, a record whose number of fields differs from the header's, and an
// empty or duplicate header name.
CsvTable parse_csv(const std::string& path, std::string_view text, const CsvDialect& dialect);
// Reads the file at `path`, then parse_csv. An unreadable file is an Error too.
CsvTable read_csv_file(const std::string& path, const CsvDialect& dialect);

}  // namespace jurigraph::import
