#include "export/rdf_writers.hpp"

#include <rapidjson/document.h>

#include <map>

#include "export/json_writer.hpp"

namespace jurigraph::exporter {
namespace {

void write_literal_escaped(std::ostream& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '\\':
        out << "\\\\";
        break;
      case '"':
        out << "\\\"";
        break;
      case '\n':
        out << "\\n";
        break;
      case '\r':
        out << "\\r";
        break;
      default:
        out << c;
    }
  }
}

// Compacts IRIs with the terms and prefixes of the inlined context.
class Compactor {
 public:
  Compactor() {
    context_.Parse(jsonld_context_text().data(), jsonld_context_text().size());
    const rapidjson::Value& ctx = context_["@context"];
    for (const auto& m : ctx.GetObject()) {
      const std::string term = m.name.GetString(), value = m.value.GetString();
      if (!value.empty() && (value.back() == '/' || value.back() == '#'))
        prefixes_[term] = value;
    }
    for (const auto& m : ctx.GetObject()) {
      const std::string term = m.name.GetString(), value = m.value.GetString();
      if (prefixes_.count(term))
        continue;
      const auto colon = value.find(':');
      const std::string expanded = prefixes_.at(value.substr(0, colon)) + value.substr(colon + 1);
      terms_.emplace(expanded, term);
    }
  }
  // A term when the context has one, else prefix:local, else the IRI itself.
  std::string compact(const std::string& iri) const {
    auto t = terms_.find(iri);
    if (t != terms_.end())
      return t->second;
    for (const auto& [prefix, ns] : prefixes_) {
      if (iri.size() > ns.size() && iri.compare(0, ns.size(), ns) == 0) {
        const std::string local = iri.substr(ns.size());
        if (local.find_first_of("/#:") == std::string::npos)
          return prefix + ":" + local;
      }
    }
    return iri;
  }
  const rapidjson::Value& context() const { return context_["@context"]; }

 private:
  rapidjson::Document context_;
  std::map<std::string, std::string> prefixes_;
  std::map<std::string, std::string> terms_;  // expanded IRI → term
};

}  // namespace

void write_nquads(std::ostream& out, const std::vector<Triple>& triples) {
  for (const Triple& t : triples) {
    out << '<' << t.subject << "> <" << t.predicate << "> ";
    if (t.object.is_iri) {
      out << '<' << t.object.value << '>';
    } else {
      out << '"';
      write_literal_escaped(out, t.object.value);
      out << '"';
      if (!t.object.datatype.empty())
        out << "^^<" << t.object.datatype << '>';
    }
    out << " .\n";
  }
}

void write_jsonld(std::ostream& out, const std::vector<Triple>& triples,
                  const RdfOptions& options) {
  const Compactor compactor;
  rapidjson::OStreamWrapper os(out);
  JsonWriter w(os);
  w.StartObject();
  write_key(w, "@context");
  w.StartObject();
  for (const auto& m : compactor.context().GetObject()) {
    write_key(w, m.name.GetString());
    write_string(w, m.value.GetString());
  }
  w.EndObject();
  write_key(w, "@graph");
  w.StartArray();
  // Triples are sorted by subject, then predicate: each run is one node object.
  for (std::size_t i = 0; i < triples.size();) {
    const std::string& subject = triples[i].subject;
    w.StartObject();
    write_key(w, "@id");
    write_string(w, subject);
    std::size_t end = i;
    std::vector<std::string> types;
    for (; end < triples.size() && triples[end].subject == subject; ++end) {
      if (triples[end].predicate == kRdfType)
        types.push_back(compactor.compact(triples[end].object.value));
    }
    if (!types.empty()) {
      write_key(w, "@type");
      w.StartArray();
      for (const std::string& t : types)
        write_string(w, t);
      w.EndArray();
    }
    for (std::size_t j = i; j < end;) {
      const std::string& predicate = triples[j].predicate;
      if (predicate == kRdfType) {
        ++j;
        continue;
      }
      write_key(w, compactor.compact(predicate));
      w.StartArray();
      for (; j < end && triples[j].predicate == predicate; ++j) {
        const RdfObject& o = triples[j].object;
        w.StartObject();
        if (o.is_iri) {
          write_key(w, "@id");
          write_string(w, o.value);
        } else {
          write_key(w, "@value");
          write_string(w, o.value);
          if (!o.datatype.empty()) {
            write_key(w, "@type");
            write_string(w, compactor.compact(o.datatype));
          }
        }
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
    i = end;
  }
  w.EndArray();
  w.EndObject();
  out << '\n';
  (void)options;
}

}  // namespace jurigraph::exporter
