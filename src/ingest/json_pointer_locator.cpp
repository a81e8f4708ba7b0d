// Finds where a JSON pointer's value starts in the text of a valid JSON document. Used only on
// the error path, so the parse itself stays free of position bookkeeping.
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
  // Calls stop(i) at the start of each element i of the array at pos_ until it returns true,
  // and leaves pos_ there; false, with pos_ unchanged, when it never does.
  template <typename Stop>
  bool find_element(Stop&& stop) {
    const std::size_t start = pos_;
    if (pos_ >= s_.size() || s_[pos_] != '[')
      return false;
    ++pos_;
    for (std::size_t i = 0;; ++i) {
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] == ']')
        break;
      if (stop(i))
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
    return find_element([&](std::size_t i) { return i == index; });
  }
  std::size_t pos() const { return pos_; }
  char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }

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
  for (std::size_t n = 0; n < names.size(); ++n) {
    // The first member of the name, as a pointer's look-up finds it; a scan of the top level a
    // name (three at most), once a file.
    Scanner scanner(text);
    scanner.skip_space();
    if (scanner.enter_member(std::string(names[n])))
      scanner.find_element([&](std::size_t) {
        starts[n].push_back(scanner.pos());
        return false;
      });
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
