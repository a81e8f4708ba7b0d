#include "export/rdf_mapping.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "base/calendar.hpp"
#include "base/diagnostic.hpp"

namespace jurigraph::exporter {
namespace {

constexpr std::string_view kSchema = "http://schema.org/";
constexpr std::string_view kDcterms = "http://purl.org/dc/terms/";
constexpr std::string_view kEli = "http://data.europa.eu/eli/ontology#";
constexpr std::string_view kDpv = "https://w3id.org/dpv#";
constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";

std::string join(std::string_view ns, std::string_view local) {
  std::string s;
  s.reserve(ns.size() + local.size());
  s.append(ns).append(local);
  return s;
}

// Appends `iri` with the characters RDF forbids in IRIs percent-encoded (source URLs are free
// text and may hold spaces or quotes).
void append_safe_iri(std::string& out, std::string_view iri) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : iri) {
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
}

std::string_view kind_class(std::string_view kind) {
  static constexpr std::pair<std::string_view, std::string_view> kClasses[] = {
      {"sanction", "Sanction"}, {"warning", "Warning"},   {"formal_notice", "FormalNotice"},
      {"ruling", "Ruling"},     {"judgment", "Judgment"}, {"settlement", "Settlement"},
      {"order", "Order"}};
  for (const auto& [k, c] : kClasses) {
    if (k == kind)
      return c;
  }
  return {};
}

// Where Légifrance shows a document, from the prefix of its id.
std::string legifrance_url(std::string_view id) {
  static constexpr std::pair<std::string_view, std::string_view> kPrefixes[] = {
      {"CNILTEXT", "https://www.legifrance.gouv.fr/cnil/id/"},
      {"CETATEXT", "https://www.legifrance.gouv.fr/ceta/id/"},
      {"JURITEXT", "https://www.legifrance.gouv.fr/juri/id/"},
      {"LEGIARTI", "https://www.legifrance.gouv.fr/codes/article_lc/"}};
  for (const auto& [prefix, url] : kPrefixes) {
    if (id.starts_with(prefix))
      return join(url, id);
  }
  return {};
}

}  // namespace

// Every IRI the mapping writes as a predicate, class or datatype, built once.
struct RdfTerms {
  const std::string had_primary_source = join(kProv, "hadPrimarySource");
  const std::string xsd_integer = join(kXsd, "integer");
  const std::string xsd_double = join(kXsd, "double");
  const std::string xsd_boolean = join(kXsd, "boolean");
  const std::string same_as = join(kSchema, "sameAs");
  const std::string ecli = join(kVocabIri, "ecli");
  const std::string legifrance_id = join(kVocabIri, "legifranceId");
  const std::string lei_code = join(kSchema, "leiCode");
  const std::string type = std::string(kRdfType);
  const std::string corporation = join(kSchema, "Corporation");
  const std::string government_organization = join(kSchema, "GovernmentOrganization");
  const std::string court = join(kVocabIri, "Court");
  const std::string decision = join(kVocabIri, "Decision");
  const std::string legal_resource_subdivision = join(kEli, "LegalResourceSubdivision");
  const std::string legislation = join(kSchema, "Legislation");
  const std::string person = join(kSchema, "Person");
  const std::string name = join(kSchema, "name");
  const std::string alternate_name = join(kSchema, "alternateName");
  const std::string description = join(kSchema, "description");
  const std::string abstract = join(kDcterms, "abstract");
  const std::string country = join(kVocabIri, "country");
  const std::string kind = join(kVocabIri, "kind");
  const std::string date = join(kDcterms, "date");
  const std::string xsd_date = join(kXsd, "date");
  const std::string number = join(kEli, "number");
  const std::string fine = join(kVocabIri, "fine");
  const std::string creator = join(kDcterms, "creator");
  const std::string addressee = join(kVocabIri, "addressee");
  const std::string appeal_of = join(kVocabIri, "appealOf");
  const std::string cites = join(kEli, "cites");
  const std::string has_data_processor = join(kDpv, "hasDataProcessor");
  const std::string monetary_amount = join(kSchema, "MonetaryAmount");
  const std::string value = join(kSchema, "value");
  const std::string xsd_decimal = join(kXsd, "decimal");
  const std::string currency = join(kSchema, "currency");
  const std::string relation = join(kVocabIri, "Relation");
  const std::string relation_type = join(kVocabIri, "relationType");
  const std::string from = join(kVocabIri, "from");
  const std::string to = join(kVocabIri, "to");
  const std::string entity = join(kProv, "Entity");
  const std::string title = join(kDcterms, "title");
  const std::string publisher = join(kDcterms, "publisher");
  const std::string source_kind = join(kVocabIri, "sourceKind");
  const std::string note = join(kVocabIri, "note");
};

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
  std::string iri = options.base_iri;
  const std::string_view id = g.str(g.node(v).id);
  const std::size_t start = iri.size();
  iri.append(id);
  const std::size_t colon = id.find(':');
  if (colon != std::string_view::npos)
    iri[start + colon] = '/';
  return iri;
}

