#include "export/rdf_mapping.hpp"

#include <algorithm>
#include <map>

#include "base/calendar.hpp"
#include "base/diagnostic.hpp"

namespace jurigraph::exporter {
namespace {

const std::string kSchema = "http://schema.org/";
const std::string kDcterms = "http://purl.org/dc/terms/";
const std::string kEli = "http://data.europa.eu/eli/ontology#";
const std::string kDpv = "https://w3id.org/dpv#";
const std::string kProv = "http://www.w3.org/ns/prov#";

std::string vocab(std::string_view local) {
  return std::string(kVocabIri) + std::string(local);
}
std::string xsd(std::string_view local) {
  return std::string(kXsd) + std::string(local);
}

// Characters RDF forbids in IRIs are percent-encoded (source URLs are free text).
std::string safe_iri(std::string_view iri) {
  std::string out;
  for (unsigned char c : iri) {
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      static const char* hex = "0123456789ABCDEF";
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string kind_class(std::string_view kind) {
  static const std::map<std::string_view, std::string_view> kClasses = {
      {"sanction", "Sanction"}, {"warning", "Warning"},   {"formal_notice", "FormalNotice"},
      {"ruling", "Ruling"},     {"judgment", "Judgment"}, {"settlement", "Settlement"},
      {"order", "Order"}};
  auto it = kClasses.find(kind);
  return it == kClasses.end() ? std::string() : vocab(it->second);
}

// Where Légifrance shows a document, from the prefix of its id.
std::string legifrance_url(std::string_view id) {
  if (id.starts_with("CNILTEXT"))
    return "https://www.legifrance.gouv.fr/cnil/id/" + std::string(id);
  if (id.starts_with("CETATEXT"))
    return "https://www.legifrance.gouv.fr/ceta/id/" + std::string(id);
  if (id.starts_with("JURITEXT"))
    return "https://www.legifrance.gouv.fr/juri/id/" + std::string(id);
  if (id.starts_with("LEGIARTI"))
    return "https://www.legifrance.gouv.fr/codes/article_lc/" + std::string(id);
  return {};
}

class Mapper {
 public:
  Mapper(const graph::Graph& g, const RdfOptions& o) : g_(g), o_(o) {}

  std::vector<Triple> run() {
    for (graph::VertexId v = 0; v < g_.node_count(); ++v)
      map_node(v);
    std::map<std::tuple<graph::VertexId, graph::RelTypeId, graph::VertexId>, int> parallel;
    for (graph::EdgeId e = 0; e < g_.edge_count(); ++e)
      map_edge(e, parallel);
    for (uint32_t s = 0; s < g_.source_count(); ++s) {
      if (used_sources_[s])
        map_source(s);
    }
    std::sort(out_.begin(), out_.end());
    out_.erase(std::unique(out_.begin(), out_.end()), out_.end());
    return std::move(out_);
  }

 private:
  void iri(const std::string& s, const std::string& p, const std::string& o) {
    out_.push_back({s, p, {true, safe_iri(o), {}}});
  }
  void literal(const std::string& s, const std::string& p, std::string_view value,
               std::string datatype = {}) {
    if (value.empty())
      return;
    out_.push_back({s, p, {false, std::string(value), std::move(datatype)}});
  }
  void sources(const std::string& s, graph::Range range) {
    for (uint32_t id : g_.source_ids(range)) {
      used_sources_[id] = true;
      iri(s, kProv + "hadPrimarySource", std::string(g_.str(g_.source(id).url)));
    }
  }
  void properties(const std::string& s, graph::Range range) {
    for (const graph::PropertyRecord& p : g_.properties(range)) {
      const std::string predicate = vocab(g_.str(p.key));
      const std::string text = graph::value_text(p.kind, g_.str(p.text), p.integer, p.number);
      switch (p.kind) {
        case graph::ValueKind::string:
          literal(s, predicate, text);
          break;
        case graph::ValueKind::integer:
          literal(s, predicate, text, xsd("integer"));
          break;
        case graph::ValueKind::number:
          literal(s, predicate, text, xsd("double"));
          break;
        case graph::ValueKind::boolean:
          literal(s, predicate, text, xsd("boolean"));
          break;
      }
    }
  }

  void map_node(graph::VertexId v) {
    const graph::NodeRecord& n = g_.node(v);
    const std::string s = node_iri(g_, v, o_);
    switch (n.label) {
      case graph::Label::Company:
        iri(s, std::string(kRdfType), kSchema + "Corporation");
        break;
      case graph::Label::Authority:
        iri(s, std::string(kRdfType), kSchema + "GovernmentOrganization");
        break;
      case graph::Label::Court:
        iri(s, std::string(kRdfType), vocab("Court"));
        break;
      case graph::Label::Decision: {
        iri(s, std::string(kRdfType), vocab("Decision"));
        const std::string k = kind_class(g_.str(n.kind));
        if (!k.empty())
          iri(s, std::string(kRdfType), k);
        break;
      }
      case graph::Label::Provision:
        iri(s, std::string(kRdfType), kEli + "LegalResourceSubdivision");
        iri(s, std::string(kRdfType), kSchema + "Legislation");
        break;
      case graph::Label::Person:
        iri(s, std::string(kRdfType), kSchema + "Person");
        break;
    }
    literal(s, kSchema + "name", g_.str(n.name));
    for (const graph::StrRef& a : g_.strings(n.aliases))
      literal(s, kSchema + "alternateName", g_.str(a));
    literal(s, kSchema + "description", g_.str(n.description));
    literal(s, kDcterms + "abstract", g_.str(n.summary));
    literal(s, vocab("country"), g_.str(n.country));
    literal(s, vocab("kind"), g_.str(n.kind));
    if (n.date != 0)
      literal(s, kDcterms + "date", format_iso_date(n.date), xsd("date"));
    literal(s, kEli + "number", g_.str(n.number));
    if (n.amount >= 0) {
      const std::string fine = s + "#fine";
      iri(s, vocab("fine"), fine);
      iri(fine, std::string(kRdfType), kSchema + "MonetaryAmount");
      literal(fine, kSchema + "value", format_amount(n.amount), xsd("decimal"));
      literal(fine, kSchema + "currency", g_.str(n.currency));
    }
    for (const graph::IdentifierRecord& id : g_.identifiers(n.identifiers))
      identifier(s, g_.str(id.scheme), g_.str(id.value));
    properties(s, n.properties);
    sources(s, n.sources);
  }

  // An ECLI is a literal (a bare "ECLI:…" would parse as an IRI of scheme ECLI), with its
  // resolver link as sameAs; Wikidata and ELI ids are sameAs links.
  void identifier(const std::string& s, std::string_view scheme, std::string_view value) {
    if (scheme == "ecli") {
      literal(s, vocab("ecli"), value);
      iri(s, kSchema + "sameAs", "https://e-justice.europa.eu/ecli/" + std::string(value));
    } else if (scheme == "legifrance") {
      literal(s, vocab("legifranceId"), value);
      const std::string url = legifrance_url(value);
      if (!url.empty())
        iri(s, kSchema + "sameAs", url);
    } else if (scheme == "wikidata") {
      iri(s, kSchema + "sameAs", "http://www.wikidata.org/entity/" + std::string(value));
    } else if (scheme == "eli") {
      iri(s, kSchema + "sameAs", std::string(value));
    } else if (scheme == "lei") {
      literal(s, kSchema + "leiCode", value);
    } else {
      literal(s, vocab(scheme), value);
    }
  }

  void map_edge(
      graph::EdgeId e,
      std::map<std::tuple<graph::VertexId, graph::RelTypeId, graph::VertexId>, int>& parallel) {
    const graph::EdgeRecord& r = g_.edge(e);
    const std::string from = node_iri(g_, r.source, o_), to = node_iri(g_, r.target, o_);
    const std::string& type = g_.relation_type(r.type).name;
    switch (r.type) {
      case graph::rel::kIssuedBy:
        iri(from, kDcterms + "creator", to);
        break;
      case graph::rel::kAgainst:
        iri(from, vocab("addressee"), to);
        break;
      case graph::rel::kAppealOf:
        iri(from, vocab("appealOf"), to);
        break;
      case graph::rel::kCites:
        iri(from, kEli + "cites", to);
        break;
      case graph::rel::kSubcontractorOf:
        iri(to, kDpv + "hasDataProcessor", from);  // the controller has the processor
        break;
      default:
        iri(from, vocab(type), to);
        break;
    }
    // The relation as a node of its own carries what a triple cannot: its properties and sources.
    const int k = parallel[{r.source, r.type, r.target}]++;
    // {base}relation/company/x/SUBCONTRACTOR_OF/company/y: both ids as paths under the type.
    std::string rel = o_.base_iri + "relation/" + from.substr(o_.base_iri.size()) + "/" + type +
                      "/" + to.substr(o_.base_iri.size());
    if (k > 0)
      rel += "/" + std::to_string(k + 1);
    iri(rel, std::string(kRdfType), vocab("Relation"));
    literal(rel, vocab("relationType"), type);
    iri(rel, vocab("from"), from);
    iri(rel, vocab("to"), to);
    properties(rel, r.properties);
    sources(rel, r.sources);
  }

  void map_source(uint32_t id) {
    const graph::SourceRecord& src = g_.source(id);
    const std::string s(g_.str(src.url));
    iri(s, std::string(kRdfType), kProv + "Entity");
    literal(s, kDcterms + "title", g_.str(src.title));
    literal(s, kDcterms + "publisher", g_.str(src.publisher));
    if (src.date != 0)
      literal(s, kDcterms + "date", format_iso_date(src.date), xsd("date"));
    literal(s, vocab("sourceKind"), graph::source_kind_name(src.kind));
    literal(s, vocab("note"), g_.str(src.note));
  }

  const graph::Graph& g_;
  const RdfOptions& o_;
  std::vector<Triple> out_;
  std::vector<bool> used_sources_ = std::vector<bool>(g_.source_count(), false);
};

}  // namespace

void check_base_iri(const std::string& base) {
  const bool scheme = base.starts_with("http://") || base.starts_with("https://");
  const bool end = !base.empty() && (base.back() == '/' || base.back() == '#');
  const bool clean = base.find_first_of(" <>\"{}|^`\\") == std::string::npos;
  if (!scheme || !end || !clean || base.size() < 10) {
    throw Error(
        Location("--base-iri"),
        "\"" + base + "\" is not a usable base: give an absolute http(s) IRI ending in / or #",
        ErrorKind::usage);
  }
}

std::string node_iri(const graph::Graph& g, graph::VertexId v, const RdfOptions& options) {
  std::string id(g.str(g.node(v).id));
  const auto colon = id.find(':');
  if (colon != std::string::npos)
    id[colon] = '/';
  return options.base_iri + id;
}

std::vector<Triple> graph_to_triples(const graph::Graph& g, const RdfOptions& options) {
  return Mapper(g, options).run();
}

}  // namespace jurigraph::exporter
