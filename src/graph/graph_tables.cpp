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
    // The first description of a source wins; later ones only fill fields it lacked.
    SourceRecord& known = tables_.sources[it->second];
    if (known.publisher.empty())
      known.publisher = fields.publisher;
    if (known.note.empty())
      known.note = fields.note;
    if (known.date == 0)
      known.date = fields.date;
    if (known.kind == SourceKind::unspecified)
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
