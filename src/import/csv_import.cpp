#include "import/csv_import.hpp"

#include <algorithm>
#include <unordered_map>

#include "base/source_text.hpp"

namespace jurigraph::import {

namespace {

// A value taken from a row, with the place of the cell it came from.
struct Cell {
  std::string text;  // empty: no value
  Location where;
};

class RowMapper {
 public:
  RowMapper(const std::string& path, const CsvTable& table, const CsvMapping& mapping,
            CsvImportResult& result, std::size_t max_errors)
      : path_(path),
        table_(table),
        m_(mapping),
        result_(result),
        doc_(result.document),
        max_errors_(max_errors) {
    for (std::size_t i = 0; i < table.header.size(); ++i)
      columns_.emplace(table.header[i], i);
  }

  // False (with diagnostics) when the mapping names a column the sheet does not have.
  bool bind() {
    bool ok = true;
    for (const ColumnRef* c : m_.columns()) {
      if (columns_.count(c->name) != 0)
        continue;
      std::string list;
      for (const std::string& h : table_.header)
        list += (list.empty() ? "\"" : ", \"") + h + "\"";
      result_.diagnostics.error(
          c->where, "unknown column \"" + c->name + "\" in " + path_ + ": its columns are " + list);
      ok = false;
    }
    return ok;
  }

  void start() {
    doc_.set_info(m_.info);
    if (m_.file_source)
      file_source_ = doc_.add_source(*m_.file_source);
    for (EntityRecord e : m_.entities) {
      e.sources = {file_source_};
      doc_.add_entity(std::move(e));
    }
  }

  void map(const CsvRecord& row) {
    row_ = &row;
    DecisionRecord d;
    d.origin.record = Location(path_, row.line(), 1);
    d.sources = row_sources();

    d.id = take(d, "id", required(m_.id, "id", d.origin.record, /*for_id=*/true));
    d.kind = take(d, "kind", required(m_.kind, "kind", d.origin.record));
    d.name = take(d, "name", value(m_.name));
    const std::vector<std::string> issuers = entities(m_.issued_by, d, "issued_by");
    if (issuers.size() == 1)
      d.issued_by = issuers.front();
    else if (issuers.empty() && !failed_)
      error(d.origin.record,
            "no issuer: the cell of column \"" + m_.issued_by.column.name + "\" is empty");
    else if (issuers.size() > 1)
      error(d.origin.of("issued_by"),
            "a decision has one issuer, this cell names " + std::to_string(issuers.size()));
    if (m_.against.present())
      d.against = entities(m_.against, d, "against");
    date(d);
    d.number = take(d, "number", value(m_.number));
    amount(d);
    for (const auto& [key, spec] : m_.identifiers) {
      const Cell c = value(spec);
      if (!c.text.empty())
        d.identifiers.emplace_back(key, take(d, "identifiers", c));
    }
    cites(d);
    d.summary = take(d, "summary", value(m_.summary));
    for (const auto& [key, spec] : m_.properties) {
      const Cell c = value(spec);
      if (!c.text.empty())
        d.properties.emplace_back(key, take(d, "properties", c));
    }
    if (!failed_)
      doc_.add_decision(std::move(d));
    failed_ = false;
  }

 private:
  const CsvField& field(const ColumnRef& c) const { return row_->fields[columns_.at(c.name)]; }
  static Location place(const std::string& path, const CsvField& f) {
    return Location(path, f.line, f.column);
  }

  std::string text(const CsvField& f) const {
    const std::string_view t = trim(f.text);
    return m_.decode_html_entities && t.find('&') != std::string_view::npos
               ? decode_html_entities(t)
               : std::string(t);
  }

  Cell cell(const ColumnRef& c) const {
    const CsvField& f = field(c);
    return {text(f), place(path_, f)};
  }

  Cell value(const ValueSpec& spec, bool for_id = false) {
    Cell c;
    switch (spec.kind) {
      case ValueSpec::Kind::none:
        return c;
      case ValueSpec::Kind::column:
        c = cell(spec.column);
        break;
      case ValueSpec::Kind::constant:
        c.text = spec.constant;
        c.where = Location(path_, row_->line(), 1);
        break;
      case ValueSpec::Kind::templates:
        c.where = Location(path_, row_->line(), 1);
        for (const ValueSpec::Template& t : spec.templates) {
          if (fill(t, for_id, c))
            break;
        }
        break;
    }
    if (c.text.empty() || spec.values.empty())
      return c;
    for (const auto& [from, to] : spec.values) {
      if (from == c.text) {
        c.text = to;
        return c;
      }
    }
    std::string list;
    for (const auto& [from, to] : spec.values)
      list += (list.empty() ? "\"" : ", \"") + from + "\"";
    error(c.where,
          "\"" + c.text + "\" is not in the mapping's " + spec.pointer + "/values (" + list + ")");
    c.text.clear();
    return c;
  }

