// Reading one dataset file: its bytes, its parsed RapidJSON document and the means to turn a
// JSON pointer into file:line:col for diagnostics.
#pragma once

#include <rapidjson/document.h>

#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/source_text.hpp"
#include "ingest/dataset_file.hpp"

namespace jurigraph::ingest {

class JsonFile final : public DatasetFile {
 public:
  // Reads and parses `path`. Unreadable files, empty files, a byte-order mark, invalid UTF-8
  // and malformed JSON are reported in `diagnostics`; `ok()` then returns false.
  JsonFile(std::string path, Diagnostics& diagnostics);
  // Parses text already in memory (tests, standard input); `path` names it in diagnostics.
  JsonFile(std::string path, std::string text, Diagnostics& diagnostics);
  // The line table views the text: a JsonFile stays where it was made.
  JsonFile(const JsonFile&) = delete;
  JsonFile& operator=(const JsonFile&) = delete;

  bool ok() const { return ok_; }
  const std::string& path() const override { return path_; }
  const rapidjson::Document& document() const { return document_; }
  std::string_view text() const { return text_; }

  // A location for a JSON pointer into this file: the start of the value it names, or of the
  // nearest enclosing value that exists.
  Location locate(std::string_view pointer) const override;
  // The diagnostic for `pointer`, with line, column and source line filled in.
  Diagnostic diagnostic(Severity severity, std::string_view pointer,
                        std::string message) const override;

 private:
  void parse(Diagnostics& diagnostics);
  Diagnostic at_offset(std::size_t offset, std::string message) const;
  // The byte `pointer` locates: scanned from its record's start for a pointer into a record.
  std::size_t pointer_offset(std::string_view pointer) const;

  std::string path_;
  std::string text_;
  rapidjson::Document document_;
  std::unique_ptr<SourceText> source_;
  bool ok_ = false;
  // Where each record of /entities, /decisions and /relations starts, found at the first look-up
  // (merged entities' claims and warnings locate their records by the thousand: a scan from the
  // file's start each time took minutes).
  mutable std::once_flag record_starts_found_;
  mutable std::vector<std::vector<std::size_t>> record_starts_;
};

// Byte offset of the value a JSON pointer names in `text` (valid JSON), or of the deepest
// existing ancestor when the pointer goes further than the document.
std::size_t locate_json_pointer(std::string_view text, std::string_view pointer);
// The same for a pointer below the value that starts at byte `from`.
std::size_t locate_json_pointer(std::string_view text, std::string_view pointer, std::size_t from);
// Where each element of the top-level arrays named `names[i]` starts in `text` (a valid JSON
// object), by name; empty for a name absent or not an array.
std::vector<std::vector<std::size_t>> top_level_array_elements(
    std::string_view text, std::span<const std::string_view> names);

// The first object, anywhere in `v`, with a repeated member name (repeated_member in
// json_nodes.hpp: RapidJSON keeps both members, and which one a reader uses would be a guess):
// fills in the object's pointer (below the one `pointer` holds) and the name; false when every
// object's names are distinct.
bool find_duplicate_key(const rapidjson::Value& v, std::string& pointer, std::string& key);
// The diagnostic's message for find_duplicate_key's `key`, in JSON and JSON Lines files alike.
std::string duplicate_key_message(std::string_view key);

// Whether a text starts with a UTF-16 byte-order mark (either order), and what is said of it.
inline bool starts_with_utf16_bom(std::string_view text) {
  return text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF");
}
inline constexpr std::string_view kUtf16Message =
    "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 without BOM";

// How RapidJSON parses datasets: UTF-8 checked, iteratively (no recursion on deep input), and
// decimals rounded correctly, as simdjson rounds them (JSON Lines records), so that a number
// reads the same whichever parser read it.
inline constexpr unsigned kJsonParseFlags = rapidjson::kParseValidateEncodingFlag |
                                            rapidjson::kParseIterativeFlag |
                                            rapidjson::kParseFullPrecisionFlag;
// Datasets nest a few levels; anything deeper is a mistake or an attack on the stack.
constexpr int kMaxDepth = 64;
// Offset of the first \u escape in `text` (which parsed as JSON: its backslashes are in strings)
// that is half of a UTF-16 surrogate pair without the other half, or npos. RapidJSON refuses a
// high one alone but takes a low one (\udc00) and stores bytes that are not UTF-8, which every
// export would then write out.
std::size_t lone_surrogate_at(std::string_view text);
inline constexpr std::string_view kLoneSurrogateMessage =
    "a \\u escape of half a UTF-16 surrogate pair, without the other half: it encodes no "
    "character (write the character itself, or both halves in a row)";
// Offset of the first bracket that opens a value deeper than kMaxDepth, or npos.
std::size_t too_deep_at(std::string_view text);
// "malformed JSON: missing a comma or '}' after an object member", for a RapidJSON error.
std::string parse_error_message(rapidjson::ParseErrorCode code);
// The same, told what the text holds at the error's offset (a raw control character in a string).
std::string parse_error_message(rapidjson::ParseErrorCode code, std::string_view text,
                                std::size_t offset);

// Escapes a pointer token (~ → ~0, / → ~1).
std::string pointer_token(std::string_view key);

}  // namespace jurigraph::ingest
