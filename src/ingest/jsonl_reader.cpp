#include "ingest/jsonl_reader.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <thread>

#include "base/huge_pages.hpp"
#include "base/utf8.hpp"
#include "ingest/dataset_reader.hpp"
#include "ingest/id_index.hpp"
#include "ingest/json_file.hpp"
#include "ingest/json_nodes.hpp"
#include "ingest/record_text.hpp"

namespace jurigraph::ingest {
namespace {

using rapidjson::Value;

// What a line may hold: the one member of its object.
enum class Kind : uint8_t { schema, dataset, sources, vocabulary, entity, decision, relation };
constexpr std::pair<std::string_view, Kind> kKinds[] = {
    {"decision", Kind::decision}, {"entity", Kind::entity},         {"relation", Kind::relation},
    {"sources", Kind::sources},   {"vocabulary", Kind::vocabulary}, {"dataset", Kind::dataset},
    {"$schema", Kind::schema}};
constexpr std::string_view kKindList =
    "\"decision\", \"entity\", \"relation\", \"sources\", \"vocabulary\", \"dataset\" or "
    "\"$schema\"";

std::optional<Kind> kind_of(std::string_view name) {
  for (const auto& [n, k] : kKinds) {
    if (n == name)
      return k;
  }
  return std::nullopt;
}

std::string describe(const Value& v) {
  if (v.IsObject())
    return "an object with " + std::to_string(v.MemberCount()) + " members";
  if (v.IsArray())
    return "an array";
  if (v.IsString())
    return "a string";
  if (v.IsNumber())
    return "a number";
  if (v.IsBool())
    return v.GetBool() ? "true" : "false";
  return "null";
}

// What RecordReader takes of each parser's records.
const rapidjson::Value& reader_input(RapidNode v) {
  return v.value();
}
const SimdNode& reader_input(const SimdNode& v) {
  return v;
}

// Pointers of one line (/decision/date), located in that line.
class LineView final : public DatasetFile {
 public:
  LineView(const JsonlFile& file, RecordPlace place) : file_(file), place_(place) {}
  const std::string& path() const override { return file_.path(); }
  Location locate(std::string_view pointer) const override {
    return file_.locate_in_line(place_, pointer);
  }
  Diagnostic diagnostic(Severity severity, std::string_view pointer,
                        std::string message) const override {
    return file_.line_diagnostic(severity, place_, pointer, std::move(message));
  }

 private:
  const JsonlFile& file_;
  RecordPlace place_;
};

// One run of whole lines, read by one thread. Lines and record indexes count from the run's
// start until the merge shifts them.
struct Run {
  std::size_t begin = 0, end = 0;  // byte range
  FileRecords records;
  RecordIndex index;
  std::vector<RecordPlace> source_key_places;  // parallel to records.source_keys
  Diagnostics diagnostics;                     // of the first max_errors lines with errors
  uint32_t lines = 0;
  uint32_t error_lines = 0;
  bool empty = true;  // no record at all
};

class RunReader {
 public:
  RunReader(JsonlFile& file, const SchemaCheck& schema, const FastSchemaCheck& fast,
            const JsonlReadOptions& options, Run& run)
      : file_(file),
        schema_(schema),
        fast_(fast),
        options_(options),
        run_(run),
        view_(file, run.index),
        reader_(view_, run.records, line_diagnostics_),
        value_pool_(value_buffer_, sizeof value_buffer_),
        parse_pool_(parse_buffer_, sizeof parse_buffer_) {
    // Deeper lines go to RapidJSON, which says how deep they are. The capacity grows with the
    // longest line.
    if (parser_.allocate(std::size_t{64} << 10, kMaxDepth) != simdjson::SUCCESS)
      throw std::bad_alloc();
  }

