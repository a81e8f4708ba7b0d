#include "ingest/resolver.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cassert>
#include <cstring>
#include <future>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "base/calendar.hpp"
#include "base/huge_pages.hpp"
#include "base/short_text.hpp"
#include "base/text_sort.hpp"
#include "graph/name_index.hpp"
#include "ingest/carried_claims.hpp"
#include "ingest/decision_name.hpp"
#include "ingest/id_index.hpp"
#include "ingest/text_hash.hpp"

namespace jurigraph::ingest {
namespace {

using graph::Label;
using graph::Range;
using graph::StrRef;

struct Definition {
  uint32_t file = 0;
  uint32_t node = 0;  // index in FileRecords::nodes
};

// Not found (an id's slot, a relation type's index), as in ResolvedEnds.
constexpr uint32_t kNone = kNoSlot;
// How far ahead of the id it looks up a loop over the id table prefetches (see IdTable::prefetch).
constexpr std::size_t kAhead = 16;
// Edges [begin, end) of a file, which a thread checking edges takes at a time (see
// Checker::check_edges): a few hundred thousand, so that the threads finish together.
constexpr std::size_t kLargestEdgeSpan = std::size_t{1} << 18;
struct EdgeSpan {
  uint32_t file = 0;
  std::size_t begin = 0, end = 0;
  // The APPEAL_OF edges among them whose ends were found, by index in the file's edges, as
  // check_span finds them (for check_appeal_cycles, which then reads 300,000 edges at 1M
  // decisions, not 5M twice on one core).
  std::vector<uint32_t> appeals;
};

// The slot of each node of one file (or part of one), by its place in the file's nodes: an edge
// written in a decision starts at it, and finds its slot here without looking its id up (1M
// decisions: 1M of the 6M look-ups of the edges' ends, each missing the cache).
class NodeSlots {
 public:
  void reserve(std::size_t nodes) { reserve_huge(slots_, nodes); }
  void add(uint32_t slot) { slots_.push_back(slot); }
  // The slot of the decision `edge` is written in, or kNoSlot for an edge of its own.
  uint32_t slot_of(const EdgeSpec& edge) const {
    return edge.field == EdgeField::relation ? kNoSlot : slots_[edge.from_node()];
  }