  // A template with every {Column} replaced (slugged for ids); false when a cell is empty.
  bool fill(const ValueSpec::Template& t, bool for_id, Cell& out) const {
    std::string s;
    std::size_t pos = 0;
    for (const ColumnRef& c : t.columns) {
      const std::size_t open = t.text.find('{', pos);
      s.append(t.text, pos, open - pos);
      const CsvField& f = field(c);
      const std::string value = for_id ? slug(text(f)) : text(f);
      if (value.empty())
        return false;
      if (c.name == t.columns.front().name)
        out.where = place(path_, f);
      s += value;
      pos = t.text.find('}', open) + 1;
    }
    s.append(t.text, pos);
    out.text = std::move(s);
    return true;
  }

  // A value the decision must have; an empty one is an error, unless value() said why already.
  Cell required(const ValueSpec& spec, const char* what, const Location& row, bool for_id = false) {
    const std::size_t before = errors_;
    Cell c = value(spec, for_id);
    if (c.text.empty() && errors_ == before)
      error(row, std::string("no decision ") + what + ": " + empty_columns(spec));
    return c;
  }

  std::string empty_columns(const ValueSpec& spec) const {
    if (spec.kind == ValueSpec::Kind::column)
      return "the cell of column \"" + spec.column.name + "\" is empty";
    std::string list;
    for (const ValueSpec::Template& t : spec.templates) {
      for (const ColumnRef& c : t.columns) {
        if (text(field(c)).empty() && list.find("\"" + c.name + "\"") == std::string::npos)
          list += (list.empty() ? "\"" : ", \"") + c.name + "\"";
      }
    }
    return "every template has an empty cell (columns " + list + ")";
  }

  std::string take(DecisionRecord& d, const char* field_name, const Cell& c) const {
    if (!c.text.empty())
      d.origin.set(field_name, c.where);
    return c.text;
  }

  std::vector<std::string> row_sources() {
    if (m_.row_source_url.present()) {
      const Cell url = value(m_.row_source_url);
      if (!url.text.empty()) {
        SourceRecord s;
        s.url = url.text;
        s.title = value(m_.row_source_title).text;
        s.publisher = m_.row_source_publisher;
        s.kind = m_.row_source_kind;
        s.origin = url.where;
        return {doc_.add_source(s)};
      }
    }
    if (!file_source_.empty())
      return {file_source_};
    error(Location(path_, row_->line(), 1), "no source for this row: the cell of column \"" +
                                                m_.row_source_url.column.name +
                                                "\" is empty and the mapping has no file_source");
    return {};
  }

  std::vector<std::string> split(const std::string& text, const std::string& separator) const {
    std::vector<std::string> parts;
    if (separator.empty()) {
      if (!text.empty())
        parts.push_back(text);
      return parts;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = std::min(text.find(separator, start), text.size());
      const std::string_view part = trim(std::string_view(text).substr(start, end - start));
      if (!part.empty())
        parts.emplace_back(part);
      start = end + separator.size();
    }
    return parts;
  }

  std::vector<std::string> entities(const EntityRefSpec& spec, DecisionRecord& d,
                                    const char* field_name) {
    if (!spec.id.empty())
      return {spec.id};
    const Cell c = cell(spec.column);
    std::vector<std::string> ids;
    for (const std::string& name : split(c.text, spec.separator)) {
      d.origin.set(field_name, c.where);
      const auto mapped = std::find_if(spec.ids.begin(), spec.ids.end(),
                                       [&](const auto& p) { return p.first == name; });
      if (mapped != spec.ids.end()) {
        ids.push_back(mapped->second);
        continue;
      }
      if (spec.label.empty()) {
        error(c.where, "\"" + name + "\" is not in the mapping's " + spec.pointer +
                           "/ids, and the mapping makes no entities from it (give \"label\" and "
                           "\"prefix\")");
        continue;
      }
      const std::optional<std::string> id = make_id(spec.prefix, name);
      if (!id) {
        error(c.where, "no id can be made from the name \"" + name +
                           "\": it has no letter or digit of the Latin alphabet");
        continue;
      }
      EntityRecord e;
      e.id = *id;
      e.label = spec.label;
      e.name = name;
      e.sources = d.sources;
      e.origin.record = c.where;
      doc_.add_entity(std::move(e));
      ids.push_back(*id);
    }
    return ids;
  }

  void date(DecisionRecord& d) {
    if (m_.date_column.name.empty())
      return;
    const Cell c = cell(m_.date_column);
    if (c.text.empty())
      return;
    if (std::optional<std::string> iso = parse_date(c.text, m_.date_format)) {
      d.date = std::move(*iso);
      d.origin.set("date", c.where);
      return;
    }
    error(c.where, "invalid date \"" + c.text + "\" in column \"" + m_.date_column.name +
                       "\": expected " + m_.date_format + ", a real calendar date");
  }

