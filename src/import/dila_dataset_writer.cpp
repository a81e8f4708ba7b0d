#include "import/dila_dataset_writer.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "import/json_members.hpp"

namespace jurigraph::import {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void sources(Writer& w, const ImportSource& s) {
  w.Key("sources");
  w.StartArray();
  w.StartObject();
  string_member(w, "url", s.url);
  string_member(w, "title", s.title);
  string_member(w, "publisher", s.publisher);
  string_member(w, "kind", s.kind);
  w.EndObject();
  w.EndArray();
}

void write_import_entity(Writer& w, const ImportEntity& e) {
  w.StartObject();
  entity_head_members(w, e);
  sources(w, e.source);
  w.EndObject();
}

void write_import_decision(Writer& w, const ImportDecision& d) {
  w.StartObject();
  decision_head_members(w, d);
  string_member(w, "summary", d.summary);
  if (!d.appeal_of.empty()) {
    w.Key("appeal_of");
    w.StartArray();
    for (const ImportAppeal& a : d.appeal_of) {
      w.StartObject();
      string_member(w, "decision", a.decision);
      string_member(w, "outcome", a.outcome);
      string_member(w, "solution", a.solution);
      w.EndObject();
    }
    w.EndArray();
  }
  if (!d.cites.empty()) {
    w.Key("cites");
    w.StartArray();
    for (const std::string& p : d.cites) {
      w.StartObject();
      string_member(w, "provision", p);
      string_member(w, "role", "cited");
      w.EndObject();
    }
    w.EndArray();
  }
  pairs_member(w, "properties", d.properties);
  sources(w, d.source);
  w.EndObject();
}

// `{"<section>": record}` or the bare record, as one string.
template <typename Record, typename Write>
std::string serialize_record(const char* section, const Record& r, Write write) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  if (section != nullptr) {
    w.StartObject();
    w.Key(section);
  }
  write(w, r);
  if (section != nullptr)
    w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string dataset_info(const std::string& title) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  string_member(w, "title", title);
  string_member(w, "license", "Licence Ouverte 2.0 (DILA open data, via Légifrance)");
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

JsonLinesSink::JsonLinesSink(std::ostream& out, const std::string& title) : out_(out) {
  out_ << "{\"dataset\":" << dataset_info(title) << "}\n";
}

void JsonLinesSink::entity(const ImportEntity& e) {
  out_ << serialize_record("entity", e, write_import_entity) << '\n';
}

void JsonLinesSink::decision(const ImportDecision& d) {
  out_ << serialize_record("decision", d, write_import_decision) << '\n';
}

JsonDocumentSink::JsonDocumentSink(std::ostream& out, const std::string& title) : out_(out) {
  out_ << "{\n\"dataset\": " << dataset_info(title) << ",\n\"decisions\": [";
}

void JsonDocumentSink::entity(const ImportEntity& e) {
  entities_.push_back(serialize_record(nullptr, e, write_import_entity));
}

void JsonDocumentSink::decision(const ImportDecision& d) {
  out_ << (first_decision_ ? "\n" : ",\n") << serialize_record(nullptr, d, write_import_decision);
  first_decision_ = false;
}

void JsonDocumentSink::finish() {
  out_ << "\n],\n\"entities\": [";
  for (std::size_t i = 0; i < entities_.size(); ++i)
    out_ << (i == 0 ? "\n" : ",\n") << entities_[i];
  out_ << "\n]\n}\n";
}

}  // namespace jurigraph::import
