#include "gherkin.hpp"

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace jurigraph::tck {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos)
    return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The cells of a table row `| a | b\|c |`: split on unescaped bars, trimmed, then unescaped as
// Gherkin does (\| is a bar, \\ a backslash, \n a newline; any other backslash stays).
std::vector<std::string> split_row(std::string_view line) {
  std::vector<std::string> cells;
  line = trim(line);
  std::size_t i = 1;  // after the leading '|'
  while (i < line.size()) {
    std::string raw;
    bool closed = false;
    for (; i < line.size(); ++i) {
      const char c = line[i];
      if (c == '\\' && i + 1 < line.size()) {
        raw += c;
        raw += line[++i];
      } else if (c == '|') {
        closed = true;
        ++i;
        break;
      } else {
        raw += c;
      }
    }
    if (!closed)
      break;  // text after the last bar is not a cell
    const std::string_view t = trim(raw);
    std::string cell;
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (t[k] == '\\' && k + 1 < t.size()) {
        const char n = t[k + 1];
        if (n == '|' || n == '\\') {
          cell += n;
          ++k;
          continue;
        }
        if (n == 'n') {
          cell += '\n';
          ++k;
          continue;
        }
      }
      cell += t[k];
    }
    cells.push_back(std::move(cell));
  }
  return cells;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  if (from.empty())
    return s;
  std::size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

struct Examples {
  std::vector<std::string> tags;
  Table rows;  // header first
  std::vector<int> row_lines;
};

struct Outline {
  Scenario scenario;  // with placeholders
  std::vector<Examples> examples;
};

std::string substitute(std::string s, const std::vector<std::string>& header,
                       const std::vector<std::string>& row) {
  for (std::size_t i = 0; i < header.size() && i < row.size(); ++i)
    s = replace_all(std::move(s), "<" + header[i] + ">", row[i]);
  return s;
}

void expand(const Outline& outline, std::vector<Scenario>& out, const std::string& path) {
  for (const Examples& ex : outline.examples) {
    if (ex.rows.empty())
      continue;
    const auto& header = ex.rows[0];
    for (std::size_t r = 1; r < ex.rows.size(); ++r) {
      const auto& row = ex.rows[r];
      if (row.size() != header.size()) {
        throw GherkinError(path + ":" + std::to_string(ex.row_lines[r]) + ": an Examples row has " +
                           std::to_string(row.size()) + " cells, the header " +
                           std::to_string(header.size()));
      }
      Scenario s = outline.scenario;
      s.name = substitute(s.name, header, row);
      s.line = ex.row_lines[r];
      s.tags.insert(s.tags.end(), ex.tags.begin(), ex.tags.end());
      for (Step& step : s.steps) {
        step.text = substitute(step.text, header, row);
        if (step.doc_string)
          step.doc_string = substitute(*step.doc_string, header, row);
        for (auto& trow : step.table) {
          for (auto& cell : trow)
            cell = substitute(cell, header, row);
        }
      }
      out.push_back(std::move(s));
    }
  }
}

}  // namespace

