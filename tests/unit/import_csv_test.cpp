// import csv: the RFC 4180 reader and its dialects, cell formats (dates, amounts, HTML entities),
// ids made from names, the mapping's validation messages, and whole imports of small sheets.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "base/diagnostic.hpp"
#include "import/cell_formats.hpp"
#include "import/csv_import.hpp"
#include "import/csv_mapping.hpp"
#include "import/csv_reader.hpp"
#include "import/dataset_document.hpp"

namespace jurigraph::import {
namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return format_headline(e.diagnostic());
  }
  return "no error";
}

std::vector<std::string> texts(const CsvRecord& r) {
  std::vector<std::string> out;
  for (const CsvField& f : r.fields)
    out.push_back(f.text);
  return out;
}

std::string headlines(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.all())
    out += format_headline(x) + "\n";
  return out;
}

TEST(CsvReader, CommaSemicolonAndTabDialects) {
  const CsvTable comma = parse_csv("a.csv", "name,fine\nDarty,100000\n", {','});
  EXPECT_EQ(comma.header, (std::vector<std::string>{"name", "fine"}));
  ASSERT_EQ(comma.rows.size(), 1u);
  EXPECT_EQ(texts(comma.rows[0]), (std::vector<std::string>{"Darty", "100000"}));
  const CsvTable semi = parse_csv("a.csv", "name;fine\nDarty;100 000,00\n", {';'});
  EXPECT_EQ(texts(semi.rows[0]), (std::vector<std::string>{"Darty", "100 000,00"}));
  const CsvTable tab = parse_csv("a.tsv", "name\tfine\nDarty, SA\t1,5\n", {'\t'});
  EXPECT_EQ(texts(tab.rows[0]), (std::vector<std::string>{"Darty, SA", "1,5"}));
}

TEST(CsvReader, QuotedFieldsHoldDelimitersLineBreaksAndDoubledQuotes) {
  const std::string text =
      "a;b;c\r\n\"x;y\";\"line one\r\nline two\";\"say \"\"hello\"\"\"\r\n;\"\";last\r\n";
  const CsvTable t = parse_csv("q.csv", text, {';'});
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(texts(t.rows[0]),
            (std::vector<std::string>{"x;y", "line one\nline two", "say \"hello\""}));
  EXPECT_EQ(texts(t.rows[1]), (std::vector<std::string>{"", "", "last"}));
  EXPECT_EQ(t.rows[0].line(), 2u);
  EXPECT_EQ(t.rows[1].line(), 4u);  // the quoted line break moved it down a line
  EXPECT_EQ(t.rows[0].fields[2].line, 3u);
  EXPECT_EQ(t.rows[0].fields[2].column, 11u);
}

TEST(CsvReader, ByteOrderMarkBlankLinesAndColumnsInCodePoints) {
  const CsvTable t = parse_csv("b.csv", "\xEF\xBB\xBFSociété;Date\n\nÉté;08/01/2018\n\n", {';'});
  EXPECT_EQ(t.header.front(), "Société");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].line(), 3u);
  EXPECT_EQ(t.rows[0].fields[1].column, 5u);  // "Été;" is four characters, six bytes
}

TEST(CsvReader, WithoutHeaderColumnsAreNumbered) {
  const CsvTable t = parse_csv("n.csv", "Darty,100\nKaspr,240\n", {',', /*header=*/false});
  EXPECT_EQ(t.header, (std::vector<std::string>{"column 1", "column 2"}));
  EXPECT_EQ(t.rows.size(), 2u);
}

