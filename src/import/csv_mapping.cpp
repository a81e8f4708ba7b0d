#include "import/csv_mapping.hpp"

#include "base/file_text.hpp"
#include "import/embedded_mapping_schema.hpp"
#include "ingest/json_file.hpp"
#include "ingest/schema_check.hpp"

namespace jurigraph::import {

std::vector<const ColumnRef*> CsvMapping::columns() const {
  std::vector<const ColumnRef*> out;
  auto value = [&out](const ValueSpec& v) {
    if (v.kind == ValueSpec::Kind::column)
      out.push_back(&v.column);
    for (const ValueSpec::Template& t : v.templates) {
      for (const ColumnRef& c : t.columns)
        out.push_back(&c);
    }
  };
  auto column = [&out](const ColumnRef& c) {
    if (!c.name.empty())
      out.push_back(&c);
  };
  value(row_source_url);
  value(row_source_title);
  value(id);
  value(kind);
  value(name);
  column(issued_by.column);
  column(against.column);
  column(date_column);
  value(number);
  column(amount_column);
  value(currency);
  for (const auto& [key, v] : identifiers)
    value(v);
  column(cites.column);
  value(summary);
  for (const auto& [key, v] : properties)
    value(v);
  return out;
}

namespace {

using ingest::JsonFile;
using ingest::pointer_token;

std::string text_of(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject() || !object.HasMember(name) || !object[name].IsString())
    return {};
  const rapidjson::Value& v = object[name];
  return std::string(v.GetString(), v.GetStringLength());
}

std::vector<std::pair<std::string, std::string>> string_map(const rapidjson::Value& object,
                                                            const char* name) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!object.HasMember(name))
    return out;
  for (const auto& m : object[name].GetObject()) {
    out.emplace_back(std::string(m.name.GetString(), m.name.GetStringLength()),
                     std::string(m.value.GetString(), m.value.GetStringLength()));
  }
  return out;
}

// The schema has checked the shapes; this reads them.
class MappingReader {
 public:
  MappingReader(const JsonFile& file, Diagnostics& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  ColumnRef column(const rapidjson::Value& object, const std::string& pointer) const {
    ColumnRef c;
    c.name = text_of(object, "column");
    if (!c.name.empty())
      c.where = file_.locate(pointer + "/column");
    return c;
  }

  ValueSpec value(const rapidjson::Value& parent, const char* name,
                  const std::string& parent_pointer) const {
    ValueSpec spec;
    if (!parent.HasMember(name))
      return spec;
    const rapidjson::Value& v = parent[name];
    spec.pointer = parent_pointer + "/" + pointer_token(name);
    spec.values = string_map(v, "values");
    if (v.HasMember("column")) {
      spec.kind = ValueSpec::Kind::column;
      spec.column = column(v, spec.pointer);
    } else if (v.HasMember("constant")) {
      spec.kind = ValueSpec::Kind::constant;
      spec.constant = text_of(v, "constant");
    } else if (v.HasMember("template")) {
      spec.kind = ValueSpec::Kind::templates;
      const rapidjson::Value& t = v["template"];
      if (t.IsString()) {
        spec.templates.push_back(parse_template(t, spec.pointer + "/template"));
      } else {
        for (rapidjson::SizeType i = 0; i < t.Size(); ++i)
          spec.templates.push_back(
              parse_template(t[i], spec.pointer + "/template/" + std::to_string(i)));
      }
    }
    return spec;
  }

  EntityRefSpec entity_ref(const rapidjson::Value& parent, const char* name,
                           const std::string& parent_pointer) const {
    EntityRefSpec spec;
    if (!parent.HasMember(name))
      return spec;
    const rapidjson::Value& v = parent[name];
    spec.pointer = parent_pointer + "/" + name;
    spec.id = text_of(v, "id");
    spec.column = column(v, spec.pointer);
    spec.separator = text_of(v, "separator");
    spec.ids = string_map(v, "ids");
    spec.label = text_of(v, "label");
    spec.prefix = text_of(v, "prefix");
    return spec;
  }

  SourceRecord source(const rapidjson::Value& v) const {
    SourceRecord s;
    s.url = text_of(v, "url");
    s.title = text_of(v, "title");
    s.publisher = text_of(v, "publisher");
    s.date = text_of(v, "date");
    s.kind = text_of(v, "kind");
    s.note = text_of(v, "note");
    return s;
  }

  CitesSpec cites(const rapidjson::Value& decision) const {
    CitesSpec spec;
    if (!decision.HasMember("cites"))
      return spec;
    const rapidjson::Value& v = decision["cites"];
    spec.pointer = "/decision/cites";
    spec.column = column(v, spec.pointer);
    spec.separator = text_of(v, "separator");
    if (v.HasMember("role"))
      spec.role = text_of(v, "role");
    spec.table = string_map(v, "table");
    if (v.HasMember("patterns")) {
      const rapidjson::Value& patterns = v["patterns"];
      for (rapidjson::SizeType i = 0; i < patterns.Size(); ++i) {
        const std::string match = text_of(patterns[i], "match");
        CitePattern p;
        try {
          p.match = std::regex(match, std::regex::ECMAScript);
        } catch (const std::regex_error& e) {
          error(spec.pointer + "/patterns/" + std::to_string(i) + "/match",
                "invalid regular expression \"" + match + "\": " + e.what());
          continue;
        }
        p.id = text_of(patterns[i], "id");
        p.name = text_of(patterns[i], "name");
        spec.patterns.push_back(std::move(p));
      }
    }
    return spec;
  }

  void error(const std::string& pointer, std::string message) const {
    diagnostics_.add(file_.diagnostic(Severity::error, pointer, std::move(message)));
  }

 private:
  ValueSpec::Template parse_template(const rapidjson::Value& v, const std::string& pointer) const {
    ValueSpec::Template t;
    t.text.assign(v.GetString(), v.GetStringLength());
    const Location where = file_.locate(pointer);
    std::size_t open = t.text.find('{');
    while (open != std::string::npos) {
      const std::size_t close = t.text.find('}', open);
      if (close == std::string::npos)
        break;
      t.columns.push_back({t.text.substr(open + 1, close - open - 1), where});
      open = t.text.find('{', close);
    }
    return t;
  }

  const JsonFile& file_;
  Diagnostics& diagnostics_;
};

}  // namespace