 private:
  HugeVector<uint32_t> slots_;
};

// Every id of the accepted files, numbered in order of first definition: the slot of an id is
// the vertex it becomes. Most ids are defined once; the further definitions of merged entities
// are kept aside, so that the table costs a few words per id and one hash lookup per reference.
class IdTable {
 public:
  // `two_cores`: the look-up's pages are faulted in on two threads (IdIndex::reset).
  void clear(std::size_t expected, bool two_cores) {
    slot_of_.reset(expected, two_cores);
    clear_definitions(expected);
  }
  // Empties the table and takes over `index`, the ids of the nodes to come already numbered in
  // it (see FileIds); they are then defined by their slots (define), not looked up.
  void adopt(IdIndex&& index, std::size_t expected) {
    slot_of_ = std::move(index);
    clear_definitions(expected);
  }
  // A definition of the id numbered `slot`, which is its first when no earlier one was (the ids
  // are numbered in order of first definition): for a table adopted, and for add.
  std::pair<uint32_t, bool> define(uint32_t slot, Definition d, Label label) {
    const bool first = slot == first_.size();
    if (first) {
      first_.push_back(d);
      labels_.push_back(label);
    }
    return {slot, first};
  }
  // The slot of `id`, and whether this definition is its first.
  std::pair<uint32_t, bool> add(std::string_view id, Definition d, Label label) {
    return define(slot_of_.insert(id, static_cast<uint32_t>(first_.size())).first, d, label);
  }
  void add_further(uint32_t slot, Definition d) { more_.emplace_back(slot, d); }
  // Frees the look-up by id (1M decisions: 64 MB), once no id is added or found any more; the
  // definitions by slot stay.
  void release_lookup() { slot_of_.release(); }
  // Groups the further definitions by slot, each slot's in order of definition.
  void finish() {
    std::stable_sort(more_.begin(), more_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  uint32_t find(std::string_view id) const {
    static_assert(IdIndex::npos == kNone);
    return slot_of_.find(id);
  }
  // Starts fetching the cache lines that finding or adding `id` will read; a loop over millions
  // of ids asks for an id some places ahead of the one it looks up, so that the misses overlap.
  void prefetch(std::string_view id) const { slot_of_.prefetch(id); }
  std::size_t size() const { return first_.size(); }
  Definition first(uint32_t slot) const { return first_[slot]; }
  Label label(uint32_t slot) const { return labels_[slot]; }
  // Every definition of the slot, the first one first.
  std::vector<Definition> definitions(uint32_t slot) const {
    std::vector<Definition> defs{first_[slot]};
    auto it = std::lower_bound(more_.begin(), more_.end(), slot,
                               [](const auto& m, uint32_t s) { return m.first < s; });
    for (; it != more_.end() && it->first == slot; ++it)
      defs.push_back(it->second);
    return defs;
  }
  bool defined_once(uint32_t slot) const {
    auto it = std::lower_bound(more_.begin(), more_.end(), slot,
                               [](const auto& m, uint32_t s) { return m.first < s; });
    return it == more_.end() || it->first != slot;
  }

 private:
  void clear_definitions(std::size_t expected) {
    first_.clear();
    first_.reserve(expected);
    labels_.clear();
    labels_.reserve(expected);
    more_.clear();
  }

  IdIndex slot_of_;
  HugeVector<Definition> first_;
  HugeVector<Label> labels_;
  std::vector<std::pair<uint32_t, Definition>> more_;  // (slot, definition)
};

std::string labels_text(const std::vector<Label>& labels) {
  std::string out;
  for (Label l : labels) {
    if (!out.empty())
      out += '|';
    out += graph::label_name(l);
  }
  return out;
}

std::string q(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

// ---------------------------------------------------------------------------------------------
// Checking: finds the files to drop.

class Checker {
 public:
  Checker(std::vector<LoadedFile>& files, Diagnostics& diagnostics, unsigned threads)
      : files_(files), diagnostics_(diagnostics), threads_(threads) {}

  // One round over the accepted files; returns true when it dropped any.
  bool round() {
    round_errors_.assign(files_.size(), false);
    collect_types();
    collect_ids();
    check_edges();
    // Nothing is looked up by id any more this round (1M decisions: 64 MB, freed before the
    // appeal check's tables are made; the next round makes its own).
    ids_.release_lookup();
    check_appeal_cycles();
    bool dropped = false;
    for (std::size_t first = 0, end = 0; first < files_.size(); first = end) {
      // The parts of one file: [first, end).
      bool errors = false;
      for (end = first; end < files_.size() && (end == first || files_[end].continues); ++end)
        errors |= files_[end].accepted && (round_errors_[end] || files_[end].read_errors);
      if (!errors)
        continue;
      dropped = true;
      for (std::size_t f = first; f < end; ++f) {
        files_[f].accepted = false;
        for (const NodeSpec& n : files_[f].records.nodes)
          dropped_ids_.emplace(n.id, files_[f].file().path());
      }
    }
    if (dropped)
      write_back_ids();
    return dropped;
  }

  const std::vector<graph::RelationType>& types() const { return types_; }
  const IdTable& ids() const { return ids_; }
  // After the last round, before the tables are built: the edges of the accepted files hold the
  // ends found (check_span), and what only the rounds needed is freed.
  void finish() {
    ids_.release_lookup();
    node_slots_.clear();
  }

 private:
  void error(uint32_t file, const std::string& pointer, std::string message) {
    diagnostics_.add(files_[file].file().diagnostic(Severity::error, pointer, std::move(message)));
    round_errors_[file] = true;
  }

  std::string place(uint32_t file, const std::string& pointer) const {
    return format_place(files_[file].file().locate(pointer));
  }

  // The id of a slot, as its first definition writes it.
  std::string_view id_of(uint32_t slot) const {
    const Definition d = ids_.first(slot);
    return files_[d.file].records.nodes[d.node].id;
  }

  // A round that dropped files is followed by another, which looks the ids of the edges of the
  // files left up again, in a table without the dropped ones; check_span put the ends it found
  // in place of those ids, so they are written back from the slots found. Every edge of a file
  // left had both ends found: an end not found is an error of its file, which drops it.
  void write_back_ids() {
    for (LoadedFile& file : files_) {
      if (!file.accepted)
        continue;
      // A decision's edges follow its node, in the order of the decisions: the place of each
      // edge's decision is found again walking the nodes once.
      const HugeVector<NodeSpec>& nodes = file.records.nodes;
      std::size_t node = 0;
      for (EdgeSpec& e : file.records.edges) {
        const ResolvedEnds found = e.resolved();
        assert(found.from != kNone && found.to != kNone);
        e.set_to(id_of(found.to));
        if (e.field == EdgeField::relation) {
          file.records.relations[e.aside].set_from(id_of(found.from));
          continue;
        }
        while (node < nodes.size() &&
               !(nodes[node].section == Section::decisions && nodes[node].record == e.record))
          ++node;
        if (node == nodes.size())
          throw std::logic_error("an edge of a decision whose node is not before it");
        e.set_from_node(static_cast<uint32_t>(node));
      }
    }
  }

  void collect_types() {
    types_ = graph::builtin_relation_types();
    type_origin_.clear();
    for (uint32_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].accepted)
        continue;
      for (const RelationTypeSpec& spec : files_[f].records.relation_types) {
        const std::string pointer = "/vocabulary/relation_types/" + std::to_string(spec.index);
        auto it = std::find_if(types_.begin(), types_.end(), [&](const graph::RelationType& t) {
          return t.name == spec.type.name;
        });
        if (it == types_.end()) {
          types_.push_back(spec.type);
          type_origin_[spec.type.name] = place(f, pointer);
          continue;
        }
        if (it->from != spec.type.from || it->to != spec.type.to) {
          error(f, pointer + "/type",
                "relation type " + spec.type.name + " is declared differently at " +
                    type_origin_[spec.type.name] + " (" + labels_text(it->from) + " → " +
                    labels_text(it->to) + ")");
        }
      }
    }
  }

  // The ids as the reading of the one file this round resolves numbered them (see FileIds), when
  // every part of that file is accepted and no other file is: null otherwise. Every file's are
  // taken: none is needed after this round's collect_ids.
  std::shared_ptr<FileIds> ids_read_with_the_file(std::size_t total) {
    std::shared_ptr<FileIds> read = files_.empty() ? nullptr : files_.front().records.ids;
    for (LoadedFile& file : files_) {
      if (!file.accepted || (&file != &files_.front() && !file.continues))
        read = nullptr;
      file.records.ids = nullptr;
    }
    return read != nullptr && read->node_slots.size() == total ? read : nullptr;
  }

  void collect_ids() {
    std::size_t total = 0;
    for (const LoadedFile& file : files_)
      total += file.accepted ? file.records.nodes.size() : 0;
    const std::shared_ptr<FileIds> read = ids_read_with_the_file(total);
    if (read != nullptr)
      ids_.adopt(std::move(read->index), total);
    else
      ids_.clear(total, threads_ != 1);  // no rehashing of a million ids
    std::size_t node_number = 0;         // along the files, for read->node_slots
    node_slots_.assign(files_.size(), {});
    for (uint32_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].accepted)
        continue;
      node_slots_[f].reserve(files_[f].records.nodes.size());
      const auto& nodes = files_[f].records.nodes;
      for (uint32_t i = 0; read == nullptr && i < std::min<std::size_t>(kAhead, nodes.size()); ++i)
        ids_.prefetch(nodes[i].id);
      for (uint32_t i = 0; i < nodes.size(); ++i) {
        if (read == nullptr && i + kAhead < nodes.size())
          ids_.prefetch(nodes[i + kAhead].id);
        const NodeSpec& n = nodes[i];
        const auto [slot, first_definition] =
            read != nullptr ? ids_.define(read->node_slots[node_number++], {f, i}, n.label)
                            : ids_.add(n.id, {f, i}, n.label);
        node_slots_[f].add(slot);
        if (first_definition)
          continue;
        const Definition first = ids_.first(slot);
        const NodeSpec& other = files_[first.file].records.nodes[first.node];
        // An entity defined again with its label is merged, the common case across files: the
        // first definition is located (a scan of a JSON file) only for an error.
        if (n.label == other.label && n.label != Label::Decision) {
          ids_.add_further(slot, {f, i});
          continue;
        }
        const std::string here = record_pointer(n.section, n.record) + "/id";
        const std::string there = place(first.file, record_pointer(other.section, other.record));
        if (n.label == other.label) {  // two decisions
          error(f, here, "duplicate decision id " + q(n.id) + ", already defined at " + there);
          continue;
        }
        error(f, here,
              "id " + q(n.id) + " is a " + std::string(graph::label_name(n.label)) +
                  " here but a " + std::string(graph::label_name(other.label)) + " at " + there);
      }
    }
    ids_.finish();
  }

  // The index of a declared relation type, or kNone. Edges come in runs of the same few types:
  // `last` (the caller's) is compared first.
  uint32_t find_type(std::string_view name, uint32_t& last) const {
    if (last != kNone && types_[last].name == name)
      return last;
    for (uint32_t t = 0; t < types_.size(); ++t) {
      if (types_[t].name == name)
        return last = t;
    }
    return kNone;
  }

  std::string unknown_id_message(std::string_view id) const {
    std::string m = "unknown id " + q(id);
    auto dropped = dropped_ids_.find(std::string(id));
    if (dropped != dropped_ids_.end())
      m += " (defined in " + dropped->second + ", which has errors)";
    return m;
  }

