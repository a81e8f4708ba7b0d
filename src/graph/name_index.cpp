#include "graph/name_index.hpp"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <limits>
#include <stdexcept>
#include <string>

#include "base/fold.hpp"
#include "base/insertion_sort.hpp"

namespace jurigraph::graph {
namespace {

std::string_view key_text(std::string_view strings, const NameKey& k) {
  return strings.substr(k.folded.offset, k.folded.length);
}

// The bits of the hash that choose a bucket: as many buckets as a quarter to an eighth of the
// keys, so that a bucket holds a few keys, hashes being uniform.
int bucket_bits(std::size_t keys) {
  return std::max(0, static_cast<int>(std::bit_width(keys)) - 3);
}

// The keys in order of (hash, place): dealt into buckets by the top bits of their hash in the
// order given (stable), then each bucket sorted by insertion, which keeps equal hashes in that
// order. Linear: a bucket holds a few keys. The keys are dealt straight into the index, each with
// the 32 bits of its hash below the bucket's (`tag`), which order a bucket but where two are
// equal. A table of (hash, place) beside the keys and the index held 16 bytes a key where the
// tags hold 4 (1M decisions: 2.5M keys, 40 MB against 10; the freeze's peak went 475 → 449–451
// MB); hashing the keys again bucket by bucket read their texts in no order, a cache miss each.
HugeVector<NameKey> order_by_hash(HugeVector<NameKey> keys, std::string_view strings) {
  const int bits = bucket_bits(keys.size());
  auto bucket = [bits](uint64_t hash) { return bits == 0 ? 0 : hash >> (64 - bits); };
  auto tag = [bits](uint64_t hash) { return static_cast<uint32_t>((hash << bits) >> 32); };
  auto hash_of = [&](const NameKey& k) { return name_key_hash(key_text(strings, k)); };
  HugeVector<uint32_t> start((std::size_t{1} << bits) + 1, 0);
  for (const NameKey& k : keys)
    ++start[bucket(hash_of(k)) + 1];
  for (std::size_t b = 1; b < start.size(); ++b)
    start[b] += start[b - 1];
  HugeVector<NameKey> index(keys.size());
  HugeVector<uint32_t> tags(keys.size());
  {
    HugeVector<uint32_t> next(start.begin(), start.end() - 1);
    for (const NameKey& k : keys) {
      const uint64_t h = hash_of(k);
      const uint32_t at = next[bucket(h)]++;
      index[at] = k;
      tags[at] = tag(h);
    }
  }
  keys = HugeVector<NameKey>();
  struct TaggedKey {
    uint32_t tag;
    NameKey key;
  };
  const auto before = [&](const TaggedKey& x, const TaggedKey& y) {
    if (x.tag != y.tag)
      return x.tag < y.tag;
    return hash_of(x.key) < hash_of(y.key);
  };
  std::vector<TaggedKey> in_bucket;
  for (std::size_t b = 0; b + 1 < start.size(); ++b) {
    if (start[b + 1] - start[b] < 2)
      continue;
    in_bucket.clear();
    for (uint32_t i = start[b]; i < start[b + 1]; ++i)
      in_bucket.push_back({tags[i], index[i]});
    insertion_sort(in_bucket.begin(), in_bucket.end(), before);
    for (uint32_t i = start[b]; i < start[b + 1]; ++i)
      index[i] = in_bucket[i - start[b]].key;
  }
  return index;
}

}  // namespace

uint64_t name_key_hash(std::string_view folded) {
  return XXH3_64bits(folded.data(), folded.size());
}

NodeTablesView::NodeTablesView(const GraphTables& t)
    : strings(t.strings),
      nodes(t.nodes),
      node_details(t.node_details),
      string_refs(t.string_refs),
      identifiers(t.identifiers) {}

NameIndexPart index_names(const NodeTablesView& t, std::span<const VertexId> by_id) {
  auto str = [&](StrRef r) { return t.strings.substr(r.offset, r.length); };
  // A node's keys, folded one after another into one buffer, and where each ends.
  std::string folded;
  std::vector<std::size_t> ends;
  std::vector<std::string_view> node_keys;
  // At most this many keys: the table is allocated once, with huge pages, not grown by doubling
  // in 4 KB page faults (1M decisions: 2.5M keys). The text is some of the nodes' text, folded:
  // room as large as the strings is virtual where no key needs it.
  std::size_t most = 0;
  for (const NodeDetails& d : t.node_details)
    most += d.aliases.count + d.identifiers.count;
  most += 3 * t.nodes.size();
  NameIndexPart part;
  HugeVector<NameKey> keys;  // by vertex
  reserve_huge(keys, most);
  part.text.reserve(t.strings.size());
  prepare_block_filled_in_order(part.text.data(), part.text.capacity());
  const auto count = static_cast<VertexId>(t.nodes.size());
  // Rows taken in id order lie anywhere: each is fetched some rows ahead.
  constexpr VertexId kAhead = 8;
  for (VertexId v = 0; v < count; ++v) {
    if (!by_id.empty() && v + kAhead < count)
      __builtin_prefetch(&t.nodes[by_id[v + kAhead]]);
    const NodeRecord n = joined(t.nodes[by_id.empty() ? v : by_id[v]], t.node_details);
    folded.clear();
    ends.clear();
    auto fold = [&](StrRef text) {
      append_folded(str(text), folded);
      ends.push_back(folded.size());
    };
    fold(n.id);
    fold(n.name);
    if (!n.number.empty())
      fold(n.number);
    for (uint32_t i = 0; i < n.aliases.count; ++i)
      fold(t.string_refs[n.aliases.begin + i]);
    for (uint32_t i = 0; i < n.identifiers.count; ++i)
      fold(t.identifiers[n.identifiers.begin + i].value);
    node_keys.clear();
    for (std::size_t k = 0, begin = 0; k < ends.size(); begin = ends[k++])
      node_keys.push_back(std::string_view(folded).substr(begin, ends[k] - begin));
    // Each key once per node, in text order: which of a node's keys comes first among equal
    // hashes is then the same whatever order its fields were written in.
    std::sort(node_keys.begin(), node_keys.end());
    node_keys.erase(std::unique(node_keys.begin(), node_keys.end()), node_keys.end());
    for (const std::string_view k : node_keys) {
      if (k.empty())
        continue;
      if (part.text.size() + k.size() > std::numeric_limits<uint32_t>::max())
        throw std::length_error("the graph's string table is full (4 GiB)");
      keys.push_back(
          {{static_cast<uint32_t>(part.text.size()), static_cast<uint32_t>(k.size())}, v});
      part.text.append(k);
    }
  }
  part.keys = order_by_hash(std::move(keys), part.text);
  return part;
}

HugeVector<NameKey> attach_name_index(GraphTables& t, NameIndexPart part) {
  const StrRef text = TableWriter(t).store(part.text);  // no text: no keys to move
  for (NameKey& k : part.keys)
    k.folded.offset += text.offset;
  return std::move(part.keys);
}

HugeVector<NameKey> build_name_index(GraphTables& t) {
  return attach_name_index(t, index_names(NodeTablesView(t), {}));
}

NameIndexAside::NameIndexAside(const GraphTables& t, std::span<const VertexId> by_id)
    : NameIndexAside(t, by_id, {}) {}

NameIndexAside::NameIndexAside(const GraphTables& t,
                               std::shared_future<std::vector<VertexId>> by_id)
    : NameIndexAside(t, {}, std::move(by_id)) {}

NameIndexAside::NameIndexAside(const GraphTables& t, std::span<const VertexId> by_id,
                               std::shared_future<std::vector<VertexId>> by_id_sorting)
    : thread_([this, view = NodeTablesView(t), by_id, sorting = std::move(by_id_sorting)] {
        try {
          // The future's value lives as long as this copy of it.
          part_ = index_names(view, sorting.valid() ? std::span(sorting.get()) : by_id);
        } catch (...) {
          failed_ = std::current_exception();
        }
        std::shared_ptr<void> held;
        {
          const std::lock_guard lock(mutex_);
          built_ = true;
          held = std::move(held_);
        }
      }) {}

void NameIndexAside::keep_until_built(std::shared_ptr<void> held) {
  const std::lock_guard lock(mutex_);
  if (!built_)
    held_ = std::move(held);
  // Otherwise freed on leaving, after the lock.
}

NameIndexAside::~NameIndexAside() {
  join();
}

void NameIndexAside::join() {
  if (thread_.joinable())
    thread_.join();
}

NameIndexPart NameIndexAside::take() {
  join();
  if (failed_)
    std::rethrow_exception(failed_);
  return std::move(part_);
}

void NameIndexAsideDelete::operator()(NameIndexAside* aside) const {
  delete aside;
}

std::vector<VertexId> find_in_name_index(std::span<const NameKey> index, std::string_view strings,
                                         std::string_view folded) {
  auto hash_of = [&](const NameKey& k) { return name_key_hash(key_text(strings, k)); };
  const uint64_t hash = name_key_hash(folded);
  auto it = std::partition_point(index.begin(), index.end(),
                                 [&](const NameKey& k) { return hash_of(k) < hash; });
  std::vector<VertexId> out;
  for (; it != index.end() && hash_of(*it) == hash; ++it) {
    // Another text of the same hash sits among these: compared, not taken.
    if (key_text(strings, *it) == folded)
      out.push_back(it->vertex);
  }
  return out;
}

}  // namespace jurigraph::graph