std::optional<CsvMapping> parse_mapping(const std::string& path, std::string text,
                                        Diagnostics& diagnostics) {
  const JsonFile file(path, std::move(text), diagnostics);
  if (!file.ok())
    return std::nullopt;
  const ingest::JsonSchemaCheck schema(csv_mapping_schema_text());
  if (!schema.check(file, diagnostics))
    return std::nullopt;
  const std::size_t errors_before = diagnostics.error_count();
  const rapidjson::Value& doc = file.document();
  const MappingReader read(file, diagnostics);
  CsvMapping m;
  m.path = path;
  if (doc.HasMember("dialect")) {
    const rapidjson::Value& d = doc["dialect"];
    if (d.HasMember("delimiter"))
      m.dialect.delimiter = d["delimiter"].GetString()[0];
    if (d.HasMember("header"))
      m.dialect.header = d["header"].GetBool();
    if (d.HasMember("decode_html_entities"))
      m.decode_html_entities = d["decode_html_entities"].GetBool();
  }
  if (doc.HasMember("dataset")) {
    const rapidjson::Value& d = doc["dataset"];
    m.info = {text_of(d, "title"), text_of(d, "description"), text_of(d, "license"),
              text_of(d, "maintainer")};
  }
  if (doc.HasMember("file_source")) {
    m.file_source = read.source(doc["file_source"]);
    m.file_source->origin = file.locate("/file_source");
  }
  if (doc.HasMember("row_source")) {
    const rapidjson::Value& r = doc["row_source"];
    m.row_source_url = read.value(r, "url", "/row_source");
    m.row_source_title = read.value(r, "title", "/row_source");
    m.row_source_publisher = text_of(r, "publisher");
    m.row_source_kind = text_of(r, "kind");
  }
  if (doc.HasMember("entities")) {
    const rapidjson::Value& list = doc["entities"];
    if (!m.file_source && !list.Empty())
      read.error("/entities",
                 "the mapping's entities need a \"file_source\": every fact carries its source");
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
      const rapidjson::Value& e = list[i];
      EntityRecord entity;
      entity.id = text_of(e, "id");
      entity.label = text_of(e, "label");
      entity.name = text_of(e, "name");
      if (e.HasMember("aliases")) {
        for (const auto& a : e["aliases"].GetArray())
          entity.aliases.emplace_back(a.GetString(), a.GetStringLength());
      }
      entity.country = text_of(e, "country");
      entity.description = text_of(e, "description");
      entity.origin.record = file.locate("/entities/" + std::to_string(i));
      m.entities.push_back(std::move(entity));
    }
  }
  const rapidjson::Value& d = doc["decision"];
  const std::string at = "/decision";
  m.id = read.value(d, "id", at);
  m.kind = read.value(d, "kind", at);
  m.name = read.value(d, "name", at);
  m.issued_by = read.entity_ref(d, "issued_by", at);
  m.against = read.entity_ref(d, "against", at);
  if (d.HasMember("date")) {
    m.date_column = read.column(d["date"], at + "/date");
    m.date_format = text_of(d["date"], "format");
  }
  m.number = read.value(d, "number", at);
  if (d.HasMember("amount")) {
    const rapidjson::Value& a = d["amount"];
    m.amount_column = read.column(a, at + "/amount");
    if (a.HasMember("decimal"))
      m.amount_format.decimal = a["decimal"].GetString()[0];
    if (a.HasMember("thousands"))
      m.amount_format.thousands = a["thousands"].GetString()[0];
    if (m.amount_format.thousands == m.amount_format.decimal)
      read.error(at + "/amount/thousands",
                 "the thousands separator must differ from the decimal separator");
    if (!d.HasMember("currency"))
      read.error(at + "/amount",
                 "an amount needs a \"currency\" (a constant such as EUR, or a column)");
  }
  m.currency = read.value(d, "currency", at);
  for (const char* group : {"identifiers", "properties"}) {
    if (!d.HasMember(group))
      continue;
    auto& into = group[0] == 'i' ? m.identifiers : m.properties;
    for (const auto& member : d[group].GetObject()) {
      const std::string key(member.name.GetString(), member.name.GetStringLength());
      into.emplace_back(key, read.value(d[group], key.c_str(), at + "/" + group));
    }
  }
  m.cites = read.cites(d);
  m.summary = read.value(d, "summary", at);
  if (!m.file_source && !m.row_source_url.present())
    read.error("", "the mapping names no source: give \"file_source\", \"row_source\" or both");
  if (diagnostics.error_count() != errors_before)
    return std::nullopt;
  return m;
}

std::optional<CsvMapping> read_mapping(const std::string& path, Diagnostics& diagnostics) {
  const std::optional<std::string> text = read_file_text(path);
  if (!text) {
    diagnostics.error(Location(path), "cannot read the mapping file");
    return std::nullopt;
  }
  return parse_mapping(path, *text, diagnostics);
}

}  // namespace jurigraph::import
