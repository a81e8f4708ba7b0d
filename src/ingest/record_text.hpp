// Records read from a buffer that does not outlive them (the lines of one JSON Lines run, parsed
// chunk by chunk in a buffer the thread reuses) keep their strings here instead.
#pragma once

#include <memory>

#include "ingest/dataset_records.hpp"

namespace jurigraph::ingest {

// Copies the strings the records view into records.text and points the views there, the records
// added since the last call each time: the buffer they view can then be overwritten. Strings
// repeat (every edge of a decision names its id; kinds, currencies, roles and the ids of the
// companies sanctioned most recur from line to line): equal short strings share one copy.
class RecordTextKeeper {
 public:
  // `text_bytes`: about how much text the records will be read from (a run's bytes), which
  // sizes the keeper's cache of recent strings.
  RecordTextKeeper(FileRecords& records, std::size_t text_bytes);
  ~RecordTextKeeper();
  RecordTextKeeper(const RecordTextKeeper&) = delete;
  RecordTextKeeper& operator=(const RecordTextKeeper&) = delete;

  // Keeps the text of the records added since the last call.
  void keep_new();
  // Once no record is added any more: gives back the arena's unused pages.
  void finish();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jurigraph::ingest