  // Resolves every edge of the accepted files: on both cores when there are many (1M decisions:
  // 5M look-ups in the id table, which only reads it then). The edges are cut into spans that
  // the threads take in turn, each span's diagnostics kept apart and added in order, so the
  // report is the serial one. Spans, not whole files: a JSON Lines file comes in a few parts
  // (1M decisions: 8), and with a part a turn one core was left to finish the last part alone.
  void check_edges() {
    spans_.clear();
    std::size_t edges = 0;
    for (const LoadedFile& file : files_)
      edges += file.accepted ? file.records.edges.size() : 0;
    // Some 16 spans at the least, so that a smaller graph's edges are shared out too.
    const std::size_t span = std::clamp<std::size_t>(edges / 16, 1024, kLargestEdgeSpan);
    for (uint32_t f = 0; f < files_.size(); ++f) {
      const std::size_t count = files_[f].accepted ? files_[f].records.edges.size() : 0;
      for (std::size_t begin = 0; begin < count; begin += span)
        spans_.push_back({f, begin, std::min(count, begin + span), {}});
    }
    std::vector<Diagnostics> found(spans_.size());
    for_each_span([&](std::size_t i) { check_span(spans_[i], found[i]); });
    for (std::size_t i = 0; i < spans_.size(); ++i) {
      if (found[i].all().empty())
        continue;
      round_errors_[spans_[i].file] = true;
      diagnostics_.append(found[i]);
    }
  }

  // Calls visit(i) for each span i, on threads that take them in turn: one per core when there
  // are many edges (threads_ 0), else threads_.
  template <typename Visit>
  void for_each_span(Visit&& visit) {
    std::size_t edges = 0;
    for (const EdgeSpan& span : spans_)
      edges += span.end - span.begin;
    unsigned threads = threads_;
    if (threads == 0)
      threads = edges < 100000 ? 1u : std::max(1u, std::thread::hardware_concurrency());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i = next++; i < spans_.size(); i = next++)
        visit(i);
    };
    std::vector<std::jthread> helpers;
    for (unsigned t = 1; t < threads; ++t)
      helpers.emplace_back(work);
    work();
  }

  // The edges of a span resolved: each takes the ends and type found in place of its ids
  // (EdgeSpec::set_resolved; a table of them beside the edges took 60 MB more at the peak of a
  // 1M-decision load); their errors into `out`. Reads the id table and the types only, and
  // writes the span's edges only, so spans can be checked at once.
  void check_span(EdgeSpan& span, Diagnostics& out) {
    const uint32_t f = span.file;
    const std::size_t begin = span.begin, end = span.end;
    auto report = [&](const std::string& pointer, std::string message) {
      out.add(files_[f].file().diagnostic(Severity::error, pointer, std::move(message)));
    };
    uint32_t last_type = kNone;
    // The types of the edges written in decisions, by field, looked up once.
    std::array<uint32_t, kEdgeFieldCount> field_type{};
    for (std::size_t field = 0; field < kEdgeFieldCount; ++field) {
      uint32_t unused = kNone;
      field_type[field] = find_type(field_relation_type(static_cast<EdgeField>(field)), unused);
    }
    const FileRecords& records = files_[f].records;
    const NodeSlots& node_slots = node_slots_[f];
    // An edge of its own names its start: looked up once for a run of edges viewing the same
    // text, as a snapshot's edges do, each decision's in a row, when it is updated (build
    // --update). (Looking an id up reads its text where the id table's entry points, far in
    // memory.)
    std::string_view last_from;
    uint32_t last_from_slot = kNone;
    HugeVector<EdgeSpec>& edges = files_[f].records.edges;
    // Each look-up misses the cache: the ids of the edge kAhead places on are fetched while
    // this one is looked up (an edge written in a decision has the decision's slot at hand).
    auto prefetch = [&](std::size_t i) {
      if (i >= end)
        return;
      // A start repeated from the edge before (the same text at the same place) is fetched
      // already.
      if (edges[i].field == EdgeField::relation) {
        const std::string_view from = edge_from(records, edges[i]);
        if (i == begin || edges[i - 1].field != EdgeField::relation ||
            from.data() != edge_from(records, edges[i - 1]).data())
          ids_.prefetch(from);
      }
      ids_.prefetch(edges[i].to());
    };
    // The ends and type of edge e, kNone where not found (reported).
    auto resolve_edge = [&](const EdgeSpec& e) {
      ResolvedEnds r;
      // Pointers are composed only for an error: millions of edges have none.
      auto pointer = [&] { return edge_pointer(records, e); };
      r.type = e.field == EdgeField::relation
                   ? find_type(records.relations[e.aside].type(), last_type)
                   : field_type[static_cast<std::size_t>(e.field)];
      if (r.type == kNone) {
        report(pointer() + (e.field == EdgeField::relation ? "/type" : ""),
               "undeclared relation type " + std::string(edge_type(records, e)) +
                   ": declare it in vocabulary.relation_types (with its from and to labels)");
        return r;
      }
      const graph::RelationType& type = types_[r.type];
      // An edge written in a decision starts at its node, whose slot is at hand.
      r.from = node_slots.slot_of(e);
      if (r.from == kNone) {
        const std::string_view from_id = edge_from(records, e);
        const bool same_from =
            from_id.data() == last_from.data() && from_id.size() == last_from.size();
        if (!same_from || last_from_slot == kNone) {
          last_from = from_id;
          last_from_slot = ids_.find(from_id);
        }
        r.from = last_from_slot;
      }
      r.to = ids_.find(e.to());
      auto from_pointer = [&] {
        return e.field == EdgeField::relation ? pointer() + "/from" : pointer();
      };
      auto to_pointer = [&] {
        return e.field == EdgeField::relation ? pointer() + "/to" : pointer();
      };
      if (r.from == kNone)
        report(from_pointer(), unknown_id_message(edge_from(records, e)));
      if (r.to == kNone)
        report(to_pointer(), unknown_id_message(e.to()));
      if (r.from == kNone || r.to == kNone)
        return r;
      const Label from = ids_.label(r.from), to = ids_.label(r.to);
      if (std::find(type.from.begin(), type.from.end(), from) == type.from.end()) {
        report(from_pointer(), type.name + " goes from " + labels_text(type.from) + ", but " +
                                   q(edge_from(records, e)) + " is a " +
                                   std::string(graph::label_name(from)));
      } else if (std::find(type.to.begin(), type.to.end(), to) == type.to.end()) {
        report(to_pointer(), type.name + " goes to " + labels_text(type.to) + ", but " + q(e.to()) +
                                 " is a " + std::string(graph::label_name(to)));
      }
      return r;
    };
    for (std::size_t i = begin; i < begin + kAhead; ++i)
      prefetch(i);
    // Edge i's ids are read for the last time here (the prefetch reads only edges after it).
    span.appeals.clear();
    for (std::size_t i = begin; i < end; ++i) {
      prefetch(i + kAhead);
      const ResolvedEnds r = resolve_edge(edges[i]);
      edges[i].set_resolved(r);
      if (r.type == graph::rel::kAppealOf && r.from != kNone && r.to != kNone)
        span.appeals.push_back(static_cast<uint32_t>(i));
    }
  }

  // A decision cannot, through appeals, rule on itself. Iterative DFS over the APPEAL_OF edges,
  // held as a compressed adjacency by slot (arcs in the order written), from the decisions that
  // appeal in id order: the report does not depend on the input order.
  void check_appeal_cycles() {
    struct Arc {
      uint32_t target;
      uint32_t file;
      const EdgeSpec* edge;
    };
    const std::size_t slots = ids_.size();
    HugeVector<uint32_t> start(slots + 1, 0);
    auto for_each_arc = [&](auto&& visit) {
      for (const EdgeSpan& span : spans_) {
        const auto& specs = files_[span.file].records.edges;
        for (const uint32_t k : span.appeals)
          visit(specs[k].resolved(), span.file, specs[k]);
      }
    };
    for_each_arc([&](const ResolvedEnds& r, uint32_t, const EdgeSpec&) { ++start[r.from + 1]; });
    for (std::size_t v = 0; v < slots; ++v)
      start[v + 1] += start[v];
    if (start[slots] == 0)
      return;
    HugeVector<Arc> arcs(start[slots]);  // tables of MB written whole: on 2 MB pages
    {
      HugeVector<uint32_t> next(start.begin(), start.end() - 1);
      for_each_arc([&](const ResolvedEnds& r, uint32_t f, const EdgeSpec& e) {
        arcs[next[r.from]++] = {r.to, f, &e};
      });
    }
    // At most one a decision appealed from: reserved at once (pushed back, 300,000 at 1M
    // decisions doubled through malloc's 4 KB pages, some 300 faults and copies).
    std::vector<uint32_t> roots;
    reserve_huge(roots, std::min<std::size_t>(slots, start[slots]));
    for (uint32_t v = 0; v < slots; ++v) {
      if (start[v + 1] > start[v])
        roots.push_back(v);
    }
    auto id_of = [&](uint32_t slot) { return this->id_of(slot); };
    enum : uint8_t { unseen, open, done };
    // Depth-first from each root in turn; returns whether it met a cycle, and reports each one
    // it meets when `report`.
    auto search = [&](bool report) {
      bool found = false;
      HugeVector<uint8_t> state(slots, unseen);
      std::vector<std::pair<uint32_t, uint32_t>> stack;  // empty after each root's search
      for (const uint32_t root : roots) {
        if (state[root] != unseen)
          continue;
        stack.assign(1, {root, start[root]});
        state[root] = open;
        while (!stack.empty()) {
          auto& [node, next] = stack.back();
          if (next >= start[node + 1]) {
            state[node] = done;
            stack.pop_back();
            continue;
          }
          const Arc arc = arcs[next++];
          const uint8_t s = state[arc.target];
          if (s == open) {
            found = true;
            if (!report)
              return found;
            std::string cycle;
            bool in_cycle = false;
            for (const auto& frame : stack) {
              if (frame.first == arc.target)
                in_cycle = true;
              if (in_cycle)
                cycle += std::string(id_of(frame.first)) + " → ";
            }
            cycle += std::string(id_of(arc.target));
            error(arc.file, edge_pointer(files_[arc.file].records, *arc.edge),
                  "APPEAL_OF cycle: " + cycle);
          } else if (s == unseen) {
            state[arc.target] = open;
            stack.emplace_back(arc.target, start[arc.target]);
          }
        }
      }
      return found;
    };
    // Whether there is a cycle does not depend on where the search starts, so it is first looked
    // for from the roots in slot order; only when there is one are they sorted by id, the order
    // the report follows (1M decisions, no cycle: 150,000 roots not sorted, 0.03 s).
    if (!search(false))
      return;
    sort_by_text(roots, id_of);  // ids are unique
    search(true);
  }

  std::vector<LoadedFile>& files_;
  Diagnostics& diagnostics_;
  unsigned threads_;  // for check_edges; 0: one per core
  std::vector<bool> round_errors_;
  std::vector<graph::RelationType> types_;
  std::map<std::string, std::string> type_origin_;
  IdTable ids_;
  // The edges of the accepted files, in spans (check_edges).
  std::vector<EdgeSpan> spans_;
  std::vector<NodeSlots> node_slots_;                         // by file
  std::unordered_map<std::string, std::string> dropped_ids_;  // id → file
};

