// Text, dates, amounts and diagnostics: the small pieces every message and look-up rests on.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "base/bit_set.hpp"
#include "base/calendar.hpp"
#include "base/concat.hpp"
#include "base/diagnostic.hpp"
#include "base/file_text.hpp"
#include "base/fold.hpp"
#include "base/mapped_file.hpp"
#include "base/short_text.hpp"
#include "base/source_text.hpp"
#include "base/text_sort.hpp"
#include "base/utf8.hpp"

namespace jurigraph {
namespace {

TEST(Fold, CaseAccentsAndPunctuationDoNotMatter) {
  EXPECT_EQ(fold_for_lookup("Conseil d’État"), "conseil d etat");
  EXPECT_EQ(fold_for_lookup("conseil d'etat"), "conseil d etat");
  EXPECT_EQ(fold_for_lookup("  CONSEIL  D ETAT "), "conseil d etat");
  EXPECT_EQ(fold_for_lookup("Commission nationale de l'informatique et des libertés"),
            "commission nationale de l informatique et des libertes");
  EXPECT_EQ(fold_for_lookup("Œuvre Straße"), "oeuvre strasse");
  EXPECT_EQ(fold_for_lookup("« Kaspr »"), "kaspr");
}

// ASCII text folds to its runs of letters and digits, lowered, one space between them: checked
// against that rule on 20,000 random texts of letters, digits and separators.
TEST(Fold, AsciiTextIsItsRunsOfLettersAndDigitsLowered) {
  const std::string alphabet = "aZm0z9AQ: -_.~@[`{/";
  uint64_t state = 42;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    state = state * 6364136223846793005u + 1442695040888963407u;
    const std::size_t length = (state >> 33) % 40;
    for (std::size_t i = 0; i < length; ++i) {
      state = state * 6364136223846793005u + 1442695040888963407u;
      // Letters and digits four times in five, so that runs of eight and more are common.
      const std::size_t pick = (state >> 33) % 5 == 0 ? 9 + (state >> 40) % 10 : (state >> 40) % 9;
      text += alphabet[pick];
    }
    std::string expected;
    bool gap = false;
    for (const char c : text) {
      if (!std::isalnum(static_cast<unsigned char>(c))) {
        gap = !expected.empty();
        continue;
      }
      if (gap)
        expected += ' ';
      gap = false;
      expected += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    ASSERT_EQ(fold_for_lookup(text), expected) << '"' << text << '"';
  }
}

// The name index folds a node's keys one after another into one buffer: each key is folded as
// if alone, a separator at its start or end giving no space.
TEST(Fold, AppendedKeysAreEachFoldedAsIfAlone) {
  std::string buffer;
  append_folded("  Conseil d’État ", buffer);
  EXPECT_EQ(buffer, "conseil d etat");
  append_folded("« Kaspr »", buffer);
  EXPECT_EQ(buffer, "conseil d etatkaspr");
  append_folded("", buffer);
  append_folded(" — ", buffer);
  EXPECT_EQ(buffer, "conseil d etatkaspr");
  append_folded(" Œuvre", buffer);
  EXPECT_EQ(buffer, "conseil d etatkaspr" + fold_for_lookup(" Œuvre"));
}

// Other scripts pass through as they are; an invalid byte becomes U+FFFD (3 bytes for 1), so
// the folded text outgrows the text and the room made for it grows.
TEST(Fold, OtherScriptsPassAndInvalidBytesGrowTheText) {
  EXPECT_EQ(fold_for_lookup("Αθήνα — 東京"), "Αθήνα 東京");
  EXPECT_EQ(fold_for_lookup("\xFF\xFE\xFD"), "\uFFFD\uFFFD\uFFFD");
  std::string buffer = "x";
  append_folded("A\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF B", buffer);
  std::string expected = "xa";
  for (int i = 0; i < 8; ++i)
    expected += "\uFFFD";
  EXPECT_EQ(buffer, expected + " b");
}

// The room left by separators (five bytes folded to one space) let three replacement characters
// be written without more room, after which the room was short of the text still to fold: the
// fuzzer found the write past the end (fuzz_snapshot, through fold_for_lookup).
TEST(Fold, ReplacementCharactersAfterSeparatorsLeaveRoomForTheRest) {
  const std::string text = "a     \xFF\xFF\xFF\xFF" + std::string("bcdefghij");
  std::string expected = "a ";
  for (int i = 0; i < 4; ++i)
    expected += "\uFFFD";
  expected += "bcdefghij";
  EXPECT_EQ(fold_for_lookup(text), expected);
  std::string buffer;
  append_folded(text, buffer);
  EXPECT_EQ(buffer, expected);
}

TEST(Fold, EditDistance) {
  EXPECT_EQ(edit_distance("orange", "orange"), 0u);
  EXPECT_EQ(edit_distance("orange", "orangee"), 1u);
  EXPECT_EQ(edit_distance("darty", "party"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

// The texts a sort by 8-byte keys gets wrong first: prefixes of each other, zero bytes, bytes
// above 0x7F, empty texts, long shared prefixes and duplicates.
std::vector<std::string> hard_texts(int count) {
  std::mt19937 random(7);
  std::vector<std::string> texts{"",
                                 "",
                                 std::string(1, '\0'),
                                 std::string(2, '\0'),
                                 "a",
                                 std::string("a\0", 2),
                                 std::string("a\0b", 3),
                                 "\xC3\xA9t\xC3\xA9"};
  const std::string alphabet("ab\0\xFF", 4);
  for (int i = 0; i < count; ++i) {
    std::string t = i % 3 == 0 ? "decision:" : "";
    if (i % 5 == 0)
      t += std::string(40, 'x');
    const std::size_t length = random() % 20;
    for (std::size_t k = 0; k < length; ++k)
      t += alphabet[random() % alphabet.size()];
    texts.push_back(t);
    if (i % 7 == 0)
      texts.push_back(t);  // a duplicate, later
  }
  return texts;
}

// The positions of `texts` in the order std::sort gives comparing (text, position).
std::vector<uint32_t> order_by_comparing(const std::vector<std::string>& texts) {
  std::vector<std::pair<std::string_view, uint32_t>> pairs;
  for (uint32_t i = 0; i < texts.size(); ++i)
    pairs.emplace_back(texts[i], i);
  std::sort(pairs.begin(), pairs.end());
  std::vector<uint32_t> order;
  for (const auto& p : pairs)
    order.push_back(p.second);
  return order;
}

std::vector<uint32_t> order_of(const std::vector<TextSortEntry>& entries) {
  std::vector<uint32_t> order;
  for (const TextSortEntry& e : entries)
    order.push_back(e.index);
  return order;
}

std::vector<TextSortEntry> entries_of(const std::vector<std::string>& texts) {
  std::vector<TextSortEntry> entries;
  for (uint32_t i = 0; i < texts.size(); ++i)
    entries.emplace_back(texts[i], i);
  return entries;
}

TEST(TextSort, SameOrderAsComparingTexts) {
  const std::vector<std::string> texts = hard_texts(3000);
  std::vector<TextSortEntry> entries = entries_of(texts);
  sort_text_entries(entries);
  EXPECT_EQ(order_of(entries), order_by_comparing(texts));

  std::vector<std::string> items = texts;
  sort_by_text(items, [](const std::string& s) { return std::string_view(s); });
  std::vector<std::string> stable = texts;
  std::stable_sort(stable.begin(), stable.end());
  EXPECT_EQ(items, stable);
}

// Items of equal text keep their order, whatever the order given: sorted already, reversed, and
// shuffled with repeated texts.
TEST(TextSort, SortByTextIsAStableSortOfTheItems) {
  struct Item {
    std::string text;
    int id = 0;
    bool operator==(const Item&) const = default;
  };
  std::mt19937 random(5);
  std::vector<std::string> texts = hard_texts(2000);
  for (int i = 0; i < 500; ++i)
    texts.push_back(texts[random() % texts.size()]);  // repeated texts
  std::vector<std::vector<std::string>> cases{texts, texts, texts};
  std::sort(cases[1].begin(), cases[1].end());
  std::sort(cases[2].rbegin(), cases[2].rend());
  for (const std::vector<std::string>& c : cases) {
    std::vector<Item> items;
    for (const std::string& t : c)
      items.push_back({t, static_cast<int>(items.size())});
    std::vector<Item> expected = items;
    std::stable_sort(expected.begin(), expected.end(),
                     [](const Item& a, const Item& b) { return a.text < b.text; });
    sort_by_text(items, [](const Item& item) { return std::string_view(item.text); });
    EXPECT_EQ(items, expected);
  }
}

// The ids of a graph: a few prefixes, each shared by many ids, some longer than both keys of a
// step (16 bytes), shuffled: sorted by their keys' bytes, at the first step and at deeper
// ones.
TEST(TextSort, FewPrefixesSameOrderAsComparingTexts) {
  std::mt19937 random(11);
  std::vector<std::string> texts;
  const std::vector<std::string> prefixes{"company:c",   "decision:d",
                                          "court:k",     "decision:cnil-2014-",
                                          "provision:p", "decision:cnil-2014-san-"};
  for (int i = 0; i < 30000; ++i) {
    texts.push_back(prefixes[random() % prefixes.size()] + std::to_string(random() % 20000));
    if (i % 11 == 0)
      texts.push_back(texts.back());  // a duplicate
  }
  texts.push_back("decision:");  // a prefix of many
  texts.push_back("");
  std::shuffle(texts.begin(), texts.end(), random);
  std::vector<TextSortEntry> entries = entries_of(texts);
  sort_text_entries(entries);
  EXPECT_EQ(order_of(entries), order_by_comparing(texts));
}

// Large enough for two threads: the halves, sorted apart and merged, give the serial order
// (equal texts by position across the halves too).
TEST(TextSort, InParallelSameOrderAsComparingTexts) {
  const std::vector<std::string> texts = hard_texts(120000);
  std::vector<TextSortEntry> entries = entries_of(texts);
  EXPECT_EQ(indexes_in_text_order(entries), order_by_comparing(texts));
  // And below the size where a second thread pays.
  const std::vector<std::string> few = hard_texts(100);
  std::vector<TextSortEntry> few_entries = entries_of(few);
  EXPECT_EQ(indexes_in_text_order(few_entries), order_by_comparing(few));
}

// Every length up to past the short limit, equal texts and texts that differ at each byte
// (the first, the last, and those only one of the overlapping loads reads).
TEST(ShortText, EqualAsStringViewsAre) {
  for (std::size_t n = 0; n <= kShortTextMax + 6; ++n) {
    std::string a(n, 'x'), b(n, 'x');
    for (std::size_t i = 0; i < n; ++i)
      a[i] = b[i] = static_cast<char>('a' + i % 26);
    EXPECT_TRUE(equal_short_text(a, b)) << n;
    for (std::size_t i = 0; i < n; ++i) {
      std::string c = b;
      c[i] = '\xFF';
      EXPECT_FALSE(equal_short_text(a, c)) << n << " at " << i;
      EXPECT_FALSE(equal_short_text(c, a)) << n << " at " << i;
    }
    EXPECT_FALSE(equal_short_text(a, b + "x")) << n;
  }
}

// Every byte of a short text and its length change its hash (none of the overlapping loads
// leaves a byte out); ids of one pattern spread over the low bits a table takes its slot from and
// over the high bits the text keeper tags with; a longer text goes to the long hash.
TEST(ShortText, HashReadsEveryByteAndSpreadsIds) {
  const auto long_hash = [](std::string_view) { return std::size_t{42}; };
  for (std::size_t n = 0; n <= kShortTextMax; ++n) {
    std::string a(n, 'x');
    for (std::size_t i = 0; i < n; ++i)
      a[i] = static_cast<char>('a' + i % 26);
    const std::size_t h = short_text_hash(a, long_hash);
    EXPECT_EQ(h, short_text_hash(std::string(a), long_hash)) << n;  // the text, not its address
    EXPECT_NE(h, short_text_hash(a + "x", long_hash)) << n;
    for (std::size_t i = 0; i < n; ++i) {
      std::string c = a;
      c[i] = '\xFF';
      EXPECT_NE(h, short_text_hash(c, long_hash)) << n << " at " << i;
    }
  }
  EXPECT_EQ(short_text_hash(std::string(kShortTextMax + 1, 'x'), long_hash), 42u);

  constexpr std::size_t kIds = 1 << 16, kBuckets = 1 << 10;
  std::vector<uint32_t> low(kBuckets), high(kBuckets);
  for (std::size_t i = 0; i < kIds; ++i) {
    const std::size_t h = short_text_hash("company:c" + std::to_string(i), long_hash);
    ++low[h % kBuckets];
    ++high[(h >> 54) % kBuckets];
  }
  // 64 ids a bucket on average: a hash that ignored some digits would leave buckets empty and
  // pile hundreds into others.
  EXPECT_LT(*std::max_element(low.begin(), low.end()), 120u);
  EXPECT_GT(*std::min_element(low.begin(), low.end()), 25u);
  EXPECT_LT(*std::max_element(high.begin(), high.end()), 120u);
  EXPECT_GT(*std::min_element(high.begin(), high.end()), 25u);
}

TEST(Concat, PartsOfEveryStringKindInOrder) {
  const std::string name = "Conseil d’État";
  const std::string_view code = "CE";
  EXPECT_EQ(concat("court ", name, " (", code, ")"), "court Conseil d’État (CE)");
  EXPECT_EQ(concat(std::string(), ""), "");
}

TEST(Calendar, OnlyRealDates) {
  EXPECT_EQ(parse_iso_date("2014-08-07"), 20140807);
  EXPECT_FALSE(parse_iso_date("2015-02-30"));
  EXPECT_FALSE(parse_iso_date("2015-02-29"));
  EXPECT_TRUE(parse_iso_date("2016-02-29"));
  EXPECT_FALSE(parse_iso_date("1900-02-29"));
  EXPECT_TRUE(parse_iso_date("2000-02-29"));
  EXPECT_FALSE(parse_iso_date("2015-13-01"));
  EXPECT_FALSE(parse_iso_date("2015-1-01"));
  EXPECT_EQ(format_iso_date(20151230), "2015-12-30");
}

TEST(Calendar, AmountsAreExact) {
  EXPECT_EQ(parse_amount_hundredths("240000"), 24000000);
  EXPECT_EQ(parse_amount_hundredths("1234.5"), 123450);
  EXPECT_EQ(parse_amount_hundredths("0.01"), 1);
  EXPECT_FALSE(parse_amount_hundredths("1.234"));
  EXPECT_FALSE(parse_amount_hundredths("-1"));
  EXPECT_FALSE(parse_amount_hundredths("1."));
  EXPECT_EQ(format_amount(24000000), "240000");
  EXPECT_EQ(format_amount(123450), "1234.50");
}

TEST(Utf8, ValidityAndCounting) {
  EXPECT_EQ(utf8::first_invalid("Conseil d’État"), std::string_view::npos);
  EXPECT_EQ(utf8::first_invalid("ab\xC3"), 2u);
  EXPECT_EQ(utf8::first_invalid("a\xC0\xAF"), 1u);  // overlong
  EXPECT_EQ(utf8::count_code_points("État"), 4u);
}

TEST(SourceText, ColumnsCountCodePoints) {
  const SourceText text("{\n  \"é\": x\n}");
  const LineColumn lc = text.position(text.text().find('x'));
  EXPECT_EQ(lc.line, 2u);
  EXPECT_EQ(lc.column, 8u);  // the é is one column, not two bytes
  EXPECT_EQ(text.line(2), "  \"é\": x");
}

// A long line with letters of one to four bytes: what a minified dataset with accents, Greek and
// CJK names and emoji looks like to the column count.
std::string long_mixed_line(std::size_t code_points) {
  const std::string_view letters[] = {"a", "é", "€", "𝄞", "\"", " ", "Ω"};
  std::string line;
  for (std::size_t i = 0; i < code_points; ++i)
    line += letters[(i * 7 + i / 13) % std::size(letters)];
  return line;
}

// Offsets where a code point starts, and the byte count: where a column can be asked for.
std::vector<std::size_t> code_point_starts(std::string_view s) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
      starts.push_back(i);
  }
  return starts;
}

// Columns come from a table of code points every few KB: they must be the count from the line's
// start wherever the line starts and the offset falls (a table entry, just before or after one,
// the text's end).
TEST(SourceText, ColumnsFarIntoALongLineAreTheCountFromItsStart) {
  const std::string text = "{\n" + long_mixed_line(9000) + "\n" + long_mixed_line(5000);
  const SourceText source(text);
  const std::size_t second = 2, third = text.find('\n', second) + 1;
  for (const std::size_t offset : code_point_starts(text)) {
    const std::size_t start = offset >= third ? third : offset >= second ? second : 0;
    const TextPosition at = source.locate(offset);
    ASSERT_EQ(at.at.line, offset >= third ? 3u : offset >= second ? 2u : 1u) << offset;
    ASSERT_EQ(at.at.column,
              utf8::count_code_points(std::string_view(text).substr(start, offset - start)) + 1)
        << offset;
    ASSERT_EQ(at.byte_in_line, offset - start);
    ASSERT_EQ(at.line, source.line(at.at.line));
  }
}

// A diagnostic keeps the part of its line that is shown: the caret display is the one the whole
// line gives, at every column of a long line and of a short one.
TEST(Diagnostic, AnExcerptOfTheLineShowsWhatTheWholeLineShows) {
  for (const std::string& line : {long_mixed_line(1000), long_mixed_line(30), std::string()}) {
    for (const std::size_t at : code_point_starts(line)) {
      const auto column =
          static_cast<uint32_t>(utf8::count_code_points(std::string_view(line).substr(0, at)) + 1);
      const Diagnostic whole{Severity::error, Location("a.json", 1, column, "/x"), "bad", line};
      Diagnostic excerpt{Severity::error, Location("a.json", 1, column, "/x"), "bad", {}};
      set_source_excerpt(excerpt, line, at);
      ASSERT_EQ(format_diagnostic(excerpt), format_diagnostic(whole)) << at;
      ASSERT_LE(utf8::count_code_points(excerpt.source_line), kSourceWindowCodePoints) << at;
    }
  }
}

TEST(Diagnostic, HeadlineAndCaret) {
  Diagnostic d{Severity::error, Location("a.json", 2, 9, "/x"), "bad value", "  \"é\": x"};
  EXPECT_EQ(format_diagnostic(d),
            "a.json:2:9: error: bad value (at /x)\n    \"é\": x\n          ^");
}

// read() copies the file's bytes (what the snapshot checksums read) without the mapping; a file
// that shrank after it was opened is an Error naming it, not a short read taken for data.
TEST(MappedFile, ReadCopiesTheBytesAndRefusesAShrunkFile) {
  const std::filesystem::path p = std::filesystem::temp_directory_path() /
                                  ("jurigraph-mapped-file-test-" + std::to_string(::getpid()));
  std::ofstream(p, std::ios::binary) << "0123456789abcdef";
  {
    const MappedFile file(p.string());
    ASSERT_EQ(file.bytes().size(), 16u);
    std::vector<std::byte> out(6);
    file.read(4, out);
    EXPECT_EQ(std::memcmp(out.data(), "456789", 6), 0);
    EXPECT_EQ(std::memcmp(file.bytes().data() + 4, "456789", 6), 0);
    std::filesystem::resize_file(p, 8);
    try {
      file.read(4, out);
      ADD_FAILURE() << "read past the end";
    } catch (const Error& e) {
      EXPECT_EQ(e.diagnostic().where.file, p.string());
      EXPECT_NE(e.diagnostic().message.find("shrunk"), std::string::npos);
    }
  }
  std::filesystem::remove(p);
}

// Rounds of a few scattered members and of many, each checked against std::set over the whole
// range, before and after clear().
TEST(BitSet, HoldsWhatWentInAndEmptiesWhetherFewOrManyWent) {
  constexpr std::size_t kBound = 100'003;
  BitSet set(kBound);
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<std::size_t> any(0, kBound - 1);
  for (const std::size_t members : {1, 40, 150, 3'000, 60'000, 7, 0, 90'000, 2}) {
    std::set<std::size_t> reference;
    for (std::size_t i = 0; i < members; ++i) {
      const std::size_t v = any(rng);
      EXPECT_EQ(set.insert(v), reference.insert(v).second) << v;
    }
    for (std::size_t v = 0; v < kBound; ++v)
      ASSERT_EQ(set.contains(v), reference.count(v) == 1) << members << " members, at " << v;
    set.clear();
    for (std::size_t v = 0; v < kBound; ++v)
      ASSERT_FALSE(set.contains(v)) << "after " << members << " members, " << v << " is left";
  }
}

// A file read whole: at its size, empty, through a pipe (no size to read to), and the errors of
// a missing file and of a folder.
TEST(FileText, ReadsFilesPipesAndSaysWhyNot) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("jurigraph-file-text-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::string text;
  for (int i = 0; i < 200000; ++i)
    text += "line " + std::to_string(i) + "\n";
  std::ofstream((dir / "big.txt").string(), std::ios::binary) << text;
  std::ofstream((dir / "empty.txt").string(), std::ios::binary);
  EXPECT_EQ(read_file_text((dir / "big.txt").string()), text);
  EXPECT_EQ(read_file_text((dir / "empty.txt").string()), std::string());

  const std::string fifo = (dir / "pipe").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << text; });
  EXPECT_EQ(read_file_text(fifo), text);
  writer.join();

  errno = 0;
  EXPECT_EQ(read_file_text((dir / "missing.txt").string()), std::nullopt);
  EXPECT_EQ(errno, ENOENT);
  errno = 0;
  EXPECT_EQ(read_file_text(dir.string()), std::nullopt);
  EXPECT_EQ(errno, EISDIR);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace jurigraph
