#include "generate/synthetic.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <random>
#include <string>

#include "base/calendar.hpp"

namespace jurigraph::generate {
namespace {

constexpr const char* kKinds[] = {"sanction", "warning", "formal_notice", "ruling"};
constexpr uint8_t kRuling = 3;
constexpr const char* kSourceUrl = "https://example.org/jurigraph/synthetic";

// Skewed choice in [0, n): index 0 is the most frequent (u^power concentrates near 0).
uint32_t skewed(std::mt19937_64& rng, uint32_t n, double power) {
  const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
  return std::min<uint32_t>(n - 1, static_cast<uint32_t>(n * std::pow(u, power)));
}

int32_t add_days(int32_t yyyymmdd, int days) {
  int y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;
  static constexpr int kMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int i = 0; i < days; ++i) {
    const int len = kMonth[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
    if (++d > len) {
      d = 1;
      if (++m > 12)
        m = 1, ++y;
    }
  }
  return y * 10000 + m * 100 + d;
}

std::string id(const char* prefix, uint64_t i) {
  return std::string(prefix) + std::to_string(i);
}

}  // namespace

SyntheticGraph generate_graph(uint64_t decisions, uint64_t seed) {
  std::mt19937_64 rng(seed);
  SyntheticGraph s;
  s.companies = static_cast<uint32_t>(std::max<uint64_t>(1, decisions / 4));
  s.decisions.resize(decisions);
  std::vector<uint8_t> chain(decisions, 0);  // courts above each decision so far
  std::uniform_int_distribution<int> year(2005, 2019), day_of_year(0, 364), appeal_delay(90, 900);
  for (uint64_t i = 0; i < decisions; ++i) {
    SyntheticDecision& d = s.decisions[i];
    bool appeal = false;
    if (i > 0 && std::uniform_real_distribution<double>(0, 1)(rng) < 0.15) {
      for (int attempt = 0; attempt < 4 && !appeal; ++attempt) {
        const uint64_t j = std::uniform_int_distribution<uint64_t>(0, i - 1)(rng);
        if (chain[j] >= 3)
          continue;
        appeal = true;
        chain[i] = chain[j] + 1;
        const SyntheticDecision& earlier = s.decisions[j];
        d.appeal_of = static_cast<int32_t>(j);
        d.issuer = skewed(rng, s.courts, 2.0);
        d.kind = kRuling;
        d.date = add_days(earlier.date, appeal_delay(rng));
        d.against_count = earlier.against_count;
        d.against[0] = earlier.against[0];
        d.against[1] = earlier.against[1];
      }
    }
    if (!appeal) {
      d.issuer = skewed(rng, s.authorities, 2.0);
      d.kind =
          static_cast<uint8_t>(std::uniform_int_distribution<int>(0, 9)(rng) < 7 ? 0 : 1 + (i % 2));
      d.date = add_days(year(rng) * 10000 + 101, day_of_year(rng));
      d.against_count = std::uniform_int_distribution<int>(0, 4)(rng) == 0 ? 2 : 1;
      for (uint8_t a = 0; a < d.against_count; ++a)
        d.against[a] = skewed(rng, s.companies, 3.0);
      if (d.against_count == 2 && d.against[1] == d.against[0])
        d.against_count = 1;
      if (d.kind == 0)
        d.amount = std::uniform_int_distribution<int64_t>(1000, 50'000'000)(rng) * 100;
    }
    d.cites_count = static_cast<uint8_t>(std::uniform_int_distribution<int>(1, 4)(rng));
    for (uint8_t c = 0; c < d.cites_count; ++c) {
      d.cites[c] = static_cast<uint16_t>(skewed(rng, s.provisions, 1.5));
    }
  }
  const uint64_t subs = decisions / 8;
  for (uint64_t i = 0; i < subs && s.companies > 1; ++i) {
    const uint32_t from = std::uniform_int_distribution<uint32_t>(0, s.companies - 1)(rng);
    uint32_t to = skewed(rng, s.companies, 2.0);
    if (to == from)
      to = (to + 1) % s.companies;
    s.subcontractors.emplace_back(from, to);
  }
  return s;
}

namespace {

// The records of the dataset, written by one RapidJSON writer whichever the format: as elements
// of the JSON file's arrays, or each as the one member of a JSON Lines line.
template <typename Writer>
class RecordWriter {
 public:
  RecordWriter(const SyntheticGraph& s, Writer& w) : s_(s), w_(w) {}

  void dataset_info() {
    w_.StartObject();
    key("title");
    w_.String("Synthetic legal graph (jurigraph generate)");
    key("description");
    str("Generated data for benchmarks; " + std::to_string(s_.decisions.size()) +
        " decisions. Not real decisions.");
    w_.EndObject();
  }

