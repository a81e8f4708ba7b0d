#include "import/dila_xml.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <initializer_list>
#include <memory>

#include "base/diagnostic.hpp"

namespace jurigraph::import {
namespace {

struct ParserContextDeleter {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};
struct DocumentDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Trims and turns every run of white space (the dumps have &#13;, new lines, tabs) into one
// space.
std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (const char c : s) {
    if (is_space(c)) {
      pending = true;
      continue;
    }
    if (pending && !out.empty())
      out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

std::string_view name_of(const xmlNode* n) {
  return reinterpret_cast<const char*>(n->name);
}

const xmlNode* child(const xmlNode* parent, std::string_view name) {
  if (parent == nullptr)
    return nullptr;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && name_of(c) == name)
      return c;
  }
  return nullptr;
}

const xmlNode* find(const xmlNode* from, std::initializer_list<std::string_view> path) {
  for (const std::string_view step : path)
    from = child(from, step);
  return from;
}

// The text of an element and its descendants (<br/> and <p> dropped), white space collapsed.
std::string text(const xmlNode* n) {
  if (n == nullptr)
    return {};
  xmlChar* content = xmlNodeGetContent(n);
  if (content == nullptr)
    return {};
  std::string out = collapse_space(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return out;
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* value = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr)
    return {};
  std::string out = collapse_space(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

uint32_t line_of(const xmlNode* n) {
  const long line = xmlGetLineNo(n);
  return line > 0 ? static_cast<uint32_t>(line) : 0;
}

// The first error libxml2 raises while parsing: the one that says what is wrong (after it,
// the parser goes on and reports the consequences, such as "Premature end of data").
struct FirstError {
  bool seen = false;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;
};

void keep_first_error(void* data, xmlError* e) {
  auto* first = static_cast<FirstError*>(static_cast<xmlParserCtxt*>(data)->_private);
  if (first->seen || e == nullptr || e->level < XML_ERR_ERROR)
    return;
  first->seen = true;
  first->line = e->line > 0 ? static_cast<uint32_t>(e->line) : 0;
  first->column = e->int2 > 0 ? static_cast<uint32_t>(e->int2) : 0;
  first->message = e->message != nullptr ? e->message : "";
  while (!first->message.empty() && is_space(first->message.back()))
    first->message.pop_back();
}

bool is_legifrance_id(std::string_view id, std::string_view prefix) {
  if (id.size() != prefix.size() + 12 || id.substr(0, prefix.size()) != prefix)
    return false;
  for (const char c : id.substr(prefix.size())) {
    if (c < '0' || c > '9')
      return false;
  }
  return true;
}

// Calls `f` on each element child of `parent` named `name`, in document order.
template <typename F>
void for_each_child(const xmlNode* parent, std::string_view name, F f) {
  if (parent == nullptr)
    return;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && name_of(c) == name)
      f(c);
  }
}

void read_links(const xmlNode* links, DilaRecord& r) {
  for_each_child(links, "LIEN", [&](const xmlNode* l) {
    r.links.push_back(DilaLink{attribute(l, "typelien"), attribute(l, "id"),
                               attribute(l, "cidtexte"), attribute(l, "naturetexte"),
                               attribute(l, "num"), text(l), line_of(l)});
  });
}

void read_summary(const xmlNode* sommaire, DilaRecord& r) {
  for_each_child(sommaire, "ANA", [&](const xmlNode* a) {
    std::string piece = text(a);
    if (piece.empty())
      return;
    if (!r.summary.empty())
      r.summary += ' ';
    r.summary += piece;
  });
}

void read_cnil(const xmlNode* meta_spec, DilaRecord& r) {
  const xmlNode* m = child(meta_spec, "META_CNIL");
  r.title = text(child(m, "TITRE"));
  r.full_title = text(child(m, "TITREFULL"));
  r.number = text(child(m, "NUMERO"));
  r.nor = text(child(m, "NOR"));
  r.deliberation_nature = text(child(m, "NATURE_DELIB"));
  r.date = text(child(m, "DATE_TEXTE"));
  r.publication_date = text(child(m, "DATE_PUBLI"));
  r.legal_status = text(child(m, "ETAT_JURIDIQUE"));
}

void read_court_decision(const xmlNode* root, const xmlNode* meta_spec, DilaRecord& r) {
  const xmlNode* juri = child(meta_spec, "META_JURI");
  r.title = text(child(juri, "TITRE"));
  r.date = text(child(juri, "DATE_DEC"));
  r.court = text(child(juri, "JURIDICTION"));
  r.number = text(child(juri, "NUMERO"));
  r.solution = text(child(juri, "SOLUTION"));
  const bool admin = r.fond == DilaFond::jade;
  const xmlNode* spec = child(meta_spec, admin ? "META_JURI_ADMIN" : "META_JURI_JUDI");
  r.formation = text(child(spec, "FORMATION"));
  r.ecli = text(child(spec, "ECLI"));
  r.claimant = text(child(spec, "DEMANDEUR"));
  r.respondent = text(child(spec, "DEFENDEUR"));
  if (admin) {
    r.appeal_type = text(child(spec, "TYPE_REC"));
    r.publication = text(child(spec, "PUBLI_RECUEIL"));
  } else {
    if (const xmlNode* bull = child(spec, "PUBLI_BULL"))
      r.publication = attribute(bull, "publie");
    for_each_child(child(spec, "NUMEROS_AFFAIRES"), "NUMERO_AFFAIRE", [&](const xmlNode* n) {
      if (std::string v = text(n); !v.empty())
        r.case_numbers.push_back(std::move(v));
    });
    const xmlNode* attacked = child(spec, "FORM_DEC_ATT");
    r.attacked_court = text(attacked);
    r.attacked_date = text(child(spec, "DATE_DEC_ATT"));
    r.attacked_line = attacked != nullptr ? line_of(attacked) : 0;
  }
  const xmlNode* texte = child(root, "TEXTE");
  read_summary(child(texte, "SOMMAIRE"), r);
  r.case_law_cited = text(find(texte, {"CITATION_JP", "CONTENU"}));
}

}  // namespace

DilaRecord parse_dila_xml(const std::string& path, std::string_view xml) {
  std::unique_ptr<xmlParserCtxt, ParserContextDeleter> context(xmlNewParserCtxt());
  if (context == nullptr)
    throw Error(Location(path), "cannot allocate an XML parser");
  // NONET: never fetch anything; no NOENT and no DTDLOAD: entities are not expanded and no
  // external subset is read. NOERROR/NOWARNING: libxml2 prints nothing, we report ourselves.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  FirstError first;
  context->_private = &first;
  context->sax->serror = keep_first_error;
  std::unique_ptr<xmlDoc, DocumentDeleter> doc(xmlCtxtReadMemory(
      context.get(), xml.data(), static_cast<int>(xml.size()), path.c_str(), nullptr, options));
  if (doc == nullptr || context->wellFormed == 0) {
    if (!first.seen)
      first.message = "not well-formed";
    throw Error(Location(path, first.line, first.column), "malformed XML: " + first.message);
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  DilaRecord r;
  const std::string_view root_name = root != nullptr ? name_of(root) : std::string_view{};
  std::string_view prefix;
  if (root_name == "TEXTE_CNIL") {
    r.fond = DilaFond::cnil;
    prefix = "CNILTEXT";
  } else if (root_name == "TEXTE_JURI_ADMIN") {
    r.fond = DilaFond::jade;
    prefix = "CETATEXT";
  } else if (root_name == "TEXTE_JURI_JUDI") {
    r.fond = DilaFond::cass;
    prefix = "JURITEXT";
  } else {
    throw Error(Location(path, root != nullptr ? line_of(root) : 1, 1),
                "not a DILA decision: root element <" + std::string(root_name) +
                    "> (expected TEXTE_CNIL, TEXTE_JURI_ADMIN or TEXTE_JURI_JUDI)");
  }
  r.root_line = line_of(root);
  const xmlNode* common = find(root, {"META", "META_COMMUN"});
  const xmlNode* id = child(common, "ID");
  r.id = text(id);
  if (!is_legifrance_id(r.id, prefix)) {
    const uint32_t line = id != nullptr ? line_of(id) : r.root_line;
    throw Error(Location(path, line, 1),
                r.id.empty() ? "META_COMMUN/ID is missing: a decision needs its Légifrance id"
                             : "META_COMMUN/ID \"" + r.id + "\" is not a " + std::string(prefix) +
                                   " id (" + std::string(prefix) + " and 12 digits)");
  }
  r.ancien_id = text(child(common, "ANCIEN_ID"));
  r.nature = text(child(common, "NATURE"));
  const xmlNode* meta_spec = find(root, {"META", "META_SPEC"});
  if (r.fond == DilaFond::cnil) {
    read_cnil(meta_spec, r);
  } else {
    read_court_decision(root, meta_spec, r);
  }
  read_links(child(root, "LIENS"), r);
  return r;
}

}  // namespace jurigraph::import
