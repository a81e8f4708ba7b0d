#include "base/fold.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "base/utf8.hpp"

namespace jurigraph {
namespace {

// Base letters of U+00C0..U+024F; "" keeps the code point as it is, " " makes it a separator.
constexpr const char* kLatinBase[] = {
    "a", "a", "a",  "a",  "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // U+00C0
    "d", "n", "o",  "o",  "o", "o", "o",  " ", "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D0
    "a", "a", "a",  "a",  "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // U+00E0
    "d", "n", "o",  "o",  "o", "o", "o",  " ", "o", "u", "u", "u", "u", "y", "th", "y",   // U+00F0
    "a", "a", "a",  "a",  "a", "a", "c",  "c", "c", "c", "c", "c", "c", "c", "d",  "d",   // U+0100
    "d", "d", "e",  "e",  "e", "e", "e",  "e", "e", "e", "e", "e", "g", "g", "g",  "g",   // U+0110
    "g", "g", "g",  "g",  "h", "h", "h",  "h", "i", "i", "i", "i", "i", "i", "i",  "i",   // U+0120
    "i", "i", "ij", "ij", "j", "j", "k",  "k", "",  "l", "l", "l", "l", "l", "l",  "l",   // U+0130
    "l", "l", "l",  "n",  "n", "n", "n",  "n", "n", "n", "n", "n", "o", "o", "o",  "o",   // U+0140
    "o", "o", "oe", "oe", "r", "r", "r",  "r", "r", "r", "s", "s", "s", "s", "s",  "s",   // U+0150
    "s", "s", "t",  "t",  "t", "t", "",   "",  "u", "u", "u", "u", "u", "u", "u",  "u",   // U+0160
    "u", "u", "u",  "u",  "w", "w", "y",  "y", "y", "z", "z", "z", "z", "z", "z",  "s",   // U+0170
    "b", "",  "",   "",   "",  "",  "",   "",  "",  "",  "",  "",  "",  "",  "",   "",    // U+0180
    "",  "",  "f",  "",   "",  "",  "",   "",  "",  "",  "",  "",  "",  "",  "",   "",    // U+0190
    "o", "o", "",   "",   "",  "",  "",   "",  "",  "",  "",  "",  "",  "",  "",   "u",   // U+01A0
    "u", "",  "",   "",   "",  "",  "",   "",  "",  "",  "",  "",  "",  "",  "",   "",    // U+01B0
    "",  "",  "",   "",   "",  "",  "",   "",  "",  "",  "",  "",  "",  "a", "a",  "i",   // U+01C0
    "i", "o", "o",  "u",  "u", "u", "u",  "u", "u", "u", "u", "u", "u", "",  "a",  "a",   // U+01D0
    "a", "a", "",   "",   "",  "",  "g",  "g", "k", "k", "o", "o", "o", "o", "",   "",    // U+01E0
    "j", "",  "",   "",   "g", "g", "",   "",  "n", "n", "a", "a", "",  "",  "",   "",    // U+01F0
    "a", "a", "a",  "a",  "e", "e", "e",  "e", "i", "i", "i", "i", "o", "o", "o",  "o",   // U+0200
    "r", "r", "r",  "r",  "u", "u", "u",  "u", "s", "s", "t", "t", "",  "",  "h",  "h",   // U+0210
    "",  "",  "",   "",   "",  "",  "a",  "a", "e", "e", "o", "o", "o", "o", "o",  "o",   // U+0220
    "o", "o", "y",  "y",  "",  "",  "",   "",  "",  "",  "",  "",  "",  "",  "",   "",    // U+0230
    "",  "",  "",   "",   "",  "",  "",   "",  "",  "",  "",  "",  "",  "",  "",   "",    // U+0240
};

// Punctuation and spaces outside ASCII that names contain: no-break space, « », typographic
// quotes and apostrophes, dashes, the General Punctuation block.
bool is_separator(char32_t cp) {
  if (cp < 0x80) {
    const bool alnum =
        (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return !alnum;
  }
  return cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xB0 || cp == 0xB7 ||
         (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF;
}

}  // namespace

// ASCII folded, by byte: the lower-case letter or the digit, or 0 for a separator (is_separator).
constexpr std::array<char, 128> kAsciiFolded = [] {
  std::array<char, 128> folded{};
  for (char c = '0'; c <= '9'; ++c)
    folded[static_cast<unsigned char>(c)] = c;
  for (char c = 'a'; c <= 'z'; ++c)
    folded[static_cast<unsigned char>(c)] = folded[static_cast<unsigned char>(c - 'a' + 'A')] = c;
  return folded;
}();

void append_folded(std::string_view text, std::string& out) {
  // Written through an index into room made once: the name index folds 2.5M keys at 1M
  // decisions, and appending to the string a character at a time made the fold half of the name
  // index's time, which the freeze waited for. The room kept is always enough for the rest of
  // the text a byte a byte: an ASCII byte writes at most one (its space stands for the separator
  // before it), and so does a Latin letter's base or a code point passed through, for as many
  // bytes; only invalid UTF-8, each byte turned into U+FFFD (3 bytes), writes more, and emit makes
  // room again then. (Checking room for the piece alone let the separators' unused room be spent
  // on such pieces, and the ASCII after them was written past the end: found by the fuzzer.)
  const std::size_t begin = out.size();
  out.resize(begin + text.size());
  std::size_t w = begin;  // where the next byte goes
  std::size_t pos = 0;    // the next byte of text to fold
  bool pending_space = false;
  auto emit = [&](std::string_view piece) {
    const std::size_t room = w + 1 + piece.size() + (text.size() - pos);
    if (room > out.size())
      out.resize(room);
    if (pending_space && w > begin)
      out[w++] = ' ';
    pending_space = false;
    std::memcpy(out.data() + w, piece.data(), piece.size());
    w += piece.size();
  };
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      ++pos;
      const char c = kAsciiFolded[byte];
      if (c == 0) {
        pending_space = true;
        continue;
      }
      if (pending_space && w > begin)
        out[w++] = ' ';
      pending_space = false;
      out[w++] = c;
      continue;
    }
    const char32_t cp = utf8::decode(text, pos);
    if (is_separator(cp)) {
      pending_space = true;
      continue;
    }
    if (cp >= 0xC0 && cp < 0x250) {
      const std::string_view base = kLatinBase[cp - 0xC0];
      if (base == " ") {
        pending_space = true;
        continue;
      }
      if (!base.empty()) {
        emit(base);
        continue;
      }
    }
    std::string raw;
    utf8::append(raw, cp);
    emit(raw);
  }
  out.resize(w);
}

std::string fold_for_lookup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_folded(text, out);
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace jurigraph
