#include "export/stats_report.hpp"

#include <iomanip>

#include "base/calendar.hpp"
#include "export/json_writer.hpp"

namespace jurigraph::exporter {
namespace {

void row(std::ostream& out, std::string_view key, std::size_t value) {
  out << "  " << std::left << std::setw(20) << key << std::right << std::setw(10) << value << '\n';
}

}  // namespace

void write_stats_text(std::ostream& out, const graph::GraphStats& s) {
  out << "nodes " << s.nodes << '\n';
  for (graph::Label l : graph::kAllLabels)
    row(out, graph::label_name(l), s.nodes_per_label[static_cast<std::size_t>(l)]);
  out << "relationships " << s.edges << '\n';
  for (const auto& [type, count] : s.edges_per_type)
    row(out, type, count);
  out << "decisions by kind\n";
  for (const auto& [kind, count] : s.decisions_per_kind)
    row(out, kind, count);
  out << "decision dates ";
  if (s.first_decision_date != 0) {
    out << format_iso_date(s.first_decision_date) << " to "
        << format_iso_date(s.last_decision_date);
  } else {
    out << "none";
  }
  if (s.undated_decisions > 0)
    out << " (" << s.undated_decisions << " undated)";
  out << '\n';
  out << "amounts by currency\n";
  for (const auto& [currency, total] : s.amounts_per_currency) {
    out << "  " << std::left << std::setw(20) << currency << std::right << std::setw(18)
        << format_amount(total.hundredths) << "  in " << total.decisions << " decision"
        << (total.decisions == 1 ? "" : "s") << '\n';
  }
  out << "sources " << s.sources << '\n';
  out << "contested values " << s.contested_values << '\n';
}

void write_stats_json(std::ostream& out, const graph::GraphStats& s) {
  rapidjson::OStreamWrapper os(out);
  JsonWriter w(os);
  w.StartObject();
  write_key(w, "nodes");
  w.Uint64(s.nodes);
  write_key(w, "nodes_per_label");
  w.StartObject();
  for (graph::Label l : graph::kAllLabels) {
    write_key(w, graph::label_name(l));
    w.Uint64(s.nodes_per_label[static_cast<std::size_t>(l)]);
  }
  w.EndObject();
  write_key(w, "relationships");
  w.Uint64(s.edges);
  write_key(w, "relationships_per_type");
  w.StartObject();
  for (const auto& [type, count] : s.edges_per_type) {
    write_key(w, type);
    w.Uint64(count);
  }
  w.EndObject();
  write_key(w, "decisions_per_kind");
  w.StartObject();
  for (const auto& [kind, count] : s.decisions_per_kind) {
    write_key(w, kind);
    w.Uint64(count);
  }
  w.EndObject();
  write_key(w, "first_decision_date");
  if (s.first_decision_date) {
    write_string(w, format_iso_date(s.first_decision_date));
  } else {
    w.Null();
  }
  write_key(w, "last_decision_date");
  if (s.last_decision_date) {
    write_string(w, format_iso_date(s.last_decision_date));
  } else {
    w.Null();
  }
  write_key(w, "undated_decisions");
  w.Uint64(s.undated_decisions);
  write_key(w, "amounts_per_currency");
  w.StartObject();
  for (const auto& [currency, total] : s.amounts_per_currency) {
    write_key(w, currency);
    w.StartObject();
    write_key(w, "total");
    write_string(w, format_amount(total.hundredths));
    write_key(w, "decisions");
    w.Uint64(total.decisions);
    w.EndObject();
  }
  w.EndObject();
  write_key(w, "sources");
  w.Uint64(s.sources);
  write_key(w, "contested_values");
  w.Uint64(s.contested_values);
  w.EndObject();
  out << '\n';
}

}  // namespace jurigraph::exporter
