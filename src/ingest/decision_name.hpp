// The name the resolver gives a decision written without one, such as "CNIL warning 2014-298".
// One function, because `build --update` must recognise exactly the names the resolver made
// (snapshot_dataset.hpp) to make them again from the issuer as merged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace jurigraph::ingest {

// The issuer's short name (its first alias, else its name; empty without an issuer) and a
// space, the kind in words ("public_warning" → "public warning"), then the number, else " of "
// and the date (YYYYMMDD; 0 when unknown, then nothing).
std::string made_decision_name(std::string_view issuer, std::string_view kind,
                               std::string_view number, int32_t date);
// The same, written over `out` (cleared first): a buffer reused over a million decisions
// allocates once.
void write_made_decision_name(std::string& out, std::string_view issuer, std::string_view kind,
                              std::string_view number, int32_t date);

}  // namespace jurigraph::ingest
