// The openCypher TCK conformance runner:
//
//   jurigraph_tck_runner TCK_DIR [--expected-failures FILE] [--only PATH_SUBSTRING] [--verbose]
//                        [--no-fork] [--timeout SECONDS]
//
// Reads the read-only clause and expression features of the TCK, runs each scenario against the
// engine on a MemoryGraph built from its CREATE set-up, and compares the result with the
// expected table (or checks that an expected error is raised). Scenarios whose query writes
// (CREATE, MERGE, SET, DELETE, REMOVE, CALL, FOREACH) are "not read-only" and left out of the
// figures; those whose set-up the loader cannot run are skipped with the reason.
//
// The expected-failures file lists, one per line, `path/relative/to/features/F.feature:LINE
// reason`, # for comments. A listed scenario that fails is an expected failure; one that passes
// is reported ("unexpectedly passed") and counts as failed, so that the list stays honest. For
// a Scenario Outline, LINE is the Examples row, or the Scenario Outline line for all its rows.
//
// Each scenario runs in a forked child (unless --no-fork), so that a crash or a hang of the
// engine is one failed scenario, not a lost run.
//
// Exit status: 0 when nothing failed unexpectedly, 1 otherwise, 2 on a usage error, and 77
// (ctest's SKIP_RETURN_CODE) when TCK_DIR does not exist.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "compare.hpp"
#include "fixture.hpp"
#include "gherkin.hpp"
#include "query/cypher/engine.hpp"
#include "query/cypher/lexer.hpp"
#include "query/cypher/parser.hpp"
#include "tck_value.hpp"

namespace fs = std::filesystem;
namespace cy = jurigraph::query::cypher;
using namespace jurigraph::tck;

namespace {

const char* const kSelection[] = {
    "clauses/match",          "clauses/match-where",       "clauses/return",
    "clauses/return-orderby", "clauses/return-skip-limit", "clauses/with",
    "clauses/with-where",     "clauses/with-orderBy",      "clauses/with-skip-limit",
    "clauses/unwind",         "expressions/path",          "expressions/aggregation",
    "expressions/boolean",    "expressions/comparison",    "expressions/null",
    "expressions/list",       "expressions/string",        "expressions/literals",
};

struct Options {
  std::string tck_dir;
  std::string expected_failures;
  std::string only;
  bool verbose = false;
  bool fork = true;
  int timeout_seconds = 30;
};

enum class Status : char { passed = 'P', failed = 'F', skipped = 'S' };

struct Outcome {
  Status status = Status::failed;
  std::string reason;   // the failure or the reason for skipping, one line
  std::string details;  // for --verbose: the engine's message, the actual table
};

// ---------------------------------------------------------------------------------------------
// Read-only or not

bool is_write_keyword(cy::Keyword k) {
  using K = cy::Keyword;
  return k == K::create || k == K::merge || k == K::set || k == K::delete_ || k == K::remove ||
         k == K::call || k == K::foreach;
}

bool writes(const std::string& query) {
  try {
    const std::vector<cy::Token> tokens = cy::tokenize(query);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const cy::Token& t = tokens[i];
      if (t.kind != cy::TokenKind::identifier || t.quoted || !is_write_keyword(t.keyword))
        continue;
      // `n.set`, `:Create` and `{merge: 1}` are names, not clauses.
      if (i > 0 &&
          (tokens[i - 1].kind == cy::TokenKind::dot || tokens[i - 1].kind == cy::TokenKind::colon))
        continue;
      if (i + 1 < tokens.size() && tokens[i + 1].kind == cy::TokenKind::colon)
        continue;
      return true;
    }
    return false;
  } catch (const jurigraph::Error&) {
    // Not even tokens (a SyntaxError scenario): look at the words.
    static const std::regex kWrite(R"(\b(CREATE|MERGE|SET|DELETE|REMOVE|CALL|FOREACH)\b)",
                                   std::regex::icase);
    return std::regex_search(query, kWrite);
  }
}

// ---------------------------------------------------------------------------------------------
// One scenario

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

