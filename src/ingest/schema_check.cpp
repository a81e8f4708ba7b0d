#include "ingest/schema_check.hpp"

#include <rapidjson/pointer.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <tuple>
#include <valijson/adapters/rapidjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "base/concat.hpp"
#include "ingest/embedded_schema.hpp"
#include "ingest/jsonl_fast_check.hpp"

namespace jurigraph::ingest {
namespace {

// valijson reports each failure on every enclosing level ("Failed to validate item #3 in
// array", "...against schema associated with property name 'decisions'"); these wrappers add
// nothing to the leaf messages, so they are dropped.
bool is_wrapper_message(const std::string& description) {
  static const char* const kPrefixes[] = {
      "Failed to validate against schema associated with property name",
      "Failed to validate item #",
      "Failed to validate against child schema",
      "Failed to validate against any child schemas",
      "Failed to validate against schema",
      "Failed to validate value against schema",
      "Failed to validate against any schemas allowed by anyOf",
      "Failed to validate against exactly one schema",
      "Failed to validate against all child schemas",
      "Failed to validate against schema associated with property name",
      "Failed to validate property names",
  };
  for (const char* p : kPrefixes) {
    if (description.rfind(p, 0) == 0)
      return true;
  }
  return false;
}

// valijson's context is {"<root>", "[decisions]", "[3]", "[date]"}; a pointer is /decisions/3/date.
std::string to_pointer(const std::vector<std::string>& context) {
  std::string pointer;
  for (const std::string& part : context) {
    if (part == "<root>")
      continue;
    std::string_view token = part;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']')
      token = token.substr(1, token.size() - 2);
    pointer += '/';
    pointer += pointer_token(token);
  }
  return pointer;
}

std::string last_token(const std::string& pointer) {
  const auto slash = pointer.rfind('/');
  return slash == std::string::npos ? pointer : pointer.substr(slash + 1);
}

// A short description of the value at `pointer`, for messages: "\"2015-13-01\"", "a number".
std::string describe_value(const rapidjson::Value& doc, const std::string& pointer) {
  const rapidjson::Value* v = rapidjson::Pointer(pointer.c_str()).Get(doc);
  if (v == nullptr)
    return {};
  if (v->IsString()) {
    std::string s(v->GetString(), v->GetStringLength());
    if (s.size() > 60)
      s = s.substr(0, 57) + "...";
    return '"' + s + '"';
  }
  if (v->IsNull())
    return "null";
  if (v->IsBool())
    return v->GetBool() ? "true" : "false";
  if (v->IsDouble()) {  // RapidJSON keeps as double what is no 64-bit integer
    const double d = v->GetDouble();
    if (std::trunc(d) != d)
      return "a number with a fraction";
    return std::fabs(d) >= 0x1p63 ? "a number beyond the 64-bit integer range"
                                  : "a number written with a decimal point or an exponent";
  }
  if (v->IsNumber())
    return "a number";
  if (v->IsArray())
    return "an array";
  return "an object";
}

// Messages that say what is expected, for the fields whose format a researcher types by hand.
std::string explain(const std::string& description, const std::string& pointer,
                    const std::string& value) {
  const std::string field = last_token(pointer);
  const bool pattern = description.find("regex") != std::string::npos;
  if (pattern) {
    if (field == "date")
      return "invalid date " + value + ": expected YYYY-MM-DD";
    if (field == "ecli")
      return "invalid ECLI " + value +
             ": expected ECLI:{country}:{court}:{year}:{ordinal}, the ordinal of letters, digits "
             "and dots";
    if (field == "legifrance")
      return "invalid Légifrance id " + value +
             ": expected e.g. CNILTEXT000036403140 or CETATEXT000031861287";
    if (field == "siren")
      return "invalid SIREN " + value + ": expected 9 digits";
    if (field == "siret")
      return "invalid SIRET " + value + ": expected 14 digits";
    if (field == "wikidata")
      return "invalid Wikidata id " + value + ": expected Q followed by digits";
    if (field == "amount")
      return "invalid amount " + value +
             ": expected a non-negative number with at most two decimals";
    if (field == "url")
      return "invalid URL " + value + ": expected http:// or https://";
    if (field == "country")
      return "invalid country " + value + ": expected an ISO 3166-1 alpha-2 code such as FR";
    if (field == "type")
      return "invalid relation type " + value + ": expected UPPER_SNAKE_CASE";
    if (field == "id" || field == "issued_by" || field == "decision" || field == "provision" ||
        field == "from" || field == "to" || pointer.find("/against/") != std::string::npos)
      return "invalid id " + value + ": expected prefix:name, e.g. company:orange";
    if (pointer.find("/sources/") != std::string::npos)
      return "invalid source key " + value;
    return "invalid value " + value + " (does not match the expected pattern)";
  }
  if (description.find("enum") != std::string::npos ||
      description.find("enumerated") != std::string::npos) {
    if (field == "currency")
      return "unknown currency " + value + ": expected an ISO 4217 code such as EUR";
    return "invalid value " + value + " for '" + field + "'";
  }
  return {};
}

// Follows a JSON pointer through the schema itself, so that messages can say what was
// expected (the allowed properties of an object, the types of a value).
class SchemaWalker {
 public:
  explicit SchemaWalker(const rapidjson::Document& schema) : schema_(schema) {}

