// What the later stages need of a dataset file, whatever its format (a JSON document or JSON
// Lines): its path, and a way to turn a JSON pointer in the terms of the JSON dataset format
// (/decisions/3/date) into file:line:col for diagnostics. Readers, the resolver and the schema
// check speak only these pointers; each format maps them to its own text.
#pragma once

#include <string>
#include <string_view>

#include "base/diagnostic.hpp"

namespace jurigraph::ingest {

class DatasetFile {
 public:
  virtual ~DatasetFile() = default;

  virtual const std::string& path() const = 0;
  // A location for a JSON pointer into the dataset: the start of the value it names, or of the
  // nearest enclosing value that exists.
  virtual Location locate(std::string_view pointer) const = 0;
  // The diagnostic for `pointer`, with line, column and source line filled in.
  virtual Diagnostic diagnostic(Severity severity, std::string_view pointer,
                                std::string message) const = 0;
};

}  // namespace jurigraph::ingest
