#include "graph/graph_tables.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <utility>

namespace jurigraph::graph {

void GraphTables::add_node(const NodeRecord& n) {
  const NodeDetails details = details_of(n);
  uint32_t at = kNoNodeDetails;
  if (has_details(details)) {
    at = static_cast<uint32_t>(node_details.size());
    node_details.push_back(details);
  }
  nodes.push_back(row_of(n, at));
}

StrRef TableWriter::store(std::string_view text) {
  if (text.empty())
    return {};
  if (tables_.strings.size() + text.size() > std::numeric_limits<uint32_t>::max()) {
    throw std::length_error("the graph's string table is full (4 GiB)");
  }
  if (before_strings_move_ && tables_.strings.size() + text.size() > tables_.strings.capacity())
    std::exchange(before_strings_move_, nullptr)();
  StrRef ref{static_cast<uint32_t>(tables_.strings.size()), static_cast<uint32_t>(text.size())};
  tables_.strings.append(text);
  return ref;
}

StrRef TableWriter::intern(std::string_view text) {
  if (text.empty())
    return {};
  // A slot by length and three bytes: a repeated value is found there without hashing it whole.
  const std::size_t n = text.size();
  const auto byte = [&](std::size_t i) { return static_cast<std::size_t>(text[i]); };
  StrRef& recent = recent_interned_[(n * 31 + byte(0) * 7 + byte(n / 2) * 13 + byte(n - 1)) %
                                    recent_interned_.size()];
  if (!recent.empty() && view(recent) == text)
    return recent;
  auto it = interned_.find(text);
  if (it != interned_.end()) {
    recent = it->second;
    return recent;
  }
  const StrRef ref = store(text);
  interned_.emplace(std::string(text), ref);
  recent = ref;
  return ref;
}

uint32_t TableWriter::add_source(const SourceRecord& fields) {
  std::string key(view(fields.url));
  key += '\n';
  key += view(fields.title);
  auto it = source_index_.find(key);
  if (it != source_index_.end()) {
    // Two files may describe one source differently (each with its own note). The merged
    // record must not depend on the order the files were read in: a field one description
    // lacks is taken from the other; where both differ, the smaller value is kept, and notes,
    // which say different true things, are both kept.
    SourceRecord& known = tables_.sources[it->second];
    auto merge = [&](StrRef& into, StrRef other) {
      if (other.empty() || view(into) == view(other))
        return;
      if (into.empty() || view(other) < view(into))
        into = other;
    };
    merge(known.publisher, fields.publisher);
    if (!fields.note.empty() &&
        view(known.note).find(view(fields.note)) == std::string_view::npos) {
      if (known.note.empty()) {
        known.note = fields.note;
      } else {
        std::string a(view(known.note)), b(view(fields.note));
        if (b < a)
          std::swap(a, b);
        known.note = store(a + " | " + b);
      }
    }
    if (known.date == 0 || (fields.date != 0 && fields.date < known.date))
      known.date = fields.date;
    if (known.kind == SourceKind::unspecified ||
        (fields.kind != SourceKind::unspecified && fields.kind < known.kind))
      known.kind = fields.kind;
    return it->second;
  }
  const auto index = static_cast<uint32_t>(tables_.sources.size());
  tables_.sources.push_back(fields);
  source_index_.emplace(std::move(key), index);
  return index;
}

namespace {

uint64_t mix(uint64_t h, uint64_t v) {
  // boost::hash_combine's mixing, widened to 64 bits.
  return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 12) + (h >> 4));
}

uint64_t hash_of(std::span<const uint32_t> list) {
  uint64_t h = list.size();
  for (const uint32_t v : list)
    h = mix(h, v);
  return h;
}

uint64_t bits(double d) {
  uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

uint64_t hash_of(std::span<const PropertyRecord> list) {
  uint64_t h = list.size();
  for (const PropertyRecord& p : list) {
    h = mix(h, p.key.offset);
    h = mix(h, static_cast<uint64_t>(p.kind));
    h = mix(h, p.text.offset);
    h = mix(h, static_cast<uint64_t>(p.integer));
    h = mix(h, bits(p.number));
  }
  return h;
}

bool same(const PropertyRecord& a, const PropertyRecord& b) {
  return a.key.offset == b.key.offset && a.key.length == b.key.length && a.kind == b.kind &&
         a.text.offset == b.text.offset && a.text.length == b.text.length &&
         a.integer == b.integer && bits(a.number) == bits(b.number);
}

uint64_t hash_of(std::span<const EdgeDetails> list) {
  uint64_t h = list.size();
  for (const EdgeDetails& d : list) {
    for (const Range r : {d.properties, d.sources, d.claims}) {
      h = mix(h, r.begin);
      h = mix(h, r.count);
    }
  }
  return h;
}

bool same_details(const EdgeDetails& a, const EdgeDetails& b) {
  return a.properties == b.properties && a.sources == b.sources && a.claims == b.claims;
}

// The stored copy of `list` in `table`, or a new one.
template <typename T, typename Same>
Range intern_list(HugeVector<T>& table, std::unordered_multimap<uint64_t, Range>& lists,
                  std::span<const T> list, Same same_item) {
  if (list.empty())
    return {};
  const uint64_t h = hash_of(list);
  const auto [first, last] = lists.equal_range(h);
  for (auto it = first; it != last; ++it) {
    const Range r = it->second;
    if (r.count == list.size() &&
        std::equal(list.begin(), list.end(), table.begin() + r.begin, same_item))
      return r;
  }
  if (table.size() + list.size() > std::numeric_limits<uint32_t>::max())
    throw std::length_error("a list table of the graph is full (2^32 entries)");
  const Range r{static_cast<uint32_t>(table.size()), static_cast<uint32_t>(list.size())};
  table.insert(table.end(), list.begin(), list.end());
  lists.emplace(h, r);
  return r;
}

}  // namespace

Range TableWriter::add_source_list(std::span<const uint32_t> source_ids) {
  return intern_list(tables_.source_refs, source_lists_, source_ids, std::equal_to<>());
}

Range TableWriter::add_property_list(std::span<const PropertyRecord> properties) {
  return intern_list(tables_.properties, property_lists_, properties, same);
}

Range TableWriter::add_string_list(std::span<const StrRef> strings) {
  Range r{static_cast<uint32_t>(tables_.string_refs.size()), static_cast<uint32_t>(strings.size())};
  tables_.string_refs.insert(tables_.string_refs.end(), strings.begin(), strings.end());
  return r;
}

void TableWriter::add_edge(const EdgeRecord& edge) {
  // An empty list is {0, 0} wherever its writer was, so that edges without claims share details.
  auto canonical = [](Range r) { return r.count == 0 ? Range{} : r; };
  const EdgeDetails details{canonical(edge.properties), canonical(edge.sources),
                            canonical(edge.claims)};
  const std::span<const EdgeDetails> as_list(&details, 1);
  RecentDetails& recent = recent_details_[hash_of(as_list) % recent_details_.size()];
  if (!recent.set || !same_details(recent.details, details)) {
    // Interned as a list of one record: its index is where that list begins.
    recent = {details, intern_list(tables_.edge_details, details_, as_list, same_details).begin,
              true};
  }
  tables_.edges.push_back({edge.source, edge.target, edge.type, 0, recent.index});
}

}  // namespace jurigraph::graph