std::string source_iri(const graph::Graph& g, uint32_t source, const RdfOptions& options) {
  const graph::SourceRecord& src = g.source(source);
  std::string iri;
  if (!src.url.empty()) {
    append_safe_iri(iri, g.str(src.url));
    return iri;
  }
  // A source known only by its title (a press article with no address) gets an IRI of its
  // own under the base, from a hash of what identifies it, so it stays the same across runs
  // and dataset additions.
  uint64_t hash = 14695981039346656037ull;  // FNV-1a
  for (std::string_view part : {g.str(src.title), std::string_view("\x1f"), g.str(src.publisher)}) {
    for (unsigned char c : part)
      hash = (hash ^ c) * 1099511628211ull;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  iri = options.base_iri + "source/";
  for (int shift = 60; shift >= 0; shift -= 4)
    iri += kHex[(hash >> shift) & 15];
  return iri;
}

RdfMapping::RdfMapping(const graph::Graph& g, RdfOptions options)
    : g_(g),
      o_(std::move(options)),
      t_(std::make_unique<const RdfTerms>()),
      used_sources_(g.source_count(), false) {
  source_iris_.reserve(g.source_count());
  for (uint32_t s = 0; s < g.source_count(); ++s)
    source_iris_.push_back(source_iri(g, s, o_));
}

RdfMapping::~RdfMapping() = default;

std::string_view RdfMapping::intern(std::string iri) {
  return *iris_.insert(std::move(iri)).first;
}

std::string_view RdfMapping::vocab(std::string_view local) {
  return intern(join(kVocabIri, local));
}

void RdfMapping::begin(std::string subject) {
  block_.subject = std::move(subject);
  block_.text.clear();
  block_.statements.clear();
}

void RdfMapping::finish(const std::function<void(const SubjectBlock&)>& emit) {
  auto& st = block_.statements;
  const auto key = [this](const Statement& s) {
    return std::make_tuple(s.predicate, !s.is_iri, block_.object(s), s.datatype);
  };
  std::sort(st.begin(), st.end(),
            [&](const Statement& a, const Statement& b) { return key(a) < key(b); });
  st.erase(std::unique(st.begin(), st.end(),
                       [&](const Statement& a, const Statement& b) { return key(a) == key(b); }),
           st.end());
  emit(block_);
}

void RdfMapping::iri(std::string_view predicate, std::string_view object) {
  const auto offset = static_cast<uint32_t>(block_.text.size());
  append_safe_iri(block_.text, object);
  block_.statements.push_back(
      {predicate, {}, offset, static_cast<uint32_t>(block_.text.size() - offset), true});
}

void RdfMapping::literal(std::string_view predicate, std::string_view value,
                         std::string_view datatype) {
  if (value.empty())
    return;
  const auto offset = static_cast<uint32_t>(block_.text.size());
  block_.text.append(value);
  block_.statements.push_back(
      {predicate, datatype, offset, static_cast<uint32_t>(value.size()), false});
}

void RdfMapping::sources(graph::Range range) {
  const std::string_view predicate = t_->had_primary_source;
  for (uint32_t id : g_.source_ids(range)) {
    used_sources_[id] = true;
    iri(predicate, source_iris_[id]);
  }
}

void RdfMapping::properties(graph::Range range) {
  for (const graph::PropertyRecord& p : g_.properties(range)) {
    auto [it, fresh] = key_iris_.try_emplace(p.key.offset);
    if (fresh)
      it->second = vocab(g_.str(p.key));
    const std::string text = graph::value_text(p.kind, g_.str(p.text), p.integer, p.number);
    switch (p.kind) {
      case graph::ValueKind::string:
        literal(it->second, text);
        break;
      case graph::ValueKind::integer:
        literal(it->second, text, t_->xsd_integer);
        break;
      case graph::ValueKind::number:
        literal(it->second, text, t_->xsd_double);
        break;
      case graph::ValueKind::boolean:
        literal(it->second, text, t_->xsd_boolean);
        break;
    }
  }
}

// An ECLI is a literal (a bare "ECLI:…" would parse as an IRI of scheme ECLI), with its
// resolver link as sameAs; Wikidata and ELI ids are sameAs links.
void RdfMapping::identifier(std::string_view scheme, std::string_view value) {
  const std::string_view same_as = t_->same_as;
  if (scheme == "ecli") {
    literal(t_->ecli, value);
    iri(same_as, join("https://e-justice.europa.eu/ecli/", value));
  } else if (scheme == "legifrance") {
    literal(t_->legifrance_id, value);
    const std::string url = legifrance_url(value);
    if (!url.empty())
      iri(same_as, url);
  } else if (scheme == "wikidata") {
    iri(same_as, join("http://www.wikidata.org/entity/", value));
  } else if (scheme == "eli") {
    iri(same_as, value);
  } else if (scheme == "lei") {
    literal(t_->lei_code, value);
  } else {
    literal(vocab(scheme), value);
  }
}

void RdfMapping::map_node(graph::VertexId v, const std::function<void(const SubjectBlock&)>& emit) {
  const graph::NodeRecord& n = g_.node(v);
  const std::string s = node_iri(g_, v, o_);
  const std::string_view type = t_->type;
  begin(s);
  switch (n.label) {
    case graph::Label::Company:
      iri(type, t_->corporation);
      break;
    case graph::Label::Authority:
      iri(type, t_->government_organization);
      break;
    case graph::Label::Court:
      iri(type, t_->court);
      break;
    case graph::Label::Decision: {
      iri(type, t_->decision);
      const std::string_view k = kind_class(g_.str(n.kind));
      if (!k.empty())
        iri(type, join(kVocabIri, k));
      break;
    }
    case graph::Label::Provision:
      iri(type, t_->legal_resource_subdivision);
      iri(type, t_->legislation);
      break;
    case graph::Label::Person:
      iri(type, t_->person);
      break;
  }
  literal(t_->name, g_.str(n.name));
  for (const graph::StrRef& a : g_.strings(n.aliases))
    literal(t_->alternate_name, g_.str(a));
  literal(t_->description, g_.str(n.description));
  literal(t_->abstract, g_.str(n.summary));
  literal(t_->country, g_.str(n.country));
  literal(t_->kind, g_.str(n.kind));
  if (n.date != 0)
    literal(t_->date, format_iso_date(n.date), t_->xsd_date);
  literal(t_->number, g_.str(n.number));
  const std::string fine = s + "#fine";
  if (n.amount >= 0)
    iri(t_->fine, fine);
  for (const graph::IdentifierRecord& id : g_.identifiers(n.identifiers))
    identifier(g_.str(id.scheme), g_.str(id.value));
  properties(n.properties);
  sources(n.sources);

  // The relations as plain triples, each on the subject the vocabulary reads it from.
  const graph::Adjacency out = g_.out_adjacency(v);
  for (std::size_t i = 0; i < out.nodes.size(); ++i) {
    if (!included(out.edges[i].id))
      continue;
    const std::string to = node_iri(g_, out.nodes[i], o_);
    switch (out.edges[i].type) {
      case graph::rel::kIssuedBy:
        iri(t_->creator, to);
        break;
      case graph::rel::kAgainst:
        iri(t_->addressee, to);
        break;
      case graph::rel::kAppealOf:
        iri(t_->appeal_of, to);
        break;
      case graph::rel::kCites:
        iri(t_->cites, to);
        break;
      case graph::rel::kSubcontractorOf:
        break;  // said by the controller, below
      default:
        iri(vocab(g_.relation_type(out.edges[i].type).name), to);
        break;
    }
  }
  const graph::Adjacency in = g_.in_adjacency(v);
  for (std::size_t i = 0; i < in.nodes.size(); ++i) {
    if (in.edges[i].type == graph::rel::kSubcontractorOf && included(in.edges[i].id))
      iri(t_->has_data_processor, node_iri(g_, in.nodes[i], o_));
  }
  finish(emit);

  if (n.amount >= 0) {
    begin(fine);
    iri(type, t_->monetary_amount);
    literal(t_->value, format_amount(n.amount), t_->xsd_decimal);
    literal(t_->currency, g_.str(n.currency));
    finish(emit);
  }

  // Edges are sorted by (source, type, target): parallel relations are neighbours, numbered
  // from the second on so that each has an IRI of its own.
  uint32_t parallel = 0;
  for (std::size_t i = 0; i < out.nodes.size(); ++i) {
    const bool same =
        i > 0 && out.nodes[i] == out.nodes[i - 1] && out.edges[i].type == out.edges[i - 1].type;
    parallel = same ? parallel + 1 : 0;
    if (!included(out.edges[i].id))
      continue;
    map_relation(out.edges[i].id, parallel);
    finish(emit);
  }
}

void RdfMapping::map_relation(graph::EdgeId e, uint32_t parallel_index) {
  const graph::EdgeRecord& r = g_.edge(e);
  const std::string from = node_iri(g_, r.source, o_), to = node_iri(g_, r.target, o_);
  const std::string& type = g_.relation_type(r.type).name;
  // {base}relation/company/x/SUBCONTRACTOR_OF/company/y: both ids as paths under the type.
  std::string rel = o_.base_iri;
  rel.append("relation/")
      .append(std::string_view(from).substr(o_.base_iri.size()))
      .append("/")
      .append(type)
      .append("/")
      .append(std::string_view(to).substr(o_.base_iri.size()));
  if (parallel_index > 0)
    rel += "/" + std::to_string(parallel_index + 1);
  begin(std::move(rel));
  iri(t_->type, t_->relation);
  literal(t_->relation_type, type);
  iri(t_->from, from);
  iri(t_->to, to);
  properties(r.properties);
  sources(r.sources);
}

void RdfMapping::map_source(std::string_view url, const std::vector<uint32_t>& records) {
  begin(std::string(url));
  iri(t_->type, t_->entity);
  for (uint32_t id : records) {
    const graph::SourceRecord& src = g_.source(id);
    literal(t_->title, g_.str(src.title));
    literal(t_->publisher, g_.str(src.publisher));
    if (src.date != 0) {
      literal(t_->date, format_iso_date(src.date), t_->xsd_date);
    }
    literal(t_->source_kind, graph::source_kind_name(src.kind));
    literal(t_->note, g_.str(src.note));
  }
}

void RdfMapping::for_each_subject(const std::function<void(const SubjectBlock&)>& emit) {
  std::fill(used_sources_.begin(), used_sources_.end(), false);
  for (graph::VertexId v = 0; v < g_.node_count(); ++v) {
    if (o_.node_subset == nullptr || (*o_.node_subset)[v])
      map_node(v, emit);
  }
  // Sources in the order of their IRI. Records that share an IRI (one article cited by two
  // files, each with its own note) make one subject, written whole when any of them is cited:
  // which record a merged node cites depends on the order of the input files, the output must
  // not.
  std::map<std::string, std::pair<std::vector<uint32_t>, bool>> by_iri;
  for (uint32_t s = 0; s < g_.source_count(); ++s) {
    auto& [records, cited] = by_iri[source_iris_[s]];
    records.push_back(s);
    cited = cited || used_sources_[s];
  }
  for (const auto& [iri, group] : by_iri) {
    if (!group.second)
      continue;
    map_source(iri, group.first);
    finish(emit);
  }
}

}  // namespace jurigraph::exporter
