// import dila: the fields read from each DILA collection (CNIL, JADE, CASS), their mapping to
// dataset records, and the diagnostics for files that are not DILA decisions.
#include "import/dila_import.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "base/diagnostic.hpp"
#include "import/dila_mapping.hpp"
#include "import/dila_xml.hpp"

namespace jurigraph::import {
namespace {

const std::string kDila = std::string(JURIGRAPH_TEST_DATA) + "/import/dila";

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

DilaRecord parse_sample(const std::string& relative) {
  const std::string path = kDila + "/" + relative;
  return parse_dila_xml(path, read(path));
}

class RecordingSink final : public DatasetSink {
 public:
  void entity(const ImportEntity& e) override { entities.push_back(e); }
  void decision(const ImportDecision& d) override { decisions.push_back(d); }
  std::vector<ImportEntity> entities;
  std::vector<ImportDecision> decisions;
};

std::string value(const KeyValues& values, const std::string& key) {
  for (const auto& [k, v] : values) {
    if (k == key)
      return v;
  }
  return "<absent>";
}

// The diagnostic parse_dila_xml throws for `xml`, as `file:line:col: error: message`.
std::string parse_error(const std::string& xml) {
  try {
    parse_dila_xml("f.xml", xml);
  } catch (const Error& e) {
    return format_headline(e.diagnostic());
  }
  return "no error";
}

ImportDecision map_one(const DilaRecord& r, RecordingSink& sink) {
  DilaMapper mapper(sink);
  mapper.add("f.xml", r);
  mapper.finish();
  return sink.decisions.front();
}

TEST(DilaCnil, ReadsTheMetaOfAnAuthorisation) {
  const DilaRecord r = parse_sample("cnil/CNILTEXT000026026270.xml");
  EXPECT_EQ(r.fond, DilaFond::cnil);
  EXPECT_EQ(r.id, "CNILTEXT000026026270");
  EXPECT_EQ(r.title, "Délibération 2012-138 du 3 mai 2012");
  EXPECT_EQ(r.number, "2012-138");
  EXPECT_EQ(r.date, "2012-05-03");
  EXPECT_EQ(r.deliberation_nature, "Autre autorisation");
  EXPECT_EQ(r.publication_date, "2019-11-13");
  EXPECT_EQ(r.legal_status, "VIGUEUR");
  EXPECT_EQ(r.nor, "");
  EXPECT_EQ(r.court, "");
  EXPECT_EQ(r.ecli, "");
  // &#13; and the new line at the end of TITREFULL collapse away
  EXPECT_EQ(r.full_title.substr(r.full_title.size() - 38), "(Demande d’autorisation n° 1573383)");
  EXPECT_TRUE(r.links.empty());
}

TEST(DilaCnil, AnAuthorisationIsARulingAgainstNobody) {
  RecordingSink sink;
  const ImportDecision d = map_one(parse_sample("cnil/CNILTEXT000026026270.xml"), sink);
  EXPECT_EQ(d.id, "decision:cniltext000026026270");
  EXPECT_EQ(d.kind, "ruling");
  EXPECT_EQ(d.issued_by, "authority:fr-cnil");
  EXPECT_TRUE(d.against.empty());  // "autorisant Volkswagen…" is not a sanction's addressee
  EXPECT_EQ(d.number, "2012-138");
  EXPECT_EQ(value(d.identifiers, "legifrance"), "CNILTEXT000026026270");
  EXPECT_EQ(value(d.identifiers, "ecli"), "<absent>");
  EXPECT_EQ(value(d.properties, "nature"), "Autre autorisation");
  EXPECT_EQ(d.source.url, "https://www.legifrance.gouv.fr/cnil/id/CNILTEXT000026026270");
  EXPECT_EQ(d.source.kind, "official");
  ASSERT_EQ(sink.entities.size(), 1u);
  EXPECT_EQ(sink.entities[0].id, "authority:fr-cnil");
  EXPECT_EQ(sink.entities[0].name, "Commission nationale de l'informatique et des libertés");
}

TEST(DilaCnil, ASanctionIsAgainstTheCompanyItsFullTitleNames) {
  RecordingSink sink;
  const ImportDecision d = map_one(parse_sample("cnil/CNILTEXT000047707063.xml"), sink);
  EXPECT_EQ(d.kind, "sanction");
  EXPECT_EQ(d.against, std::vector<std::string>{"company:criteo"});
  EXPECT_EQ(value(d.identifiers, "nor"), "CNIX2316841X");
  EXPECT_EQ(d.cites, std::vector<std::string>{"provision:legiarti000037822953"});
  ASSERT_EQ(sink.entities.size(), 3u);
  EXPECT_EQ(sink.entities[1].id, "company:criteo");
  EXPECT_EQ(sink.entities[1].name, "CRITEO");
  EXPECT_EQ(sink.entities[2].name, "Loi n° 78-17 du 6 janvier 1978 - article 20");
}

TEST(DilaCnil, TheAddresseeEndsBeforeWhatTheDeliberationIsAbout) {
  DilaRecord r = parse_sample("cnil/CNILTEXT000047707063.xml");
  r.full_title =
      "Délibération de la formation restreinte n° 2014-298 du 7 août 2014 prononçant un "
      "avertissement à l'encontre de la société Orange concernant la sécurité des données.";
  RecordingSink sink;
  EXPECT_EQ(map_one(r, sink).against, std::vector<std::string>{"company:orange"});
  EXPECT_EQ(sink.entities[1].name, "Orange");
}

TEST(DilaJade, ReadsTheMetaOfAConseilDEtatRuling) {
  const DilaRecord r = parse_sample("jade/CETATEXT000049314894.xml");
  EXPECT_EQ(r.fond, DilaFond::jade);
  EXPECT_EQ(r.id, "CETATEXT000049314894");
  EXPECT_EQ(r.ancien_id, "JG_L_2024_03_000000490536");
  EXPECT_EQ(r.court, "Conseil d'État");
  EXPECT_EQ(r.date, "2024-03-21");
  EXPECT_EQ(r.number, "490536");
  EXPECT_EQ(r.solution, "");
  EXPECT_EQ(r.formation, "2ème - 7ème chambres réunies");
  EXPECT_EQ(r.appeal_type, "Autres");
  EXPECT_EQ(r.publication, "B");
  EXPECT_EQ(r.ecli, "ECLI:FR:CECHR:2024:490536.20240321");
  EXPECT_EQ(r.summary,
            "Constructions dispensées de toute formalité (art. R. 421-2 du code de "
            "l'urbanisme).");
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0].id, "LEGIARTI000045571823");
  EXPECT_EQ(r.links[0].text_id, "LEGITEXT000006074075");
  EXPECT_EQ(r.links[0].label, "Code de l'urbanisme - article R421-2");
  EXPECT_EQ(r.links[0].line, 46u);
}

