// The formats of a spreadsheet's cells that a mapping declares: dates (DD/MM/YYYY…), amounts
// with their decimal and thousands separators ("3,940,000", "1 500 000,50"), HTML entities left
// in text by a web scrape ("&eacute;", "&#39;").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jurigraph::import {

// A date format of the tokens YYYY, MM, DD and single separator characters: "DD/MM/YYYY",
// "MM/DD/YYYY", "YYYY-MM-DD", "DD.MM.YYYY". True when `format` is one.
bool is_date_format(std::string_view format);
// The date `text` written in `format` as YYYY-MM-DD; nullopt unless it matches the format and is
// a real calendar date (31/04/2020 is not). Day and month may have one digit (8/1/2018).
std::optional<std::string> parse_date(std::string_view text, std::string_view format);

struct AmountFormat {
  char decimal = '.';  // '.' or ','
  // The thousands separator: ',', '.', ' ', '\'' or 0 for none. ' ' also takes the no-break
  // spaces (U+00A0, U+202F) spreadsheets write.
  char thousands = 0;
};
// A non-negative amount in hundredths, read digit by digit (never through a binary float):
// digits in groups of three after the first when they are separated, then at most two decimals.
// nullopt when `text` is not such an amount.
std::optional<int64_t> parse_amount(std::string_view text, const AmountFormat& format);
// "a number such as 1 500 000,50", for messages.
std::string amount_example(const AmountFormat& format);

// Replaces the named entities of HTML's Latin-1 and the usual typographic ones, and numeric
// references (&#233; &#xE9;), by their characters; anything else is kept as written.
std::string decode_html_entities(std::string_view text);

// Trims spaces and tabs (a spreadsheet's cells often end with one).
std::string_view trim(std::string_view text);

}  // namespace jurigraph::import
