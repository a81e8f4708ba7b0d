// Records read from a buffer that does not outlive them (the lines of one JSON Lines run, parsed
// in a buffer the thread reuses for its next run) keep their strings here instead.
#pragma once

#include "ingest/dataset_records.hpp"

namespace jurigraph::ingest {

// Copies every string the records view into records.text and points the views there. Strings
// repeat (every edge of a decision names its id; kinds, currencies, roles and the ids of the
// companies sanctioned most recur from line to line): equal short strings share one copy.
void keep_record_text(FileRecords& records);

}  // namespace jurigraph::ingest