Outcome run_scenario(const TestCase& tc, const Options& options) {
  cy::MemoryGraph g;
  cy::Parameters params;
  try {
    for (const auto& row : tc.parameters) {
      if (row.size() != 2)
        return {Status::failed, "runner: a parameters row does not have two cells", {}};
      params[row[0]] = to_engine(parse_tck_value(row[1]));
    }
  } catch (const ValueSyntaxError& e) {
    return {Status::failed, std::string("runner cannot read a parameter: ") + e.what(), {}};
  }
  try {
    if (tc.graph == GraphKind::named)
      run_setup(g, named_graph_script(options.tck_dir, tc.graph_name));
    for (const std::string& setup : tc.setup_queries)
      run_setup(g, setup);
  } catch (const SetupNotSupported& e) {
    return {Status::skipped, std::string("setup not supported: ") + e.what(), {}};
  }
  g.freeze();

  cy::QueryLimits limits;
  limits.strict_schema = false;
  // Aggregation3 [2] unwinds range(1000000, 2000000): more than the default million.
  limits.max_rows = 10'000'000;
  limits.timeout = std::chrono::milliseconds(1000LL * options.timeout_seconds / 2);
  cy::QueryResult result;
  try {
    const cy::Query q = cy::parse_query(tc.query);
    result = cy::execute(g, q, params, limits);
  } catch (const jurigraph::Error& e) {
    // The kind of an error cannot be matched, but an unknown function is never the error a
    // scenario about that function's arguments expects.
    const std::string message = e.diagnostic().message;
    if (tc.expect == Expectation::error && tc.error_detail != "UnknownFunction" &&
        message.rfind("unknown function", 0) == 0) {
      return {Status::failed,
              "expected " + tc.error_type + " at " + tc.error_phase + ": " + tc.error_detail +
                  ", but the engine failed for another reason: " + one_line(e.what()),
              {}};
    }
    if (tc.expect == Expectation::error) {
      return {Status::passed,
              {},
              "expected " + tc.error_type + " (" + tc.error_phase + ": " + tc.error_detail +
                  "), engine: " + one_line(e.what())};
    }
    return {Status::failed, "error: " + one_line(e.what()), {}};
  } catch (const std::exception& e) {
    return {Status::failed, std::string("exception other than jurigraph::Error: ") + e.what(), {}};
  }

  ActualResult actual;
  actual.columns = result.columns;
  for (const auto& row : result.rows) {
    std::vector<TckValue> values;
    for (const cy::Value& v : row)
      values.push_back(from_engine(v, g));
    actual.rows.push_back(std::move(values));
  }
  const std::string table = render_table(actual);
  if (tc.expect == Expectation::error) {
    return {Status::failed,
            "expected " + tc.error_type + " at " + tc.error_phase +
                (tc.error_detail.empty() ? "" : ": " + tc.error_detail) +
                ", but the query succeeded with " + std::to_string(actual.rows.size()) + " rows",
            table};
  }
  const Verdict v = tc.expect == Expectation::empty
                        ? compare_empty(actual)
                        : compare_rows(tc.expected, actual, tc.in_order, tc.ignore_list_order);
  return {v.ok ? Status::passed : Status::failed, v.reason, table};
}

// The same, in a child process: a crash or a hang fails this scenario only.
void write_all(int fd, const std::string& s) {
  std::size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n <= 0)
      return;
    done += static_cast<std::size_t>(n);
  }
}

std::string encode(const Outcome& o) {
  return std::string(1, static_cast<char>(o.status)) + std::to_string(o.reason.size()) + ":" +
         o.reason + o.details;
}

Outcome decode(const std::string& s) {
  Outcome o;
  const std::size_t colon = s.find(':');
  if (s.empty() || colon == std::string::npos)
    return {Status::failed, "runner: the child's report is unreadable", {}};
  o.status = static_cast<Status>(s[0]);
  const std::size_t n = std::stoul(s.substr(1, colon - 1));
  o.reason = s.substr(colon + 1, n);
  o.details = s.substr(colon + 1 + n);
  return o;
}