  // Reads the run's lines chunk by chunk into `buffer` (the thread's, reused from chunk to chunk
  // and from run to run), parses them (read_fast, or RapidJSON in place) and keeps what the
  // records need in the run's own text (RecordTextKeeper) before their buffers are reused.
  void read(HugeBlock& buffer, std::size_t& capacity) {
    // Generous estimates from the run's size (a decision line is ~350 bytes and makes ~5 edges;
    // an entity line can be under 100): growing the vectors would copy them several times, while
    // capacity never written costs little memory (at most the rest of a 2 MB page: measured, huge
    // pages pay here too). Nodes and entities at a line of 200 bytes fell short in a run of
    // entities (1M decisions: 321k nodes and 250k entities in the first 48 MB run), and the
    // entities' index grew in 4 KB pages (930 faults).
    std::size_t bytes = run_.end - run_.begin;
    reserve_huge(run_.records.nodes, bytes / 100);
    reserve_huge(run_.records.edges, bytes / 50);
    reserve_huge(run_.records.source_refs, bytes / 100);
    reserve_huge(run_.records.source_key_refs, bytes / 200);
    reserve_huge(run_.records.properties, bytes / 100);
    reserve_huge(run_.records.relations, bytes / 100);  // the edges of their own
    reserve_huge(run_.records.edge_lists, bytes / 100);
    // Where each record is written, for diagnostics: grown by doubling in malloc's 4 KB pages,
    // these and the file's index (Merger::reserve_index) took half the page faults of reading a
    // 1M-decision file (12,000–12,900 before resolving, 6,000–6,400 since).
    reserve_huge(run_.index.entities, bytes / 64);
    reserve_huge(run_.index.decisions, bytes / 200);
    reserve_huge(run_.index.relations, bytes / 100);
    // Chunks, not the whole run: a buffer of the run took two of 60 MB at 1M decisions, memory
    // the process touches for the first time, which on this machine the host must supply (0.45
    // to 2.5 GB/s measured), where a few MB, reused, stay in the cache from read to parse. Peak
    // RSS of a 1M-decision load and queries: 635–647 → 619 MB (4 interleaved runs).
    const std::size_t chunk = std::min(bytes, options_.chunk_bytes);
    if (capacity < chunk + kSlack) {
      capacity = huge_allocation_bytes(chunk + kSlack);
      buffer = allocate_huge_block(capacity);
    }
    RecordTextKeeper keeper(run_.records, bytes);
    keeper_ = &keeper;
    std::size_t read = 0;    // bytes of the run read
    std::size_t parsed = 0;  // bytes of the run parsed: the buffer holds [parsed, read)
    uint64_t records_since = 0;
    std::size_t bytes_since = 0;
    while (parsed < bytes) {
      std::size_t held = read - parsed;
      if (held + kSlack >= capacity) {
        // A line longer than the buffer: twice the room, with what it holds.
        const std::size_t larger = huge_allocation_bytes(2 * capacity);
        HugeBlock grown = allocate_huge_block(larger);
        std::memcpy(grown.get(), buffer.get(), held);
        buffer = std::move(grown);
        capacity = larger;
      }
      char* const text = buffer.get();
      const std::size_t want = std::min(capacity - kSlack - held, bytes - read);
      const std::size_t got = file_.read_at(run_.begin + read, text + held, want);
      if (got < want) {
        error_line(Diagnostic{Severity::error,
                              Location(file_.path()),
                              "cannot read the file (it changed or shrank while it was read)",
                              {}});
        flush_line();
        bytes = read + got;
      }
      read += got;
      held += got;
      // The next chunk comes from the disk while this one is parsed, when the file is not in
      // the page cache (this machine drops file pages unread for a minute or so).
      if (read < bytes)
        file_.read_ahead(run_.begin + read, std::min(chunk, bytes - read));
      // The lines whole in the buffer: up to its last newline, or all of them at the run's end.
      std::size_t complete = held;
      if (read < bytes) {
        const void* newline = ::memrchr(text, '\n', held);
        if (newline == nullptr)
          continue;  // grown above
        complete = static_cast<std::size_t>(static_cast<const char*>(newline) - text) + 1;
      } else {
        text[held] = '\0';
      }
      std::size_t pos = 0;
      while (pos < complete) {
        char* const start = text + pos;
        char* newline = static_cast<char*>(std::memchr(start, '\n', complete - pos));
        const std::size_t length =
            newline ? static_cast<std::size_t>(newline - start) : complete - pos;
        const RecordPlace place{run_.begin + parsed + pos, ++run_.lines};
        // The line ends in '\0' for the parser (the '\n' is not needed any more).
        if (newline != nullptr)
          *newline = '\0';
        if (read_line(start, length, place))
          ++records_since;
        pos += length + 1;
        if (options_.progress != nullptr && (records_since == 4096 || pos >= complete)) {
          const std::size_t done = parsed + std::min(pos, complete);
          options_.progress->add(records_since, done - bytes_since);
          records_since = 0;
          bytes_since = done;
        }
      }
      keep_text();
      next_document_ = 0;
      std::memmove(text, text + complete, held - complete);
      parsed += complete;
    }
    keeper.finish();
    keeper_ = nullptr;
    run_.index.source_keys.clear();  // the merge uses records.source_keys
    release_spare_capacity(run_.records.nodes);
    release_spare_capacity(run_.records.edges);
    release_spare_capacity(run_.records.source_refs);
    release_spare_capacity(run_.records.properties);
    release_spare_capacity(run_.records.relations);
    release_spare_capacity(run_.records.edge_lists);
    release_spare_capacity(run_.records.source_key_refs);
    release_spare_capacity(run_.index.entities);
    release_spare_capacity(run_.index.decisions);
    release_spare_capacity(run_.index.relations);
  }

