#include "ingest/record_text.hpp"

#include <cstdint>
#include <utility>
#include <vector>

#include "base/short_text.hpp"
#include "ingest/text_hash.hpp"

namespace jurigraph::ingest {
namespace {

class TextKeeper {
 public:
  TextKeeper(TextArena& arena, std::size_t text_bytes)
      : arena_(arena), recent_(slots_for(text_bytes)) {
    // The text kept is a part of the text read, the ids shared through the cache: a sixth to a
    // tenth in the runs of a generated 1M-decision file (6 to 64 MB each).
    arena_.expect(text_bytes / 8);
  }

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
  // Starts fetching the slot keep(s) will read: the cache is 1 MB, and finding a slot missed the
  // processor's cache on most calls (perf annotate: three in five of the keeper's samples).
  void prefetch(std::string_view s) const {
    if (!s.empty() && s.size() <= kShort)
      __builtin_prefetch(&recent_[TextHash{}(s) & (recent_.size() - 1)]);
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
  // A slot for every 64 bytes of text read, from 256 to kSlots, in a power of two: a small file's
  // run does not write 1 MB of slots (a folder of 3,000 files of three lines: 0.7 s).
  static std::size_t slots_for(std::size_t text_bytes) {
    std::size_t slots = 256;
    while (slots < kSlots && slots * 64 < text_bytes)
      slots *= 2;
    return slots;
  }

  // A kept copy and the high half of its hash (the low half chose the slot).
  struct Slot {
    const char* data = nullptr;
    uint32_t size = 0;
    uint32_t tag = 0;
    std::string_view text() const { return {data, size}; }
  };
  static_assert(sizeof(Slot) == 16, "the cache is sized in slots of 16 bytes");

  TextArena& arena_;
  // Recent short strings by hash, one per slot: a cache, not a set. On one 2 MB page when full:
  // written all over at once, it took 256 faults of 4 KB a run.
  HugeVector<Slot> recent_;
};

// How far each table's text is kept.
struct KeptUpTo {
  std::size_t sources = 0, strings = 0, identifiers = 0, properties = 0, claims = 0, nodes = 0,
              details = 0, edges = 0, relations = 0, source_keys = 0, source_key_refs = 0;
};

// Calls f on the entries of `table` from `from` on, then moves `from` to its end; calls fetch on
// the entry kAhead places on before f on each, so that the cache slots of the ids of millions of
// nodes and edges are fetched while earlier ones are kept.
template <typename Table, typename Fetch, typename F>
void each_new_fetching_ahead(Table& table, std::size_t& from, Fetch&& fetch, F&& f) {
  constexpr std::size_t kAhead = 8;
  for (std::size_t i = from; i < table.size(); ++i) {
    if (i + kAhead < table.size())
      fetch(table[i + kAhead]);
    f(table[i]);
  }
  from = table.size();
}

// The same, fetching nothing ahead (tables of a few entries a record, or of text seldom shared).
template <typename Table, typename F>
void each_new(Table& table, std::size_t& from, F&& f) {
  each_new_fetching_ahead(
      table, from, [](const auto&) {}, std::forward<F>(f));
}

}  // namespace

class RecordTextKeeper::Impl {
 public:
  Impl(FileRecords& r, std::size_t text_bytes) : r_(r), k_(r.text, text_bytes) {}

  void keep_new() {
    each_new(r_.sources, kept_.sources, [&](SourceSpec& s) {
      k_.keep(s.url);
      k_.keep(s.title);
      k_.keep(s.publisher);
      k_.keep(s.note);
    });
    each_new(r_.strings, kept_.strings, [&](std::string_view& s) { k_.keep(s); });
    each_new(r_.identifiers, kept_.identifiers, [&](auto& identifier) {
      k_.keep(identifier.first);
      k_.keep(identifier.second);
    });
    each_new(r_.properties, kept_.properties, [&](PropertySpec& p) {
      k_.keep(p.key);
      k_.keep(p.text);
    });
    each_new(r_.claims, kept_.claims, [&](ClaimSpec& c) {
      k_.keep(c.property);
      k_.keep(c.note);
      k_.keep(c.origin);
    });
    each_new_fetching_ahead(
        r_.nodes, kept_.nodes, [&](const NodeSpec& n) { k_.prefetch(n.id); },
        [&](NodeSpec& n) {
          k_.keep(n.id);
          k_.copy(n.name);
          k_.keep(n.kind);
          k_.keep(n.currency);
        });
    each_new(r_.details, kept_.details, [&](NodeDetails& d) {
      k_.keep(d.country);
      k_.copy(d.description);
      k_.copy(d.number);
      k_.copy(d.summary);
    });
    each_new_fetching_ahead(
        r_.edges, kept_.edges, [&](const EdgeSpec& e) { k_.prefetch(e.to()); },
        [&](EdgeSpec& e) {
          std::string_view to = e.to();
          k_.keep(to);
          e.set_to(to);
        });
    each_new(r_.relations, kept_.relations, [&](RelationSpec& relation) {
      std::string_view type = relation.type(), from = relation.from();
      k_.keep(type);
      k_.keep(from);
      relation.set_type(type);
      relation.set_from(from);
    });
    each_new(r_.source_keys, kept_.source_keys, [&](auto& key) { k_.keep(key.first); });
    each_new(r_.source_key_refs, kept_.source_key_refs,
             [&](SourceKeyRef& ref) { k_.keep(ref.key); });
  }

  void finish() { r_.text.release_spare(); }

 private:
  FileRecords& r_;
  TextKeeper k_;
  KeptUpTo kept_;
};

RecordTextKeeper::RecordTextKeeper(FileRecords& records, std::size_t text_bytes)
    : impl_(std::make_unique<Impl>(records, text_bytes)) {}
RecordTextKeeper::~RecordTextKeeper() = default;
void RecordTextKeeper::keep_new() {
  impl_->keep_new();
}
void RecordTextKeeper::finish() {
  impl_->finish();
}

}  // namespace jurigraph::ingest