Outcome run_isolated(const TestCase& tc, const Options& options) {
  if (!options.fork)
    return run_scenario(tc, options);
  int fds[2];
  if (::pipe(fds) != 0)
    return run_scenario(tc, options);
  std::cout.flush();
  std::cerr.flush();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return run_scenario(tc, options);
  }
  if (pid == 0) {
    ::close(fds[0]);
    ::alarm(static_cast<unsigned>(options.timeout_seconds));
    Outcome o;
    try {
      o = run_scenario(tc, options);
    } catch (const std::exception& e) {
      o = {Status::failed, std::string("runner: ") + e.what(), {}};
    }
    write_all(fds[1], encode(o));
    ::close(fds[1]);
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string report;
  char buffer[65536];
  ssize_t n;
  while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)) {
    if (n > 0)
      report.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    if (sig == SIGALRM) {
      return {
          Status::failed, "timed out after " + std::to_string(options.timeout_seconds) + " s", {}};
    }
    return {Status::failed,
            std::string("crashed: signal ") + std::to_string(sig) + " (" + strsignal(sig) + ")",
            {}};
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || report.empty()) {
    return {Status::failed,
            "crashed: the scenario's process exited with status " +
                std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                " without a report (a sanitizer's report, if any, is on stderr)",
            {}};
  }
  return decode(report);
}

// ---------------------------------------------------------------------------------------------
// The expected-failures list

struct Listed {
  std::string reason;
  int file_line = 0;
  bool used = false;
};

std::map<std::string, Listed> read_expected_failures(const std::string& file, bool& ok) {
  std::map<std::string, Listed> out;
  ok = true;
  if (file.empty())
    return out;
  std::ifstream in(file);
  if (!in) {
    std::cerr << "error: cannot read the expected-failures file " << file << "\n";
    ok = false;
    return out;
  }
  static const std::regex kEntry(R"(^(\S+\.feature:\d+)(?:\s+(.*))?$)");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#')
      continue;
    line = line.substr(first);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
      line.pop_back();
    std::smatch m;
    if (!std::regex_match(line, m, kEntry)) {
      std::cerr << file << ":" << number
                << ": error: not `path/File.feature:LINE  reason`: " << line << "\n";
      ok = false;
      continue;
    }
    if (m[2].str().empty())
      std::cerr << file << ":" << number << ": warning: no reason given\n";
    if (out.count(m[1])) {
      std::cerr << file << ":" << number << ": error: " << m[1] << " is listed twice\n";
      ok = false;
    }
    out[m[1]] = {m[2], number, false};
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Totals

struct Totals {
  int selected = 0;
  int not_read_only = 0;
  int passed = 0;
  int failed = 0;  // unexpected failures and unexpected passes
  int expected_failures = 0;
  int skipped = 0;
  int read_only() const { return passed + failed + expected_failures + skipped; }
  void add(const Totals& o) {
    selected += o.selected;
    not_read_only += o.not_read_only;
    passed += o.passed;
    failed += o.failed;
    expected_failures += o.expected_failures;
    skipped += o.skipped;
  }
};

std::string percent(int part, int whole) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", whole ? 100.0 * part / whole : 0.0);
  return buffer;
}

bool selected_by(const std::string& only, const std::string& rel, const Scenario& s) {
  if (only.empty())
    return true;
  // `File.feature:LINE` selects one scenario (or an outline with all its rows).
  static const std::regex kOne(R"(^(.*\.feature):(\d+)$)");
  std::smatch m;
  if (std::regex_match(only, m, kOne)) {
    const std::string path = m[1];
    const int line = std::stoi(m[2]);
    const bool path_ok =
        rel.size() >= path.size() && rel.compare(rel.size() - path.size(), path.size(), path) == 0;
    return path_ok && (s.line == line || s.outline_line == line);
  }
  return rel.find(only) != std::string::npos;
}