 private:
  // After the line: the '\0' that ends it for RapidJSON, and the bytes simdjson may read past
  // the end of its input (SIMDJSON_PADDING; their content does not matter).
  static constexpr std::size_t kSlack = 1 + simdjson::SIMDJSON_PADDING;

  // The records read so far keep their text before the buffer it is in is overwritten: the
  // chunk's (RapidJSON parses in place) or a simdjson document's. The index of source keys,
  // which views the keys, follows.
  void keep_text() {
    keeper_->keep_new();
    if (!source_keys_viewed_)
      return;
    source_keys_viewed_ = false;
    RecordIndex& index = run_.index;
    index.source_keys.clear();
    for (std::size_t i = 0; i < run_.records.source_keys.size(); ++i)
      index.source_keys.emplace(run_.records.source_keys[i].first, run_.source_key_places[i]);
  }

  // The common case, a well-formed line holding a valid record, read from simdjson's DOM. False
  // when simdjson or the fast check turn the line down: RapidJSON then parses it again, as the
  // diagnostics need, and reads it if it is valid after all (simdjson refuses what RapidJSON
  // may accept, as an integer beyond 64 bits; the reverse is tested: JsonlSimd tests).
  bool read_fast(const char* text, std::size_t length, RecordPlace place) {
    if (next_document_ == documents_.size()) {
      keep_text();
      next_document_ = 0;
    }
    simdjson::dom::document& document = documents_[next_document_];
    if (parser_.parse_into_document(document, text, length, false).error() != simdjson::SUCCESS)
      return false;
    ++next_document_;
    const SimdNode root(document);
    if (!root.is_object() || root.size() != 1)
      return false;
    const auto member = *root.members().begin();
    const std::optional<Kind> kind = kind_of(member.name);
    if (!kind || !fast_.valid(root))
      return false;
    read_record(*kind, member.value, place);
    return true;
  }

  // Returns true when the line held a record (valid or not).
  bool read_line(char* line, std::size_t length, RecordPlace place) {
    std::size_t skip = 0;
    if (place.offset == 0 && length >= 3 && std::memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
      // Reported, then the rest of the line is still checked.
      error_line(file_.line_diagnostic(
          Severity::error, place, {},
          "the file starts with a byte-order mark; save it as UTF-8 without BOM"));
      skip = 3;
    }
    std::size_t first = skip;
    while (first < length && (line[first] == ' ' || line[first] == '\t' || line[first] == '\r'))
      ++first;
    if (first == length)
      return false;  // blank lines are allowed
    run_.empty = false;
    if (read_fast(line + skip, length - skip, place)) {
      flush_line();
      return true;
    }

    // Looked for before parsing in place changes the line (simdjson refuses such lines).
    const std::size_t lone = lone_surrogate_at(std::string_view(line + skip, length - skip));
    Document doc(&value_pool_, 1024, &parse_pool_);
    doc.ParseInsitu<kJsonParseFlags>(line + skip);
    const bool parsed = !doc.HasParseError();
    if (!parsed) {
      diagnose_malformed(place, skip);
    } else if (lone != std::string_view::npos) {
      diagnose_lone_surrogate(place, skip + lone);
    } else if (const Value* record = record_of(doc, place)) {
      if (!fast_.valid(doc) && !schema_valid(doc, place)) {
        // Reported by schema_valid.
      } else {
        const Value& name = doc.MemberBegin()->name;
        read_record(*kind_of(std::string_view(name.GetString(), name.GetStringLength())),
                    RapidNode(*record), place);
      }
    }
    flush_line();
    value_pool_.Clear();
    parse_pool_.Clear();
    return true;
  }

