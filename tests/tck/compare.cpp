#include "compare.hpp"

#include <algorithm>
#include <map>

namespace jurigraph::tck {
namespace {

constexpr std::size_t kMaxRowsShown = 4;

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i ? sep : "") + items[i];
  return out;
}

std::string row_text(const std::vector<TckValue>& row) {
  std::vector<std::string> cells;
  for (const TckValue& v : row)
    cells.push_back(render(v));
  return "| " + join(cells, " | ") + " |";
}

std::string row_key(const std::vector<TckValue>& row, bool ignore_list_order) {
  std::string key;
  for (const TckValue& v : row)
    key += canonical(v, ignore_list_order) + "\x1f";
  return key;
}

std::string some_rows(const std::vector<const std::vector<TckValue>*>& rows) {
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < rows.size() && i < kMaxRowsShown; ++i)
    shown.push_back(row_text(*rows[i]));
  std::string out = join(shown, " ");
  if (rows.size() > kMaxRowsShown)
    out += " … (" + std::to_string(rows.size() - kMaxRowsShown) + " more)";
  return out;
}

}  // namespace

Verdict compare_rows(const Table& expected, const ActualResult& actual, bool in_order,
                     bool ignore_list_order) {
  if (expected.empty())
    return {false, "the expected table has no header"};
  const std::vector<std::string>& header = expected[0];

  // Columns by name: the same set; the actual ones are reordered as the header.
  std::vector<std::string> sorted_expected = header, sorted_actual = actual.columns;
  std::sort(sorted_expected.begin(), sorted_expected.end());
  std::sort(sorted_actual.begin(), sorted_actual.end());
  if (sorted_expected != sorted_actual) {
    return {false, "columns differ: expected [" + join(header, ", ") + "], got [" +
                       join(actual.columns, ", ") + "]"};
  }
  std::vector<std::size_t> index;
  for (const std::string& column : header) {
    index.push_back(static_cast<std::size_t>(
        std::find(actual.columns.begin(), actual.columns.end(), column) - actual.columns.begin()));
  }

  std::vector<std::vector<TckValue>> want;
  for (std::size_t r = 1; r < expected.size(); ++r) {
    if (expected[r].size() != header.size()) {
      return {false, "expected row " + std::to_string(r) + " has " +
                         std::to_string(expected[r].size()) + " cells for " +
                         std::to_string(header.size()) + " columns"};
    }
    std::vector<TckValue> row;
    try {
      for (const std::string& cell : expected[r])
        row.push_back(parse_tck_value(cell));
    } catch (const ValueSyntaxError& e) {
      return {false, std::string("runner cannot read the expected table: ") + e.what()};
    }
    want.push_back(std::move(row));
  }
  std::vector<std::vector<TckValue>> got;
  for (const auto& row : actual.rows) {
    if (row.size() != actual.columns.size()) {
      return {false, "result row has " + std::to_string(row.size()) + " values for " +
                         std::to_string(actual.columns.size()) + " columns"};
    }
    std::vector<TckValue> reordered;
    for (std::size_t i : index)
      reordered.push_back(row[i]);
    got.push_back(std::move(reordered));
  }

  const std::string counts =
      "expected " + std::to_string(want.size()) + " rows, got " + std::to_string(got.size());
  if (in_order) {
    const std::size_t n = std::min(want.size(), got.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (row_key(want[i], ignore_list_order) != row_key(got[i], ignore_list_order)) {
        return {false, "in order: row " + std::to_string(i + 1) + " expected " + row_text(want[i]) +
                           " got " + row_text(got[i]) + " (" + counts + ")"};
      }
    }
    if (want.size() != got.size()) {
      std::vector<const std::vector<TckValue>*> rest;
      const auto& longer = want.size() > got.size() ? want : got;
      for (std::size_t i = n; i < longer.size(); ++i)
        rest.push_back(&longer[i]);
      return {false, counts + (want.size() > got.size() ? "; missing " : "; unexpected ") +
                         some_rows(rest)};
    }
    return {true, {}};
  }

  // A bag: match rows by their canonical text.
  std::multimap<std::string, const std::vector<TckValue>*> pending;
  for (const auto& row : want)
    pending.emplace(row_key(row, ignore_list_order), &row);
  std::vector<const std::vector<TckValue>*> unexpected;
  for (const auto& row : got) {
    const auto it = pending.find(row_key(row, ignore_list_order));
    if (it == pending.end())
      unexpected.push_back(&row);
    else
      pending.erase(it);
  }
  if (pending.empty() && unexpected.empty())
    return {true, {}};
  std::vector<const std::vector<TckValue>*> missing;
  for (const auto& row : want) {
    // Keep the expected table's order in the message.
    for (auto it = pending.begin(); it != pending.end(); ++it) {
      if (it->second == &row) {
        missing.push_back(&row);
        break;
      }
    }
  }
  std::string reason = counts;
  if (!missing.empty())
    reason += "; missing " + some_rows(missing);
  if (!unexpected.empty())
    reason += "; unexpected " + some_rows(unexpected);
  return {false, reason};
}

Verdict compare_empty(const ActualResult& actual) {
  if (actual.rows.empty())
    return {true, {}};
  std::vector<const std::vector<TckValue>*> rows;
  for (const auto& row : actual.rows)
    rows.push_back(&row);
  return {false,
          "expected no rows, got " + std::to_string(actual.rows.size()) + ": " + some_rows(rows)};
}

std::string render_table(const ActualResult& actual) {
  std::string out = "| " + join(actual.columns, " | ") + " |\n";
  for (const auto& row : actual.rows)
    out += row_text(row) + "\n";
  return out;
}

}  // namespace jurigraph::tck