  void source_table() {
    w_.StartObject();
    key("gen");
    w_.StartObject();
    key("url");
    w_.String(kSourceUrl);
    key("kind");
    w_.String("database");
    w_.EndObject();
    w_.EndObject();
  }

  // Calls `each` around every entity: authorities, courts, provisions, companies.
  template <typename Each>
  void entities(Each&& each) {
    for (uint32_t i = 0; i < s_.authorities; ++i)
      each([&] { entity(id("authority:a", i), "Authority", id("Authority ", i)); });
    for (uint32_t i = 0; i < s_.courts; ++i)
      each([&] { entity(id("court:k", i), "Court", id("Court ", i)); });
    for (uint32_t i = 0; i < s_.provisions; ++i)
      each([&] { entity(id("provision:p", i), "Provision", id("Provision ", i)); });
    for (uint32_t i = 0; i < s_.companies; ++i)
      each([&] { entity(id("company:c", i), "Company", id("Company ", i)); });
  }

  void decision(std::size_t i) {
    const SyntheticDecision& d = s_.decisions[i];
    w_.StartObject();
    key("id");
    str(id("decision:d", i));
    key("name");
    str(id("Decision ", i));
    key("kind");
    w_.String(kKinds[d.kind]);
    key("issued_by");
    str(d.appeal_of >= 0 ? id("court:k", d.issuer) : id("authority:a", d.issuer));
    key("against");
    w_.StartArray();
    for (uint8_t a = 0; a < d.against_count; ++a)
      str(id("company:c", d.against[a]));
    w_.EndArray();
    key("date");
    str(format_iso_date(d.date));
    if (d.amount >= 0) {
      key("amount");
      w_.Int64(d.amount / 100);
      key("currency");
      w_.String("EUR");
    }
    if (d.appeal_of >= 0) {
      key("appeal_of");
      w_.StartArray();
      w_.StartObject();
      key("decision");
      str(id("decision:d", static_cast<uint64_t>(d.appeal_of)));
      key("outcome");
      w_.String("confirmed");
      w_.EndObject();
      w_.EndArray();
    }
    key("cites");
    w_.StartArray();
    for (uint8_t c = 0; c < d.cites_count; ++c) {
      w_.StartObject();
      key("provision");
      str(id("provision:p", d.cites[c]));
      key("role");
      w_.String("infringed");
      w_.EndObject();
    }
    w_.EndArray();
    sources();
    w_.EndObject();
  }

  void relation(std::size_t i) {
    const auto& [from, to] = s_.subcontractors[i];
    w_.StartObject();
    key("type");
    w_.String("SUBCONTRACTOR_OF");
    key("from");
    str(id("company:c", from));
    key("to");
    str(id("company:c", to));
    sources();
    w_.EndObject();
  }

  void key(const char* k) { w_.Key(k); }

 private:
  void str(const std::string& v) {
    w_.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
  }
  void sources() {
    key("sources");
    w_.StartArray();
    w_.String("gen");
    w_.EndArray();
  }
  void entity(const std::string& eid, const char* label, const std::string& name) {
    w_.StartObject();
    key("id");
    str(eid);
    key("label");
    w_.String(label);
    key("name");
    str(name);
    sources();
    w_.EndObject();
  }