  using Document = rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<>,
                                              rapidjson::MemoryPoolAllocator<>>;

  // The record a well-formed line holds, or nullptr (reported).
  const Value* record_of(const Value& root, RecordPlace place) {
    if (!root.IsObject() || root.MemberCount() != 1) {
      error_line(file_.line_diagnostic(Severity::error, place, {},
                                       "a JSON Lines record is an object with one member, " +
                                           std::string(kKindList) + "; found " + describe(root)));
      return nullptr;
    }
    const Value& name = root.MemberBegin()->name;
    const std::string_view key(name.GetString(), name.GetStringLength());
    if (!kind_of(key)) {
      error_line(file_.line_diagnostic(
          Severity::error, place, "/" + pointer_token(key),
          "unknown record kind \"" + std::string(key) + "\": expected " + std::string(kKindList)));
      return nullptr;
    }
    return &root.MemberBegin()->value;
  }

  bool schema_valid(const Value& root, RecordPlace place) {
    if (error_lines_full()) {
      // Counted, not explained: only the first lines with errors are shown.
      line_failed_ = true;
      return false;
    }
    // valijson recurses: the depth limit of JSON files applies before it runs.
    const std::string original = file_.original_line(place.offset);
    if (const std::size_t deep = too_deep_at(original); deep != std::string::npos) {
      error_at_byte(place, original, deep,
                    "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels");
      return false;
    }
    // As in a JSON file, before the schema: which of two equal names the schema would see is a
    // guess.
    std::string pointer, key;
    if (find_duplicate_key(root, pointer, key)) {
      error_line(
          file_.line_diagnostic(Severity::error, place, pointer, duplicate_key_message(key)));
      return false;
    }
    const LineView where(file_, place);
    if (schema_.check_line(root, where, line_diagnostics_, options_.max_errors))
      return true;
    line_failed_ = true;
    return false;
  }

  template <typename JsonNode>
  void read_record(Kind kind, JsonNode v, RecordPlace place) {
    RecordIndex& index = run_.index;
    switch (kind) {
      case Kind::schema:
      case Kind::dataset:
        break;
      case Kind::sources: {
        const std::size_t before = run_.records.source_keys.size();
        reader_.read_source_table(reader_input(v));
        run_.source_key_places.resize(run_.records.source_keys.size(), place);
        for (std::size_t i = before; i < run_.records.source_keys.size(); ++i)
          index.source_keys.emplace(run_.records.source_keys[i].first, place);
        source_keys_viewed_ = true;
        break;
      }
      case Kind::vocabulary: {
        const auto first = static_cast<uint32_t>(index.relation_types.size());
        if (const JsonNode types = v.find("relation_types")) {
          for (uint32_t i = 0; i < types.size(); ++i) {
            index.relation_types.push_back(place);
            index.relation_type_item.push_back(i);
          }
        }
        reader_.read_vocabulary(reader_input(v), first);
        break;
      }
      case Kind::entity:
        index.entities.push_back(place);
        reader_.read_entity(reader_input(v), static_cast<uint32_t>(index.entities.size() - 1));
        break;
      case Kind::decision:
        index.decisions.push_back(place);
        reader_.read_decision(reader_input(v), static_cast<uint32_t>(index.decisions.size() - 1));
        break;
      case Kind::relation:
        index.relations.push_back(place);
        reader_.read_relation(reader_input(v), static_cast<uint32_t>(index.relations.size() - 1));
        break;
    }
  }