// ---------------------------------------------------------------------------------------------
// Building: merges definitions and writes the tables.

// The order of the graph's nodes by id (GraphTables::nodes_by_id), sorted on a thread of its own
// while the tables are built: Graph::freeze would sort them on both cores after the build, which
// runs on one. The entries view the ids' text, which must outlive the sort: that of the files
// (or of their records' arena), kept until the tables are built. Shared: the name index started
// during the build waits for it on its own thread, the builder at its end.
class IdOrderAside {
 public:
  explicit IdOrderAside(HugeVector<TextSortEntry> entries)
      : entries_(std::move(entries)), thread_([this] {
          try {
            sorted_.set_value(indexes_in_text_order(entries_, false));
          } catch (...) {
            sorted_.set_exception(std::current_exception());
          }
          release_now(entries_);
        }) {}

  std::shared_future<std::vector<graph::VertexId>> order() const { return order_; }

 private:
  HugeVector<TextSortEntry> entries_;
  std::promise<std::vector<graph::VertexId>> sorted_;
  std::shared_future<std::vector<graph::VertexId>> order_ = sorted_.get_future().share();
  std::jthread thread_;  // last: it starts once the members it uses are made
};

class Builder {
 public:
  // `sort_ids_aside`: whether the nodes' order by id is sorted on another core (IdOrderAside).
  Builder(std::vector<LoadedFile>& files, Checker& checker, Diagnostics& diagnostics,
          bool sort_ids_aside)
      : files_(files),
        checker_(checker),
        diagnostics_(diagnostics),
        writer_(tables_),
        sort_ids_aside_(sort_ids_aside) {
    tables_.relation_types = checker.types();
    global_source_.resize(files.size());
    source_part_.resize(files.size());
    for (uint32_t f = 0; f < files.size(); ++f) {
      global_source_[f].assign(files[f].records.sources.size(), kNone);
      source_part_[f] = files[f].continues ? source_part_[f - 1] : f;
    }
  }

