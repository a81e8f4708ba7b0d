#include "ingest/record_text.hpp"

#include <cstdint>
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
      const std::size_t hash = TextHash{}(s);
      Slot& slot = recent_[hash & (recent_.size() - 1)];
      const auto tag = static_cast<uint32_t>(hash >> 32);
      // The tag settles most mismatches (ids of one pattern share their length) without reading
      // the kept copy, which is far away in the arena: that read missed the cache on most calls.
      if (slot.tag != tag || !equal_short_text(slot.text(), s))
        slot = {arena_.copy(s).data(), static_cast<uint32_t>(s.size()), tag};
      s = slot.text();
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

  // A kept copy and the high half of its hash (the low half chose the slot).
  struct Slot {
    const char* data = nullptr;
    uint32_t size = 0;
    uint32_t tag = 0;
    std::string_view text() const { return {data, size}; }
  };
  static_assert(sizeof(Slot) == 16, "the cache is sized in slots of 16 bytes");

  TextArena& arena_;
  // Recent short strings by hash, one per slot: a cache, not a set. On one 2 MB page: written
  // all over at once, it took 256 faults of 4 KB a run.
  HugeVector<Slot> recent_ = HugeVector<Slot>(kSlots);
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
