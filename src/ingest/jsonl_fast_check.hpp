// A yes/no schema check for JSON Lines records, compiled from the same line schema valijson
// uses (SchemaCheck::line_schema_document), for the common case: a valid record. When it says
// no, valijson checks the record again and says why, so the messages have one source. Supports
// the keywords the dataset schema uses; a schema using others is refused at construction.
#pragma once

#include <rapidjson/document.h>

#include <memory>
#include <optional>
#include <string_view>

namespace jurigraph::ingest {

class SimdNode;

class FastSchemaCheck {
 public:
  explicit FastSchemaCheck(const rapidjson::Document& schema);
  ~FastSchemaCheck();
  FastSchemaCheck(const FastSchemaCheck&) = delete;
  FastSchemaCheck& operator=(const FastSchemaCheck&) = delete;

  // True when `value` conforms to the schema. Thread-safe.
  bool valid(const rapidjson::Value& value) const;
  bool valid(const SimdNode& value) const;

  // Whether `text` matches `pattern` by this check's own matcher; nullopt for a pattern it does
  // not know (its values always go to valijson). For the tests that compare it with std::regex.
  static std::optional<bool> match_pattern(std::string_view pattern, std::string_view text);

  struct Node;      // one compiled subschema
  struct Compiled;  // every node, and the root

 private:
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace jurigraph::ingest
