// CSV fields as graph databases' bulk loaders read them (RFC 4180: a field is quoted when it
// holds the delimiter, a quote or a line break, and a quote inside is doubled), and numbers and
// dates in the text those loaders parse back to the same value. Shared by the Neo4j CSV and
// Kuzu exporters. Functions append to a std::string: exporters build a row, then write it once.
// Rows end with LF rather than RFC 4180's CRLF: both loaders read either, and LF is what diff
// and the shell tools expect.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "query/cypher/value.hpp"

namespace jurigraph::exporter::csv {

// True when `s` must be quoted: it holds a comma, a double quote, CR or LF.
bool needs_quotes(std::string_view s);
// True when `s` holds CR or LF (a loader must be told that fields span lines).
bool has_line_break(std::string_view s);

// `s` in double quotes, inner quotes doubled: always, so that "" (an empty string) differs from
// an empty field (no value).
void append_quoted(std::string& out, std::string_view s);
// `s` quoted only when needs_quotes(s).
void append_field(std::string& out, std::string_view s);

void append_integer(std::string& out, int64_t v);
// The shortest digits that read back as `v` (std::to_chars), laid out plainly from 1e-4 to 1e16
// (85000000, 1000.5: amounts stay readable and integers never get an exponent) and with an
// exponent outside (1e+20, 1e-05); NaN and Infinity as Java's Double.parseDouble spells them.
void append_double(std::string& out, double v);
// YYYYMMDD as YYYY-MM-DD (ISO 8601, the text Neo4j's `date` and Kuzu's DATE parse).
void append_date(std::string& out, int32_t yyyymmdd);
void append_boolean(std::string& out, bool v);

// A boolean, integer, float or date as above, unquoted (none holds a character to quote); false,
// with nothing written, for other values: text and lists, which each loader writes its own way.
bool append_plain_value(std::string& out, const query::cypher::Value& v);

}  // namespace jurigraph::exporter::csv
