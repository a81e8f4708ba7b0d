#include "ingest/decision_name.hpp"

#include <algorithm>

#include "base/calendar.hpp"

namespace jurigraph::ingest {

void write_made_decision_name(std::string& out, std::string_view issuer, std::string_view kind,
                              std::string_view number, int32_t date) {
  out.clear();
  if (!issuer.empty()) {
    out += issuer;
    out += ' ';
  }
  const std::size_t kind_at = out.size();
  out += kind;
  std::replace(out.begin() + static_cast<std::ptrdiff_t>(kind_at), out.end(), '_', ' ');
  if (!number.empty()) {
    out += ' ';
    out += number;
  } else if (date != 0) {
    out += " of ";
    out += format_iso_date(date);
  }
}

std::string made_decision_name(std::string_view issuer, std::string_view kind,
                               std::string_view number, int32_t date) {
  std::string name;
  write_made_decision_name(name, issuer, kind, number, date);
  return name;
}

}  // namespace jurigraph::ingest
