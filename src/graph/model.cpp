#include "graph/model.hpp"

#include <algorithm>
#include <charconv>

namespace jurigraph::graph {

std::string_view label_name(Label label) {
  switch (label) {
    case Label::Company:
      return "Company";
    case Label::Authority:
      return "Authority";
    case Label::Court:
      return "Court";
    case Label::Decision:
      return "Decision";
    case Label::Provision:
      return "Provision";
    case Label::Person:
      return "Person";
  }
  return "Company";
}

std::optional<Label> parse_label(std::string_view name) {
  for (Label l : kAllLabels) {
    if (label_name(l) == name)
      return l;
  }
  return std::nullopt;
}

bool RelationType::allows(Label source, Label target) const {
  return std::find(from.begin(), from.end(), source) != from.end() &&
         std::find(to.begin(), to.end(), target) != to.end();
}

std::vector<RelationType> builtin_relation_types() {
  return {
      {"ISSUED_BY",
       "the authority or court that issued the decision",
       {Label::Decision},
       {Label::Authority, Label::Court},
       true},
      {"AGAINST", "the respondent of the decision", {Label::Decision}, {Label::Company}, true},
      {"APPEAL_OF",
       "the later decision rules on the earlier one",
       {Label::Decision},
       {Label::Decision},
       true},
      {"CITES",
       "a provision the decision found infringed, applied or cited",
       {Label::Decision},
       {Label::Provision},
       true},
      {"SUBCONTRACTOR_OF",
       "processor or sub-processor of the other company",
       {Label::Company},
       {Label::Company},
       true},
  };
}

std::string value_text(ValueKind kind, std::string_view text, int64_t integer, double number) {
  switch (kind) {
    case ValueKind::string:
      return std::string(text);
    case ValueKind::integer:
      return std::to_string(integer);
    case ValueKind::boolean:
      return integer ? "true" : "false";
    case ValueKind::number: {
      char buf[32];
      const auto r = std::to_chars(buf, buf + sizeof buf, number);
      return std::string(buf, r.ptr);
    }
  }
  return {};
}

std::string_view source_kind_name(SourceKind kind) {
  switch (kind) {
    case SourceKind::unspecified:
      return "";
    case SourceKind::official:
      return "official";
    case SourceKind::press:
      return "press";
    case SourceKind::secondary:
      return "secondary";
    case SourceKind::database:
      return "database";
  }
  return "";
}

std::optional<SourceKind> parse_source_kind(std::string_view name) {
  for (SourceKind k :
       {SourceKind::official, SourceKind::press, SourceKind::secondary, SourceKind::database}) {
    if (source_kind_name(k) == name)
      return k;
  }
  return std::nullopt;
}

namespace {

// The fields a node's row and its whole record share, copied either way.
template <typename To, typename From>
void copy_row_fields(To& to, const From& from) {
  to.id = from.id;
  to.name = from.name;
  to.kind = from.kind;
  to.currency = from.currency;
  to.amount = from.amount;
  to.sources = from.sources;
  to.date = from.date;
  to.label = from.label;
}

// The fields a node's details and its whole record share, copied either way.
template <typename To, typename From>
void copy_detail_fields(To& to, const From& from) {
  to.country = from.country;
  to.description = from.description;
  to.number = from.number;
  to.summary = from.summary;
  to.aliases = from.aliases;
  to.identifiers = from.identifiers;
  to.properties = from.properties;
  to.claims = from.claims;
}

}  // namespace

NodeDetails details_of(const NodeRecord& n) {
  NodeDetails d;
  copy_detail_fields(d, n);
  return d;
}

bool has_details(const NodeDetails& d) {
  return !d.country.empty() || !d.description.empty() || !d.number.empty() || !d.summary.empty() ||
         d.aliases.count != 0 || d.identifiers.count != 0 || d.properties.count != 0 ||
         d.claims.count != 0;
}

NodeRow row_of(const NodeRecord& n, uint32_t details) {
  NodeRow r;
  copy_row_fields(r, n);
  r.details = details;
  return r;
}

NodeRecord joined(const NodeRow& row, std::span<const NodeDetails> details) {
  NodeRecord n;
  copy_row_fields(n, row);
  if (row.details != kNoNodeDetails)
    copy_detail_fields(n, details[row.details]);
  return n;
}

}  // namespace jurigraph::graph
