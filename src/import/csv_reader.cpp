#include "import/csv_reader.hpp"

#include <cerrno>
#include <cstring>

#include "base/file_text.hpp"
#include "base/source_text.hpp"
#include "base/utf8.hpp"

namespace jurigraph::import {

namespace {

// Walks the text once, tracking line and column; `text` starts after any byte-order mark.
class CsvParser {
 public:
  CsvParser(const std::string& path, std::string_view text, char delimiter)
      : path_(path), text_(text), delimiter_(delimiter) {}

  // The next record, or false at the end of the text.
  bool next(CsvRecord& record) {
    record.fields.clear();
    // Blank lines are no records (a sheet often ends with one or two).
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
      if (text_[pos_] == '\n')
        new_line();
      else
        ++pos_, ++column_;
    }
    if (pos_ >= text_.size())
      return false;
    while (true) {
      CsvField& field = record.fields.emplace_back();
      field.line = line_;
      field.column = column_;
      const bool is_quoted = pos_ < text_.size() && text_[pos_] == '"';
      const bool end_of_record = is_quoted ? quoted(field) : unquoted(field);
      if (end_of_record)
        return true;
    }
  }

 private:
  [[noreturn]] void fail(uint32_t line, uint32_t column, std::string message) const {
    Diagnostic d;
    d.where = Location(path_, line, column);
    d.message = std::move(message);
    d.source_line = std::string(SourceText(text_).line(line));
    throw Error(std::move(d));
  }

  void new_line() {
    ++pos_;
    ++line_;
    column_ = 1;
  }
  // Advances over one character of a field (any byte but a line break), counting code points.
  void advance() {
    // A continuation byte does not start a code point: the column moved with its lead byte.
    if ((static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80)
      ++column_;
    ++pos_;
  }

  // After a field: true at the end of the record (line break or end of text, consumed), false
  // after a delimiter (consumed).
  bool end_of_field() {
    if (pos_ >= text_.size())
      return true;
    const char c = text_[pos_];
    if (c == delimiter_) {
      advance();
      return false;
    }
    if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n')
      ++pos_;
    new_line();
    return true;
  }

  bool unquoted(CsvField& field) {
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == delimiter_ || c == '\n' ||
          (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n'))
        break;
      if (c == '"')
        fail(line_, column_,
             "a quote inside an unquoted field: quote the whole field and double the quotes in it "
             "(\"say \"\"hello\"\"\")");
      advance();
    }
    field.text.assign(text_.substr(start, pos_ - start));
    return end_of_field();
  }

  bool quoted(CsvField& field) {
    const uint32_t open_line = line_, open_column = column_;
    advance();  // the opening quote
    std::size_t run = pos_;
    while (true) {
      if (pos_ >= text_.size())
        fail(open_line, open_column,
             "unterminated quoted field: the quote opened here is never closed");
      const char c = text_[pos_];
      if (c == '"') {
        field.text.append(text_.substr(run, pos_ - run));
        advance();
        if (pos_ < text_.size() && text_[pos_] == '"') {  // a doubled quote stands for one
          field.text += '"';
          advance();
          run = pos_;
          continue;
        }
        break;
      }
      if (c == '\n') {
        ++pos_;
        ++line_;
        column_ = 1;
        continue;
      }
      advance();
    }
    if (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' &&
        !(text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n'))
      fail(line_, column_,
           "unexpected character after a closing quote: a quoted field ends at the delimiter or "
           "the end of the line");
    // Inside quotes, CRLF is kept as the sheet wrote it but for its CR: a line break is "\n".
    std::string& t = field.text;
    std::size_t out = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '\r' && i + 1 < t.size() && t[i + 1] == '\n')
        continue;
      t[out++] = t[i];
    }
    t.resize(out);
    return end_of_field();
  }

  const std::string& path_;
  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
  uint32_t line_ = 1;
  uint32_t column_ = 1;
};

}  // namespace

CsvTable parse_csv(const std::string& path, std::string_view text, const CsvDialect& dialect) {
  std::string_view body = text;
  if (body.starts_with("\xEF\xBB\xBF"))
    body.remove_prefix(3);
  if (const std::size_t bad = utf8::first_invalid(body); bad != std::string_view::npos) {
    const LineColumn at = SourceText(body).position(bad);
    throw Error(Location(path, at.line, at.column),
                "invalid UTF-8: save the sheet as UTF-8 (in a spreadsheet: CSV UTF-8)");
  }
  CsvTable table;
  CsvParser parser(path, body, dialect.delimiter);
  CsvRecord record;
  std::size_t width = 0;
  if (dialect.header) {
    if (!parser.next(record))
      throw Error(Location(path, 1, 1), "the sheet is empty: expected a header row");
    for (CsvField& f : record.fields) {
      if (f.text.empty())
        throw Error(Location(path, f.line, f.column), "empty column name in the header row");
      for (const std::string& seen : table.header) {
        if (seen == f.text)
          throw Error(Location(path, f.line, f.column),
                      "duplicate column name \"" + f.text + "\" in the header row");
      }
      table.header.push_back(std::move(f.text));
    }
    width = table.header.size();
  }
  while (parser.next(record)) {
    if (width == 0) {
      width = record.fields.size();
      for (std::size_t i = 1; i <= width; ++i)
        table.header.push_back("column " + std::to_string(i));
    }
    if (record.fields.size() != width) {
      const CsvField& at =
          record.fields.size() > width ? record.fields[width] : record.fields.back();
      throw Error(
          Location(path, at.line, at.column),
          "this row has " + std::to_string(record.fields.size()) + " fields, the header " +
              std::to_string(width) + " (is the delimiter '" +
              (dialect.delimiter == '\t' ? std::string("\\t") : std::string(1, dialect.delimiter)) +
              "' the sheet's?)");
    }
    table.rows.push_back(std::move(record));
    record = CsvRecord();
  }
  table.text.assign(body);
  return table;
}

CsvTable read_csv_file(const std::string& path, const CsvDialect& dialect) {
  const std::optional<std::string> text = read_file_text(path);
  if (!text)
    throw Error(Location(path), std::string("cannot read file: ") + std::strerror(errno));
  return parse_csv(path, *text, dialect);
}

}  // namespace jurigraph::import