// A short name for the kind of a failure, to count them: the engine's message without its
// position, "wrong rows", "no error raised".
std::string failure_kind(const std::string& reason) {
  static const std::regex kEngineError(R"(^error: (?:[^\s:]+:(?:\d+:)*\s)?(?:error: )?(.*)$)");
  std::smatch m;
  if (std::regex_match(reason, m, kEngineError)) {
    std::string message = m[1];
    // Names and values in quotes differ from one scenario to the next.
    message = std::regex_replace(message, std::regex(R"('[^']*'|"[^"]*"|`[^`]*`)"), "…");
    return "engine error: " + message.substr(0, 90);
  }
  if (reason.rfind("in order:", 0) == 0)
    return "wrong rows or order (in order)";
  if (reason.rfind("expected no rows", 0) == 0)
    return "rows where none are expected";
  if (reason.rfind("expected ", 0) == 0 &&
      reason.find("but the query succeeded") != std::string::npos)
    return "no error raised for " + reason.substr(9, reason.find(" at ") - 9);
  if (reason.rfind("expected ", 0) == 0)
    return "wrong rows";
  return reason.substr(0, reason.find_first_of(":("));
}

void print_details(const TestCase& tc, const Outcome& o) {
  std::cout << "  query:\n    " << std::regex_replace(tc.query, std::regex("\n"), "\n    ") << "\n";
  if (tc.expect == Expectation::rows) {
    std::cout << "  expected" << (tc.in_order ? " (in order)" : "") << ":\n";
    for (const auto& row : tc.expected) {
      std::cout << "    |";
      for (const auto& cell : row)
        std::cout << " " << cell << " |";
      std::cout << "\n";
    }
  }
  if (!o.details.empty())
    std::cout << "  actual:\n    "
              << std::regex_replace(o.details, std::regex("\n(?!$)"), "\n    ");
}

int usage(const char* argv0) {
  std::cerr << "usage: " << argv0
            << " TCK_DIR [--expected-failures FILE] [--only PATH_SUBSTRING|File.feature:LINE]"
               " [--verbose] [--no-fork] [--timeout SECONDS]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--expected-failures" && i + 1 < argc) {
      options.expected_failures = argv[++i];
    } else if (a == "--only" && i + 1 < argc) {
      options.only = argv[++i];
    } else if (a == "--verbose" || a == "-v") {
      options.verbose = true;
    } else if (a == "--no-fork") {
      options.fork = false;
    } else if (a == "--timeout" && i + 1 < argc) {
      options.timeout_seconds = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--help" || a == "-h") {
      usage(argv[0]);
      return 0;
    } else if (!a.empty() && a[0] != '-' && options.tck_dir.empty()) {
      options.tck_dir = a;
    } else {
      return usage(argv[0]);
    }
  }
  if (options.tck_dir.empty())
    return usage(argv[0]);
  const fs::path features = fs::path(options.tck_dir) / "features";
  if (!fs::is_directory(features)) {
    std::cout << "skipped: openCypher TCK not found at " << options.tck_dir << "\n";
    return 77;
  }
  bool list_ok = true;
  std::map<std::string, Listed> listed = read_expected_failures(options.expected_failures, list_ok);

  std::vector<std::pair<std::string, Totals>> folders;
  std::map<std::string, int> skip_reasons;
  std::map<std::string, int> error_kinds;  // expected errors the engine raised, by kind
  std::map<std::string, int> failure_kinds;
  int runner_errors = 0;
  for (const char* folder : kSelection) {
    Totals totals;
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(features / folder, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".feature")
        files.push_back(it->path());
    }
    if (ec || files.empty()) {
      std::cout << "warning: no feature files in " << (features / folder).string() << "\n";
    }
    // Match1, Match2, …, Match10 in numeric order.
    std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
      const std::string x = a.string(), y = b.string();
      return x.size() != y.size() ? x.size() < y.size() : x < y;
    });
    for (const fs::path& file : files) {
      const std::string rel = fs::relative(file, features).generic_string();
      Feature feature;
      try {
        feature = read_feature(file.string(), rel);
      } catch (const GherkinError& e) {
        std::cout << "FAIL " << e.what() << " (runner cannot read the feature)\n";
        ++runner_errors;
        continue;
      }
      for (const Scenario& scenario : feature.scenarios) {
        if (!selected_by(options.only, rel, scenario))
          continue;
        ++totals.selected;
        const std::string id = rel + ":" + std::to_string(scenario.line);
        const std::string title = id + "  " + scenario.name;
        Listed* entry = nullptr;
        if (auto it = listed.find(id); it != listed.end())
          entry = &it->second;
        else if (auto it2 = listed.find(rel + ":" + std::to_string(scenario.outline_line));
                 scenario.outline_line && it2 != listed.end())
          entry = &it2->second;
        if (entry)
          entry->used = true;

        const TestCase tc = interpret(scenario);
        if (tc.control_query || writes(tc.query)) {
          ++totals.not_read_only;
          if (options.verbose)
            std::cout << "not read-only " << title << "\n";
          continue;
        }
        Outcome o;
        const bool ignored =
            std::find(scenario.tags.begin(), scenario.tags.end(), "@ignore") != scenario.tags.end();
        if (ignored) {
          o = {Status::skipped, "tagged @ignore", {}};
        } else if (!tc.unsupported_steps.empty()) {
          o = {Status::skipped,
               "runner does not understand the step: " + tc.unsupported_steps[0],
               {}};
        } else {
          o = run_isolated(tc, options);
        }

        switch (o.status) {
          case Status::skipped:
            ++totals.skipped;
            ++skip_reasons[o.reason.substr(0, o.reason.find(" ("))];
            if (options.verbose)
              std::cout << "skipped " << title << ": " << o.reason << "\n";
            if (entry)
              std::cout << "note: " << id
                        << " is listed as an expected failure but skipped: " << o.reason << "\n";
            break;
          case Status::passed:
            if (entry) {
              ++totals.failed;
              std::cout << "FAIL " << title << ": unexpectedly passed: remove it from the list ("
                        << options.expected_failures << ":" << entry->file_line << ")\n";
            } else {
              ++totals.passed;
              if (tc.expect == Expectation::error)
                ++error_kinds[tc.error_type + " at " + tc.error_phase];
              if (options.verbose) {
                std::cout << "ok " << title
                          << (tc.expect == Expectation::error ? ": " + o.details : "") << "\n";
              }
            }
            break;
          case Status::failed:
            if (entry) {
              ++totals.expected_failures;
              if (options.verbose)
                std::cout << "expected failure " << title << ": " << o.reason << "\n";
            } else {
              ++totals.failed;
              ++failure_kinds[failure_kind(o.reason)];
              std::cout << "FAIL " << title << ": " << o.reason << "\n";
            }
            if (options.verbose)
              print_details(tc, o);
            break;
        }
      }
    }
    folders.emplace_back(folder, totals);
  }

  // Entries that name no scenario of the selection.
  int stale = 0;
  if (options.only.empty()) {
    for (const auto& [id, entry] : listed) {
      if (!entry.used) {
        std::cout << "FAIL " << options.expected_failures << ":" << entry.file_line
                  << ": stale entry " << id << ": no such scenario in the selection\n";
        ++stale;
      }
    }
  }

  std::cout << "\nper folder:\n";
  Totals all;
  for (const auto& [folder, t] : folders) {
    all.add(t);
    if (t.selected == 0 && !options.only.empty())
      continue;
    char line[300];
    std::snprintf(line, sizeof line,
                  "  %-26s %4d selected, %2d not read-only: %4d passed, %2d failed, %3d expected "
                  "failures, %2d skipped (%s)\n",
                  folder.c_str(), t.selected, t.not_read_only, t.passed, t.failed,
                  t.expected_failures, t.skipped, percent(t.passed, t.read_only()).c_str());
    std::cout << line;
  }
  if (!skip_reasons.empty()) {
    std::cout << "\nskipped, by reason:\n";
    for (const auto& [reason, n] : skip_reasons)
      std::cout << "  " << n << "  " << reason << "\n";
  }
  if (!failure_kinds.empty()) {
    std::cout << "\nunexpected failures, by kind:\n";
    std::vector<std::pair<int, std::string>> kinds;
    for (const auto& [k, n] : failure_kinds)
      kinds.emplace_back(n, k);
    std::sort(kinds.rbegin(), kinds.rend());
    for (const auto& [n, k] : kinds)
      std::cout << "  " << n << "  " << k << "\n";
  }
  if (!error_kinds.empty()) {
    std::cout << "\nexpected errors raised (the engine's error kind cannot be matched), by the "
                 "TCK's kind:\n";
    for (const auto& [k, n] : error_kinds)
      std::cout << "  " << n << "  " << k << "\n";
  }
  all.failed += runner_errors + stale;
  std::cout << "\n"
            << all.selected << " scenarios selected, " << all.not_read_only << " not read-only, "
            << all.read_only() << " read-only\n";
  std::cout << "pass rate: " << all.passed << " of " << all.read_only()
            << " read-only scenarios = " << percent(all.passed, all.read_only()) << "\n";
  std::cout << all.expected_failures << " expected failures"
            << (options.expected_failures.empty() ? "" : " (" + options.expected_failures + ")")
            << "\n";
  std::cout << all.passed << " passed, " << all.failed << " failed, " << all.skipped
            << " skipped\n";
  return all.failed == 0 && list_ok ? 0 : 1;
}
