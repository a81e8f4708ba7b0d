#include "export/rdf_writers.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <map>
#include <string>
#include <unordered_map>

#include "export/chunked_output.hpp"

namespace jurigraph::exporter {
namespace {

// N-Triples' string escapes: only the quote, the backslash and line breaks must be escaped;
// everything else, accents included, is written as UTF-8.
void append_escaped_literal(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
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
  // A term when the context has one, else prefix:local, else the IRI itself. Remembered: the
  // same few predicates and classes come back millions of times.
  const std::string& compact(std::string_view iri) {
    auto cached = cache_.find(iri);
    if (cached != cache_.end())
      return cached->second;
    return cache_.emplace(std::string(iri), compute(iri)).first->second;
  }
  // For IRIs the mapping owns (predicates, datatypes): their address identifies them, which
  // spares hashing or comparing the text for each of millions of triples.
  const std::string& compact_owned(std::string_view iri) {
    auto [it, fresh] = by_address_.try_emplace(iri.data());
    if (fresh)
      it->second = &compact(iri);
    return *it->second;
  }
  const rapidjson::Value& context() const { return context_["@context"]; }

 private:
  std::string compute(std::string_view iri) const {
    auto t = terms_.find(std::string(iri));
    if (t != terms_.end())
      return t->second;
    for (const auto& [prefix, ns] : prefixes_) {
      if (iri.size() > ns.size() && iri.starts_with(ns)) {
        const std::string_view local = iri.substr(ns.size());
        if (local.find_first_of("/#:") == std::string_view::npos)
          return prefix + ":" + std::string(local);
      }
    }
    return std::string(iri);
  }

  rapidjson::Document context_;
  std::map<std::string, std::string> prefixes_;
  std::map<std::string, std::string> terms_;  // expanded IRI → term
  std::map<std::string, std::string, std::less<>> cache_;
  std::unordered_map<const char*, const std::string*> by_address_;
};

using BlockWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void put(BlockWriter& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
void put_key(BlockWriter& w, std::string_view s) {
  w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

// One subject as a node object: "@id", "@type", then each predicate with an array of values.
// Plain strings stay plain; typed literals and IRIs are value objects.
void write_node_object(BlockWriter& w, Compactor& compactor, const SubjectBlock& block) {
  const auto& st = block.statements;
  w.StartObject();
  put_key(w, "@id");
  put(w, block.subject);
  bool typed = false;
  for (const Statement& s : st) {
    if (s.predicate != kRdfType)
      continue;
    if (!typed) {
      put_key(w, "@type");
      w.StartArray();
      typed = true;
    }
    put(w, compactor.compact(block.object(s)));
  }
  if (typed)
    w.EndArray();
  for (std::size_t j = 0; j < st.size();) {
    const std::string_view predicate = st[j].predicate;
    if (predicate == kRdfType) {
      ++j;
      continue;
    }
    put_key(w, compactor.compact_owned(predicate));
    w.StartArray();
    for (; j < st.size() && st[j].predicate == predicate; ++j) {
      const Statement& s = st[j];
      if (s.is_iri) {
        w.StartObject();
        put_key(w, "@id");
        put(w, block.object(s));
        w.EndObject();
      } else if (s.datatype.empty()) {
        put(w, block.object(s));
      } else {
        w.StartObject();
        put_key(w, "@value");
        put(w, block.object(s));
        put_key(w, "@type");
        put(w, compactor.compact_owned(s.datatype));
        w.EndObject();
      }
    }
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

std::size_t write_nquads(std::ostream& out, const graph::Graph& g, const RdfOptions& options) {
  ChunkedOutput chunks(out);
  std::string& buf = chunks.buffer();
  std::size_t count = 0;
  RdfMapping(g, options).for_each_subject([&](const SubjectBlock& block) {
    for (const Statement& s : block.statements) {
      buf += '<';
      buf += block.subject;
      buf += "> <";
      buf += s.predicate;
      buf += "> ";
      if (s.is_iri) {
        buf += '<';
        buf += block.object(s);
        buf += '>';
      } else {
        buf += '"';
        append_escaped_literal(buf, block.object(s));
        buf += '"';
        if (!s.datatype.empty()) {
          buf += "^^<";
          buf += s.datatype;
          buf += '>';
        }
      }
      buf += " .\n";
    }
    count += block.statements.size();
    chunks.maybe_flush();
  });
  chunks.flush();
  return count;
}

std::size_t write_jsonld(std::ostream& out, const graph::Graph& g, const RdfOptions& options) {
  Compactor compactor;
  ChunkedOutput chunks(out);
  std::string& buf = chunks.buffer();
  rapidjson::StringBuffer text;
  BlockWriter w(text);

  w.StartObject();
  put_key(w, "@context");
  w.StartObject();
  for (const auto& m : compactor.context().GetObject()) {
    put_key(w, m.name.GetString());
    put(w, m.value.GetString());
  }
  w.EndObject();
  w.EndObject();
  // The context object, without its closing brace, then the graph: one node object a line.
  buf.append(text.GetString(), text.GetSize() - 1);
  buf += ",\n\"@graph\": [\n";

  std::size_t count = 0;
  bool first = true;
  RdfMapping(g, options).for_each_subject([&](const SubjectBlock& block) {
    text.Clear();
    w.Reset(text);
    write_node_object(w, compactor, block);
    if (!first)
      buf += ",\n";
    first = false;
    buf.append(text.GetString(), text.GetSize());
    count += block.statements.size();
    chunks.maybe_flush();
  });
  buf += "\n]}\n";
  chunks.flush();
  return count;
}

}  // namespace jurigraph::exporter