Feature parse_feature(std::string_view text, const std::string& path) {
  std::vector<std::string> lines;
  {
    std::string line;
    std::istringstream in{std::string(text)};
    while (std::getline(in, line))
      lines.push_back(line);
  }
  const auto fail = [&](std::size_t index, const std::string& message) {
    throw GherkinError(path + ":" + std::to_string(index + 1) + ": " + message);
  };

  Feature feature;
  feature.path = path;
  enum class Section { none, feature, background, scenario, outline, examples };
  Section section = Section::none;
  std::vector<std::string> pending_tags;
  std::vector<Step> background;
  std::optional<Scenario> scenario;
  std::optional<Outline> outline;
  const auto flush = [&] {
    if (scenario) {
      feature.scenarios.push_back(std::move(*scenario));
      scenario.reset();
    }
    if (outline) {
      expand(*outline, feature.scenarios, path);
      outline.reset();
    }
  };
  const auto current_steps = [&]() -> std::vector<Step>* {
    switch (section) {
      case Section::background:
        return &background;
      case Section::scenario:
        return &scenario->steps;
      case Section::outline:
        return &outline->scenario.steps;
      default:
        return nullptr;
    }
  };

  static const char* const kStepKeywords[] = {"Given ", "When ", "Then ", "And ", "But ", "* "};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view t = trim(lines[i]);
    if (t.empty() || t[0] == '#')
      continue;
    if (t[0] == '@') {
      std::istringstream words{std::string(t)};
      std::string tag;
      while (words >> tag) {
        if (tag[0] == '#')
          break;
        pending_tags.push_back(tag);
      }
      continue;
    }
    if (starts_with(t, "Feature:")) {
      feature.name = std::string(trim(t.substr(8)));
      section = Section::feature;
      pending_tags.clear();
      continue;
    }
    if (starts_with(t, "Background:")) {
      flush();
      section = Section::background;
      continue;
    }
    if (starts_with(t, "Scenario Outline:") || starts_with(t, "Scenario Template:")) {
      flush();
      outline.emplace();
      outline->scenario.name = std::string(trim(t.substr(t.find(':') + 1)));
      outline->scenario.line = static_cast<int>(i + 1);
      outline->scenario.outline_line = static_cast<int>(i + 1);
      outline->scenario.tags = std::move(pending_tags);
      outline->scenario.steps = background;
      pending_tags.clear();
      section = Section::outline;
      continue;
    }
    if (starts_with(t, "Scenario:") || starts_with(t, "Example:")) {
      flush();
      scenario.emplace();
      scenario->name = std::string(trim(t.substr(t.find(':') + 1)));
      scenario->line = static_cast<int>(i + 1);
      scenario->tags = std::move(pending_tags);
      scenario->steps = background;
      pending_tags.clear();
      section = Section::scenario;
      continue;
    }
    if (starts_with(t, "Examples:") || starts_with(t, "Scenarios:")) {
      if (!outline)
        fail(i, "Examples outside a Scenario Outline");
      outline->examples.push_back({std::move(pending_tags), {}, {}});
      pending_tags.clear();
      section = Section::examples;
      continue;
    }
    if (t[0] == '|') {
      if (section == Section::examples) {
        outline->examples.back().rows.push_back(split_row(t));
        outline->examples.back().row_lines.push_back(static_cast<int>(i + 1));
        continue;
      }
      std::vector<Step>* steps = current_steps();
      if (!steps || steps->empty())
        fail(i, "a table row outside a step");
      steps->back().table.push_back(split_row(t));
      continue;
    }
    if (starts_with(t, "\"\"\"") || starts_with(t, "```")) {
      std::vector<Step>* steps = current_steps();
      if (!steps || steps->empty())
        fail(i, "a doc string outside a step");
      const std::string delimiter(t.substr(0, 3));
      const std::size_t indent = lines[i].find(delimiter);
      std::string body;
      bool closed = false;
      bool first = true;
      for (++i; i < lines.size(); ++i) {
        if (trim(lines[i]) == delimiter) {
          closed = true;
          break;
        }
        std::string_view l = lines[i];
        if (!l.empty() && l.back() == '\r')
          l.remove_suffix(1);
        std::size_t strip = 0;
        while (strip < indent && strip < l.size() && (l[strip] == ' ' || l[strip] == '\t'))
          ++strip;
        if (!first)
          body += '\n';
        first = false;
        body += replace_all(std::string(l.substr(strip)), "\\\"\\\"\\\"", "\"\"\"");
      }
      if (!closed)
        fail(i - 1, "unterminated doc string");
      steps->back().doc_string = body;
      continue;
    }
    bool is_step = false;
    for (const char* kw : kStepKeywords) {
      const std::string_view k(kw);
      if (starts_with(t, k) || t == trim(k)) {
        std::vector<Step>* steps = current_steps();
        if (!steps)
          fail(i, "a step outside a scenario");
        Step step;
        step.line = static_cast<int>(i + 1);
        step.keyword = std::string(trim(k));
        step.text = t.size() > k.size() ? std::string(trim(t.substr(k.size()))) : "";
        steps->push_back(std::move(step));
        is_step = true;
        break;
      }
    }
    if (is_step)
      continue;
    if (section == Section::feature || section == Section::none)
      continue;  // the feature's free-text description
    fail(i, "cannot read \"" + std::string(t) + "\"");
  }
  flush();
  return feature;
}

