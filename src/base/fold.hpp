// Folding of names for look-up: case- and accent-insensitive, punctuation-blind.
// "Conseil d’État", "conseil d'etat" and "CONSEIL D ETAT" all fold to "conseil d etat".
#pragma once

#include <string>
#include <string_view>

namespace jurigraph {

// Lower-cases ASCII and Latin letters, strips their diacritics (é→e, œ→oe, ß→ss), turns every
// run of punctuation and white space into one space and trims. Other scripts pass through.
std::string fold_for_lookup(std::string_view text);
// The same, appended to `out` (a buffer reused for millions of keys, where a string each was a
// heap allocation for most).
void append_folded(std::string_view text, std::string& out);

// Levenshtein distance over bytes of two folded strings, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace jurigraph
