#include "ingest/record_text.hpp"

#include <array>
#include <cstring>

namespace jurigraph::ingest {
namespace {

class TextKeeper {
 public:
  explicit TextKeeper(TextArena& arena) : arena_(arena) {}

  void keep(std::string_view& s) {
    if (s.empty()) {
      s = {};
      return;
    }
    if (s.size() <= kShort) {
      std::string_view& slot = recent_[quick_hash(s) & (recent_.size() - 1)];
      if (slot != s)
        slot = arena_.copy(s);
      s = slot;
    } else {
      s = arena_.copy(s);
    }
  }

 private:
  // Ids and vocabulary; longer text (names, summaries, URLs) rarely repeats.
  static constexpr std::size_t kShort = 24;

  // Enough to tell short strings apart for a cache, where a collision only costs a copy.
  static uint64_t quick_hash(std::string_view s) {
    uint64_t a = 0, b = 0;
    if (s.size() >= 8) {
      std::memcpy(&a, s.data(), 8);
      std::memcpy(&b, s.data() + s.size() - 8, 8);
    } else {
      std::memcpy(&a, s.data(), s.size());
    }
    const uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + s.size()) * 0xC2B2AE3D27D4EB4Full;
    return h ^ (h >> 29);
  }

  TextArena& arena_;
  // Recent short strings by hash, one per slot: a cache, not a set.
  std::array<std::string_view, 4096> recent_{};
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
    k.keep(n.name);
    k.keep(n.country);
    k.keep(n.description);
    k.keep(n.kind);
    k.keep(n.number);
    k.keep(n.currency);
    k.keep(n.summary);
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
    std::string_view type = e.type(), to = e.to();
    k.keep(type);
    k.keep(to);
    e.set_type(type);
    e.set_to(to);
  }
  for (auto& [key, index] : r.source_keys)
    k.keep(key);
  for (SourceKeyRef& ref : r.source_key_refs)
    k.keep(ref.key);
}

}  // namespace jurigraph::ingest
