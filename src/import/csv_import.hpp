// `import csv`: a spreadsheet, one row a decision, made into a dataset by a mapping
// (schema/csv-mapping.md). Stages: read the sheet in the mapping's dialect → bind the mapping's
// columns to the header → map each row into the dataset document → check the document as
// `validate` does, each problem reported at the row (and cell) that caused it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "import/csv_mapping.hpp"
#include "import/dataset_document.hpp"

namespace jurigraph::import {

struct CsvImportOptions {
  // Datasets (files or folders) the sheet may refer to: ids that the mapping names and that are
  // defined there (authority:fr-cnil in datasets/) resolve, as when validating both together.
  std::vector<std::string> context;
  std::size_t max_errors = 50;  // row errors shown; the others are counted
};

struct CsvImportResult {
  DatasetDocument document;
  Diagnostics diagnostics;  // nothing may be written when it has errors
  std::size_t rows = 0;
};

// Reads the sheet at `sheet_path` and maps it. A sheet that cannot be read or is not valid CSV
// in the dialect throws Error at file:line:col; every other problem is in the result.
CsvImportResult import_csv(const std::string& sheet_path, const CsvMapping& mapping,
                           const CsvImportOptions& options = {});
// The same from text in memory; `sheet_path` names it in diagnostics.
CsvImportResult import_csv_text(const std::string& sheet_path, std::string_view text,
                                const CsvMapping& mapping, const CsvImportOptions& options = {});
// The same for a sheet already read.
CsvImportResult import_csv_table(const std::string& sheet_path, const CsvTable& table,
                                 const CsvMapping& mapping, const CsvImportOptions& options = {});

}  // namespace jurigraph::import