TEST(DilaJade, MapsIdentifiersCourtAndProvision) {
  RecordingSink sink;
  const ImportDecision d = map_one(parse_sample("jade/CETATEXT000049314894.xml"), sink);
  EXPECT_EQ(d.id, "decision:cetatext000049314894");
  EXPECT_EQ(d.kind, "ruling");
  EXPECT_EQ(d.issued_by, "court:fr-conseil-etat");
  EXPECT_EQ(d.name, "Conseil d'État, 2ème - 7ème chambres réunies, 21/03/2024, 490536");
  EXPECT_EQ(value(d.identifiers, "ecli"), "ECLI:FR:CECHR:2024:490536.20240321");
  EXPECT_EQ(value(d.identifiers, "ancien_id"), "JG_L_2024_03_000000490536");
  EXPECT_EQ(value(d.properties, "formation"), "2ème - 7ème chambres réunies");
  EXPECT_EQ(value(d.properties, "type_recours"), "Autres");
  EXPECT_EQ(d.source.url, "https://www.legifrance.gouv.fr/ceta/id/CETATEXT000049314894");
  EXPECT_EQ(d.cites, std::vector<std::string>{"provision:legiarti000045571823"});
  ASSERT_EQ(sink.entities.size(), 2u);
  EXPECT_EQ(sink.entities[0].name, "Conseil d'État");
  EXPECT_EQ(value(sink.entities[1].identifiers, "legifrance"), "LEGIARTI000045571823");
}