  // Parsing in place stopped at an error: the checks of a JSON file, on the line as written.
  void diagnose_malformed(RecordPlace place, std::size_t skip) {
    if (error_lines_full()) {
      line_failed_ = true;
      return;
    }
    const std::string original = file_.original_line(place.offset);
    if (const std::size_t bad = utf8::first_invalid(original); bad != std::string::npos)
      return error_at_byte(place, original, bad, "invalid UTF-8 byte sequence");
    if (const std::size_t deep = too_deep_at(original); deep != std::string::npos) {
      return error_at_byte(place, original, deep,
                           "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    rapidjson::Document doc;
    doc.Parse<kJsonParseFlags>(original.data() + skip, original.size() - skip);
    if (!doc.HasParseError()) {
      return error_at_byte(place, original, 0, "malformed JSON");  // not reached
    }
    error_at_byte(place, original, skip + doc.GetErrorOffset(),
                  parse_error_message(doc.GetParseError()));
  }

  void diagnose_lone_surrogate(RecordPlace place, std::size_t byte) {
    if (error_lines_full()) {
      line_failed_ = true;
      return;
    }
    error_at_byte(place, file_.original_line(place.offset), byte,
                  std::string(kLoneSurrogateMessage));
  }

  void error_at_byte(RecordPlace place, std::string_view original, std::size_t byte,
                     std::string message) {
    byte = std::min(byte, original.size());
    const auto column = utf8::count_code_points(original.substr(0, byte)) + 1;
    Diagnostic d{Severity::error, Location(file_.path(), place.line, static_cast<uint32_t>(column)),
                 std::move(message), std::string(original)};
    error_line(std::move(d));
  }

  void error_line(Diagnostic d) {
    line_failed_ = true;
    line_diagnostics_.add(std::move(d));
  }

  bool error_lines_full() const { return run_.error_lines >= options_.max_errors; }

  // Moves the line's diagnostics into the run's, unless enough lines have been shown.
  void flush_line() {
    if (line_failed_ || line_diagnostics_.has_errors()) {
      if (!error_lines_full())
        run_.diagnostics.append(line_diagnostics_);
      ++run_.error_lines;
    } else if (!line_diagnostics_.all().empty()) {
      run_.diagnostics.append(line_diagnostics_);
    }
    if (!line_diagnostics_.all().empty())
      line_diagnostics_ = Diagnostics();
    line_failed_ = false;
  }

  JsonlFile& file_;
  const SchemaCheck& schema_;
  const FastSchemaCheck& fast_;
  const JsonlReadOptions& options_;
  Run& run_;
  JsonlView view_;
  Diagnostics line_diagnostics_;
  RecordReader reader_;
  RecordTextKeeper* keeper_ = nullptr;  // the run's, while read() runs
  bool source_keys_viewed_ = false;     // the index of source keys views text not kept yet
  bool line_failed_ = false;
  // simdjson parses each line into the next of these documents, and the records view their
  // strings until keep_text, once all of them are used (or at the chunk's end). Kept after every
  // line, the strings took twice the CPU (perf, 1M decisions): the keeper fetches the cache slots
  // of the ids ahead, which pays in batches only. 64 documents of a few kB stay in the cache.
  simdjson::dom::parser parser_;
  std::array<simdjson::dom::document, 64> documents_;
  std::size_t next_document_ = 0;
  // One DOM at a time, in memory reused from line to line.
  alignas(16) char value_buffer_[64 * 1024];
  alignas(16) char parse_buffer_[16 * 1024];
  rapidjson::MemoryPoolAllocator<> value_pool_;
  rapidjson::MemoryPoolAllocator<> parse_pool_;
};

// Joins the runs into the file: diagnostics, the record index, record numbers and sources are
// renumbered from the file's start. The records stay in the runs' tables, one part per run:
// copying them into one table set doubled the memory written (1M decisions: about 1 GB, 2 s of
// CPU, most of it the kernel zeroing fresh pages) for nothing the resolver needs.
class Merger {
 public:
  Merger(JsonlFile& file, std::vector<FileRecords>& parts, Diagnostics& diagnostics,
         std::size_t max_errors)
      : file_(file), parts_(parts), diagnostics_(diagnostics), max_errors_(max_errors) {}

  void merge(Run& run) {
    FileRecordIndex& index = file_.index();
    // Only the first max_errors lines with errors of the whole file are shown; a run shows its
    // own first ones, so the lines shown do not depend on how the file was cut into runs.
    const std::size_t allowed = max_errors_ - shown_error_lines_;
    std::size_t lines_seen = 0;
    uint32_t last_line = 0;
    for (Diagnostic d : run.diagnostics.all()) {
      if (d.where.line != last_line || lines_seen == 0) {
        last_line = d.where.line;
        ++lines_seen;
      }
      if (lines_seen > allowed)
        break;
      if (d.where.line > 0)
        d.where.line += line_base_;
      diagnostics_.add(std::move(d));
    }
    shown_error_lines_ += std::min<std::size_t>(run.error_lines, allowed);
    error_lines_ += run.error_lines;
    FileRecords& r = run.records;
    uint32_t record_base[4];
    for (Section s :
         {Section::entities, Section::decisions, Section::relations, Section::vocabulary})
      record_base[static_cast<int>(s)] = static_cast<uint32_t>(index.size(s));
    // A key defined twice is reported here and left out, so that finish_records sees each key
    // once.
    std::vector<std::pair<std::string_view, uint32_t>> keys;
    for (std::size_t k = 0; k < r.source_keys.size(); ++k) {
      const auto [key, local] = r.source_keys[k];
      RecordPlace place = run.source_key_places[k];
      place.line += line_base_;
      auto [it, inserted] = index.source_keys.emplace(key, place);
      if (!inserted) {
        const Location first = file_.locate_in_line(it->second, "/sources/" + pointer_token(key));
        diagnostics_.add(file_.line_diagnostic(
            Severity::error, place, "/sources/" + pointer_token(key),
            "duplicate source key \"" + std::string(key) + "\" in this file (first at " +
                std::to_string(first.line) + ":" + std::to_string(first.column) + ")"));
        duplicate_keys_ = true;
        continue;
      }
      keys.emplace_back(key, local);
    }
    r.source_keys = std::move(keys);
    // The file's sources, a few, in one table (the first part's): a source keeps one index in the
    // file, whichever part cites it.
    const auto sources = static_cast<uint32_t>(parts_.empty() ? 0 : parts_.front().sources.size());
    for (auto& [key, local] : r.source_keys)
      local += sources;
    if (!parts_.empty()) {
      std::vector<SourceSpec>& file_sources = parts_.front().sources;
      file_sources.insert(file_sources.end(), r.sources.begin(), r.sources.end());
      r.sources = std::vector<SourceSpec>();
    }
    Shift& shift = shifts_.emplace_back();
    shift.sources = sources;
    std::copy(std::begin(record_base), std::end(record_base), shift.record_base.begin());
    index.append(std::move(run.index), line_base_);
    line_base_ += run.lines;
    parts_.push_back(std::move(r));
  }

  // Numbers the records of part p from the file's start, and its source references in the
  // file's source table: what merge(run) left to do, millions of records, so that it can be done
  // on one core while the other looks for ids defined twice (see read_jsonl).
  void renumber(std::size_t p) {
    FileRecords& r = parts_[p];
    const Shift& shift = shifts_[p];
    if (shift.sources > 0) {
      for (uint32_t& ref : r.source_refs)
        ref += shift.sources;
    }
    const auto add_base = [&](Section s, uint32_t& record) {
      record += shift.record_base[static_cast<int>(s)];
    };
    for (NodeSpec& n : r.nodes)
      add_base(n.section, n.record);
    for (EdgeSpec& e : r.edges)
      add_base(e.section, e.record);
    for (RelationTypeSpec& t : r.relation_types)
      add_base(Section::vocabulary, t.index);
  }

  void finish() {
    if (error_lines_ > shown_error_lines_) {
      diagnostics_.add(
          {Severity::note,
           Location(file_.path()),
           std::to_string(error_lines_ - shown_error_lines_) + " more lines with errors not shown",
           {}});
    }
  }

  bool ok() const { return error_lines_ == 0 && !duplicate_keys_; }

 private:
  JsonlFile& file_;
  std::vector<FileRecords>& parts_;
  Diagnostics& diagnostics_;
  std::size_t max_errors_;
  uint32_t line_base_ = 0;
  std::size_t error_lines_ = 0;
  std::size_t shown_error_lines_ = 0;
  bool duplicate_keys_ = false;
  // By part: what renumber adds to its record numbers and source references.
  struct Shift {
    std::array<uint32_t, 4> record_base{};  // by Section
    uint32_t sources = 0;
  };
  std::vector<Shift> shifts_;
};

}  // namespace

std::vector<LineRun> split_into_runs(const JsonlFile& file, unsigned threads, std::size_t shortest,
                                     std::size_t longest) {
  std::vector<LineRun> runs;
  const std::size_t size = file.size();
  std::size_t begin = 0;
  while (begin < size) {
    const std::size_t target = std::clamp<std::size_t>(
        (size - begin) / (2 * std::size_t{std::max(1u, threads)}), shortest, longest);
    const std::size_t end = begin + target >= size
                                ? size
                                : static_cast<std::size_t>(file.next_line_start(begin + target));
    runs.push_back({begin, end});
    begin = end;
  }
  return runs;
}

bool read_jsonl(JsonlFile& file, const SchemaCheck& schema, const FastSchemaCheck& fast,
                std::vector<FileRecords>& parts, Diagnostics& diagnostics,
                const JsonlReadOptions& options) {
  const unsigned threads = std::max(1u, options.threads);
  // A UTF-16 file would make every line malformed: said once, as for a JSON file.
  char start[2] = {};
  if (starts_with_utf16_bom(std::string_view(start, file.read_at(0, start, sizeof start)))) {
    diagnostics.add(
        file.line_diagnostic(Severity::error, RecordPlace{0, 1}, {}, std::string(kUtf16Message)));
    return false;
  }
  // Runs of at most 64 MB, which bounds a run's tables for a larger file (10M decisions: 60
  // runs), shrinking at the end down to a thirty-second of a thread's share (1 MB at least): the
  // threads then finish within a short run of each other. In 8 equal runs, one thread finished
  // 0.1 to 0.15 s before the other in perf timelines on a busy host, where equal runs loaded 7%
  // slower (two series of 8 and 10 interleaved pairs); on a quiet host the two were alike (two of
  // 12 pairs: each way faster in half). Down to a sixteenth (12 runs at 1M decisions, the last
  // of 12 MB), one thread still finished 30–50 ms before the other in three timelines of four;
  // at a thirty-second (15 runs, the last of 6 MB) the reading of the quiet runs of ten
  // interleaved pairs took 0.970 s against 1.003 (medians), peak RSS 459 MB against 457. A run
  // has tables of its own, whose last 2 MB page is written in part: many more runs cost memory
  // and CPU (32 equal runs: 8% more user CPU).
  constexpr std::size_t kSmallestRun = std::size_t{1} << 20, kLargestRun = std::size_t{64} << 20;
  const std::size_t shortest =
      std::min(kLargestRun, std::max(kSmallestRun, file.size() / (std::size_t{threads} * 32)));
  const std::vector<LineRun> plan = split_into_runs(file, threads, shortest, kLargestRun);
  std::vector<Run> runs(plan.size());
  for (std::size_t i = 0; i < plan.size(); ++i) {
    runs[i].begin = plan[i].begin;
    runs[i].end = plan[i].end;
  }

  std::atomic<std::size_t> next{0};
  auto work = [&] {
    HugeBlock buffer;  // the thread's, for one run at a time
    std::size_t capacity = 0;
    for (std::size_t i = next++; i < runs.size(); i = next++)
      RunReader(file, schema, fast, options, runs[i]).read(buffer, capacity);
  };
  // Reading threads, each taking runs in turn; this one draws the progress meanwhile.
  run_drawing_progress(static_cast<unsigned>(std::min<std::size_t>(threads, runs.size())), work,
                       options.draw_progress ? options.progress : nullptr);

  Merger merger(file, parts, diagnostics, options.max_errors);
  parts.reserve(runs.size());
  bool empty = true;
  for (Run& run : runs) {
    empty &= run.empty;
    merger.merge(run);
  }
  merger.finish();
  bool ok = merger.ok();
  if (empty) {
    diagnostics.add({Severity::error,
                     Location(file.path(), 1, 1),
                     "the file is empty: a JSON Lines dataset holds one record a line",
                     {}});
    ok = false;
  }
  // Renumbering the records and looking the ids up read millions of records, in different
  // fields: on two cores, when there are, each task on one (1M decisions: 0.35 s on one core).
  // The ids go into the file's FileIds, kept with the first part for the resolver, whose table's
  // pages are faulted in first, on both cores (1M decisions: 64 MB). The ids defined twice are
  // reported in finish_records, in the serial order.
  DuplicateIds duplicates;
  const auto renumber_all = [&] {
    for (std::size_t p = 0; p < parts.size(); ++p)
      merger.renumber(p);
  };
  auto ids = std::make_shared<FileIds>();
  std::size_t node_count = 0;
  for (const FileRecords& records : parts)
    node_count += records.nodes.size();
  ids->index.reset(node_count, threads > 1);
  if (threads > 1 && parts.size() > 1) {
    std::jthread renumbering(renumber_all);
    duplicates = find_duplicate_ids(parts, *ids);
  } else {
    renumber_all();
    duplicates = find_duplicate_ids(parts, *ids);
  }
  if (!parts.empty())
    parts.front().ids = std::move(ids);
  // finish_records reports through the file's index, now complete.
  return finish_records(file, parts, duplicates, diagnostics) && ok;
}

}  // namespace jurigraph::ingest
