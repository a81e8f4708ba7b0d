#include "ingest/record_text.hpp"

#include <vector>

#include "base/short_text.hpp"
#include "ingest/text_hash.hpp"

namespace jurigraph::ingest {
namespace {

class TextKeeper {
 public:
  explicit TextKeeper(TextArena& arena) : arena_(arena) {}

  // Copies s, sharing the copy of an equal short string kept recently.
  void keep(std::string_view& s) {
    if (s.empty()) {
      s = {};
      return;
    }
    if (s.size() <= kShort) {
      std::string_view& slot = recent_[TextHash{}(s) & (recent_.size() - 1)];
      if (!equal_short_text(slot, s))
        slot = arena_.copy(s);
      s = slot;
    } else {
      s = arena_.copy(s);
    }
  }
  // Copies s, for text that seldom repeats (names, numbers, descriptions): kept out of the cache,
  // where it would push out the ids the edges look for.
  void copy(std::string_view& s) { s = s.empty() ? std::string_view{} : arena_.copy(s); }

 private:
  // Ids and vocabulary; longer text (names, summaries, URLs) rarely repeats.
  static constexpr std::size_t kShort = 24;
  // Slots of the cache: enough for the companies a run's decisions name (Zipf-skewed, tens of
  // thousands per run at 1M decisions), 1 MB, reused for the run's strings.
  static constexpr std::size_t kSlots = std::size_t{1} << 16;

  TextArena& arena_;
  // Recent short strings by hash, one per slot: a cache, not a set.
  std::vector<std::string_view> recent_ = std::vector<std::string_view>(kSlots);
};

}  // namespace

void keep_record_text(FileRecords& r) {
  TextKeeper k(r.text);
  for (SourceSpec& s : r.sources) {
    k.keep(s.url);
    k.keep(s.title);
    k.keep(s.publisher);
    k.keep(s.note);
  }
  for (std::string_view& s : r.strings)
    k.keep(s);
  for (auto& [scheme, value] : r.identifiers) {
    k.keep(scheme);
    k.keep(value);
  }
  for (PropertySpec& p : r.properties) {
    k.keep(p.key);
    k.keep(p.text);
  }
  for (ClaimSpec& c : r.claims) {
    k.keep(c.property);
    k.keep(c.note);
    k.keep(c.origin);
  }
  for (NodeSpec& n : r.nodes) {
    k.keep(n.id);
    k.copy(n.name);
    k.keep(n.kind);
    k.keep(n.currency);
  }
  for (NodeDetails& d : r.details) {
    k.keep(d.country);
    k.copy(d.description);
    k.copy(d.number);
    k.copy(d.summary);
  }
  // The edges written in one decision view its id, in a row: kept once (ids are mostly short and
  // found in the cache anyway, but not all).
  const char* from_source = nullptr;
  std::string_view from_kept;
  for (EdgeSpec& e : r.edges) {
    std::string_view from = e.from();
    if (from.data() != from_source || from.size() != from_kept.size()) {
      from_source = from.data();
      k.keep(from);
      from_kept = from;
    }
    e.set_from(from_kept);
    std::string_view to = e.to();
    k.keep(to);
    e.set_to(to);
  }
  for (RelationSpec& relation : r.relations)
    k.keep(relation.type);
  for (auto& [key, index] : r.source_keys)
    k.keep(key);
  for (SourceKeyRef& ref : r.source_key_refs)
    k.keep(ref.key);
  r.text.release_spare();
}

}  // namespace jurigraph::ingest