TEST(DilaJade, AnOrderOfTheJugeDesReferesAndACaaJudgment) {
  const std::string head =
      "<TEXTE_JURI_ADMIN><META><META_COMMUN><ID>CETATEXT000054841719</ID></META_COMMUN>"
      "<META_SPEC><META_JURI><JURIDICTION>";
  RecordingSink sink;
  const ImportDecision order = map_one(
      parse_dila_xml("f.xml", head + "Conseil d'État</JURIDICTION></META_JURI><META_JURI_ADMIN>"
                                     "<FORMATION>Juge des référés</FORMATION>"
                                     "</META_JURI_ADMIN></META_SPEC></META></TEXTE_JURI_ADMIN>"),
      sink);
  EXPECT_EQ(order.kind, "order");
  RecordingSink sink2;
  const ImportDecision caa =
      map_one(parse_dila_xml("f.xml", head + "CAA de PARIS</JURIDICTION></META_JURI></META_SPEC>"
                                             "</META></TEXTE_JURI_ADMIN>"),
              sink2);
  EXPECT_EQ(caa.kind, "judgment");
  EXPECT_EQ(caa.issued_by, "court:fr-caa-paris");
  EXPECT_EQ(sink2.entities[0].name, "CAA de PARIS");
}

TEST(DilaCass, ReadsTheMetaOfAnArret) {
  const DilaRecord r = parse_sample("cass/JURITEXT000054218357.xml");
  EXPECT_EQ(r.fond, DilaFond::cass);
  EXPECT_EQ(r.id, "JURITEXT000054218357");
  EXPECT_EQ(r.court, "Cour de cassation");
  EXPECT_EQ(r.number, "P2600690");
  EXPECT_EQ(r.date, "2026-05-29");
  EXPECT_EQ(r.solution, "Cassation partielle");
  EXPECT_EQ(r.formation, "ASSEMBLEE_PLENIERE");
  EXPECT_EQ(r.ecli, "ECLI:FR:CCASS:2026:AP00690");
  EXPECT_EQ(r.case_numbers, std::vector<std::string>{"23-20005"});
  EXPECT_EQ(r.publication, "oui");
  EXPECT_EQ(r.attacked_court, "Cour d'appel de Douai");
  EXPECT_EQ(r.attacked_date, "2023-05-11");
  EXPECT_EQ(r.claimant, "");
  EXPECT_EQ(
      r.case_law_cited,
      "En sens contraire: 1re Civ., 16 avril 2015, pourvoi n° 14-13.440, Bull. 2015, I, n° 101.");
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0].id, "");
  EXPECT_EQ(r.links[0].type, "CITATION");
}

TEST(DilaCass, TheAttackedDecisionIsAStubThatTwoArretsMeetAt) {
  RecordingSink sink;
  DilaMapper mapper(sink);
  mapper.add("a.xml", parse_sample("cass/JURITEXT000054218357.xml"));
  mapper.add("b.xml", parse_sample("cass/JURITEXT000051824029.xml"));
  mapper.finish();
  ASSERT_EQ(sink.decisions.size(), 3u);
  const ImportDecision& first = sink.decisions[0];
  ASSERT_EQ(first.appeal_of.size(), 1u);
  EXPECT_EQ(first.appeal_of[0].decision, "decision:fr-ca-douai-2023-05-11");
  EXPECT_EQ(first.appeal_of[0].outcome, "partially_annulled");
  EXPECT_EQ(first.appeal_of[0].solution, "Cassation partielle");
  EXPECT_TRUE(first.cites.empty());  // the LIEN names no Légifrance text
  const ImportDecision& second = sink.decisions[2];
  EXPECT_EQ(second.appeal_of[0].decision, "decision:fr-ca-douai-2023-05-11");
  EXPECT_EQ(second.appeal_of[0].outcome, "confirmed");
  EXPECT_EQ(value(second.identifiers, "pourvoi"), "23-21001, 23-21002");
  EXPECT_EQ(value(second.properties, "demandeur"), "Société Exemple industrie");
  // the same LEGIARTI twice is one citation; the JURITEXT link and the MODIFIE one are left out
  EXPECT_EQ(second.cites, std::vector<std::string>{"provision:legiarti000006900782"});
  const ImportDecision& stub = sink.decisions[1];  // written after the first to name it
  EXPECT_EQ(stub.id, "decision:fr-ca-douai-2023-05-11");
  EXPECT_EQ(stub.kind, "judgment");
  EXPECT_EQ(stub.issued_by, "court:fr-ca-douai");
  EXPECT_EQ(stub.date, "2023-05-11");
  EXPECT_EQ(stub.name, "Cour d'appel de Douai, 2023-05-11");
  const DilaCounts& c = mapper.counts();
  EXPECT_EQ(c.decisions, 2u);
  EXPECT_EQ(c.stub_decisions, 1u);
  EXPECT_EQ(c.appeals, 2u);
  EXPECT_EQ(c.citations, 1u);
  EXPECT_EQ(c.links_without_id, 1u);
  EXPECT_EQ(c.links_to_decisions, 1u);
  EXPECT_EQ(c.links_of_other_types, 1u);
  // Cour de cassation, Cour d'appel de Douai, one provision: each written once
  EXPECT_EQ(c.entities, 3u);
  EXPECT_EQ(sink.entities.size(), 3u);
}

