// Dates and money as exact values: a date is YYYYMMDD in an int32 (0 = absent, ordered like the
// calendar), an amount is an integer count of hundredths (never a binary float).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jurigraph {

// Parses "YYYY-MM-DD"; nullopt unless it is a real calendar date (2015-02-30 is not).
std::optional<int32_t> parse_iso_date(std::string_view text);
std::string format_iso_date(int32_t yyyymmdd);

// Parses a non-negative decimal with at most two fractional digits, e.g. "1234.5" → 123450.
std::optional<int64_t> parse_amount_hundredths(std::string_view text);
// 24000000 → "240000", 123450 → "1234.50".
std::string format_amount(int64_t hundredths);

}  // namespace jurigraph
