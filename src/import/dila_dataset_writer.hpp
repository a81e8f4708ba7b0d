// The records a DILA import writes, and where it writes them. A small interface so that the
// shared dataset-document code (src/import/dataset_document, in the works for `import csv`) can
// take over the writing without the DILA mapping changing.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace jurigraph::import {

using KeyValues = std::vector<std::pair<std::string, std::string>>;

// A source written in place in each record (no source keys to keep unique across a dump).
struct ImportSource {
  std::string url;
  std::string title;
  std::string publisher;
  std::string kind;  // official, press, secondary, database
};

struct ImportEntity {
  std::string id;
  std::string label;  // Court, Authority, Company, Provision, Person
  std::string name;
  std::vector<std::string> aliases;
  KeyValues identifiers;
  std::string country;
  ImportSource source;
};

struct ImportAppeal {
  std::string decision;
  std::string outcome;
  std::string solution;
};

struct ImportDecision {
  std::string id;
  std::string kind;
  std::string name;
  std::string issued_by;
  std::vector<std::string> against;
  std::string date;
  std::string number;
  KeyValues identifiers;
  std::string summary;
  std::vector<ImportAppeal> appeal_of;
  std::vector<std::string> cites;  // provision ids, role "cited"
  KeyValues properties;
  ImportSource source;
};

class DatasetSink {
 public:
  virtual ~DatasetSink() = default;
  virtual void entity(const ImportEntity& e) = 0;
  virtual void decision(const ImportDecision& d) = 0;
  // After the last record: closes what the format needs closed.
  virtual void finish() {}
};

// JSON Lines (schema/README.md): a `dataset` line, then one `entity` or `decision` line per
// record as it comes. Nothing is held back.
class JsonLinesSink final : public DatasetSink {
 public:
  JsonLinesSink(std::ostream& out, const std::string& title);
  void entity(const ImportEntity& e) override;
  void decision(const ImportDecision& d) override;

 private:
  std::ostream& out_;
};

// One JSON document: decisions stream into its `decisions` array; entities (courts,
// provisions, parties: few beside the decisions) are held and written in `entities` at the end.
class JsonDocumentSink final : public DatasetSink {
 public:
  JsonDocumentSink(std::ostream& out, const std::string& title);
  void entity(const ImportEntity& e) override;
  void decision(const ImportDecision& d) override;
  void finish() override;

 private:
  std::ostream& out_;
  bool first_decision_ = true;
  std::vector<std::string> entities_;
};

}  // namespace jurigraph::import