TEST(DilaCass, AnUnknownSolutionLeavesTheAppealOutAndSaysWhatWasAttacked) {
  DilaRecord r = parse_sample("cass/JURITEXT000054218357.xml");
  r.solution = "Avis";
  RecordingSink sink;
  DilaMapper mapper(sink);
  mapper.add("f.xml", r);
  mapper.finish();
  EXPECT_TRUE(sink.decisions[0].appeal_of.empty());
  EXPECT_EQ(value(sink.decisions[0].properties, "decision_attaquee"),
            "Cour d'appel de Douai, 2023-05-11");
  EXPECT_EQ(mapper.counts().appeals_without_outcome, 1u);
  EXPECT_EQ(sink.decisions.size(), 1u);  // no stub for a link not made
}

TEST(DilaMapping, CourtsOutcomesAndSlugs) {
  EXPECT_EQ(court_for("Cour d'appel de Douai").id, "court:fr-ca-douai");
  EXPECT_EQ(court_for("Cour d’appel d’Aix-en-Provence").id, "court:fr-ca-aix-en-provence");
  EXPECT_EQ(court_for("CAA de PARIS").id, "court:fr-caa-paris");
  EXPECT_EQ(court_for("Cour administrative d'appel de Paris").id, "court:fr-caa-paris");
  EXPECT_EQ(court_for("Tribunal administratif de Grenoble").id, "court:fr-ta-grenoble");
  EXPECT_EQ(court_for("CONSEIL D'ETAT").id, "court:fr-conseil-etat");
  EXPECT_EQ(court_for("CONSEIL D'ETAT").name, "Conseil d'État");
  EXPECT_EQ(court_for("Cour de cassation").id, "court:fr-cour-cassation");
  EXPECT_EQ(court_for("Conseil de prud'hommes de Lille").id,
            "court:fr-conseil-de-prud-hommes-de-lille");
  EXPECT_EQ(appeal_outcome("Rejet"), "confirmed");
  EXPECT_EQ(appeal_outcome("Cassation partielle sans renvoi"), "partially_annulled");
  EXPECT_EQ(appeal_outcome("Cassation"), "annulled");
  EXPECT_EQ(appeal_outcome("Annulation"), "annulled");
  EXPECT_EQ(appeal_outcome("Irrecevabilité"), "inadmissible");
  EXPECT_EQ(appeal_outcome("Non-admission"), "inadmissible");
  EXPECT_EQ(appeal_outcome("Désistement"), "withdrawn");
  EXPECT_EQ(appeal_outcome("Renvoi"), "");
  EXPECT_EQ(appeal_outcome(""), "");
}

