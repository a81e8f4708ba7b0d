// Result tables against the TCK's expected tables: columns by name, rows as a bag ("in any
// order") or a sequence ("in order"), values compared as the TCK writes them (tck_value.hpp).
#pragma once

#include <string>
#include <vector>

#include "gherkin.hpp"
#include "tck_value.hpp"

namespace jurigraph::tck {

struct ActualResult {
  std::vector<std::string> columns;
  std::vector<std::vector<TckValue>> rows;
};

struct Verdict {
  bool ok = false;
  std::string reason;  // one line: what differs (empty when ok)
};

// `expected`: the header row, then the value rows (cells in TCK syntax). A cell that is not a
// TCK value makes the verdict a failure that says so.
Verdict compare_rows(const Table& expected, const ActualResult& actual, bool in_order,
                     bool ignore_list_order);

// "the result should be empty": no rows, whatever the columns.
Verdict compare_empty(const ActualResult& actual);

// A result as a TCK table, `| a | b |` lines, for --verbose.
std::string render_table(const ActualResult& actual);

}  // namespace jurigraph::tck
