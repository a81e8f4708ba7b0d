#include "graph/graph_tables.hpp"

#include <limits>
#include <stdexcept>

namespace jurigraph::graph {

StrRef TableWriter::store(std::string_view text) {
  if (text.empty())
    return {};
  if (tables_.strings.size() + text.size() > std::numeric_limits<uint32_t>::max()) {
    throw std::length_error("the graph's string table is full (4 GiB)");
  }
  StrRef ref{static_cast<uint32_t>(tables_.strings.size()), static_cast<uint32_t>(text.size())};
  tables_.strings.append(text);
  return ref;
}

StrRef TableWriter::intern(std::string_view text) {
  if (text.empty())
    return {};
  auto it = interned_.find(text);
  if (it != interned_.end())
    return it->second;
  const StrRef ref = store(text);
  interned_.emplace(std::string(text), ref);
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

Range TableWriter::add_source_list(std::span<const uint32_t> source_ids) {
  Range r{static_cast<uint32_t>(tables_.source_refs.size()),
          static_cast<uint32_t>(source_ids.size())};
  tables_.source_refs.insert(tables_.source_refs.end(), source_ids.begin(), source_ids.end());
  return r;
}

Range TableWriter::add_string_list(std::span<const StrRef> strings) {
  Range r{static_cast<uint32_t>(tables_.string_refs.size()), static_cast<uint32_t>(strings.size())};
  tables_.string_refs.insert(tables_.string_refs.end(), strings.begin(), strings.end());
  return r;
}

}  // namespace jurigraph::graph