Feature read_feature(const std::string& file, const std::string& path) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw GherkinError(file + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_feature(text.str(), path);
}

TestCase interpret(const Scenario& scenario) {
  TestCase tc;
  static const std::regex kError(
      R"(^an? ([A-Za-z]+) should be raised at (compile time|runtime|any time)(?::\s*(.*))?$)");
  bool graph_given = false;
  for (const Step& step : scenario.steps) {
    const std::string& s = step.text;
    const std::string where = "line " + std::to_string(step.line) + ": ";
    std::smatch m;
    if (s == "an empty graph") {
      tc.graph = GraphKind::empty;
      graph_given = true;
    } else if (s == "any graph") {
      tc.graph = GraphKind::any;
      graph_given = true;
    } else if (starts_with(s, "the ") && s.size() > 10 && s.substr(s.size() - 6) == " graph") {
      tc.graph = GraphKind::named;
      tc.graph_name = s.substr(4, s.size() - 10);
      graph_given = true;
    } else if (s == "having executed:" || s == "after having executed:") {
      if (!step.doc_string)
        tc.unsupported_steps.push_back(where + s + " (without a query)");
      else
        tc.setup_queries.push_back(*step.doc_string);
    } else if (s == "parameters are:" || s == "parameter values are:") {
      tc.parameters.insert(tc.parameters.end(), step.table.begin(), step.table.end());
    } else if (starts_with(s, "executing query:")) {
      std::string inline_query(trim(std::string_view(s).substr(16)));
      tc.query = step.doc_string ? *step.doc_string : inline_query;
    } else if (starts_with(s, "executing control query:")) {
      tc.control_query = true;
      tc.unsupported_steps.push_back(where + "executing control query");
    } else if (starts_with(s, "the result should be") && s != "the result should be empty") {
      const std::string rest = s.substr(20);
      if (rest == ", in any order:" || rest == ", in order:" ||
          rest == " (ignoring element order for lists):" ||
          rest == ", in any order (ignoring element order for lists):" ||
          rest == ", in order (ignoring element order for lists):") {
        tc.expect = Expectation::rows;
        tc.in_order = rest.find(", in order") == 0;
        tc.ignore_list_order = rest.find("ignoring element order") != std::string::npos;
        tc.expected = step.table;
        tc.expected_line = step.line;
        if (tc.expected.empty())
          tc.unsupported_steps.push_back(where + s + " (without a table)");
      } else {
        tc.unsupported_steps.push_back(where + s);
      }
    } else if (s == "the result should be empty") {
      tc.expect = Expectation::empty;
      tc.expected_line = step.line;
    } else if (std::regex_match(s, m, kError)) {
      tc.expect = Expectation::error;
      tc.error_type = m[1];
      tc.error_phase = m[2];
      tc.error_detail = m[3];
      tc.expected_line = step.line;
    } else if (s == "no side effects" || s == "the side effects should be:") {
      tc.side_effects_checked = true;
    } else {
      tc.unsupported_steps.push_back(where + s);
    }
  }
  if (!graph_given)
    tc.unsupported_steps.push_back("no Given step");
  if (tc.query.empty() && !tc.control_query)
    tc.unsupported_steps.push_back("no query");
  if (tc.expect == Expectation::none)
    tc.unsupported_steps.push_back("no Then step");
  return tc;
}

}  // namespace jurigraph::tck