TEST(CsvReader, ErrorsNameTheirPlace) {
  EXPECT_EQ(error_of([] { parse_csv("u.csv", "a,b\n1,\"open\n2,3\n", {','}); }),
            "u.csv:2:3: error: unterminated quoted field: the quote opened here is never closed");
  EXPECT_EQ(error_of([] { parse_csv("c.csv", "a,b\n1,\"x\"y\n", {','}); }),
            "c.csv:2:6: error: unexpected character after a closing quote: a quoted field ends "
            "at the delimiter or the end of the line");
  EXPECT_EQ(error_of([] { parse_csv("q.csv", "a,b\n1,say \"hi\"\n", {','}); }),
            "q.csv:2:7: error: a quote inside an unquoted field: quote the whole field and double "
            "the quotes in it (\"say \"\"hello\"\"\")");
  EXPECT_EQ(error_of([] { parse_csv("w.csv", "a;b\n1;2;3\n", {';'}); }),
            "w.csv:2:5: error: this row has 3 fields, the header 2 (is the delimiter ';' the "
            "sheet's?)");
  EXPECT_EQ(error_of([] { parse_csv("t.csv", "a\tb\n1\n", {'\t'}); }),
            "t.csv:2:1: error: this row has 1 fields, the header 2 (is the delimiter '\\t' the "
            "sheet's?)");
  EXPECT_EQ(
      error_of([] { parse_csv("l.csv", "a,b\nd\xE9j\xE0,1\n", {','}); }),
      "l.csv:2:2: error: invalid UTF-8: save the sheet as UTF-8 (in a spreadsheet: CSV UTF-8)");
  EXPECT_EQ(error_of([] { parse_csv("h.csv", "a,b,a\n", {','}); }),
            "h.csv:1:5: error: duplicate column name \"a\" in the header row");
  EXPECT_EQ(error_of([] { parse_csv("e.csv", "", {','}); }),
            "e.csv:1:1: error: the sheet is empty: expected a header row");
}

TEST(CellFormats, DatesInTheirDeclaredFormatAndOnTheCalendar) {
  EXPECT_EQ(parse_date("08/01/2018", "DD/MM/YYYY"), "2018-01-08");
  EXPECT_EQ(parse_date("01/08/2018", "MM/DD/YYYY"), "2018-01-08");
  EXPECT_EQ(parse_date("2018-01-08", "YYYY-MM-DD"), "2018-01-08");
  EXPECT_EQ(parse_date("8.1.2018", "DD.MM.YYYY"), "2018-01-08");
  EXPECT_EQ(parse_date(" 29/02/2024 ", "DD/MM/YYYY"), "2024-02-29");
  EXPECT_EQ(parse_date("29/02/2023", "DD/MM/YYYY"), std::nullopt);
  EXPECT_EQ(parse_date("31/04/2020", "DD/MM/YYYY"), std::nullopt);
  EXPECT_EQ(parse_date("13/25/2020", "MM/DD/YYYY"), std::nullopt);
  EXPECT_EQ(parse_date("2018-01-08", "DD/MM/YYYY"), std::nullopt);
  EXPECT_EQ(parse_date("08/01/18", "DD/MM/YYYY"), std::nullopt);
  EXPECT_EQ(parse_date("08/01/2018x", "DD/MM/YYYY"), std::nullopt);
  EXPECT_TRUE(is_date_format("MM/DD/YYYY"));
  EXPECT_FALSE(is_date_format("DD/MM/YY"));
  EXPECT_FALSE(is_date_format("DD/MM-YYYY"));
}

TEST(CellFormats, AmountsByTheirConventionNeverThroughAFloat) {
  const AmountFormat us{'.', ','};
  const AmountFormat fr{',', ' '};
  EXPECT_EQ(parse_amount("3,940,000", us), 394000000);
  EXPECT_EQ(parse_amount("3940000", us), 394000000);
  EXPECT_EQ(parse_amount("1,234.5", us), 123450);
  EXPECT_EQ(parse_amount("1 500 000,50", fr), 150000050);
  EXPECT_EQ(parse_amount("1\xC2\xA0"
                         "500\xE2\x80\xAF"
                         "000,5",
                         fr),
            150000050);  // no-break spaces
  EXPECT_EQ(parse_amount("0,07", fr), 7);
  EXPECT_EQ(parse_amount("123456789012345,67", fr), 12345678901234567);  // past a double's digits
  EXPECT_EQ(parse_amount("3.940.000", AmountFormat{',', '.'}), 394000000);
  EXPECT_EQ(parse_amount("1'000.25", AmountFormat{'.', '\''}), 100025);
  EXPECT_EQ(parse_amount("1,50,000", us), std::nullopt);  // groups of three
  EXPECT_EQ(parse_amount("1234,000", us), std::nullopt);
  EXPECT_EQ(parse_amount("100.000", fr), std::nullopt);
  EXPECT_EQ(parse_amount("1,505", fr), std::nullopt);  // three decimals
  EXPECT_EQ(parse_amount("-5", fr), std::nullopt);
  EXPECT_EQ(parse_amount("", fr), std::nullopt);
  EXPECT_EQ(parse_amount("12,", fr), std::nullopt);
  EXPECT_EQ(parse_amount("1 000", AmountFormat{'.', 0}), std::nullopt);
  EXPECT_EQ(parse_amount("1234567890123456", us), std::nullopt);  // 16 digits
  EXPECT_EQ(amount_example(fr), "1 500 000,50");
  EXPECT_EQ(amount_example(us), "1,500,000.50");
}