  // The subschema that applies to the value at `pointer`, or nullptr.
  const rapidjson::Value* at(const std::string& pointer) const {
    const rapidjson::Value* s = deref(&schema_);
    std::size_t pos = 1;
    while (s != nullptr && pos <= pointer.size() && !pointer.empty()) {
      const std::size_t next = pointer.find('/', pos);
      const std::string token =
          pointer.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
      s = step(s, token);
      if (next == std::string::npos)
        break;
      pos = next + 1;
    }
    return s;
  }

  static std::vector<std::string> property_names(const rapidjson::Value* s) {
    std::vector<std::string> names;
    if (s == nullptr || !s->IsObject() || !s->HasMember("properties"))
      return names;
    for (const auto& m : (*s)["properties"].GetObject())
      names.emplace_back(m.name.GetString());
    return names;
  }

  static std::string types(const rapidjson::Value* s) {
    if (s == nullptr || !s->IsObject() || !s->HasMember("type"))
      return {};
    const rapidjson::Value& t = (*s)["type"];
    if (t.IsString())
      return t.GetString();
    std::string out;
    for (const auto& v : t.GetArray())
      out += (out.empty() ? "" : " or ") + std::string(v.GetString());
    return out;
  }

 private:
  const rapidjson::Value* deref(const rapidjson::Value* s) const {
    for (int guard = 0; s != nullptr && s->IsObject() && s->HasMember("$ref") && guard < 16;
         ++guard) {
      s = rapidjson::Pointer(std::string((*s)["$ref"].GetString()).substr(1).c_str()).Get(schema_);
    }
    return s;
  }
  const rapidjson::Value* step(const rapidjson::Value* s, const std::string& token) const {
    if (!s->IsObject())
      return nullptr;
    if (s->HasMember("properties") && (*s)["properties"].HasMember(token.c_str())) {
      return deref(&(*s)["properties"][token.c_str()]);
    }
    if (s->HasMember("items"))
      return deref(&(*s)["items"]);
    if (s->HasMember("additionalProperties") && (*s)["additionalProperties"].IsObject()) {
      return deref(&(*s)["additionalProperties"]);
    }
    return nullptr;
  }

  const rapidjson::Document& schema_;
};

std::string quoted_after(const std::string& description, const char* prefix) {
  const std::size_t start = description.find(prefix);
  if (start == std::string::npos)
    return {};
  const std::size_t open = start + std::string(prefix).size();
  const std::size_t close = description.find('\'', open);
  return description.substr(open, close - open);
}

std::string lower_first(std::string d) {
  if (!d.empty() && d.back() == '.')
    d.pop_back();
  if (!d.empty())
    d[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(d[0])));
  return d;
}

}  // namespace

