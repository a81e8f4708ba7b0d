// Finds where a JSON pointer's value starts in the text of a valid JSON document. Used only on
// the error path, so the parse itself stays free of position bookkeeping.
#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/json_file.hpp"

namespace jurigraph::ingest {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text, std::size_t from = 0) : s_(text), pos_(from) {}

  void skip_space() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t'))
      ++pos_;
  }
  // Reads a string token at pos_ and returns its decoded content (escapes kept simple: only
  // what object keys need to be compared with pointer tokens).
  std::string read_string() {
    std::string out;
    ++pos_;  // opening quote
    while (pos_ < s_.size() && s_[pos_] != '"') {
      if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) {
        const char e = s_[pos_ + 1];
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'u':
            out += '?';
            pos_ += 4;
            break;  // rare in keys; never equal to a token then
          default:
            out += e;
            break;
        }
        pos_ += 2;
        continue;
      }
      out += s_[pos_++];
    }
    ++pos_;  // closing quote
    return out;
  }
  void skip_value() {
    skip_space();
    if (pos_ >= s_.size())
      return;
    const char c = s_[pos_];
    if (c == '"') {
      read_string();
    } else if (c == '{' || c == '[') {
      int depth = 0;
      while (pos_ < s_.size()) {
        const char d = s_[pos_];
        if (d == '"') {
          read_string();
          continue;
        }
        if (d == '{' || d == '[')
          ++depth;
        if (d == '}' || d == ']') {
          --depth;
          if (depth == 0) {
            ++pos_;
            return;
          }
        }
        ++pos_;
      }
    } else {
      while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '}' && s_[pos_] != ']' &&
             s_[pos_] != ' ' && s_[pos_] != '\n' && s_[pos_] != '\r' && s_[pos_] != '\t')
        ++pos_;
    }
  }
  // Moves into the member `key` of the object at pos_; false when absent (pos_ unchanged).
  bool enter_member(const std::string& key) {
    const std::size_t start = pos_;
    if (pos_ >= s_.size() || s_[pos_] != '{')
      return false;
    ++pos_;
    while (true) {
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != '"')
        break;
      const std::string name = read_string();
      skip_space();
      ++pos_;  // colon
      skip_space();
      if (name == key)
        return true;
      skip_value();
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      break;
    }
    pos_ = start;
    return false;
  }
  bool enter_element(std::size_t index) {
    const std::size_t start = pos_;
    if (pos_ >= s_.size() || s_[pos_] != '[')
      return false;
    ++pos_;
    for (std::size_t i = 0;; ++i) {
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] == ']')
        break;
      if (i == index)
        return true;
      skip_value();
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      break;
    }
    pos_ = start;
    return false;
  }
  std::size_t pos() const { return pos_; }
  char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  void advance() {
    if (pos_ < s_.size())
      ++pos_;
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

std::vector<std::string> split_pointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty())
    return tokens;
  std::size_t pos = 1;  // skip the leading '/'
  while (true) {
    const std::size_t next = pointer.find('/', pos);
    std::string raw(
        pointer.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    std::string token;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size()) {
        token += raw[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        token += raw[i];
      }
    }
    tokens.push_back(std::move(token));
    if (next == std::string_view::npos)
      break;
    pos = next + 1;
  }
  return tokens;
}

bool is_index(const std::string& token) {
  if (token.empty() || token.size() > 9)
    return false;
  for (char c : token) {
    if (c < '0' || c > '9')
      return false;
  }
  return true;
}

}  // namespace

std::size_t locate_json_pointer(std::string_view text, std::string_view pointer) {
  return locate_json_pointer(text, pointer, 0);
}

std::size_t locate_json_pointer(std::string_view text, std::string_view pointer, std::size_t from) {
  Scanner scanner(text, from);
  scanner.skip_space();
  for (const std::string& token : split_pointer(pointer)) {
    const bool entered = scanner.peek() == '[' && is_index(token)
                             ? scanner.enter_element(std::stoul(token))
                             : scanner.enter_member(token);
    if (!entered)
      break;
  }
  return scanner.pos();
}

std::vector<std::vector<std::size_t>> top_level_array_elements(
    std::string_view text, std::span<const std::string_view> names) {
  std::vector<std::vector<std::size_t>> starts(names.size());
  std::vector<bool> seen(names.size());
  Scanner scanner(text);
  scanner.skip_space();
  if (scanner.peek() != '{')
    return starts;
  scanner.advance();
  while (true) {
    scanner.skip_space();
    if (scanner.peek() != '"')
      break;
    const std::string name = scanner.read_string();
    scanner.skip_space();
    scanner.advance();  // colon
    scanner.skip_space();
    const auto wanted = std::find(names.begin(), names.end(), name);
    const auto index = static_cast<std::size_t>(wanted - names.begin());
    // The first member of a name, as enter_member finds it.
    if (wanted != names.end() && !seen[index] && scanner.peek() == '[') {
      seen[index] = true;
      scanner.advance();
      while (true) {
        scanner.skip_space();
        if (scanner.peek() == ']' || scanner.peek() == '\0')
          break;
        starts[index].push_back(scanner.pos());
        scanner.skip_value();
        scanner.skip_space();
        if (scanner.peek() != ',')
          break;
        scanner.advance();
      }
      scanner.skip_space();
      scanner.advance();  // ]
    } else {
      scanner.skip_value();
    }
    scanner.skip_space();
    if (scanner.peek() != ',')
      break;
    scanner.advance();
  }
  return starts;
}

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace jurigraph::ingest
