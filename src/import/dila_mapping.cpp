#include "import/dila_mapping.hpp"

#include <algorithm>
#include <optional>
#include <regex>

#include "base/calendar.hpp"
#include "base/diagnostic.hpp"
#include "base/fold.hpp"
#include "base/utf8.hpp"
#include "import/dataset_document.hpp"

namespace jurigraph::import {
namespace {

constexpr std::size_t kShortText = 1000;  // schema: shortText
constexpr std::size_t kText = 100000;     // schema: text

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// At most `limit` code points, with an ellipsis when cut.
std::string clip(const std::string& s, std::size_t limit) {
  if (utf8::count_code_points(s) <= limit)
    return s;
  return utf8::substr_code_points(s, 0, limit - 1) + "…";
}

bool is_legifrance(std::string_view id) {
  static constexpr std::string_view kPrefixes[] = {"CNILTEXT", "CETATEXT", "JURITEXT", "LEGIARTI",
                                                   "LEGITEXT", "JORFTEXT", "KALITEXT", "CONSTEXT"};
  if (id.size() != 20)
    return false;
  const bool known = std::any_of(std::begin(kPrefixes), std::end(kPrefixes),
                                 [&](std::string_view p) { return starts_with(id, p); });
  return known &&
         std::all_of(id.begin() + 8, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_decision_id(std::string_view id) {
  return starts_with(id, "JURITEXT") || starts_with(id, "CETATEXT") || starts_with(id, "CNILTEXT");
}

bool is_valid_ecli(const std::string& ecli) {
  // The schema's pattern for identifiers.ecli.
  static const std::regex kEcli("^ECLI:[A-Z]{2}:[A-Za-z]{1,7}:(19|20)[0-9]{2}:[A-Za-z0-9.]{1,25}$");
  return std::regex_match(ecli, kEcli);
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

std::string legifrance_url(DilaFond fond, const std::string& id) {
  switch (fond) {
    case DilaFond::cnil:
      return "https://www.legifrance.gouv.fr/cnil/id/" + id;
    case DilaFond::jade:
      return "https://www.legifrance.gouv.fr/ceta/id/" + id;
    case DilaFond::cass:
      return "https://www.legifrance.gouv.fr/juri/id/" + id;
  }
  return {};
}

ImportEntity cnil_entity(const ImportSource& source) {
  return ImportEntity{"authority:fr-cnil",
                      "Authority",
                      "Commission nationale de l'informatique et des libertés",
                      {"CNIL"},
                      {},
                      "FR",
                      source};
}

ImportEntity court_entity(const CourtRef& court, const ImportSource& source) {
  return ImportEntity{court.id, "Court", court.name, {}, {}, "FR", source};
}

bool is_supreme_court(const std::string& court_id) {
  return court_id == "court:fr-conseil-etat" || court_id == "court:fr-cour-cassation";
}

std::string cnil_kind(const DilaRecord& r) {
  const std::string nature = fold_for_lookup(r.deliberation_nature);
  if (starts_with(nature, "sanction") || starts_with(r.number, "SAN-"))
    return "sanction";
  if (starts_with(nature, "avertissement"))
    return "warning";
  if (starts_with(nature, "mise en demeure") || starts_with(r.number, "MED"))
    return "formal_notice";
  return "ruling";
}

std::string court_decision_kind(const DilaRecord& r, const std::string& court_id) {
  const std::string formation = fold_for_lookup(r.formation);
  if (formation.find("refere") != std::string::npos ||
      r.ecli.find(":CEORD:") != std::string::npos || fold_for_lookup(r.nature) == "ordonnance")
    return "order";
  return is_supreme_court(court_id) ? "ruling" : "judgment";
}

// The organisation a CNIL deliberation is about, where its full title says so: "… prononçant
// un avertissement à l'encontre de la société Orange", "… concernant la société CRITEO".
std::string cnil_addressee(const std::string& full_title) {
  // "à l'encontre de" names the addressee; "concernant" does when it is the only marker.
  std::size_t at = std::string::npos;
  std::size_t skip = 0;
  for (const std::string_view marker :
       {std::string_view(" à l'encontre de "), std::string_view(" à l’encontre de "),
        std::string_view(" concernant ")}) {
    at = full_title.find(marker);
    if (at != std::string::npos) {
      skip = marker.size();
      break;
    }
  }
  if (at == std::string::npos)
    return {};
  std::string name = full_title.substr(at + skip);
  // "… à l'encontre de la société X concernant son site web": the name ends before.
  if (const std::size_t end = name.find(" concernant "); end != std::string::npos)
    name.erase(end);
  for (const std::string_view article :
       {std::string_view("la société "), std::string_view("la SAS "), std::string_view("la SA "),
        std::string_view("société ")}) {
    if (starts_with(name, article)) {
      name.erase(0, article.size());
      break;
    }
  }
  while (!name.empty() && (name.back() == '.' || name.back() == ' '))
    name.pop_back();
  if (fold_for_lookup(name).empty())
    return {};
  return name;
}

void add_property(KeyValues& properties, const char* key, const std::string& value) {
  if (!value.empty())
    properties.emplace_back(key, value);
}

}  // namespace

CourtRef court_for(std::string_view name) {
  const std::string folded = fold_for_lookup(name);
  if (folded == "conseil d etat")
    return {"court:fr-conseil-etat", "Conseil d'État"};
  if (folded == "cour de cassation")
    return {"court:fr-cour-cassation", "Cour de cassation"};
  if (folded == "tribunal des conflits")
    return {"court:fr-tribunal-conflits", "Tribunal des conflits"};
  struct Prefix {
    std::string_view folded;
    std::string_view code;
  };
  static constexpr Prefix kPrefixes[] = {
      {"cour administrative d appel de ", "caa"},
      {"cour administrative d appel d ", "caa"},
      {"caa de ", "caa"},
      {"caa d ", "caa"},
      {"cour d appel de ", "ca"},
      {"cour d appel d ", "ca"},
      {"tribunal administratif de ", "ta"},
      {"tribunal administratif d ", "ta"},
      {"ta de ", "ta"},
      {"ta d ", "ta"},
  };
  for (const Prefix& p : kPrefixes) {
    if (starts_with(folded, p.folded) && folded.size() > p.folded.size())
      return {"court:fr-" + std::string(p.code) + "-" + slug(folded.substr(p.folded.size())),
              std::string(name)};
  }
  return {"court:fr-" + slug(name), std::string(name)};
}

std::string appeal_outcome(std::string_view solution) {
  const std::string s = fold_for_lookup(solution);
  if (starts_with(s, "rejet"))
    return "confirmed";
  if (starts_with(s, "cassation partielle") || starts_with(s, "annulation partielle"))
    return "partially_annulled";
  if (starts_with(s, "cassation") || starts_with(s, "annulation"))
    return "annulled";
  if (starts_with(s, "irrecevabilite") || starts_with(s, "non admission"))
    return "inadmissible";
  if (starts_with(s, "desistement"))
    return "withdrawn";
  return {};
}

void DilaMapper::emit_entity(const ImportEntity& e) {
  if (entity_ids_.insert(e.id).second) {
    sink_.entity(e);
    ++counts_.entities;
  }
}

void DilaMapper::add(const std::string& path, const DilaRecord& r) {
  ImportDecision d;
  d.id = "decision:" + lower_ascii(r.id);
  if (decision_ids_.count(d.id) != 0)
    throw Error(Location(path, r.root_line, 1),
                "decision " + r.id + " was imported already from an earlier file");
  d.source =
      ImportSource{legifrance_url(r.fond, r.id), clip(r.title.empty() ? r.id : r.title, kShortText),
                   "Légifrance", "official"};
  DilaCounts counts;  // added to counts_ once nothing can fail any more
  std::vector<ImportEntity> entities;
  std::optional<ImportDecision> new_stub;

  CourtRef issuer;
  if (r.fond == DilaFond::cnil) {
    entities.push_back(cnil_entity(d.source));
    d.issued_by = "authority:fr-cnil";
    d.kind = cnil_kind(r);
    if (d.kind != "ruling") {
      const std::string addressee = cnil_addressee(r.full_title);
      if (const std::optional<std::string> id = make_id("company", addressee)) {
        entities.push_back(
            ImportEntity{*id, "Company", clip(addressee, kShortText), {}, {}, {}, d.source});
        d.against.push_back(*id);
      }
    }
  } else {
    issuer = court_for(r.court.empty()
                           ? (r.fond == DilaFond::cass ? "Cour de cassation" : "Conseil d'État")
                           : r.court);
    entities.push_back(court_entity(issuer, d.source));
    d.issued_by = issuer.id;
    d.kind = court_decision_kind(r, issuer.id);
  }
  if (!r.title.empty())
    d.name = clip(r.title, kShortText);
  if (parse_iso_date(r.date)) {
    d.date = r.date;
  } else if (!r.date.empty()) {
    ++counts.invalid_dates;
  }
  if (!r.number.empty())
    d.number = clip(r.number, kShortText);

  d.identifiers.emplace_back("legifrance", r.id);
  if (is_valid_ecli(r.ecli)) {
    d.identifiers.emplace_back("ecli", r.ecli);
  } else if (!r.ecli.empty()) {
    ++counts.invalid_ecli;
  }
  if (!r.ancien_id.empty())
    d.identifiers.emplace_back("ancien_id", clip(r.ancien_id, 500));
  if (!r.nor.empty())
    d.identifiers.emplace_back("nor", clip(r.nor, 500));
  if (!r.case_numbers.empty()) {
    std::string numbers;
    for (const std::string& n : r.case_numbers)
      numbers += (numbers.empty() ? "" : ", ") + n;
    d.identifiers.emplace_back("pourvoi", clip(numbers, 500));
  }

  const std::string& summary = r.fond == DilaFond::cnil ? r.full_title : r.summary;
  if (!summary.empty())
    d.summary = clip(summary, kText);

  // The decision attacked (CASS: FORM_DEC_ATT, DATE_DEC_ATT): a stub unless imported, its id
  // made of the court and the date so that every file attacking it meets at one node.
  if (!r.attacked_court.empty()) {
    const std::string outcome = appeal_outcome(r.solution);
    if (!parse_iso_date(r.attacked_date)) {
      ++counts.appeals_without_date;
    } else if (outcome.empty()) {
      ++counts.appeals_without_outcome;
    } else {
      const CourtRef court = court_for(r.attacked_court);
      const std::string target =
          "decision:" + court.id.substr(court.id.find(':') + 1) + "-" + r.attacked_date;
      d.appeal_of.push_back(ImportAppeal{target, outcome, clip(r.solution, kShortText)});
      ++counts.appeals;
      if (stubs_.count(target) == 0) {
        entities.push_back(court_entity(court, d.source));
        ImportDecision& stub = new_stub.emplace();
        stub.id = target;
        stub.kind = is_supreme_court(court.id) ? "ruling" : "judgment";
        stub.name = clip(court.name + ", " + r.attacked_date, kShortText);
        stub.issued_by = court.id;
        stub.date = r.attacked_date;
        stub.properties.emplace_back("imported_as", "attacked decision (stub)");
        stub.source = d.source;
      }
    }
  }

  for (const DilaLink& link : r.links) {
    if (link.type != "CITATION") {
      ++counts.links_of_other_types;
      continue;
    }
    const std::string& text_id = is_legifrance(link.id) ? link.id : link.text_id;
    if (is_decision_id(link.id)) {
      ++counts.links_to_decisions;
      continue;
    }
    if (!is_legifrance(text_id) || is_decision_id(text_id)) {
      ++counts.links_without_id;
      continue;
    }
    const std::string id = "provision:" + lower_ascii(text_id);
    if (std::find(d.cites.begin(), d.cites.end(), id) != d.cites.end())
      continue;
    std::string name = link.label;
    if (name.empty())
      name = link.number.empty() ? text_id : "Article " + link.number;
    entities.push_back(ImportEntity{
        id, "Provision", clip(name, kShortText), {}, {{"legifrance", text_id}}, "FR", d.source});
    d.cites.push_back(id);
    ++counts.citations;
  }

  add_property(d.properties, "formation", r.formation);
  add_property(d.properties, "solution", r.solution);
  add_property(d.properties, "nature", r.fond == DilaFond::cnil ? r.deliberation_nature : r.nature);
  add_property(d.properties, "juridiction", r.court);
  add_property(d.properties, "type_recours", r.appeal_type);
  add_property(d.properties, "publication", r.publication);
  add_property(d.properties, "date_publication", r.publication_date);
  add_property(d.properties, "etat_juridique", r.legal_status);
  add_property(d.properties, "demandeur", r.claimant);
  add_property(d.properties, "defendeur", r.respondent);
  add_property(d.properties, "citation_jp", r.case_law_cited);
  if (!r.attacked_court.empty() && d.appeal_of.empty())
    add_property(d.properties, "decision_attaquee",
                 r.attacked_court + (r.attacked_date.empty() ? "" : ", " + r.attacked_date));

  // Nothing can fail from here on.
  for (const ImportEntity& e : entities)
    emit_entity(e);
  decision_ids_.insert(d.id);
  sink_.decision(d);
  if (new_stub) {
    // Written when first named: its id (court and date) is never one of an imported decision
    // (a Légifrance id), so nothing needs to wait for the end.
    stubs_.insert(new_stub->id);
    sink_.decision(*new_stub);
    ++counts_.stub_decisions;
  }
  ++counts_.decisions;
  counts_.appeals += counts.appeals;
  counts_.citations += counts.citations;
  counts_.appeals_without_outcome += counts.appeals_without_outcome;
  counts_.appeals_without_date += counts.appeals_without_date;
  counts_.links_without_id += counts.links_without_id;
  counts_.links_to_decisions += counts.links_to_decisions;
  counts_.links_of_other_types += counts.links_of_other_types;
  counts_.invalid_ecli += counts.invalid_ecli;
  counts_.invalid_dates += counts.invalid_dates;
}

void DilaMapper::finish() {
  sink_.finish();
}

}  // namespace jurigraph::import