  graph::GraphTables build() {
    // Vertices in order of first definition (the checker's slots); Graph::freeze sorts them by
    // id later.
    std::size_t edges = 0;
    for (const LoadedFile& file : files_)
      edges += file.accepted ? file.records.edges.size() : 0;
    const IdTable& ids = checker_.ids();
    reserve_huge(tables_.nodes, ids.size());
    reserve_huge(dates_, ids.size());
    reserve_huge(tables_.edges, edges);
    reserve_strings();
    // Vertex v is slot v, its id that of the slot's first definition (1M decisions: 1.25M ids
    // sorted in 0.07–0.10 s, beside the builder's 0.25 s).
    std::optional<IdOrderAside> id_order;
    if (sort_ids_aside_) {
      HugeVector<TextSortEntry> entries;
      entries.reserve(ids.size());
      // Faulted in on both cores first: the sort's core is idle until the entries are made.
      populate_on_two_cores(entries.data(), entries.capacity() * sizeof(TextSortEntry));
      for (uint32_t slot = 0; slot < ids.size(); ++slot)
        entries.emplace_back(spec(ids.first(slot)).id, slot);
      id_order.emplace(std::move(entries));
    }
    // The files' records are freed part by part as the tables take them over, so that the peak
    // is what was read, not that and the tables (1M decisions: a peak of 1.44 GB, was 1.72). Slots
    // are numbered in order of first definition, so once a slot's first definition is in file
    // f, no later slot has a definition in a file before f.
    uint32_t nodes_kept_from = 0;
    for (uint32_t slot = 0; slot < ids.size(); ++slot) {
      const Definition first = ids.first(slot);
      for (; nodes_kept_from < first.file; ++nodes_kept_from)
        release_now(files_[nodes_kept_from].records.nodes);
      if (ids.defined_once(slot))
        add_defined_once(first);
      else
        add_merged(ids.definitions(slot));
    }
    for (LoadedFile& file : files_)
      release_now(file.records.nodes);
    if (id_order && unnamed_decisions_ == 0) {
      // The rows are complete (decisions without a name are named after the edges): the name
      // index is built from them on the other core, once the ids are sorted there, while this
      // one writes the edges. The freeze built it beside the edges' sort, which it outlasted
      // (1M decisions: 2.5M keys).
      tables_.name_index_aside.reset(new graph::NameIndexAside(tables_, id_order->order()));
      writer_.before_strings_move([this] { tables_.name_index_aside->join(); });
    }
    for (uint32_t f = 0; f < files_.size(); ++f) {
      if (files_[f].accepted) {
        for (const EdgeSpec& e : files_[f].records.edges) {
          add_edge(f, e);
          if (e.resolved().type == graph::rel::kAppealOf)
            warn_appeal_date(f, e);
        }
      }
      release_records(f);
    }
    release_now(dates_);
    name_unnamed_decisions();
    if (id_order)
      tables_.nodes_by_id = id_order->order().get();  // a copy: the name index may view it
    return std::move(tables_);
  }

 private:
  struct Value {
    std::string text;
    Definition def;
  };

  // Room in the string table for what the nodes store, and twice as much again (names given to
  // decisions, the name index's folded keys: 1M decisions, 38 MB then 76 MB): one allocation,
  // with huge pages, where growing by doubling copied the table several times and faulted its
  // pages in one by one. Room never touched costs no memory, and too little only grows the
  // table: a file whose records keep their text in an arena (a JSON Lines file's parts) is
  // counted by the arena's bytes, the nodes' text and the edges' ids (1M decisions: 69 MB for
  // 38 MB of node text), not by a pass over its 130 MB of node records.
  void reserve_strings() {
    std::size_t text = 0;
    for (const LoadedFile& file : files_) {
      if (!file.accepted)
        continue;
      if (file.records.text.bytes() > 0) {
        text += file.records.text.bytes();
        continue;
      }
      for (const NodeSpec& n : file.records.nodes)
        text += n.id.size() + n.name.size();
      for (const NodeDetails& d : file.records.details)
        text += d.description.size() + d.number.size() + d.summary.size();
    }
    tables_.strings.reserve(tables_.strings.size() + 3 * text);
    prepare_block_filled_in_order(tables_.strings.data(), tables_.strings.capacity());
  }

  std::string place(uint32_t file, Section section, uint32_t record) const {
    return format_place(files_[file].file().locate(record_pointer(section, record)));
  }

  // The graph's source list for a file's list, interned (see TableWriter::add_source_list). A
  // decision's edges share its list: the last result is reused without looking it up again.
  Range sources_of(uint32_t file, Range file_sources) {
    if (file == last_file_ && file_sources == last_local_) {
      return last_global_;
    }
    const FileRecords& r = files_[file].records;
    const uint32_t owner = source_part_[file];
    source_list_.clear();
    for (uint32_t i = 0; i < file_sources.count; ++i) {
      const uint32_t local = r.source_refs[file_sources.begin + i];
      uint32_t& global = global_source_[owner][local];
      if (global == kNone) {
        const SourceSpec& s = files_[owner].records.sources[local];
        graph::SourceRecord rec;
        rec.url = writer_.store(s.url);
        rec.title = writer_.store(s.title);
        rec.publisher = writer_.intern(s.publisher);
        rec.note = writer_.store(s.note);
        rec.date = s.date;
        rec.kind = s.kind;
        global = writer_.add_source(rec);
      }
      source_list_.push_back(global);
    }
    last_file_ = file;
    last_local_ = file_sources;
    // Each decision has a list of its own in the file, most of them naming the same sources as
    // the one before (1M decisions: 1M look-ups of the interned lists spared). The graph's table
    // holds the last list interned, at last_global_.
    const auto last = tables_.source_refs.begin() + last_global_.begin;
    if (!std::equal(source_list_.begin(), source_list_.end(), last, last + last_global_.count))
      last_global_ = writer_.add_source_list(source_list_);
    return last_global_;
  }

  bool has_official_source(uint32_t file, Range file_sources) const {
    const FileRecords& r = files_[file].records;
    const std::vector<SourceSpec>& sources = files_[source_part_[file]].records.sources;
    for (uint32_t i = 0; i < file_sources.count; ++i) {
      if (sources[r.source_refs[file_sources.begin + i]].kind == graph::SourceKind::official)
        return true;
    }
    return false;
  }

  const NodeSpec& spec(Definition d) const { return files_[d.file].records.nodes[d.node]; }

  void add_claim(std::vector<graph::ClaimRecord>& claims, std::string_view property,
                 const std::string& value, Definition d, Range file_sources, std::string_view note,
                 bool authoritative, std::string_view origin = {}) {
    graph::ClaimRecord c;
    c.property = writer_.intern(property);
    c.value = writer_.store(value);
    const NodeSpec& n = spec(d);
    c.origin = writer_.store(origin.empty() ? place(d.file, n.section, n.record) : origin);
    c.note = writer_.store(note);
    c.sources = sources_of(d.file, file_sources);
    c.authoritative = authoritative;
    claims.push_back(c);
  }