// The message for one leaf error of valijson, in the terms of the dataset format.
std::string message_for(const valijson::ValidationResults::Error& error, const std::string& pointer,
                        const rapidjson::Value& doc, const SchemaWalker& walker) {
  const std::string& d = error.description;
  const std::string value = describe_value(doc, pointer);
  if (d.rfind("Missing required property", 0) == 0) {
    return "missing required property \"" + quoted_after(d, "property '") + "\"";
  }
  if (d.rfind("Missing dependency", 0) == 0) {
    return "missing property \"" + quoted_after(d, "dependency '") +
           "\", which goes with a property present here";
  }
  if (d.rfind("Value type not permitted", 0) == 0) {
    const std::string expected = SchemaWalker::types(walker.at(pointer));
    if (pointer.empty())
      return "a dataset is a JSON object, found " + value;
    return "wrong type for \"" + last_token(pointer) + "\": expected " +
           (expected.empty() ? "another type" : expected) + ", found " + value;
  }
  if (d.rfind("Array should contain no fewer than", 0) == 0) {
    if (last_token(pointer) == "sources")
      return "at least one source is required: every fact carries its source";
    return "too few items in \"" + last_token(pointer) + "\"";
  }
  if (d.rfind("String should be no fewer than", 0) == 0)
    return "empty text for \"" + last_token(pointer) + "\"";
  if (d.rfind("String should be no more than", 0) == 0) {
    return "text too long for \"" + last_token(pointer) + "\" (" +
           lower_first(d.substr(d.find("no more than"))) + ")";
  }
  if (d.rfind("Expected number greater than or equal to 0", 0) == 0) {
    return "negative value for \"" + last_token(pointer) + "\": expected 0 or more";
  }
  if (d.rfind("Failed to match against any enum values", 0) == 0) {
    const rapidjson::Value* sub = walker.at(pointer);
    if (sub != nullptr && sub->IsObject() && sub->HasMember("enum") &&
        (*sub)["enum"].Size() <= 20) {
      std::string list;
      for (const auto& v : (*sub)["enum"].GetArray())
        list += (list.empty() ? "" : ", ") + std::string(v.GetString());
      return "invalid " + last_token(pointer) + " " + value + ": expected one of " + list;
    }
  }
  std::string message = explain(d, pointer, value);
  return message.empty() ? lower_first(d) : message;
}

namespace {

// The schema of one JSON Lines record: an object whose one member is a record of the dataset
// format, validated by the very subschema that validates it in a JSON file. Built from the dataset
// schema so that both formats have one source of truth.
void make_line_schema(const rapidjson::Document& dataset_schema, rapidjson::Document& out) {
  auto& a = out.GetAllocator();
  out.CopyFrom(dataset_schema, a);
  const rapidjson::Value& props = dataset_schema["properties"];
  rapidjson::Value line_props(rapidjson::kObjectType);
  for (const char* name : {"$schema", "dataset", "sources", "vocabulary"})
    line_props.AddMember(rapidjson::StringRef(name), rapidjson::Value(props[name], a), a);
  const std::pair<const char*, const char*> records[] = {
      {"entity", "entities"}, {"decision", "decisions"}, {"relation", "relations"}};
  for (const auto& [one, many] : records) {
    line_props.AddMember(rapidjson::StringRef(one), rapidjson::Value(props[many]["items"], a), a);
  }
  out["properties"] = line_props;
  out["title"] = "jurigraph dataset, one JSON Lines record";
}

bool validate_against(const valijson::Schema& schema, const rapidjson::Document& schema_doc,
                      const rapidjson::Value& doc, const DatasetFile& file,
                      Diagnostics& diagnostics, std::size_t max_errors);

}  // namespace

struct SchemaCheck::Impl {
  rapidjson::Document schema_doc;
  valijson::Schema schema;
  // The verdict for a whole JSON file, where valijson is needed only to explain an error
  // (a JSON dataset of 100,000 decisions, imported from a spreadsheet: 2 s of valijson).
  std::unique_ptr<FastSchemaCheck> fast;
  rapidjson::Document line_schema_doc;
  valijson::Schema line_schema;
};

SchemaCheck::SchemaCheck() : impl_(std::make_unique<Impl>()) {
  rapidjson::Document& schema_doc = impl_->schema_doc;
  const std::string_view text = dataset_schema_text();
  schema_doc.Parse(text.data(), text.size());
  if (schema_doc.HasParseError())
    throw std::logic_error("the embedded dataset schema is not valid JSON");
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  parser.populateSchema(valijson::adapters::RapidJsonAdapter(schema_doc), impl_->schema);
  impl_->fast = std::make_unique<FastSchemaCheck>(schema_doc);
  make_line_schema(schema_doc, impl_->line_schema_doc);
  valijson::SchemaParser line_parser(valijson::SchemaParser::kDraft7);
  line_parser.populateSchema(valijson::adapters::RapidJsonAdapter(impl_->line_schema_doc),
                             impl_->line_schema);
}