  void amount(DecisionRecord& d) {
    if (m_.amount_column.name.empty())
      return;
    const Cell c = cell(m_.amount_column);
    if (c.text.empty())
      return;
    const std::optional<int64_t> hundredths = parse_amount(c.text, m_.amount_format);
    if (!hundredths) {
      error(c.where, "invalid amount \"" + c.text + "\" in column \"" + m_.amount_column.name +
                         "\": expected a number such as " + amount_example(m_.amount_format) +
                         " (at most two decimals)");
      return;
    }
    d.amount = hundredths;
    d.origin.set("amount", c.where);
    const Cell currency = value(m_.currency);
    if (currency.text.empty()) {
      error(c.where, "an amount without a currency: " + empty_columns(m_.currency));
      return;
    }
    d.currency = take(d, "currency", currency);
  }

  void cites(DecisionRecord& d) {
    const CitesSpec& spec = m_.cites;
    if (spec.column.name.empty())
      return;
    const Cell c = cell(spec.column);
    for (const std::string& citation : split(c.text, spec.separator)) {
      d.origin.set("cites", c.where);
      const std::optional<std::string> id = provision(citation, d.sources, c.where);
      if (!id) {
        error(c.where, "no provision for \"" + citation + "\" in column \"" + spec.column.name +
                           "\": add it to the mapping's /decision/cites/table or a pattern");
        continue;
      }
      const bool cited = std::any_of(d.cites.begin(), d.cites.end(),
                                     [&](const Citation& x) { return x.provision == *id; });
      if (!cited)
        d.cites.push_back({*id, spec.role});
    }
  }

  std::optional<std::string> provision(const std::string& citation,
                                       const std::vector<std::string>& sources,
                                       const Location& where) {
    for (const auto& [from, to] : m_.cites.table) {
      if (from == citation)
        return to;
    }
    std::smatch groups;
    for (const CitePattern& p : m_.cites.patterns) {
      if (!std::regex_match(citation, groups, p.match))
        continue;
      const std::string id = groups.format(dollar_groups(p.id));
      if (!p.name.empty()) {
        EntityRecord e;
        e.id = id;
        e.label = "Provision";
        e.name = groups.format(dollar_groups(p.name));
        // The mapping names it: the file's source, when there is one, rather than every row's.
        e.sources = file_source_.empty() ? sources : std::vector<std::string>{file_source_};
        e.origin.record = where;
        doc_.add_entity(std::move(e));
      }
      return id;
    }
    return std::nullopt;
  }

  // {1} → $1, for std::match_results::format.
  static std::string dollar_groups(const std::string& t) {
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '{' && i + 2 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '9' &&
          t[i + 2] == '}') {
        out += '$';
        out += t[i + 1];
        i += 2;
      } else if (t[i] == '$') {
        out += "$$";
      } else {
        out += t[i];
      }
    }
    return out;
  }

  void error(const Location& where, std::string message) {
    failed_ = true;
    if (++errors_ <= max_errors_)
      result_.diagnostics.error(where, std::move(message));
  }

 public:
  std::size_t errors() const { return errors_; }

 private:
  const std::string& path_;
  const CsvTable& table_;
  const CsvMapping& m_;
  CsvImportResult& result_;
  DatasetDocument& doc_;
  std::size_t max_errors_;
  std::unordered_map<std::string, std::size_t> columns_;
  std::string file_source_;
  const CsvRecord* row_ = nullptr;
  bool failed_ = false;
  std::size_t errors_ = 0;
};

}  // namespace

CsvImportResult import_csv_table(const std::string& sheet_path, const CsvTable& table,
                                 const CsvMapping& mapping, const CsvImportOptions& options) {
  CsvImportResult result;
  result.rows = table.rows.size();
  RowMapper mapper(sheet_path, table, mapping, result, options.max_errors);
  if (!mapper.bind())
    return result;
  mapper.start();
  for (const CsvRecord& row : table.rows)
    mapper.map(row);
  if (mapper.errors() > options.max_errors) {
    result.diagnostics.add(
        {Severity::note,
         Location(sheet_path),
         std::to_string(mapper.errors() - options.max_errors) + " more errors not shown",
         {}});
  }
  if (mapper.errors() == 0)
    result.diagnostics.append(result.document.check(options.context));
  // The sheet's lines under its diagnostics, with a caret at the cell.
  const SourceText sheet(table.text);
  Diagnostics shown;
  for (Diagnostic d : result.diagnostics.all()) {
    if (d.where.file == sheet_path && d.where.line > 0 && d.source_line.empty())
      d.source_line = std::string(sheet.line(d.where.line));
    shown.add(std::move(d));
  }
  result.diagnostics = std::move(shown);
  return result;
}

CsvImportResult import_csv_text(const std::string& sheet_path, std::string_view text,
                                const CsvMapping& mapping, const CsvImportOptions& options) {
  return import_csv_table(sheet_path, parse_csv(sheet_path, text, mapping.dialect), mapping,
                          options);
}

CsvImportResult import_csv(const std::string& sheet_path, const CsvMapping& mapping,
                           const CsvImportOptions& options) {
  return import_csv_table(sheet_path, read_csv_file(sheet_path, mapping.dialect), mapping, options);
}

}  // namespace jurigraph::import