TEST(CellFormats, HtmlEntities) {
  EXPECT_EQ(decode_html_entities("Soci&eacute;t&eacute; d&#39;&Eacute;tat &amp; C&#x00E9;"),
            "Société d'État & Cé");
  EXPECT_EQ(decode_html_entities("R&D &unknown; 5 &lt; 6 &"), "R&D &unknown; 5 < 6 &");
  EXPECT_EQ(decode_html_entities("&#0; &#xD800;"), "&#0; &#xD800;");
}

SourceRecord url_source(std::string url) {
  SourceRecord s;
  s.url = std::move(url);
  return s;
}

EntityRecord company(std::string id, std::string name, std::vector<std::string> sources) {
  EntityRecord e;
  e.id = std::move(id);
  e.label = "Company";
  e.name = std::move(name);
  e.sources = std::move(sources);
  return e;
}

TEST(DatasetDocument, IdsFromNamesAndMergedSpellings) {
  EXPECT_EQ(slug("Conseil d'État"), "conseil-d-etat");
  EXPECT_EQ(slug("  OPTICAL  CENTER, S.A.S. "), "optical-center-s-a-s");
  EXPECT_EQ(make_id("company", "Société Générale"), "company:societe-generale");
  EXPECT_EQ(make_id("company", "株式会社"), std::nullopt);
  DatasetDocument doc;
  const std::string s1 = doc.add_source(url_source("https://example.org/a"));
  EXPECT_EQ(doc.add_source(url_source("https://example.org/a")), s1);
  EXPECT_NE(doc.add_source(url_source("https://example.org/b")), s1);
  doc.add_entity(company("company:x", "X SA", {s1}));
  doc.add_entity(company("company:x", "X S.A.", {"source-2"}));
  doc.add_entity(company("company:x", "X SA", {s1}));
  ASSERT_EQ(doc.entity_count(), 1u);
  EXPECT_EQ(doc.entities()[0].aliases, (std::vector<std::string>{"X S.A."}));
  EXPECT_EQ(doc.entities()[0].sources, (std::vector<std::string>{s1, "source-2"}));
}

TEST(DatasetDocument, ProblemsOfTheDocumentAreMovedToTheirOrigin) {
  DatasetDocument doc;
  const std::string s = doc.add_source(url_source("https://example.org/a"));
  DecisionRecord d;
  d.id = "decision:a";
  d.kind = "sanction";
  d.issued_by = "authority:nowhere";
  d.sources = {s};
  d.origin.record = Location("sheet.csv", 4, 1);
  d.origin.set("issued_by", Location("sheet.csv", 4, 9));
  doc.add_decision(d);
  const Diagnostics found = doc.check();
  ASSERT_EQ(found.error_count(), 1u);
  EXPECT_EQ(format_headline(found.all()[0]).rfind("sheet.csv:4:9: error: ", 0), 0u)
      << format_headline(found.all()[0]);
  EXPECT_NE(found.all()[0].message.find("(at /decisions/0/issued_by of the dataset made)"),
            std::string::npos);
}