  const SyntheticGraph& s_;
  Writer& w_;
};

}  // namespace

void write_dataset_json(const SyntheticGraph& s, std::ostream& out) {
  rapidjson::OStreamWrapper os(out);
  rapidjson::Writer<rapidjson::OStreamWrapper> w(os);
  RecordWriter records(s, w);
  w.StartObject();
  records.key("dataset");
  records.dataset_info();
  records.key("sources");
  records.source_table();
  records.key("entities");
  w.StartArray();
  records.entities([](auto&& write) { write(); });
  w.EndArray();
  records.key("decisions");
  w.StartArray();
  for (std::size_t i = 0; i < s.decisions.size(); ++i)
    records.decision(i);
  w.EndArray();
  records.key("relations");
  w.StartArray();
  for (std::size_t i = 0; i < s.subcontractors.size(); ++i)
    records.relation(i);
  w.EndArray();
  w.EndObject();
  out << '\n';
}

void write_dataset_jsonl(const SyntheticGraph& s, std::ostream& out) {
  // One writer and one buffer for every line: a line is written, flushed, and the writer reset.
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  RecordWriter records(s, w);
  auto line = [&](const char* kind, auto&& write) {
    buffer.Clear();
    w.Reset(buffer);
    w.StartObject();
    records.key(kind);
    write();
    w.EndObject();
    out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    out.put('\n');
  };
  line("dataset", [&] { records.dataset_info(); });
  line("sources", [&] { records.source_table(); });
  records.entities([&](auto&& write) { line("entity", write); });
  for (std::size_t i = 0; i < s.decisions.size(); ++i)
    line("decision", [&] { records.decision(i); });
  for (std::size_t i = 0; i < s.subcontractors.size(); ++i)
    line("relation", [&] { records.relation(i); });
}

graph::GraphTables build_tables(const SyntheticGraph& s) {
  graph::GraphTables t;
  graph::TableWriter writer(t);
  graph::SourceRecord source;
  source.url = writer.store(kSourceUrl);
  source.kind = graph::SourceKind::database;
  const uint32_t source_id = writer.add_source(source);
  const graph::Range sources = writer.add_source_list(std::span<const uint32_t>(&source_id, 1));
  auto add_node = [&](graph::Label label, const std::string& node_id, const std::string& name) {
    graph::NodeRecord n;
    n.label = label;
    n.id = writer.store(node_id);
    n.name = writer.store(name);
    n.sources = sources;
    t.add_node(n);
    return static_cast<graph::VertexId>(t.nodes.size() - 1);
  };
  const graph::VertexId authority0 = static_cast<graph::VertexId>(t.nodes.size());
  for (uint32_t i = 0; i < s.authorities; ++i)
    add_node(graph::Label::Authority, id("authority:a", i), id("Authority ", i));
  const graph::VertexId court0 = static_cast<graph::VertexId>(t.nodes.size());
  for (uint32_t i = 0; i < s.courts; ++i)
    add_node(graph::Label::Court, id("court:k", i), id("Court ", i));
  const graph::VertexId provision0 = static_cast<graph::VertexId>(t.nodes.size());
  for (uint32_t i = 0; i < s.provisions; ++i)
    add_node(graph::Label::Provision, id("provision:p", i), id("Provision ", i));
  const graph::VertexId company0 = static_cast<graph::VertexId>(t.nodes.size());
  for (uint32_t i = 0; i < s.companies; ++i)
    add_node(graph::Label::Company, id("company:c", i), id("Company ", i));
  const graph::VertexId decision0 = static_cast<graph::VertexId>(t.nodes.size());
  const graph::StrRef eur = writer.intern("EUR");
  graph::StrRef kinds[4];
  for (int k = 0; k < 4; ++k)
    kinds[k] = writer.intern(kKinds[k]);
  const graph::StrRef outcome_key = writer.intern("outcome"),
                      confirmed = writer.intern("confirmed");
  const graph::StrRef role_key = writer.intern("role"), infringed = writer.intern("infringed");
  t.properties.push_back({outcome_key, graph::ValueKind::string, confirmed, 0, 0});
  const graph::Range outcome_props{0, 1};
  t.properties.push_back({role_key, graph::ValueKind::string, infringed, 0, 0});
  const graph::Range role_props{1, 1};
  const graph::Range none{0, 0};
  t.nodes.reserve(t.nodes.size() + s.decisions.size());
  for (std::size_t i = 0; i < s.decisions.size(); ++i) {
    const SyntheticDecision& d = s.decisions[i];
    graph::NodeRecord n;
    n.label = graph::Label::Decision;
    n.id = writer.store(id("decision:d", i));
    n.name = writer.store(id("Decision ", i));
    n.kind = kinds[d.kind];
    n.date = d.date;
    n.amount = d.amount;
    if (d.amount >= 0)
      n.currency = eur;
    n.sources = sources;
    t.add_node(n);
  }
  auto edge = [&](graph::VertexId from, graph::VertexId to, graph::RelTypeId type,
                  graph::Range props) {
    graph::EdgeRecord e;
    e.source = from;
    e.target = to;
    e.type = type;
    e.properties = props;
    e.sources = sources;
    writer.add_edge(e);
  };
  for (std::size_t i = 0; i < s.decisions.size(); ++i) {
    const SyntheticDecision& d = s.decisions[i];
    const graph::VertexId v = decision0 + static_cast<graph::VertexId>(i);
    edge(v, (d.appeal_of >= 0 ? court0 : authority0) + d.issuer, graph::rel::kIssuedBy, none);
    for (uint8_t a = 0; a < d.against_count; ++a)
      edge(v, company0 + d.against[a], graph::rel::kAgainst, none);
    if (d.appeal_of >= 0)
      edge(v, decision0 + static_cast<graph::VertexId>(d.appeal_of), graph::rel::kAppealOf,
           outcome_props);
    for (uint8_t c = 0; c < d.cites_count; ++c)
      edge(v, provision0 + d.cites[c], graph::rel::kCites, role_props);
  }
  for (const auto& [from, to] : s.subcontractors)
    edge(company0 + from, company0 + to, graph::rel::kSubcontractorOf, none);
  return t;
}

}  // namespace jurigraph::generate
