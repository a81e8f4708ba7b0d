#include "base/calendar.hpp"

#include <limits>

namespace jurigraph {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9')
      return false;
  }
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s)
    v = v * 10 + (c - '0');
  return v;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

}  // namespace

std::optional<int32_t> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d))
    return std::nullopt;
  const int year = to_int(y), month = to_int(m), day = to_int(d);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1)
    return std::nullopt;
  const int days = kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  if (day > days)
    return std::nullopt;
  return year * 10000 + month * 100 + day;
}

std::string format_iso_date(int32_t yyyymmdd) {
  char buf[16];
  const int year = yyyymmdd / 10000, month = yyyymmdd / 100 % 100, day = yyyymmdd % 100;
  buf[0] = static_cast<char>('0' + year / 1000 % 10);
  buf[1] = static_cast<char>('0' + year / 100 % 10);
  buf[2] = static_cast<char>('0' + year / 10 % 10);
  buf[3] = static_cast<char>('0' + year % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + month / 10);
  buf[6] = static_cast<char>('0' + month % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + day / 10);
  buf[9] = static_cast<char>('0' + day % 10);
  return std::string(buf, 10);
}

std::optional<int64_t> parse_amount_hundredths(std::string_view text) {
  const auto dot = text.find('.');
  const auto whole = text.substr(0, dot);
  const auto fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (!all_digits(whole) || whole.size() > 15)
    return std::nullopt;
  if (dot != std::string_view::npos &&
      (fraction.empty() || fraction.size() > 2 || !all_digits(fraction)))
    return std::nullopt;
  int64_t value = 0;
  for (char c : whole)
    value = value * 10 + (c - '0');
  int64_t cents = 0;
  if (!fraction.empty())
    cents = (fraction[0] - '0') * 10 + (fraction.size() > 1 ? fraction[1] - '0' : 0);
  return value * 100 + cents;
}

std::string format_amount(int64_t hundredths) {
  std::string out = std::to_string(hundredths / 100);
  const int64_t cents = hundredths % 100;
  if (cents != 0) {
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
  }
  return out;
}

}  // namespace jurigraph