const char* const kMapping = R"({
  "dialect": { "delimiter": ";" },
  "file_source": { "title": "test sheet" },
  "entities": [ { "id": "authority:fr-cnil", "label": "Authority", "name": "CNIL" } ],
  "decision": {
    "id": { "template": "decision:cnil-{Number}" },
    "kind": { "constant": "sanction" },
    "issued_by": { "id": "authority:fr-cnil" },
    "against": { "column": "Company", "separator": "|", "label": "Company", "prefix": "company" },
    "date": { "column": "Date", "format": "DD/MM/YYYY" },
    "amount": { "column": "Fine", "decimal": ".", "thousands": "," },
    "currency": { "constant": "EUR" },
    "number": { "column": "Number" }
  }
})";

CsvImportResult import(std::string_view sheet, const std::string& mapping_text = kMapping) {
  Diagnostics problems;
  const std::optional<CsvMapping> m = parse_mapping("map.json", mapping_text, problems);
  EXPECT_TRUE(m.has_value()) << headlines(problems);
  return import_csv_text("sheet.csv", sheet, *m);
}

std::string mapping_errors(const std::string& text) {
  Diagnostics problems;
  EXPECT_FALSE(parse_mapping("map.json", text, problems).has_value());
  return headlines(problems);
}

TEST(CsvImport, RowsBecomeDecisionsAndCompanies) {
  const CsvImportResult r = import(
      "Number;Company;Date;Fine\n2021-1;Alpha SA|Beta;08/01/2021;3,940,000\n"
      "2021-2;ALPHA SA;09/01/2021;\n");
  EXPECT_FALSE(r.diagnostics.has_errors()) << headlines(r.diagnostics);
  ASSERT_EQ(r.document.decision_count(), 2u);
  const DecisionRecord& d = r.document.decisions()[0];
  EXPECT_EQ(d.id, "decision:cnil-2021-1");
  EXPECT_EQ(d.against, (std::vector<std::string>{"company:alpha-sa", "company:beta"}));
  EXPECT_EQ(d.date, "2021-01-08");
  EXPECT_EQ(d.amount, 394000000);
  EXPECT_EQ(d.currency, "EUR");
  EXPECT_FALSE(r.document.decisions()[1].amount.has_value());
  EXPECT_TRUE(r.document.decisions()[1].currency.empty());
  EXPECT_EQ(r.document.entity_count(), 3u);  // the CNIL, Alpha SA (alias ALPHA SA), Beta
  EXPECT_EQ(r.document.entities()[1].aliases, (std::vector<std::string>{"ALPHA SA"}));
}

TEST(CsvImport, BadCellsAreReportedAtTheirRowAndColumn) {
  const CsvImportResult r = import(
      "Number;Company;Date;Fine\n2021-1;Alpha;31/04/2021;100\n2021-2;Beta;01/05/2021;1,00,0\n"
      "2021-3;Gamma;01/05/2021;12\n");
  EXPECT_EQ(headlines(r.diagnostics),
            "sheet.csv:2:14: error: invalid date \"31/04/2021\" in column \"Date\": expected "
            "DD/MM/YYYY, a real calendar date\n"
            "sheet.csv:3:24: error: invalid amount \"1,00,0\" in column \"Fine\": expected a "
            "number such as 1,500,000.50 (at most two decimals)\n");
}

TEST(CsvImport, UnknownColumnsAreReportedInTheMapping) {
  const CsvImportResult r = import("Numero;Company;Date;Fine\n1;Alpha;01/01/2020;1\n");
  EXPECT_EQ(headlines(r.diagnostics),
            "map.json:6:25: error: unknown column \"Number\" in sheet.csv: its columns are "
            "\"Numero\", \"Company\", \"Date\", \"Fine\" (at /decision/id/template)\n"
            "map.json:13:27: error: unknown column \"Number\" in sheet.csv: its columns are "
            "\"Numero\", \"Company\", \"Date\", \"Fine\" (at /decision/number/column)\n");
}

TEST(CsvImport, AnInvalidDatasetIsReportedAtTheRowThatMadeIt) {
  // The kind as written in the sheet, without a value map: "fine" is no kind of the format.
  std::string mapping = kMapping;
  const std::string constant = "\"kind\": { \"constant\": \"sanction\" }";
  mapping.replace(mapping.find(constant), constant.size(), "\"kind\": { \"column\": \"Kind\" }");
  const CsvImportResult r = import(
      "Number;Kind;Company;Date;Fine\n7;sanction;Alpha;01/01/2020;1\n8;fine;Beta;02/01/2020;2\n",
      mapping);
  EXPECT_EQ(headlines(r.diagnostics),
            "sheet.csv:3:3: error: invalid kind \"fine\": expected one of sanction, warning, "
            "formal_notice, ruling, judgment, settlement, order (at /decisions/1/kind of the "
            "dataset made)\n");
}

