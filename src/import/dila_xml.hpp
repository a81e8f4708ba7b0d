// Reading one DILA decision file with libxml2: a small DOM of one file at a time, freed before
// the next, so that a dump of hundreds of thousands of files never holds more than one.
#pragma once

#include <string>
#include <string_view>

#include "import/dila_record.hpp"

namespace jurigraph::import {

// Parses the XML text of one file (`path` is only used in diagnostics). Throws Error
// (invalid_data) at `path:line:col` when the XML is malformed, when the root element is not one
// of TEXTE_CNIL, TEXTE_JURI_ADMIN, TEXTE_JURI_JUDI, or when META_COMMUN/ID is missing or not a
// Légifrance id of the collection. No network access, no DTD loading, no entity expansion.
DilaRecord parse_dila_xml(const std::string& path, std::string_view xml);

}  // namespace jurigraph::import