  // Picks the authoritative value of one property among the definitions of a node; records a
  // claim per distinct value and a warning when they disagree.
  std::string merge_field(std::string_view id, std::string_view property,
                          const std::vector<Value>& values, Definition primary,
                          std::vector<graph::ClaimRecord>& claims) {
    if (values.empty())
      return {};
    const Value* chosen = &values.front();
    for (const Value& v : values) {
      if (v.def.file == primary.file && v.def.node == primary.node)
        chosen = &v;
    }
    bool conflict = false;
    for (const Value& v : values)
      conflict |= v.text != chosen->text;
    if (!conflict)
      return chosen->text;
    add_claim(claims, property, chosen->text, chosen->def, spec(chosen->def).sources, {}, true);
    std::unordered_set<std::string> seen{chosen->text};
    const bool official = has_official_source(chosen->def.file, spec(chosen->def).sources);
    for (const Value& v : values) {
      if (!seen.insert(v.text).second)
        continue;
      add_claim(claims, property, v.text, v.def, spec(v.def).sources, {}, false);
      const NodeSpec& n = spec(v.def);
      diagnostics_.add(files_[v.def.file].file().diagnostic(
          Severity::warning, record_pointer(n.section, n.record),
          "conflicting " + std::string(property) + " for " + q(id) + ": " + q(v.text) + " here, " +
              q(chosen->text) + " at " +
              place(chosen->def.file, spec(chosen->def).section, spec(chosen->def).record) +
              " is kept" + (official ? " (official source)" : " (first file)") +
              "; both are kept as claims"));
    }
    return chosen->text;
  }

  // The fields every decision has once: decisions are defined once, so they need no merging.
  void copy_decision_fields(const FileRecords& r, const NodeSpec& p, graph::NodeRecord& rec) {
    const NodeDetails& details = node_details(r, p);
    rec.label = p.label;
    rec.kind = writer_.intern(p.kind);
    rec.number = writer_.store(details.number);
    rec.currency = writer_.intern(p.currency);
    rec.summary = writer_.store(details.summary);
    rec.date = p.date;
    rec.amount = p.amount;
  }

  // Aliases: the union, in order of appearance, without the id itself.
  Range add_aliases(std::string_view id, const std::vector<Definition>& defs) {
    std::vector<StrRef> aliases;
    std::vector<std::string_view> seen{id};
    for (const Definition& d : defs) {
      const FileRecords& r = files_[d.file].records;
      const Range list = node_details(r, spec(d)).aliases;
      for (uint32_t i = 0; i < list.count; ++i) {
        const std::string_view alias = r.strings[list.begin + i];
        if (std::find(seen.begin(), seen.end(), alias) == seen.end()) {
          seen.push_back(alias);
          aliases.push_back(writer_.store(alias));
        }
      }
    }
    return writer_.add_string_list(aliases);
  }

  // Claims written in the files: each is a non-authoritative value beside the record's own, which
  // becomes an authoritative claim unless merging made one for that property already. A snapshot
  // being updated (build --update) brings the claims it holds, with their origins and verdicts,
  // to meet those the merge made.
  void add_written_claims(const graph::NodeRecord& rec, const std::vector<Definition>& defs,
                          std::vector<graph::ClaimRecord>& claims) {
    const std::size_t merged = claims.size();
    for (const Definition& d : defs) {
      const FileRecords& r = files_[d.file].records;
      const NodeSpec& n = spec(d);
      const Range written = node_details(r, n).claims;
      if (files_[d.file].from_snapshot) {
        for (uint32_t i = 0; i < written.count; ++i) {
          const ClaimSpec& c = r.claims[written.begin + i];
          add_claim(claims, c.property, c.value, d, c.sources, c.note, c.authoritative, c.origin);
        }
        settle_carried_claims(claims, merged, place(d.file, n.section, n.record), writer_);
        continue;
      }
      for (uint32_t i = 0; i < written.count; ++i) {
        const ClaimSpec& c = r.claims[written.begin + i];
        const bool has_authoritative =
            std::any_of(claims.begin(), claims.end(), [&](const graph::ClaimRecord& k) {
              return k.authoritative && writer_.view(k.property) == c.property;
            });
        if (!has_authoritative) {
          add_claim(claims, c.property, current_value(rec, c.property), d, n.sources, {}, true);
        }
        add_claim(claims, c.property, c.value, d, c.sources, c.note, false);
      }
    }
  }

  void finish_node(graph::NodeRecord& rec, const std::vector<graph::ClaimRecord>& claims) {
    dates_.push_back(rec.date);
    unnamed_decisions_ += rec.label == Label::Decision && rec.name.empty();
    rec.claims = {static_cast<uint32_t>(tables_.claims.size()),
                  static_cast<uint32_t>(claims.size())};
    tables_.claims.insert(tables_.claims.end(), claims.begin(), claims.end());
    tables_.add_node(rec);
  }

  // A node defined once (nearly every node of a large graph) needs no merging: its record is its
  // definition as written.
  void add_defined_once(Definition d) {
    const FileRecords& r = files_[d.file].records;
    const NodeSpec& n = spec(d);
    const NodeDetails& details = node_details(r, n);
    graph::NodeRecord rec;
    copy_decision_fields(r, n, rec);
    rec.id = writer_.store(n.id);
    rec.name = writer_.store(n.name);
    rec.country = writer_.intern(details.country);
    rec.description = writer_.store(details.description);
    rec.aliases = details.aliases.count == 0 ? Range{} : add_aliases(n.id, {d});
    rec.identifiers = {static_cast<uint32_t>(tables_.identifiers.size()),
                       details.identifiers.count};
    for (uint32_t i = 0; i < details.identifiers.count; ++i) {
      const auto& [scheme, value] = r.identifiers[details.identifiers.begin + i];
      tables_.identifiers.push_back({writer_.intern(scheme), writer_.store(value)});
    }
    rec.properties = add_property_list(r, n.properties);
    rec.sources = distinct_sources_of(d.file, n.sources);
    std::vector<graph::ClaimRecord> claims;
    if (details.claims.count > 0)
      add_written_claims(rec, {d}, claims);
    finish_node(rec, claims);
  }

  // The graph's list of a definition's sources, each once (a list may name a source twice).
  Range distinct_sources_of(uint32_t file, Range file_sources) {
    const Range list = sources_of(file, file_sources);
    const auto begin = tables_.source_refs.begin() + list.begin, end = begin + list.count;
    // Lists are short and seldom repeat a source: looked through in place, a copy made only for
    // one that does (a vector a node took a million allocations).
    bool repeats = false;
    for (auto it = begin; it != end && !repeats; ++it)
      repeats = std::find(begin, it, *it) != it;
    if (!repeats)
      return list;
    std::vector<uint32_t> sources;
    for (auto it = begin; it != end; ++it) {
      if (std::find(sources.begin(), sources.end(), *it) == sources.end())
        sources.push_back(*it);
    }
    return writer_.add_source_list(sources);
  }

