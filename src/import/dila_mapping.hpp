// From DILA records to dataset records: ids, kinds, outcomes, and the entities a decision names,
// each written once however many files name it. schema/dila-import.md documents the mapping.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "import/dila_dataset_writer.hpp"
#include "import/dila_record.hpp"

namespace jurigraph::import {

// What an import wrote, and what it left out (with why in schema/dila-import.md).
struct DilaCounts {
  uint64_t decisions = 0;
  uint64_t entities = 0;
  uint64_t stub_decisions = 0;           // decisions attacked in appeal but not imported
  uint64_t appeals = 0;                  // APPEAL_OF edges
  uint64_t citations = 0;                // CITES edges
  uint64_t appeals_without_outcome = 0;  // SOLUTION unknown: the appeal is left out
  uint64_t appeals_without_date = 0;     // FORM_DEC_ATT without a DATE_DEC_ATT: left out
  uint64_t links_without_id = 0;         // LIEN CITATION naming no Légifrance text: left out
  uint64_t links_to_decisions = 0;       // LIEN to a JURITEXT/CETATEXT/CNILTEXT: left out
  uint64_t links_of_other_types = 0;     // LIEN typelien other than CITATION: left out
  uint64_t invalid_ecli = 0;             // an ECLI the schema refuses: left out
  uint64_t invalid_dates = 0;            // a date that is not a calendar date: left out
};

// The court a name such as "Cour d'appel de Douai", "CAA de PARIS" or "Conseil d'État" is:
// a stable id (court:fr-ca-douai) and the name to show.
struct CourtRef {
  std::string id;
  std::string name;
};
CourtRef court_for(std::string_view name);

// What a decision did to the decision it rules on, from its SOLUTION ("Rejet" → confirmed,
// "Cassation partielle" → partially_annulled…); empty when the wording is not one we know.
std::string appeal_outcome(std::string_view solution);

class DilaMapper {
 public:
  explicit DilaMapper(DatasetSink& sink) : sink_(sink) {}

  // Writes the decision of one file, the entities it is the first to name, and the stub of the
  // decision it attacks when it is the first to name it. Throws Error at `path` when this
  // Légifrance id was imported already; then nothing is written.
  void add(const std::string& path, const DilaRecord& r);
  // After the last file: lets the sink close its document.
  void finish();

  const DilaCounts& counts() const { return counts_; }

 private:
  void emit_entity(const ImportEntity& e);

  DatasetSink& sink_;
  DilaCounts counts_;
  std::unordered_set<std::string> entity_ids_;
  std::unordered_set<std::string> decision_ids_;
  std::unordered_set<std::string> stubs_;  // ids of the stub decisions written
};

}  // namespace jurigraph::import
