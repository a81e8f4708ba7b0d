#include "import/cell_formats.hpp"

#include <array>
#include <utility>

#include "base/calendar.hpp"
#include "base/utf8.hpp"

namespace jurigraph::import {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

bool is_date_format(std::string_view format) {
  bool year = false, month = false, day = false;
  std::size_t i = 0;
  char separator = 0;
  while (i < format.size()) {
    if (format.substr(i, 4) == "YYYY" && !year) {
      year = true, i += 4;
    } else if (format.substr(i, 2) == "MM" && !month) {
      month = true, i += 2;
    } else if (format.substr(i, 2) == "DD" && !day) {
      day = true, i += 2;
    } else {
      return false;
    }
    if (i < format.size()) {
      const char c = format[i];
      if (c != '/' && c != '-' && c != '.' && c != ' ')
        return false;
      if (separator != 0 && c != separator)
        return false;
      separator = c;
      ++i;
      if (i == format.size())
        return false;
    }
  }
  return year && month && day;
}

std::optional<std::string> parse_date(std::string_view text, std::string_view format) {
  text = trim(text);
  int year = -1, month = -1, day = -1;
  std::size_t t = 0, f = 0;
  while (f < format.size()) {
    if (format.substr(f, 4) == "YYYY") {
      if (t + 4 > text.size())
        return std::nullopt;
      year = 0;
      for (int k = 0; k < 4; ++k, ++t) {
        if (!is_digit(text[t]))
          return std::nullopt;
        year = year * 10 + (text[t] - '0');
      }
      f += 4;
    } else if (format.substr(f, 2) == "MM" || format.substr(f, 2) == "DD") {
      int value = 0, digits = 0;
      while (t < text.size() && is_digit(text[t]) && digits < 2)
        value = value * 10 + (text[t++] - '0'), ++digits;
      if (digits == 0)
        return std::nullopt;
      (format[f] == 'M' ? month : day) = value;
      f += 2;
    } else {
      if (t >= text.size() || text[t] != format[f])
        return std::nullopt;
      ++t, ++f;
    }
  }
  if (t != text.size() || year < 0 || month < 1 || day < 1)
    return std::nullopt;
  if (month > 12 || day > 31)
    return std::nullopt;
  std::string iso = format_iso_date(year * 10000 + month * 100 + day);
  if (!parse_iso_date(iso))  // the calendar: 31/04 and 29/02/2023 do not exist
    return std::nullopt;
  return iso;
}

std::optional<int64_t> parse_amount(std::string_view text, const AmountFormat& format) {
  text = trim(text);
  int64_t units = 0;
  int digits = 0;  // digits of the integer part
  int group = -1;  // digits since the last thousands separator; -1 before any
  std::size_t i = 0;
  auto separator_at = [&](std::size_t at) -> std::size_t {  // its length in bytes, or 0
    if (format.thousands == 0)
      return 0;
    if (text[at] == format.thousands)
      return 1;
    if (format.thousands == ' ') {
      if (text.substr(at, 2) == "\xC2\xA0")
        return 2;
      if (text.substr(at, 3) == "\xE2\x80\xAF")
        return 3;
    }
    return 0;
  };
  while (i < text.size() && text[i] != format.decimal) {
    if (is_digit(text[i])) {
      if (digits >= 15)
        return std::nullopt;  // the dataset format's bound: at most 15 digits
      units = units * 10 + (text[i] - '0');
      ++digits;
      if (group >= 0)
        ++group;
      ++i;
      continue;
    }
    const std::size_t width = separator_at(i);
    if (width == 0 || digits == 0 || (group >= 0 && group != 3) || (group < 0 && digits > 3))
      return std::nullopt;
    group = 0;
    i += width;
  }
  if (digits == 0 || (group >= 0 && group != 3))
    return std::nullopt;
  int64_t cents = 0;
  if (i < text.size()) {  // the decimal separator
    ++i;
    int decimals = 0;
    for (; i < text.size(); ++i, ++decimals) {
      if (!is_digit(text[i]) || decimals == 2)
        return std::nullopt;
      cents = cents * 10 + (text[i] - '0');
    }
    if (decimals == 0)
      return std::nullopt;
    if (decimals == 1)
      cents *= 10;
  }
  return units * 100 + cents;
}

std::string amount_example(const AmountFormat& format) {
  std::string s = "1";
  if (format.thousands == ' ')
    s += ' ';
  else if (format.thousands != 0)
    s += format.thousands;
  s += "500";
  if (format.thousands == ' ')
    s += ' ';
  else if (format.thousands != 0)
    s += format.thousands;
  s += "000";
  s += format.decimal;
  s += "50";
  return s;
}

namespace {

constexpr std::array<std::pair<std::string_view, char32_t>, 60> kEntities = {{
    {"amp", U'&'},     {"lt", U'<'},       {"gt", U'>'},      {"quot", U'"'},    {"apos", U'\''},
    {"nbsp", 0xA0},    {"laquo", 0xAB},    {"raquo", 0xBB},   {"deg", 0xB0},     {"euro", 0x20AC},
    {"rsquo", 0x2019}, {"lsquo", 0x2018},  {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"ndash", 0x2013},
    {"mdash", 0x2014}, {"hellip", 0x2026}, {"sect", 0xA7},    {"copy", 0xA9},    {"reg", 0xAE},
    {"agrave", 0xE0},  {"aacute", 0xE1},   {"acirc", 0xE2},   {"auml", 0xE4},    {"ccedil", 0xE7},
    {"egrave", 0xE8},  {"eacute", 0xE9},   {"ecirc", 0xEA},   {"euml", 0xEB},    {"icirc", 0xEE},
    {"iuml", 0xEF},    {"ocirc", 0xF4},    {"ouml", 0xF6},    {"ugrave", 0xF9},  {"ucirc", 0xFB},
    {"uuml", 0xFC},    {"yuml", 0xFF},     {"oelig", 0x153},  {"szlig", 0xDF},   {"ntilde", 0xF1},
    {"Agrave", 0xC0},  {"Aacute", 0xC1},   {"Acirc", 0xC2},   {"Auml", 0xC4},    {"Ccedil", 0xC7},
    {"Egrave", 0xC8},  {"Eacute", 0xC9},   {"Ecirc", 0xCA},   {"Euml", 0xCB},    {"Icirc", 0xCE},
    {"Iuml", 0xCF},    {"Ocirc", 0xD4},    {"Ouml", 0xD6},    {"Ugrave", 0xD9},  {"Ucirc", 0xDB},
    {"Uuml", 0xDC},    {"OElig", 0x152},   {"Ntilde", 0xD1},  {"oacute", 0xF3},  {"iacute", 0xED},
}};

// The code point of the reference `ref` (what stands between '&' and ';'), or 0.
char32_t entity_code_point(std::string_view ref) {
  if (ref.size() >= 2 && ref[0] == '#') {
    const bool hex = ref[1] == 'x' || ref[1] == 'X';
    char32_t cp = 0;
    std::size_t i = hex ? 2 : 1;
    if (i == ref.size() || ref.size() - i > 7)
      return 0;
    for (; i < ref.size(); ++i) {
      const char c = ref[i];
      int v = -1;
      if (is_digit(c))
        v = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        v = c - 'A' + 10;
      if (v < 0)
        return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
    }
    const bool valid = cp != 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    return valid ? cp : 0;
  }
  for (const auto& [name, cp] : kEntities) {
    if (name == ref)
      return cp;
  }
  return 0;
}

}  // namespace

std::string decode_html_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t amp = text.find('&', i);
    if (amp == std::string_view::npos)
      break;
    out.append(text.substr(i, amp - i));
    const std::size_t semi = text.find(';', amp + 1);
    const char32_t cp = semi != std::string_view::npos && semi - amp <= 10
                            ? entity_code_point(text.substr(amp + 1, semi - amp - 1))
                            : 0;
    if (cp == 0) {
      out += '&';
      i = amp + 1;
      continue;
    }
    utf8::append(out, cp);
    i = semi + 1;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace jurigraph::import