TEST(DilaErrors, MalformedXmlGivesTheFirstErrorWithLineAndColumn) {
  EXPECT_EQ(parse_error("<?xml version=\"1.0\"?>\n<TEXTE_CNIL>\n<META></TEXTE_CNIL>\n"),
            "f.xml:3:20: error: malformed XML: Opening and ending tag mismatch: META line 3 and "
            "TEXTE_CNIL");
  // columns count code points: "é" is one
  EXPECT_EQ(parse_error("<TEXTE_CNIL><é>ça</è></TEXTE_CNIL>"),
            "f.xml:1:22: error: malformed XML: Opening and ending tag mismatch: é line 1 and è");
  EXPECT_EQ(parse_error("not xml"),
            "f.xml:1:1: error: malformed XML: Start tag expected, '<' not found");
  EXPECT_EQ(parse_error(""), "f.xml:1:1: error: malformed XML: Document is empty");
}

TEST(DilaErrors, NotADilaDecision) {
  EXPECT_EQ(parse_error("<?xml version=\"1.0\"?>\n<TEXTE_VERSION/>"),
            "f.xml:2:1: error: not a DILA decision: root element <TEXTE_VERSION> (expected "
            "TEXTE_CNIL, TEXTE_JURI_ADMIN or TEXTE_JURI_JUDI)");
  EXPECT_EQ(parse_error("<TEXTE_JURI_JUDI>\n<META><META_COMMUN>\n<ID>CETATEXT000031861287</ID>"
                        "</META_COMMUN></META></TEXTE_JURI_JUDI>"),
            "f.xml:3:1: error: META_COMMUN/ID \"CETATEXT000031861287\" is not a JURITEXT id "
            "(JURITEXT and 12 digits)");
  EXPECT_EQ(parse_error("<TEXTE_CNIL><META/></TEXTE_CNIL>"),
            "f.xml:1:1: error: META_COMMUN/ID is missing: a decision needs its Légifrance id");
}

TEST(DilaErrors, NoEntityExpansionAndNoNetwork) {
  // An external entity is neither fetched nor expanded: the ID stays empty and is refused.
  EXPECT_EQ(parse_error("<!DOCTYPE TEXTE_CNIL [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                        "<TEXTE_CNIL><META><META_COMMUN><ID>&x;</ID></META_COMMUN></META>"
                        "</TEXTE_CNIL>"),
            "f.xml:2:1: error: META_COMMUN/ID is missing: a decision needs its Légifrance id");
}

TEST(DilaImport, AFolderInPathOrderWithKeepGoing) {
  const std::vector<std::string> files =
      list_dila_files({kDila, std::string(JURIGRAPH_TEST_DATA) + "/import/dila-bad"});
  ASSERT_EQ(files.size(), 9u);
  EXPECT_EQ(files[0], kDila + "/cass/JURITEXT000051824029.xml");
  EXPECT_EQ(files[5], kDila + "/jade/CETATEXT000049314894.xml");
  RecordingSink sink;
  std::ostringstream err;
  EXPECT_THROW(import_dila(files, /*keep_going=*/false, sink, err), Error);
  RecordingSink kept;
  const DilaImportReport report = import_dila(files, /*keep_going=*/true, kept, err);
  EXPECT_EQ(report.files, 6u);
  EXPECT_EQ(report.skipped.size(), 3u);
  EXPECT_EQ(report.counts.decisions, 6u);
  EXPECT_EQ(report.counts.stub_decisions, 1u);
  EXPECT_NE(err.str().find("CETATEXT000099999999.xml:9:8: error: malformed XML: Opening and "
                           "ending tag mismatch: META_SPEC line 7 and META (file skipped: "
                           "--keep-going)\n"),
            std::string::npos);
}

TEST(DilaImport, TheSameDecisionTwiceIsAnError) {
  const std::string path = kDila + "/jade/CETATEXT000049314894.xml";
  RecordingSink sink;
  std::ostringstream err;
  try {
    import_dila({path, path}, /*keep_going=*/false, sink, err);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(format_headline(e.diagnostic()),
              path +
                  ":2:1: error: decision CETATEXT000049314894 was imported already from an "
                  "earlier file");
  }
  EXPECT_THROW(list_dila_files({kDila + "/none"}), Error);
}

}  // namespace
}  // namespace jurigraph::import