  // A node defined in several files: each field's values merged, conflicts kept as claims.
  void add_merged(const std::vector<Definition>& defs) {
    const std::string_view id = spec(defs.front()).id;
    Definition primary = defs.front();
    for (const Definition& d : defs) {
      if (has_official_source(d.file, spec(d).sources)) {
        primary = d;
        break;
      }
    }
    const NodeSpec& p = spec(primary);
    std::vector<graph::ClaimRecord> claims;

    // The values the definitions give a field, field(records, node) of each.
    auto values_of = [&](auto field) {
      std::vector<Value> values;
      for (const Definition& d : defs) {
        const std::string_view v = field(files_[d.file].records, spec(d));
        if (!v.empty())
          values.push_back({std::string(v), d});
      }
      return values;
    };
    graph::NodeRecord rec;
    copy_decision_fields(files_[primary.file].records, p, rec);
    rec.id = writer_.store(id);
    rec.name = writer_.store(merge_field(
        id, "name", values_of([](const FileRecords&, const NodeSpec& n) { return n.name; }),
        primary, claims));
    rec.country = writer_.intern(merge_field(id, "country",
                                             values_of([](const FileRecords& r, const NodeSpec& n) {
                                               return node_details(r, n).country;
                                             }),
                                             primary, claims));
    rec.description = writer_.store(
        merge_field(id, "description", values_of([](const FileRecords& r, const NodeSpec& n) {
                      return node_details(r, n).description;
                    }),
                    primary, claims));
    rec.aliases = add_aliases(id, defs);

    std::vector<std::pair<std::string_view, std::vector<Value>>> identifiers;  // scheme → values
    std::vector<std::pair<std::string_view, std::vector<Value>>> props;
    std::vector<const PropertySpec*> prop_spec;
    std::vector<uint32_t> sources;
    for (const Definition& d : defs) {
      const FileRecords& r = files_[d.file].records;
      const NodeSpec& n = spec(d);
      const Range written = node_details(r, n).identifiers;
      for (uint32_t i = 0; i < written.count; ++i) {
        const auto& [scheme, value] = r.identifiers[written.begin + i];
        // [&scheme = scheme]: clang 14 cannot capture a structured binding (C++20, clang 16).
        auto it = std::find_if(identifiers.begin(), identifiers.end(),
                               [&scheme = scheme](const auto& e) { return e.first == scheme; });
        if (it == identifiers.end())
          it = identifiers.insert(identifiers.end(), {scheme, {}});
        it->second.push_back({std::string(value), d});
      }
      for (uint32_t i = 0; i < n.properties.count; ++i) {
        const PropertySpec& ps = r.properties[n.properties.begin + i];
        auto it = std::find_if(props.begin(), props.end(),
                               [&](const auto& e) { return e.first == ps.key; });
        if (it == props.end()) {
          it = props.insert(props.end(), {ps.key, {}});
          prop_spec.push_back(&ps);
        }
        it->second.push_back({property_text(ps), d});
      }
      const Range merged = sources_of(d.file, n.sources);
      for (uint32_t i = 0; i < merged.count; ++i) {
        const uint32_t s = tables_.source_refs[merged.begin + i];
        if (std::find(sources.begin(), sources.end(), s) == sources.end())
          sources.push_back(s);
      }
    }
    std::vector<graph::IdentifierRecord> ids;
    for (const auto& [scheme, values] : identifiers) {
      const std::string chosen =
          merge_field(id, "identifiers." + std::string(scheme), values, primary, claims);
      ids.push_back({writer_.intern(scheme), writer_.store(chosen)});
    }
    rec.identifiers = {static_cast<uint32_t>(tables_.identifiers.size()),
                       static_cast<uint32_t>(ids.size())};
    tables_.identifiers.insert(tables_.identifiers.end(), ids.begin(), ids.end());

    std::vector<graph::PropertyRecord> prop_records;
    for (std::size_t i = 0; i < props.size(); ++i) {
      const std::string chosen = merge_field(id, props[i].first, props[i].second, primary, claims);
      // Keep the typed value of the authoritative definition.
      const PropertySpec* typed = prop_spec[i];
      for (const Value& v : props[i].second) {
        if (v.text == chosen) {
          const FileRecords& r = files_[v.def.file].records;
          const NodeSpec& n = spec(v.def);
          for (uint32_t k = 0; k < n.properties.count; ++k) {
            if (r.properties[n.properties.begin + k].key == props[i].first)
              typed = &r.properties[n.properties.begin + k];
          }
          break;
        }
      }
      prop_records.push_back(property_record(*typed));
    }
    rec.properties = writer_.add_property_list(prop_records);
    rec.sources = writer_.add_source_list(sources);
    add_written_claims(rec, defs, claims);
    finish_node(rec, claims);
  }

  std::string current_value(const graph::NodeRecord& rec, std::string_view property) {
    if (property == "name")
      return std::string(writer_.view(rec.name));
    if (property == "country")
      return std::string(writer_.view(rec.country));
    if (property == "description")
      return std::string(writer_.view(rec.description));
    if (property == "kind")
      return std::string(writer_.view(rec.kind));
    if (property == "number")
      return std::string(writer_.view(rec.number));
    if (property == "currency")
      return std::string(writer_.view(rec.currency));
    if (property == "summary")
      return std::string(writer_.view(rec.summary));
    if (property == "date")
      return rec.date ? format_iso_date(rec.date) : std::string();
    if (property == "amount")
      return rec.amount >= 0 ? format_amount(rec.amount) : std::string();
    for (uint32_t i = 0; i < rec.properties.count; ++i) {
      const graph::PropertyRecord& p = tables_.properties[rec.properties.begin + i];
      if (writer_.view(p.key) == property)
        return property_text(p);
    }
    return {};
  }

  std::string property_text(const graph::PropertyRecord& p) const {
    return graph::value_text(p.kind, writer_.view(p.text), p.integer, p.number);
  }

  static std::string property_text(const PropertySpec& p) {
    return graph::value_text(p.kind, p.text, p.integer, p.number);
  }

  graph::PropertyRecord property_record(const PropertySpec& ps) {
    graph::PropertyRecord p;
    p.key = writer_.intern(ps.key);
    p.kind = ps.kind;
    p.text = ps.kind == graph::ValueKind::string ? writer_.intern(ps.text) : StrRef{};
    p.integer = ps.integer;
    p.number = ps.number;
    return p;
  }

  // The graph's list of a definition's properties: records with every key and string value
  // interned, so that equal lists (role "infringed" on a million CITES edges) are stored once.
  // The reader shares a list among the edges that have it (add_text_properties), so the graph's
  // list is looked up once per list of a file, not once per edge (1M decisions: 2.6M edges).
  Range add_property_list(const FileRecords& r, Range file_properties) {
    if (file_properties.count == 0)
      return {};
    PropertyListSeen& seen =
        property_lists_seen_[(reinterpret_cast<std::uintptr_t>(&r) / 8 + file_properties.begin) %
                             property_lists_seen_.size()];
    if (seen.records == &r && seen.file_list == file_properties)
      return seen.graph_list;
    property_list_.clear();
    for (uint32_t i = 0; i < file_properties.count; ++i)
      property_list_.push_back(property_record(r.properties[file_properties.begin + i]));
    seen = {&r, file_properties, writer_.add_property_list(property_list_)};
    return seen.graph_list;
  }