SchemaCheck::~SchemaCheck() = default;

const rapidjson::Document& SchemaCheck::line_schema_document() const {
  return impl_->line_schema_doc;
}

const rapidjson::Document& SchemaCheck::schema_document() const {
  return impl_->schema_doc;
}

bool SchemaCheck::check(const JsonFile& file, Diagnostics& diagnostics,
                        std::size_t max_errors) const {
  if (impl_->fast->valid(file.document()))
    return true;
  return validate_against(impl_->schema, impl_->schema_doc, file.document(), file, diagnostics,
                          max_errors);
}

bool SchemaCheck::check_line(const rapidjson::Value& line, const DatasetFile& where,
                             Diagnostics& diagnostics, std::size_t max_errors) const {
  return validate_against(impl_->line_schema, impl_->line_schema_doc, line, where, diagnostics,
                          max_errors);
}

struct JsonSchemaCheck::Impl {
  rapidjson::Document schema_doc;
  valijson::Schema schema;
};

JsonSchemaCheck::JsonSchemaCheck(std::string_view schema_text) : impl_(std::make_unique<Impl>()) {
  impl_->schema_doc.Parse(schema_text.data(), schema_text.size());
  if (impl_->schema_doc.HasParseError())
    throw std::logic_error("an embedded JSON schema is not valid JSON");
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  parser.populateSchema(valijson::adapters::RapidJsonAdapter(impl_->schema_doc), impl_->schema);
}

JsonSchemaCheck::~JsonSchemaCheck() = default;

bool JsonSchemaCheck::check(const JsonFile& file, Diagnostics& diagnostics,
                            std::size_t max_errors) const {
  return validate_against(impl_->schema, impl_->schema_doc, file.document(), file, diagnostics,
                          max_errors);
}

namespace {

bool validate_against(const valijson::Schema& schema, const rapidjson::Document& schema_doc,
                      const rapidjson::Value& doc, const DatasetFile& file,
                      Diagnostics& diagnostics, std::size_t max_errors) {
  valijson::Validator validator;
  valijson::ValidationResults results;
  if (validator.validate(schema, valijson::adapters::RapidJsonAdapter(doc), &results))
    return true;
  const SchemaWalker walker(schema_doc);
  struct Leaf {
    Location where;
    std::string pointer;
    std::string message;
  };
  std::vector<Leaf> leaves;
  std::set<std::pair<std::string, std::string>> seen;
  auto add = [&](const std::string& pointer, std::string message) {
    if (seen.insert({pointer, message}).second)
      leaves.push_back({file.locate(pointer), pointer, std::move(message)});
  };
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    if (is_wrapper_message(error.description))
      continue;
    const std::string pointer = to_pointer(error.context);
    if (error.description.rfind("Object contains a property", 0) == 0) {
      // valijson names the object, not the property: find the keys the schema does not allow.
      const rapidjson::Value* object = rapidjson::Pointer(pointer.c_str()).Get(doc);
      const std::vector<std::string> allowed = SchemaWalker::property_names(walker.at(pointer));
      if (object != nullptr && object->IsObject()) {
        for (const auto& m : object->GetObject()) {
          const std::string key(m.name.GetString(), m.name.GetStringLength());
          if (std::find(allowed.begin(), allowed.end(), key) != allowed.end())
            continue;
          std::string list;
          for (const std::string& a : allowed)
            list.append(list.empty() ? "" : ", ").append(a);
          add(concat(pointer, "/", pointer_token(key)),
              concat("unknown property \"", key, "\" (expected one of: ", list, ")"));
        }
      }
      continue;
    }
    add(pointer, message_for(error, pointer, doc, walker));
  }
  if (leaves.empty())
    leaves.push_back({file.locate(""), "", "the file does not match the dataset schema"});
  std::stable_sort(leaves.begin(), leaves.end(), [](const Leaf& a, const Leaf& b) {
    return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
  });
  std::size_t shown = 0;
  for (Leaf& leaf : leaves) {
    if (shown == max_errors) {
      diagnostics.add(
          file.diagnostic(Severity::note, "",
                          std::to_string(leaves.size() - shown) + " more schema errors not shown"));
      break;
    }
    diagnostics.add(file.diagnostic(Severity::error, leaf.pointer, std::move(leaf.message)));
    ++shown;
  }
  return false;
}

}  // namespace

}  // namespace jurigraph::ingest
