#include "ingest/jsonl_fast_check.hpp"

#include <rapidjson/pointer.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/short_text.hpp"
#include "ingest/json_file.hpp"
#include "ingest/json_nodes.hpp"

namespace jurigraph::ingest {
namespace {

using rapidjson::Value;

// The character classes of the patterns, by byte: one load a character where the ids of a large
// dataset (6M of them at 1M decisions, read character by character) took a chain of compares.
enum CharClass : uint8_t { kDigit = 1, kUpper = 2, kLower = 4, kUnderscore = 8, kDotOrDash = 16 };
constexpr std::array<uint8_t, 256> kCharClasses = [] {
  std::array<uint8_t, 256> classes{};
  for (int c = '0'; c <= '9'; ++c)
    classes[c] = kDigit;
  for (int c = 'A'; c <= 'Z'; ++c)
    classes[c] = kUpper;
  for (int c = 'a'; c <= 'z'; ++c)
    classes[c] = kLower;
  classes['_'] = kUnderscore;
  classes['.'] = classes['-'] = kDotOrDash;
  return classes;
}();
bool in_class(char c, uint8_t classes) {
  return (kCharClasses[static_cast<unsigned char>(c)] & classes) != 0;
}
bool digit(char c) {
  return in_class(c, kDigit);
}
bool upper(char c) {
  return in_class(c, kUpper);
}
bool lower(char c) {
  return in_class(c, kLower);
}
bool alnum(char c) {
  return in_class(c, kDigit | kUpper | kLower);
}
bool letter(char c) {
  return in_class(c, kUpper | kLower);
}
bool key_char(char c) {  // [A-Za-z0-9._-]
  return in_class(c, kDigit | kUpper | kLower | kUnderscore | kDotOrDash);
}
bool snake_char(char c) {  // [a-z0-9_]
  return in_class(c, kLower | kDigit | kUnderscore);
}
bool all_of(std::string_view s, bool (*f)(char)) {
  return std::all_of(s.begin(), s.end(), f);
}

// ^[a-z][a-z0-9_]*:[A-Za-z0-9][A-Za-z0-9._-]*$, in one pass: the prefix ends at its first
// character outside [a-z0-9_], which must be the colon (finding the colon first was a call of
// memchr for each of 6M ids at 1M decisions).
bool node_id(std::string_view s) {
  if (s.size() < 3 || !lower(s[0]))
    return false;
  std::size_t i = 1;
  while (i < s.size() && snake_char(s[i]))
    ++i;
  if (i + 1 >= s.size() || s[i] != ':' || !alnum(s[i + 1]))
    return false;
  return all_of(s.substr(i + 2), key_char);
}

// ^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$
bool iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-')
    return false;
  if (!digit(s[0]) || !digit(s[1]) || !digit(s[2]) || !digit(s[3]) || !digit(s[5]) ||
      !digit(s[6]) || !digit(s[8]) || !digit(s[9]))
    return false;
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// ^(0|[1-9][0-9]{0,14})(\.[0-9]{1,2})?$
bool amount(std::string_view s) {
  const std::size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  if (whole.empty() || whole.size() > 15 || !all_of(whole, digit) ||
      (whole.size() > 1 && whole[0] == '0'))
    return false;
  if (dot == std::string_view::npos)
    return true;
  const std::string_view fraction = s.substr(dot + 1);
  return !fraction.empty() && fraction.size() <= 2 && all_of(fraction, digit);
}

// ^https?://[^\s]+$ — stricter than the regex: any byte outside printable ASCII sends the value
// to valijson, which decides.
bool url(std::string_view s) {
  std::string_view rest;
  if (s.starts_with("https://")) {
    rest = s.substr(8);
  } else if (s.starts_with("http://")) {
    rest = s.substr(7);
  } else {
    return false;
  }
  return !rest.empty() &&
         std::all_of(rest.begin(), rest.end(), [](char c) { return c > ' ' && c < 0x7f; });
}

using Matcher = bool (*)(std::string_view);

bool ecli_ordinal_char(char c) {
  return alnum(c) || c == '.';
}

// ^ECLI:[A-Z]{2}:[A-Za-z]{1,7}:(19|20)[0-9]{2}:[A-Za-z0-9.]{1,25}$: no part holds a colon, so the
// parts are what lies between them.
bool ecli(std::string_view s) {
  if (!s.starts_with("ECLI:"))
    return false;
  std::string_view parts[4];
  s.remove_prefix(5);
  for (std::size_t i = 0; i < 4; ++i) {
    const std::size_t colon = i < 3 ? s.find(':') : s.size();
    if (colon == std::string_view::npos)
      return false;
    parts[i] = s.substr(0, colon);
    s.remove_prefix(std::min(s.size(), colon + 1));
  }
  const auto& [country, court, year, ordinal] = parts;
  return country.size() == 2 && all_of(country, upper) && !court.empty() && court.size() <= 7 &&
         all_of(court, letter) && year.size() == 4 &&
         (year.starts_with("19") || year.starts_with("20")) && all_of(year, digit) &&
         !ordinal.empty() && ordinal.size() <= 25 && all_of(ordinal, ecli_ordinal_char);
}

// ^[A-Z0-9]{18}[0-9]{2}$
bool lei(std::string_view s) {
  return s.size() == 20 && all_of(s.substr(0, 18), [](char c) { return upper(c) || digit(c); }) &&
         all_of(s.substr(18), digit);
}

// ^[0-9A-Z]{1}[0-9]{4}[A-Z]{1,2}[0-9A-Z()_]{1,10}$: the letters of the document type are one or
// two, and the rest may begin with a letter, so either split may match.
bool celex(std::string_view s) {
  const auto tail_char = [](char c) {
    return upper(c) || digit(c) || c == '(' || c == ')' || c == '_';
  };
  if (s.size() < 7 || !(upper(s[0]) || digit(s[0])) || !all_of(s.substr(1, 4), digit))
    return false;
  for (const std::size_t letters : {1u, 2u}) {
    if (s.size() < 5 + letters + 1)
      continue;
    const std::string_view rest = s.substr(5 + letters);
    if (all_of(s.substr(5, letters), upper) && rest.size() <= 10 && all_of(rest, tail_char))
      return true;
  }
  return false;
}

// The patterns of the dataset schema that valid data meets often, each written out; a pattern
// not listed here sends its values to valijson (never a wrong "valid").
Matcher matcher_for(std::string_view pattern) {
  struct Known {
    std::string_view pattern;
    Matcher match;
  };
  static constexpr Known kKnown[] = {
      {"^[a-z][a-z0-9_]*:[A-Za-z0-9][A-Za-z0-9._-]*$", node_id},
      {"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$", iso_date},
      {"^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,2})?$", amount},
      {"^https?://[^\\s]+$", url},
      {"^[A-Za-z0-9][A-Za-z0-9._-]*$",
       [](std::string_view s) {
         return !s.empty() && alnum(s[0]) && all_of(s.substr(1), key_char);
       }},
      {"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",
       [](std::string_view s) {
         return !s.empty() && s.size() <= 100 && alnum(s[0]) && all_of(s.substr(1), key_char);
       }},
      {"^[a-z][a-z0-9_]*$",
       [](std::string_view s) {
         return !s.empty() && lower(s[0]) && all_of(s.substr(1), snake_char);
       }},
      {"^[a-z][a-z0-9_]{0,63}$",
       [](std::string_view s) {
         return !s.empty() && s.size() <= 64 && lower(s[0]) && all_of(s.substr(1), snake_char);
       }},
      {"^[A-Z][A-Z0-9_]*$",
       [](std::string_view s) {
         return !s.empty() && upper(s[0]) && std::all_of(s.begin() + 1, s.end(), [](char c) {
           return upper(c) || digit(c) || c == '_';
         });
       }},
      {"^[A-Z]{2}$",
       [](std::string_view s) { return s.size() == 2 && upper(s[0]) && upper(s[1]); }},
      {"^(CNILTEXT|CETATEXT|JURITEXT|LEGIARTI|LEGITEXT|JORFTEXT|KALITEXT|CONSTEXT)[0-9]{12}$",
       [](std::string_view s) {
         constexpr std::string_view kPrefixes[] = {"CNILTEXT", "CETATEXT", "JURITEXT", "LEGIARTI",
                                                   "LEGITEXT", "JORFTEXT", "KALITEXT", "CONSTEXT"};
         return s.size() == 20 && all_of(s.substr(8), digit) &&
                std::find(std::begin(kPrefixes), std::end(kPrefixes), s.substr(0, 8)) !=
                    std::end(kPrefixes);
       }},
      {"^[0-9]{9}$", [](std::string_view s) { return s.size() == 9 && all_of(s, digit); }},
      {"^[0-9]{14}$", [](std::string_view s) { return s.size() == 14 && all_of(s, digit); }},
      {"^ECLI:[A-Z]{2}:[A-Za-z]{1,7}:(19|20)[0-9]{2}:[A-Za-z0-9.]{1,25}$", ecli},
      {"^[A-Z0-9]{18}[0-9]{2}$", lei},
      {"^[0-9A-Z]{1}[0-9]{4}[A-Z]{1,2}[0-9A-Z()_]{1,10}$", celex},
      {"^Q[1-9][0-9]*$",
       [](std::string_view s) {
         return s.size() >= 2 && s[0] == 'Q' && s[1] >= '1' && s[1] <= '9' &&
                all_of(s.substr(2), digit);
       }},
  };
  for (const Known& k : kKnown) {
    if (k.pattern == pattern)
      return k.match;
  }
  return nullptr;
}

enum TypeBit : uint8_t {
  kObject = 1,
  kArray = 2,
  kString = 4,
  kInteger = 8,
  kNumber = 16,
  kBoolean = 32,
  kNull = 64,
  kAny = 127
};

uint8_t type_bit(std::string_view name) {
  if (name == "object")
    return kObject;
  if (name == "array")
    return kArray;
  if (name == "string")
    return kString;
  if (name == "integer")
    return kInteger;
  if (name == "number")
    return kNumber;
  if (name == "boolean")
    return kBoolean;
  if (name == "null")
    return kNull;
  throw std::logic_error("unsupported type in the dataset schema: " + std::string(name));
}

// A name as its length and first 8 bytes: two names with equal keys are equal when they have
// at most 8 bytes, and otherwise need their texts compared (without a call to memcmp: names
// such as issued_by and appeal_of are compared on every decision).
struct NameKey {
  uint64_t head = 0;
  std::size_t size = 0;
  // The first 8 bytes as a memcpy of min(size, 8) bytes would give them, read by whole loads:
  // that memcpy, of a length known only when it runs, was a tenth of the check's time.
  explicit NameKey(std::string_view name) : size(name.size()) {
    using short_text_detail::load4;
    using short_text_detail::load8;
    const char* const p = name.data();
    if (size >= 8) {
      head = load8(p);
    } else if (size >= 4) {
      head = load4(p) | uint64_t{load4(p + size - 4)} << ((size - 4) * 8);
    } else if (size > 0) {
      // The first, middle and last bytes, each at its place: for 1 or 2 bytes some are the same
      // byte, at the same place (no loop: `id` is a member of every record).
      const auto byte_at = [&](std::size_t i) {
        return uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
      };
      head = byte_at(0) | byte_at(size / 2) | byte_at(size - 1);
    }
  }
  bool matches(const NameKey& other, std::string_view name, std::string_view other_name) const {
    return head == other.head && size == other.size &&
           (size <= sizeof head || equal_short_text(name, other_name));
  }
  friend bool operator<(const NameKey& a, const NameKey& b) {
    return a.size != b.size ? a.size < b.size : a.head < b.head;
  }
};

// Whether `word` is one of `keys` (sorted by their NameKey).
bool in_words(const std::vector<std::pair<NameKey, std::string_view>>& keys,
              std::string_view word) {
  const NameKey key(word);
  // A few words (roles, kinds, outcomes): in turn, a compare of two integers each.
  if (keys.size() <= 16) {
    return std::any_of(keys.begin(), keys.end(), [&](const auto& entry) {
      return entry.first.matches(key, entry.second, word);
    });
  }
  auto it = std::lower_bound(keys.begin(), keys.end(), key,
                             [](const auto& entry, const NameKey& k) { return entry.first < k; });
  for (; it != keys.end() && !(key < it->first); ++it) {
    if (it->first.matches(key, it->second, word))
      return true;
  }
  return false;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

struct FastSchemaCheck::Node {
  // What a string value is checked against comes first, in one cache line: most of a record's
  // values are strings.
  //
  // A string meets this node when it meets its string keywords (string_fits): no $ref, strings
  // allowed, and no anyOf or one with an alternative every string meets. Most of a record's
  // values are such strings (ids, dates, words), checked where their object or array meets them
  // (check_value) rather than by a call of check each.
  bool string_leaf = false;
  uint8_t types = kAny;
  bool has_pattern = false;
  bool has_enum = false;
  Matcher pattern = nullptr;  // nullptr with has_pattern: unknown, never "valid"
  std::size_t min_length = 0, max_length = SIZE_MAX;
  // The enum's words as keys, ordered by (length, first 8 bytes): searched by halving when there
  // are many (a currency is one of 180 codes, where comparing each in turn took some 40 compares
  // for "EUR").
  std::vector<std::pair<NameKey, std::string_view>> enum_keys;

  const Node* ref = nullptr;  // draft 7: a $ref replaces every other keyword
  std::size_t min_items = 0;
  bool has_minimum = false;
  double minimum = 0;
  std::vector<std::string> enum_values;
  std::vector<const Node*> any_of;
  // Objects.
  std::vector<std::pair<std::string, const Node*>> properties;
  std::vector<std::pair<Matcher, const Node*>> pattern_properties;  // nullptr: unknown pattern
  bool additional_allowed = true;
  const Node* additional = nullptr;
  std::vector<std::string> required;
  std::vector<std::pair<std::string, std::vector<std::string>>> dependencies;
  // The same, compiled (see compile_object_lookup): each property's name as a short key, and the
  // required names and dependencies among the first 64 properties as bits of those seen, so that
  // a record's members are each matched once, by integer compares, not searched for by name.
  std::vector<NameKey> property_keys;  // parallel to properties
  // The properties by name, in a table where each name has a slot of its own, found from its key
  // by a multiplication and a shift (see build_property_table): one probe and one compare a
  // member, where a search by the name's bytes and a probe loop took a fifth of the check. Empty
  // when no multiplier separates the names (two with the same length and first 8 bytes): the
  // names are then compared in turn.
  struct PropertySlot {
    uint64_t head = 0;
    std::size_t size = SIZE_MAX;  // an empty slot, which no name matches
    const char* name = nullptr;   // the whole name, for names longer than 8 bytes
    const Node* sub = nullptr;
    std::size_t index = 0;  // in properties
  };
  std::vector<PropertySlot> property_table;
  uint64_t property_multiplier = 0;
  unsigned property_shift = 64;
  uint64_t required_bits = 0;
  std::vector<std::string> required_elsewhere;                 // not among the first 64 properties
  std::vector<std::pair<uint64_t, uint64_t>> dependency_bits;  // (name's bit, needed bits)
  std::vector<std::pair<std::string, std::vector<std::string>>> dependencies_elsewhere;
  // Arrays.
  const Node* items = nullptr;
};

struct FastSchemaCheck::Compiled {
  std::deque<FastSchemaCheck::Node> nodes;
  std::unordered_map<const Value*, const FastSchemaCheck::Node*> done;
  const FastSchemaCheck::Node* root = nullptr;
};

namespace {

class Compiler {
 public:
  using Node = FastSchemaCheck::Node;
  Compiler(const rapidjson::Document& doc, FastSchemaCheck::Compiled& out) : doc_(doc), out_(out) {}

  const Node* compile(const Value& s) {
    if (auto it = out_.done.find(&s); it != out_.done.end())
      return it->second;
    Node& n = out_.nodes.emplace_back();
    out_.done.emplace(&s, &n);
    if (s.IsBool() && s.GetBool())
      return &n;
    if (!s.IsObject())
      throw std::logic_error("unsupported subschema in the dataset schema");
    if (auto ref = s.FindMember("$ref"); ref != s.MemberEnd()) {
      const std::string target(ref->value.GetString() + 1);  // drop '#'
      const Value* v = rapidjson::Pointer(target.c_str()).Get(doc_);
      if (v == nullptr)
        throw std::logic_error("unresolved $ref in the dataset schema: " + target);
      n.ref = compile(*v);
      return &n;
    }
    for (auto m = s.MemberBegin(); m != s.MemberEnd(); ++m) {
      const std::string_view key(m->name.GetString(), m->name.GetStringLength());
      const Value& v = m->value;
      if (key == "type") {
        n.types = 0;
        if (v.IsString()) {
          n.types = type_bit(v.GetString());
        } else {
          for (const Value& t : v.GetArray())
            n.types |= type_bit(t.GetString());
        }
        if (n.types & kNumber)
          n.types |= kInteger;
      } else if (key == "pattern") {
        n.has_pattern = true;
        n.pattern = matcher_for(v.GetString());
      } else if (key == "minLength") {
        n.min_length = v.GetUint64();
      } else if (key == "maxLength") {
        n.max_length = v.GetUint64();
      } else if (key == "minItems") {
        n.min_items = v.GetUint64();
      } else if (key == "minimum") {
        n.has_minimum = true;
        n.minimum = v.GetDouble();
      } else if (key == "enum") {
        n.has_enum = true;
        for (const Value& e : v.GetArray()) {
          if (!e.IsString())
            throw std::logic_error("unsupported non-string enum in the dataset schema");
          n.enum_values.emplace_back(e.GetString(), e.GetStringLength());
        }
      } else if (key == "anyOf") {
        for (const Value& c : v.GetArray())
          n.any_of.push_back(compile(c));
      } else if (key == "properties") {
        for (auto p = v.MemberBegin(); p != v.MemberEnd(); ++p)
          n.properties.emplace_back(p->name.GetString(), compile(p->value));
      } else if (key == "patternProperties") {
        for (auto p = v.MemberBegin(); p != v.MemberEnd(); ++p)
          n.pattern_properties.emplace_back(matcher_for(p->name.GetString()), compile(p->value));
      } else if (key == "additionalProperties") {
        if (v.IsBool()) {
          n.additional_allowed = v.GetBool();
        } else {
          n.additional = compile(v);
        }
      } else if (key == "required") {
        for (const Value& r : v.GetArray())
          n.required.emplace_back(r.GetString(), r.GetStringLength());
      } else if (key == "dependencies") {
        for (auto d = v.MemberBegin(); d != v.MemberEnd(); ++d) {
          if (!d->value.IsArray())
            throw std::logic_error("unsupported schema dependency in the dataset schema");
          std::vector<std::string> names;
          for (const Value& r : d->value.GetArray())
            names.emplace_back(r.GetString(), r.GetStringLength());
          n.dependencies.emplace_back(d->name.GetString(), std::move(names));
        }
      } else if (key == "items") {
        if (!v.IsObject())
          throw std::logic_error("unsupported tuple items in the dataset schema");
        n.items = compile(v);
      } else if (key == "description" || key == "title" || key == "$schema" || key == "$id" ||
                 key == "definitions" || key == "$comment" || key == "default" ||
                 key == "examples") {
        // Annotations: nothing to check.
      } else {
        // A keyword this check does not know would be silently ignored: refuse instead, so that
        // a schema change shows up in the tests rather than as wrong verdicts.
        throw std::logic_error("keyword \"" + std::string(key) +
                               "\" of the dataset schema is not supported by the fast check");
      }
    }
    compile_object_lookup(n);
    return &n;
  }

 private:
  // The bit of `name` among the first 64 properties, or 0.
  static uint64_t property_bit(const Node& n, std::string_view name) {
    for (std::size_t i = 0; i < n.properties.size() && i < 64; ++i) {
      if (n.properties[i].first == name)
        return uint64_t{1} << i;
    }
    return 0;
  }

  static void compile_object_lookup(Node& n) {
    for (const std::string& word : n.enum_values)
      n.enum_keys.emplace_back(NameKey(word), word);
    std::sort(n.enum_keys.begin(), n.enum_keys.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [name, sub] : n.properties)
      n.property_keys.emplace_back(name);
    for (const std::string& r : n.required) {
      if (const uint64_t bit = property_bit(n, r))
        n.required_bits |= bit;
      else
        n.required_elsewhere.push_back(r);
    }
    for (const auto& [name, needs] : n.dependencies) {
      const uint64_t bit = property_bit(n, name);
      uint64_t needed = 0;
      bool all_bits = bit != 0;
      for (const std::string& r : needs) {
        const uint64_t b = property_bit(n, r);
        needed |= b;
        all_bits &= b != 0;
      }
      if (all_bits)
        n.dependency_bits.emplace_back(bit, needed);
      else
        n.dependencies_elsewhere.emplace_back(name, needs);
    }
  }

  const rapidjson::Document& doc_;
  FastSchemaCheck::Compiled& out_;
};

template <typename JsonNode>
bool check(const FastSchemaCheck::Node& n, const JsonNode& v);

// v's type bit. kNumber: a double, or an integer beyond int64 (valijson's idea of "integer"
// decides those).
template <typename JsonNode>
uint8_t type_of(const JsonNode& v) {
  if (v.is_object())
    return kObject;
  if (v.is_array())
    return kArray;
  if (v.is_string())
    return kString;
  if (v.is_int64())
    return kInteger;
  if (v.is_number())
    return kNumber;
  return v.is_bool() ? kBoolean : kNull;
}
constexpr std::array<uint8_t, 256> kTapeTypes = [] {
  std::array<uint8_t, 256> types{};
  types['{'] = kObject;
  types['['] = kArray;
  types['"'] = kString;
  types['l'] = kInteger;
  types['u'] = types['d'] = kNumber;
  types['t'] = types['f'] = kBoolean;
  types['n'] = kNull;
  return types;
}();
inline uint8_t type_of(const SimdNode& v) {
  return kTapeTypes[static_cast<unsigned char>(v.tape_type())];
}

// Whether the string s meets n's enum, pattern and length keywords.
[[gnu::always_inline]] inline bool string_fits(const FastSchemaCheck::Node& n, std::string_view s) {
  if (n.has_enum && !in_words(n.enum_keys, s))
    return false;
  if (n.has_pattern && (n.pattern == nullptr || !n.pattern(s)))
    return false;
  if (s.size() < n.min_length)
    return false;  // code points ≤ bytes
  if (s.size() > n.max_length && code_points(s) > n.max_length)
    return false;
  if (n.min_length > 1 && code_points(s) < n.min_length)
    return false;
  return true;
}

// check(n, v), with a string leaf's check in place of the call (a call of check cost more than
// what it did for such a value: its frame is that of objects and arrays).
template <typename JsonNode>
[[gnu::always_inline]] inline bool check_value(const FastSchemaCheck::Node& n, const JsonNode& v) {
  if (n.string_leaf && v.is_string())
    return string_fits(n, v.string());
  return check(n, v);
}

// The slot of the property table a name's key falls in.
inline std::size_t property_slot(const NameKey& key, uint64_t multiplier, unsigned shift) {
  return static_cast<std::size_t>(((key.head ^ key.size) * multiplier) >> shift);
}

// The property named `key`: its index in n.properties and its subschema, or n.properties.size()
// and nullptr. Inlined, as g++ did when check_object had one instance; with two (RapidJSON's and
// simdjson's records) it kept the function apart.
struct FoundProperty {
  std::size_t index;
  const FastSchemaCheck::Node* sub;
};
[[gnu::always_inline]] inline FoundProperty find_property(const FastSchemaCheck::Node& n,
                                                          std::string_view key,
                                                          const NameKey& key_head) {
  if (!n.property_table.empty()) {
    const FastSchemaCheck::Node::PropertySlot& slot =
        n.property_table[property_slot(key_head, n.property_multiplier, n.property_shift)];
    const bool same = slot.head == key_head.head && slot.size == key_head.size &&
                      (key_head.size <= sizeof key_head.head ||
                       equal_short_text(std::string_view(slot.name, slot.size), key));
    return same ? FoundProperty{slot.index, slot.sub} : FoundProperty{n.properties.size(), nullptr};
  }
  for (std::size_t i = 0; i < n.properties.size(); ++i) {
    if (n.property_keys[i].matches(key_head, n.properties[i].first, key))
      return {i, n.properties[i].second};
  }
  return {n.properties.size(), nullptr};
}

template <typename JsonNode>
bool check_object(const FastSchemaCheck::Node& n, const JsonNode& v) {
  // A name given twice in one object (both parsers keep both members) is not valid here: the slow
  // path reports it. A named property seen twice is caught by its bit; an object with other
  // members (free keys, such as a record's `properties`) is compared pairwise, which is rare.
  uint64_t seen = 0;
  bool compare_pairwise = false;
  for (const auto m : v.members()) {
    const std::string_view key = m.name;
    const NameKey key_head(key);
    bool matched = false;
    if (const auto [i, sub] = find_property(n, key, key_head); sub != nullptr) {
      if (i >= 64) {
        compare_pairwise = true;
      } else if ((seen >> i & 1) != 0) {
        return false;
      } else {
        seen |= uint64_t{1} << i;
      }
      if (!check_value(*sub, m.value))
        return false;
      matched = true;
    }
    compare_pairwise |= !matched;
    for (const auto& [match, sub] : n.pattern_properties) {
      if (match == nullptr)
        return false;  // unknown pattern: let valijson decide
      if (match(key)) {
        if (!check(*sub, m.value))
          return false;
        matched = true;
      }
    }
    if (!matched) {
      if (!n.additional_allowed)
        return false;
      if (n.additional != nullptr && !check(*n.additional, m.value))
        return false;
    }
  }
  if ((seen & n.required_bits) != n.required_bits)
    return false;
  for (const std::string& r : n.required_elsewhere) {
    if (!v.find(r))
      return false;
  }
  for (const auto& [bit, needed] : n.dependency_bits) {
    if ((seen & bit) != 0 && (seen & needed) != needed)
      return false;
  }
  for (const auto& [name, needs] : n.dependencies_elsewhere) {
    if (!v.find(name))
      continue;
    for (const std::string& r : needs) {
      if (!v.find(r))
        return false;
    }
  }
  return !compare_pairwise || !repeated_member(v);
}

template <typename JsonNode>
bool check(const FastSchemaCheck::Node& n, const JsonNode& v) {
  if (n.ref != nullptr)
    return check(*n.ref, v);
  const uint8_t type = type_of(v);
  if (!(n.types & type))
    return false;
  if (n.has_enum && !v.is_string())
    return false;
  if (!n.any_of.empty() &&
      std::none_of(n.any_of.begin(), n.any_of.end(),
                   [&](const FastSchemaCheck::Node* sub) { return check(*sub, v); }))
    return false;
  switch (type) {
    case kString:
      return string_fits(n, v.string());
    case kInteger:
      return !n.has_minimum || static_cast<double>(v.int64()) >= n.minimum;
    case kNumber:
      return !n.has_minimum || v.number() >= n.minimum;
    case kArray:
      if (v.size() < n.min_items)
        return false;
      if (n.items != nullptr) {
        for (const JsonNode item : v.items()) {
          if (!check_value(*n.items, item))
            return false;
        }
      }
      return true;
    case kObject:
      return check_object(n, v);
    default:
      return true;
  }
}

}  // namespace

namespace {

// The node a chain of $refs ends at. A chain that loops ends nowhere: refused, as the keywords
// this check does not know are, rather than followed for ever by check.
const FastSchemaCheck::Node* past_refs(const FastSchemaCheck::Node* n, std::size_t node_count) {
  for (std::size_t hops = 0; n != nullptr && n->ref != nullptr; ++hops) {
    if (hops == node_count)
      throw std::logic_error("a $ref of the dataset schema refers, in the end, to itself");
    n = n->ref;
  }
  return n;
}

// Every subschema a node names, in place of the $ref naming it: most of a record's values are
// checked against a definition (ids, dates, sources), each a call of check more when reached
// through its $ref.
void skip_refs(FastSchemaCheck::Compiled& compiled) {
  const auto end_of = [count = compiled.nodes.size()](const FastSchemaCheck::Node* n) {
    return past_refs(n, count);
  };
  for (FastSchemaCheck::Node& n : compiled.nodes) {
    for (const FastSchemaCheck::Node*& sub : n.any_of)
      sub = end_of(sub);
    for (auto& [name, sub] : n.properties)
      sub = end_of(sub);
    for (auto& [match, sub] : n.pattern_properties)
      sub = end_of(sub);
    n.additional = end_of(n.additional);
    n.items = end_of(n.items);
  }
  compiled.root = end_of(compiled.root);
}

// Whether every string meets n (an alternative of an anyOf that constrains objects only).
bool every_string_fits(const FastSchemaCheck::Node& n) {
  return n.ref == nullptr && (n.types & kString) != 0 && !n.has_enum && !n.has_pattern &&
         n.min_length == 0 && n.max_length == SIZE_MAX && n.any_of.empty();
}

// n.property_table: a multiplier under which each name's key has a slot of its own, in a table of
// at least twice as many slots as names (the first of a fixed sequence of odd multipliers that
// does; in practice one of the first few dozen). Left empty when none does.
void build_property_table(FastSchemaCheck::Node& n) {
  using Slot = FastSchemaCheck::Node::PropertySlot;
  const std::size_t names = n.properties.size();
  if (names == 0)
    return;
  // Two names alike in length and first 8 bytes fall in one slot under every multiplier: none is
  // tried (some 10,000 would be, up to the largest table).
  for (std::size_t i = 0; i < names; ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (n.property_keys[i].head == n.property_keys[j].head &&
          n.property_keys[i].size == n.property_keys[j].size)
        return;
    }
  }
  unsigned bits = 3;
  while ((std::size_t{1} << bits) < 2 * names)
    ++bits;
  uint64_t state = 0x9E3779B97F4A7C15;  // splitmix64's sequence: the same table every run
  for (; bits <= 12; ++bits) {
    std::vector<Slot> table(std::size_t{1} << bits);
    for (int attempt = 0; attempt < 1000; ++attempt) {
      state += 0x9E3779B97F4A7C15;
      uint64_t z = state;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
      const uint64_t multiplier = (z ^ (z >> 31)) | 1;
      std::fill(table.begin(), table.end(), Slot{});
      bool separate = true;
      for (std::size_t i = 0; i < names && separate; ++i) {
        const NameKey& key = n.property_keys[i];
        Slot& slot = table[property_slot(key, multiplier, 64 - bits)];
        separate = slot.size == SIZE_MAX;
        slot = Slot{key.head, key.size, n.properties[i].first.data(), n.properties[i].second, i};
      }
      if (separate) {
        n.property_table = std::move(table);
        n.property_multiplier = multiplier;
        n.property_shift = 64 - bits;
        return;
      }
    }
  }
}

// What the check needs beyond the compiled keywords, once the $refs are skipped.
void finish_nodes(FastSchemaCheck::Compiled& compiled) {
  for (FastSchemaCheck::Node& n : compiled.nodes) {
    build_property_table(n);
    n.string_leaf = n.ref == nullptr && (n.types & kString) != 0 &&
                    (n.any_of.empty() || std::any_of(n.any_of.begin(), n.any_of.end(),
                                                     [](const FastSchemaCheck::Node* a) {
                                                       return every_string_fits(*a);
                                                     }));
  }
}

}  // namespace

FastSchemaCheck::FastSchemaCheck(const rapidjson::Document& schema)
    : compiled_(std::make_unique<Compiled>()) {
  compiled_->root = Compiler(schema, *compiled_).compile(schema);
  skip_refs(*compiled_);
  finish_nodes(*compiled_);
}

FastSchemaCheck::~FastSchemaCheck() = default;

std::optional<bool> FastSchemaCheck::match_pattern(std::string_view pattern,
                                                   std::string_view text) {
  const Matcher m = matcher_for(pattern);
  if (m == nullptr)
    return std::nullopt;
  return m(text);
}

bool FastSchemaCheck::valid(const rapidjson::Value& value) const {
  return check(*compiled_->root, RapidNode(value));
}

bool FastSchemaCheck::valid(const SimdNode& value) const {
  return check(*compiled_->root, value);
}

}  // namespace jurigraph::ingest