  void add_edge(uint32_t file, const EdgeSpec& e) {
    const FileRecords& r = files_[file].records;
    const ResolvedEnds& resolved = e.resolved();
    graph::EdgeRecord rec;
    rec.source = resolved.from;
    rec.target = resolved.to;
    rec.type = static_cast<graph::RelTypeId>(resolved.type);
    // A run of a decision's edges shares one lists entry (its issued_by and against edges, its
    // citations of one role): the graph's lists of the entry are looked up once for the run.
    const bool relation = e.field == EdgeField::relation;
    if (file != last_lists_.file || relation != last_lists_.relation ||
        e.aside != last_lists_.aside) {
      const EdgeLists& lists = edge_lists(r, e);
      last_lists_ = {file, relation, e.aside, add_property_list(r, lists.properties),
                     sources_of(file, lists.sources)};
    }
    rec.properties = last_lists_.properties;
    rec.sources = last_lists_.sources;
    std::vector<graph::ClaimRecord> claims;
    const Range edge_claims_written = edge_claims(r, e);
    for (uint32_t i = 0; i < edge_claims_written.count; ++i) {
      const ClaimSpec& c = r.claims[edge_claims_written.begin + i];
      graph::ClaimRecord k;
      k.property = writer_.intern(c.property);
      k.value = writer_.store(c.value);
      k.origin = writer_.store(c.origin.empty()
                                   ? format_place(files_[file].file().locate(edge_pointer(r, e)))
                                   : c.origin);
      k.note = writer_.store(c.note);
      k.sources = sources_of(file, c.sources);
      claims.push_back(k);
    }
    rec.claims = {static_cast<uint32_t>(tables_.claims.size()),
                  static_cast<uint32_t>(claims.size())};
    tables_.claims.insert(tables_.claims.end(), claims.begin(), claims.end());
    writer_.add_edge(rec);
  }

  // "CNIL warning 2014-298": issuer's short name (first alias, else name), kind, number or date.
  void name_unnamed_decisions() {
    // Their issuers are found in a pass over every edge: not made when every decision has a name.
    if (unnamed_decisions_ == 0)
      return;
    HugeVector<graph::VertexId> issuer(tables_.nodes.size(), kNone);
    for (const graph::EdgeRow& e : tables_.edges) {
      if (e.type == graph::rel::kIssuedBy)
        issuer[e.source] = e.target;
    }
    for (graph::VertexId v = 0; v < tables_.nodes.size(); ++v) {
      graph::NodeRow& row = tables_.nodes[v];
      if (row.label != Label::Decision || !row.name.empty())
        continue;
      const graph::NodeRecord n = tables_.node(v);
      std::string_view issuer_name;
      if (issuer[v] != kNone) {
        const graph::NodeRecord i = tables_.node(issuer[v]);
        issuer_name = writer_.view(i.aliases.count ? tables_.string_refs[i.aliases.begin] : i.name);
      }
      row.name = writer_.store(
          made_decision_name(issuer_name, writer_.view(n.kind), writer_.view(n.number), n.date));
    }
  }

  // An appeal ruled before the decision it rules on is almost surely a typo in a date. Every
  // node is in the tables by then, with its date.
  void warn_appeal_date(uint32_t f, const EdgeSpec& e) {
    const int32_t later_date = dates_[e.resolved().from], earlier_date = dates_[e.resolved().to];
    if (later_date != 0 && earlier_date != 0 && later_date < earlier_date) {
      const graph::NodeRow& later = tables_.nodes[e.resolved().from];
      const graph::NodeRow& earlier = tables_.nodes[e.resolved().to];
      diagnostics_.add(files_[f].file().diagnostic(
          Severity::warning, edge_pointer(files_[f].records, e),
          q(writer_.view(later.id)) + " (" + format_iso_date(later.date) + ") rules on " +
              q(writer_.view(earlier.id)) + ", dated later (" + format_iso_date(earlier.date) +
              ")"));
    }
  }

  // Frees what the tables have taken from file (or part) f: all of its records but the sources
  // table, which the later parts of a JSON Lines file share (LoadedFile::continues).
  void release_records(uint32_t f) {
    FileRecords& r = files_[f].records;
    release_now(r.source_refs);
    release_now(r.strings);
    release_now(r.identifiers);
    release_now(r.properties);
    release_now(r.claims);
    release_now(r.nodes);
    release_now(r.details);
    release_now(r.edges);
    release_now(r.relations);
    release_now(r.edge_lists);
    release_now(r.relation_types);
    release_now(r.source_keys);
    release_now(r.source_key_refs);
    property_lists_seen_.fill({});  // they named lists of the tables freed
  }

  std::vector<LoadedFile>& files_;
  Checker& checker_;
  Diagnostics& diagnostics_;
  graph::GraphTables tables_;
  graph::TableWriter writer_;
  bool sort_ids_aside_;
  // The nodes' dates, by vertex, for warn_appeal_date: read for each appeal at two places of a
  // table of 5 MB (1M decisions), not of the 160 MB of node records, where each missed the cache.
  HugeVector<int32_t> dates_;
  std::size_t unnamed_decisions_ = 0;  // decisions added without a name, named after the edges
  // add_property_list's recent lists: a file's list, by its table and place, and the graph's.
  struct PropertyListSeen {
    const FileRecords* records = nullptr;
    Range file_list, graph_list;
  };
  std::array<PropertyListSeen, 64> property_lists_seen_{};
  // add_edge's last lists entry, by file and place (EdgeSpec::aside), and the graph's lists for it.
  struct LastLists {
    uint32_t file = kNone;
    bool relation = false;
    uint32_t aside = 0;
    Range properties, sources;
  };
  LastLists last_lists_;
  std::vector<graph::PropertyRecord> property_list_;  // add_property_list's, reused
  std::vector<std::vector<uint32_t>> global_source_;
  std::vector<uint32_t> source_part_;  // by part: the part holding its file's sources
  std::vector<uint32_t> source_list_;  // sources_of's list being made
  uint32_t last_file_ = kNone;
  Range last_local_;
  Range last_global_;
};

}  // namespace

graph::GraphTables resolve(std::vector<LoadedFile>& files, Diagnostics& diagnostics,
                           unsigned threads) {
  Checker checker(files, diagnostics, threads);
  while (checker.round()) {
  }
  checker.finish();
  // threads 0: one per core.
  const bool sort_ids_aside =
      threads > 1 || (threads == 0 && std::thread::hardware_concurrency() > 1);
  return Builder(files, checker, diagnostics, sort_ids_aside).build();
}

}  // namespace jurigraph::ingest