TEST(CsvImport, TwoRowsMakingOneDecisionAreReportedAtBoth) {
  const CsvImportResult r =
      import("Number;Company;Date;Fine\n7;Alpha;01/01/2020;1\n7;Beta;02/01/2020;2\n");
  EXPECT_EQ(headlines(r.diagnostics),
            "sheet.csv:3:1: error: duplicate decision id \"decision:cnil-7\", already made at "
            "sheet.csv:2:1\n");
}

TEST(CsvMapping, ValidationErrorsNameTheirPlace) {
  EXPECT_EQ(
      mapping_errors(R"({ "decision": { "id": { "column": "N" }, "kind": { "constant": "sanction" },
  "issued_by": { "id": "authority:x" }, "date": { "colum": "D", "format": "DD/MM/YYYY" } },
  "file_source": { "title": "t" } })"),
      "map.json:2:49: error: missing required property \"column\" (at /decision/date)\n"
      "map.json:2:60: error: unknown property \"colum\" (expected one of: column, format) "
      "(at /decision/date/colum)\n");
  EXPECT_EQ(mapping_errors(R"({ "file_source": { "title": "t" } })"),
            "map.json:1:1: error: missing required property \"decision\"\n");
  EXPECT_EQ(
      mapping_errors(R"({ "decision": { "id": { "column": "N" }, "kind": { "constant": "sanction" },
  "issued_by": { "id": "authority:x" }, "date": { "column": "D", "format": "DD/MM/YY" } },
  "file_source": { "title": "t" } })"),
      "map.json:2:76: error: invalid value \"DD/MM/YY\" (does not match the expected "
      "pattern) (at /decision/date/format)\n");
  EXPECT_EQ(
      mapping_errors(R"({ "decision": { "id": { "column": "N" }, "kind": { "constant": "sanction" },
  "issued_by": { "id": "authority:x" },
  "cites": { "column": "A", "patterns": [ { "match": "Art. (", "id": "provision:x-{1}" } ] } },
  "file_source": { "title": "t" } })"),
      "map.json:3:54: error: invalid regular expression \"Art. (\": Mismatched '(' and "
      "')' in regular expression (at /decision/cites/patterns/0/match)\n");
  EXPECT_EQ(
      mapping_errors(R"({ "decision": { "id": { "column": "N" }, "kind": { "constant": "sanction" },
  "issued_by": { "id": "authority:x" } } })"),
      "map.json:1:1: error: the mapping names no source: give \"file_source\", "
      "\"row_source\" or both\n");
  EXPECT_EQ(
      mapping_errors(R"({ "decision": { "id": { "column": "N" }, "kind": { "constant": "sanction" },
  "issued_by": { "id": "authority:x" }, "amount": { "column": "F" } },
  "file_source": { "title": "t" } })"),
      "map.json:2:51: error: an amount needs a \"currency\" (a constant such as EUR, or a "
      "column) (at /decision/amount)\n");
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(CsvImport, SampleSheetGivesTheGoldenDataset) {
  const std::string dir = std::string(JURIGRAPH_TEST_DATA) + "/import/csv/";
  Diagnostics problems;
  const std::optional<CsvMapping> m = read_mapping(dir + "cnil-fines.mapping.json", problems);
  ASSERT_TRUE(m.has_value()) << headlines(problems);
  // Named as the e2e test and the golden file name it, so the file_source title matches.
  const CsvImportResult r = import_csv(dir + "cnil-fines.csv", *m);
  EXPECT_FALSE(r.diagnostics.has_errors()) << headlines(r.diagnostics);
  std::ostringstream out;
  r.document.write_json(out);
  EXPECT_EQ(out.str(), read_text(dir + "cnil-fines.expected.json"));
}

}  // namespace
}  // namespace jurigraph::import
