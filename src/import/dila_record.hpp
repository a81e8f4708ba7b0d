// What jurigraph reads from one DILA decision file (CNIL, JADE or CASS XML): the fields as the
// XML gives them, whitespace collapsed, before any mapping to the dataset format.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace jurigraph::import {

// Which DILA collection a file belongs to, from its root element.
enum class DilaFond : uint8_t {
  cnil,  // <TEXTE_CNIL>: CNIL deliberations, CNILTEXT ids
  jade,  // <TEXTE_JURI_ADMIN>: Conseil d'État, CAA, TA, CETATEXT ids
  cass,  // <TEXTE_JURI_JUDI>: Cour de cassation (and judicial courts), JURITEXT ids
};

// A <LIEN> of <LIENS>: a link from the decision to a text (or to another decision).
struct DilaLink {
  std::string type;     // typelien, e.g. CITATION
  std::string id;       // LEGIARTI…, LEGITEXT…, JORFTEXT…, or empty
  std::string text_id;  // cidtexte: the text the article belongs to (LEGITEXT…), or empty
  std::string nature;   // naturetexte (CODE, LOI, DECRET…)
  std::string number;   // num: the article number
  std::string label;    // the element's text, e.g. "Article L1121-1 du code du travail"
  uint32_t line = 0;    // where the <LIEN> is, for diagnostics
};

struct DilaRecord {
  DilaFond fond = DilaFond::cnil;
  uint32_t root_line = 0;
  // META_COMMUN
  std::string id;         // ID: CNILTEXT/CETATEXT/JURITEXT + 12 digits
  std::string ancien_id;  // ANCIEN_ID
  std::string nature;     // NATURE (ARRET, Texte, DELIBERATION)
  // META_JURI or META_CNIL
  std::string title;                // TITRE
  std::string full_title;           // TITREFULL (CNIL)
  std::string date;                 // DATE_DEC, or DATE_TEXTE (CNIL)
  std::string court;                // JURIDICTION (JADE, CASS); empty for the CNIL
  std::string number;               // NUMERO
  std::string solution;             // SOLUTION
  std::string nor;                  // NOR (CNIL)
  std::string deliberation_nature;  // NATURE_DELIB (CNIL)
  std::string publication_date;     // DATE_PUBLI (CNIL)
  std::string legal_status;         // ETAT_JURIDIQUE (CNIL)
  // META_JURI_ADMIN or META_JURI_JUDI
  std::string formation;                  // FORMATION
  std::string ecli;                       // ECLI
  std::string appeal_type;                // TYPE_REC (JADE)
  std::string publication;                // PUBLI_RECUEIL (JADE), PUBLI_BULL@publie (CASS)
  std::string claimant;                   // DEMANDEUR
  std::string respondent;                 // DEFENDEUR
  std::vector<std::string> case_numbers;  // NUMEROS_AFFAIRES/NUMERO_AFFAIRE (CASS)
  std::string attacked_court;             // FORM_DEC_ATT (CASS)
  std::string attacked_date;              // DATE_DEC_ATT (CASS)
  uint32_t attacked_line = 0;
  // TEXTE
  std::string summary;          // SOMMAIRE/ANA, joined
  std::string case_law_cited;   // CITATION_JP/CONTENU
  std::vector<DilaLink> links;  // LIENS/LIEN
};

}  // namespace jurigraph::import
