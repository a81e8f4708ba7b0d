#include "export/csv_fields.hpp"

#include <charconv>
#include <cmath>

#include "base/calendar.hpp"

namespace jurigraph::exporter::csv {

// One pass with plain comparisons: string_view::find_first_of calls memchr on the set for every
// character, which made these checks the exporters' largest cost.
bool needs_quotes(std::string_view s) {
  for (const char c : s) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n')
      return true;
  }
  return false;
}

bool has_line_break(std::string_view s) {
  for (const char c : s) {
    if (c == '\r' || c == '\n')
      return true;
  }
  return false;
}

void append_quoted(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t start = 0;;) {
    const std::size_t quote = s.find('"', start);
    if (quote == std::string_view::npos) {
      out.append(s.substr(start));
      break;
    }
    out.append(s.substr(start, quote + 1 - start));
    out += '"';  // RFC 4180 §2.7: a quote inside a quoted field is doubled
    start = quote + 1;
  }
  out += '"';
}

void append_field(std::string& out, std::string_view s) {
  if (needs_quotes(s))
    append_quoted(out, s);
  else
    out.append(s);
}

void append_integer(std::string& out, int64_t v) {
  char buffer[24];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
  out.append(buffer, r.ptr);
}

void append_double(std::string& out, double v) {
  if (std::isnan(v)) {
    out += "NaN";
    return;
  }
  if (std::isinf(v)) {
    out += v > 0 ? "Infinity" : "-Infinity";
    return;
  }
  // Without a precision, to_chars in either format gives the shortest text that reads back as
  // `v`; the format only decides where the decimal point goes.
  const double magnitude = std::fabs(v);
  const bool plain = magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16);
  char buffer[64];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, v,
                               plain ? std::chars_format::fixed : std::chars_format::scientific);
  out.append(buffer, r.ptr);
}

void append_date(std::string& out, int32_t yyyymmdd) {
  out += format_iso_date(yyyymmdd);
}

void append_boolean(std::string& out, bool v) {
  out += v ? "true" : "false";
}

bool append_plain_value(std::string& out, const query::cypher::Value& v) {
  switch (v.type()) {
    case query::cypher::ValueType::boolean:
      append_boolean(out, v.as_bool());
      return true;
    case query::cypher::ValueType::integer:
      append_integer(out, v.as_int());
      return true;
    case query::cypher::ValueType::floating:
      append_double(out, v.as_float());
      return true;
    case query::cypher::ValueType::date:
      append_date(out, v.as_date().yyyymmdd);
      return true;
    default:
      return false;
  }
}

}  // namespace jurigraph::exporter::csv
