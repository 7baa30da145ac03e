// Entities: countries, places, organisations and people resolved to the country or
// organisation they stand for, in English, Dutch and French, with their later mentions.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "entities/actors.hpp"
#include "entities/lookup.hpp"
#include "entities/run_model.hpp"
#include "../common/shared_engine.hpp"
#include "pipeline/engine.hpp"
#include "print_helpers.hpp"

using namespace eventwire::internal;
using eventwire::internal::testing::engine;

namespace {

std::unique_ptr<Document> analyze(const Engine& eng, std::string_view text, Lang lang, const char* date = nullptr) {
  AnalyzeOptions o;
  o.keep_tokens = true;  // the lookup test reads tokens after the analysis
  o.language = lang;
  if (date) o.reference_date = *parse_reference_date(date);
  auto doc = eng.analyze(text, o);
  REQUIRE(doc.ok());
  return *std::move(doc);
}
std::unique_ptr<Document> analyze(std::string_view text, Lang lang, const char* date = nullptr) {
  return analyze(engine(), text, lang, date);
}

std::vector<std::string> mentions(const Document& d, const Entity& e) {
  std::vector<std::string> out;
  for (Span m : e.mentions) out.emplace_back(slice(d.input, m));
  return out;
}

// The entity one of whose mentions is exactly `text`.
const Entity* entity(const Document& d, std::string_view text) {
  for (const Entity& e : d.entities)
    for (Span m : e.mentions)
      if (slice(d.input, m) == text) return &e;
  return nullptr;
}

// Checks that `text` is a mention of an entity of that type, country and organisation.
void expect(const Document& d, std::string_view text, EntityType type, std::string_view country,
            std::string_view org = "") {
  const Entity* e = entity(d, text);
  INFO("mention: " << std::string(text));
  REQUIRE(e != nullptr);
  CHECK(entity_type_name(e->type) == entity_type_name(type));
  CHECK(e->country == country);
  CHECK(e->org == org);
}

}  // namespace

TEST_CASE("country names and adjectives in three languages") {
  auto en = analyze("Belgium and Ukraine signed the deal. Belgian troops will train Ukrainian pilots in the United States.",
                    Lang::en);
  expect(*en, "Belgium", EntityType::gpe, "BEL");
  expect(*en, "Ukraine", EntityType::gpe, "UKR");
  expect(*en, "Belgian", EntityType::norp, "BEL");
  expect(*en, "Ukrainian", EntityType::norp, "UKR");
  expect(*en, "United States", EntityType::gpe, "USA");
  CHECK(entity(*en, "Belgium")->name == "Belgium");

  auto nl = analyze("België steunt Oekraïne. De Belgische regering overlegt met de VS en met Tsjechië.", Lang::nl);
  expect(*nl, "België", EntityType::gpe, "BEL");
  expect(*nl, "Oekraïne", EntityType::gpe, "UKR");
  expect(*nl, "VS", EntityType::gpe, "USA");
  expect(*nl, "Tsjechië", EntityType::gpe, "CZE");
  CHECK(entity(*nl, "België")->name == "Belgium");  // canonical names are English

  auto fr = analyze("La Belgique soutient l'Ukraine. Le gouvernement belge a parlé avec les États-Unis.", Lang::fr);
  expect(*fr, "Belgique", EntityType::gpe, "BEL");
  expect(*fr, "Ukraine", EntityType::gpe, "UKR");
  expect(*fr, "États-Unis", EntityType::gpe, "USA");

  auto short_forms = analyze("Czechia and Holland sent aid, and so did the US. Let us hope it helps.", Lang::en);
  expect(*short_forms, "Czechia", EntityType::gpe, "CZE");
  expect(*short_forms, "Holland", EntityType::gpe, "NLD");
  expect(*short_forms, "US", EntityType::gpe, "USA");
  CHECK(entity(*short_forms, "us") == nullptr);  // the pronoun is no country
}

TEST_CASE("cities and regions belong to their country") {
  auto en = analyze("The ministers met in Ramstein before flying to Kyiv and Kharkiv, then to Brussels and Paris.", Lang::en);
  expect(*en, "Ramstein", EntityType::gpe, "DEU");
  expect(*en, "Kyiv", EntityType::gpe, "UKR");
  expect(*en, "Kharkiv", EntityType::gpe, "UKR");
  expect(*en, "Brussels", EntityType::gpe, "BEL");
  expect(*en, "Paris", EntityType::gpe, "FRA");
  auto nl = analyze("De premier reisde van Brussel naar Kiev.", Lang::nl);
  expect(*nl, "Brussel", EntityType::gpe, "BEL");
  expect(*nl, "Kiev", EntityType::gpe, "UKR");
  auto fr = analyze("Le sommet de Bruxelles a précédé la visite à Kiev.", Lang::fr);
  expect(*fr, "Bruxelles", EntityType::gpe, "BEL");
  CHECK(entity(*fr, "Bruxelles")->name == "Brussels");
}

TEST_CASE("organisations and their codes across languages") {
  auto en = analyze("NATO and the EU met at the European Council. The UN Security Council and the OSCE, the G7 and "
                    "the IMF took note. MINUSMA and MONUSCO are UN missions.",
                    Lang::en);
  expect(*en, "NATO", EntityType::org, "", "NATO");
  expect(*en, "EU", EntityType::org, "", "EU");
  expect(*en, "European Council", EntityType::org, "", "EU");
  expect(*en, "UN Security Council", EntityType::org, "", "UN");
  expect(*en, "OSCE", EntityType::org, "", "OSCE");
  expect(*en, "G7", EntityType::org, "", "G7");
  expect(*en, "IMF", EntityType::org, "", "IMF");
  expect(*en, "MINUSMA", EntityType::org, "", "UN");
  expect(*en, "MONUSCO", EntityType::org, "", "UN");
  auto nl = analyze("De NAVO, de Verenigde Naties en de OVSE werken samen in VN-verband.", Lang::nl);
  expect(*nl, "NAVO", EntityType::org, "", "NATO");
  expect(*nl, "Verenigde Naties", EntityType::org, "", "UN");
  expect(*nl, "OVSE", EntityType::org, "", "OSCE");
  expect(*nl, "VN", EntityType::org, "", "UN");  // inside "VN-verband"
  auto fr = analyze("L'OTAN, l'ONU et l'UE ont salué la décision.", Lang::fr);
  expect(*fr, "OTAN", EntityType::org, "", "NATO");
  expect(*fr, "ONU", EntityType::org, "", "UN");
  expect(*fr, "UE", EntityType::org, "", "EU");
}

TEST_CASE("armed forces, ministries and parties") {
  auto en = analyze("The Belgian army and Ukraine's defence ministry signed it. N-VA and the PS agreed.", Lang::en);
  const Entity* army = entity(*en, "Belgian army");
  REQUIRE(army);
  CHECK(army->country == "BEL");
  CHECK(army->sector == "MIL");
  const Entity* ministry = entity(*en, "Ukraine's defence ministry");
  REQUIRE(ministry);
  CHECK(ministry->country == "UKR");
  CHECK(ministry->sector == "GOV");
  expect(*en, "N-VA", EntityType::org, "BEL");
  CHECK(entity(*en, "N-VA")->sector == "PTY");
  expect(*en, "PS", EntityType::org, "BEL");

  auto fr = analyze("L'armée belge sera présente au Mali.", Lang::fr);
  const Entity* armee = entity(*fr, "armée belge");
  REQUIRE(armee);
  CHECK(armee->country == "BEL");
  CHECK(armee->sector == "MIL");

  // "Defensie" alone is the ministry of the country the text is about.
  auto nl = analyze("België stuurt militairen naar Mali. Defensie bevestigt dat België dat doet.", Lang::nl);
  const Entity* defensie = entity(*nl, "Defensie");
  REQUIRE(defensie);
  CHECK(defensie->country == "BEL");
  CHECK(defensie->sector == "GOV");
  const Entity* leger = entity(*analyze("Het Belgische leger trekt zich terug.", Lang::nl), "Belgische leger");
  CHECK(leger != nullptr);
}

TEST_CASE("courts, oppositions, rebels and other institutions of a country") {
  auto sector_of = [](const Document& d, std::string_view text, std::string_view country) -> std::string {
    const Entity* e = entity(d, text);
    if (!e) return "none";
    return e->country == country ? e->sector : "country " + e->country;
  };
  auto en = analyze("Rwandan rebels and the Syrian opposition met the Kenya Anti-Corruption Commission.", Lang::en);
  CHECK(sector_of(*en, "Rwandan rebels", "RWA") == "REB");
  CHECK(sector_of(*en, "Syrian opposition", "SYR") == "OPP");
  CHECK(sector_of(*en, "Kenya Anti-Corruption Commission", "KEN") == "JUD");
  auto fr = analyze("Le tribunal belge a condamné les rebelles maliens.", Lang::fr);
  CHECK(sector_of(*fr, "tribunal belge", "BEL") == "JUD");
  CHECK(sector_of(*fr, "rebelles maliens", "MLI") == "REB");
  auto nl = analyze("De Russische oppositie vroeg de centrale bank om uitleg.", Lang::nl);
  CHECK(sector_of(*nl, "Russische oppositie", "RUS") == "OPP");
  // Of no country named: capitalised words are a name, a common noun is no one; an
  // institution word ending a longer name leaves it whole.
  auto us = analyze("The Supreme Court heard the court's case against the Central Jakarta District Court.", Lang::en);
  expect(*us, "Supreme Court", EntityType::org, "");
  CHECK(entity(*us, "court") == nullptr);
  expect(*us, "Central Jakarta District Court", EntityType::org, "");
  expect(*analyze("The APEC forum agreed.", Lang::en), "APEC", EntityType::org, "", "APEC");
}

TEST_CASE("people with titles, in front or behind, resolved to country or organisation") {
  // Names the built-in dictionary does not know: only the titles tell.
  auto en = analyze("Belgian Minister of Defence Anna Claes met German Chancellor Peter Vogel. Karel Smet, Belgian "
                    "Minister of Foreign Affairs, joined them with the Minister of Defense of Poland, Jan Nowak.",
                    Lang::en);
  const Entity* claes = entity(*en, "Anna Claes");
  REQUIRE(claes);
  CHECK(claes->type == EntityType::person);
  CHECK(claes->country == "BEL");
  CHECK(claes->sector == "GOV");
  CHECK(claes->role == "defence minister");
  expect(*en, "Peter Vogel", EntityType::person, "DEU");
  CHECK(entity(*en, "Peter Vogel")->role == "chancellor");
  expect(*en, "Karel Smet", EntityType::person, "BEL");
  CHECK(entity(*en, "Karel Smet")->role == "foreign minister");
  expect(*en, "Jan Nowak", EntityType::person, "POL");

  auto org = analyze("NATO Secretary General Lars Berg spoke first.", Lang::en);
  expect(*org, "Lars Berg", EntityType::person, "", "NATO");
  CHECK(entity(*org, "Lars Berg")->sector == "IGO");

  auto nl = analyze("De Oekraïense president Petro Koval belde met minister van Defensie Sofie Peeters.", Lang::nl);
  expect(*nl, "Petro Koval", EntityType::person, "UKR");
  const Entity* peeters = entity(*nl, "Sofie Peeters");
  REQUIRE(peeters);
  CHECK(peeters->role == "defence minister");

  auto fr = analyze("Le président ukrainien Petro Koval a reçu le ministre de la Défense belge, Marc Dubois.", Lang::fr);
  expect(*fr, "Petro Koval", EntityType::person, "UKR");
  CHECK(entity(*fr, "Petro Koval")->role == "president");
  const Entity* dubois = entity(*fr, "Marc Dubois");
  REQUIRE(dubois);
  CHECK(dubois->role == "defence minister");
}

TEST_CASE("well-known people from the built-in dictionary, by the reference date") {
  auto doc = analyze("Ukrainian President Volodymyr Zelensky met Jens Stoltenberg and Emmanuel Macron.", Lang::en,
                     "2024-02-28");
  expect(*doc, "Volodymyr Zelensky", EntityType::person, "UKR");
  expect(*doc, "Jens Stoltenberg", EntityType::person, "", "NATO");
  expect(*doc, "Emmanuel Macron", EntityType::person, "FRA");
  // After his NATO term the same name acts for Norway.
  auto later = analyze("Jens Stoltenberg presented the budget.", Lang::en, "2025-06-01");
  expect(*later, "Jens Stoltenberg", EntityType::person, "NOR");
  // Titles in the text come first: "premier De Wever" without a given name.
  auto nl = analyze("Premier De Wever reist naar Kiev.", Lang::nl, "2025-03-01");
  expect(*nl, "De Wever", EntityType::person, "BEL");
}

TEST_CASE("later mentions: surnames, spelling variants, roles") {
  auto en = analyze("Belgian Prime Minister Pieter Janssens met Ukrainian President Taras Bondarenko in Kyiv. "
                    "Janssens promised aid. The Belgian Prime Minister said the visit went well, and the Ukrainian "
                    "leader thanked him. Bondarenkoo later left.",
                    Lang::en);
  const Entity* janssens = entity(*en, "Pieter Janssens");
  REQUIRE(janssens);
  CHECK(mentions(*en, *janssens) == std::vector<std::string>{"Pieter Janssens", "Janssens", "Prime Minister"});
  const Entity* bondarenko = entity(*en, "Taras Bondarenko");
  REQUIRE(bondarenko);
  CHECK(mentions(*en, *bondarenko) == std::vector<std::string>{"Taras Bondarenko", "leader", "Bondarenkoo"});

  auto variants = analyze("Volodymyr Zelensky spoke. Zelenskyy, Zelenski and Selenskyj are one man.", Lang::en);
  const Entity* z = entity(*variants, "Volodymyr Zelensky");
  REQUIRE(z);
  CHECK(mentions(*variants, *z).size() == 4);

  auto nl = analyze("Minister van Defensie Theo Francken bezocht de troepen. De minister was tevreden.", Lang::nl,
                    "2025-03-01");
  const Entity* francken = entity(*nl, "Theo Francken");
  REQUIRE(francken);
  CHECK(francken->country == "BEL");
  CHECK(mentions(*nl, *francken) == std::vector<std::string>{"Theo Francken", "minister"});

  auto fr = analyze("Le ministre de la Défense belge Marc Dubois est arrivé. Le ministre a salué les troupes.", Lang::fr);
  const Entity* dubois = entity(*fr, "Marc Dubois");
  REQUIRE(dubois);
  CHECK(mentions(*fr, *dubois).size() == 2);
}

TEST_CASE("our country and the country") {
  auto nl = analyze("België neemt deel aan missies van de VN. In het verleden leverde ons land troepen in Somalië.",
                    Lang::nl);
  CHECK(entity(*nl, "ons land") == entity(*nl, "België"));
  auto fr = analyze("La Belgique participe aux missions de l'ONU. Notre pays a envoyé des troupes au Liban.", Lang::fr);
  CHECK(entity(*fr, "Notre pays") == entity(*fr, "Belgique"));
  auto en = analyze("Belgium reaffirmed its position on Ukraine, stating that the country would not support the deal.",
                    Lang::en);
  CHECK(entity(*en, "the country") == entity(*en, "Belgium"));
}

TEST_CASE("names without a title") {
  auto en = analyze("The report was written by Maria Lopez. \"We are ready,\" said Okonkwo.", Lang::en);
  expect(*en, "Maria Lopez", EntityType::person, "");
  expect(*en, "Okonkwo", EntityType::person, "");
  auto org = analyze("Shares of Vantor Holdings rose.", Lang::en);
  expect(*org, "Vantor Holdings", EntityType::org, "");
  // Capitalised function words, months and headlines in capitals are no names.
  auto none = analyze("He left in March. SOCCER - LEADERS WIN AGAIN", Lang::en);
  CHECK(entity(*none, "He") == nullptr);
  CHECK(entity(*none, "March") == nullptr);
  CHECK(entity(*none, "SOCCER") == nullptr);
}

TEST_CASE("user actor dictionaries win and follow dates") {
  EngineOptions options;
  auto parsed = parse_actor_dictionary(
      "name\taliases\ttype\tcountry\torg\tsector\trole\tfrom\tuntil\n"
      "Anna Claes\tClaes\tPERSON\tBEL\t\tMIL\tchief of defence\t2020-01-01\t2024-01-01\n"
      "Anna Claes\tClaes\tPERSON\t\tNATO\tIGO\tcommander\t2024-01-01\t\n"
      "Paris\t\tPERSON\tFRA\t\tBUS\theiress\t\t\n",
      "test.tsv");
  REQUIRE(parsed.ok());
  options.actors = *parsed;
  auto eng = Engine::create(options);
  REQUIRE(eng.ok());
  auto before = analyze(**eng, "Anna Claes visited the troops.", Lang::en, "2022-05-01");
  expect(*before, "Anna Claes", EntityType::person, "BEL");
  auto after = analyze(**eng, "Claes visited the troops.", Lang::en, "2024-05-01");
  expect(*after, "Claes", EntityType::person, "", "NATO");
  auto paris = analyze(**eng, "Paris visited the troops.", Lang::en);
  expect(*paris, "Paris", EntityType::person, "FRA");  // the user's entry wins over the city

  auto bad = parse_actor_dictionary("name\tcountry\nX\tBelgium\n", "bad.tsv");
  REQUIRE(!bad.ok());
  CHECK(std::string(bad.status().message()).find("bad.tsv:2") != std::string::npos);
  CHECK(!parse_actor_dictionary("country\nBEL\n", "x").ok());
  CHECK(!read_actor_dictionary("/nonexistent/actors.tsv").ok());
}

TEST_CASE("lookup for the events stage") {
  auto doc = analyze("Belgian Minister of Defence Anna Claes met NATO officials in Brussels.", Lang::en);
  REQUIRE(!doc->mentions.empty());
  // token of "Claes"
  uint32_t claes_token = 0;
  for (uint32_t t = 0; t < doc->tokens.size(); ++t)
    if (slice(doc->input, doc->tokens[t].span) == "Claes") claes_token = t;
  const EntityMention* m = mention_at_token(*doc, claes_token);
  REQUIRE(m);
  CHECK(slice(doc->input, m->span) == "Anna Claes");
  CHECK(slice(doc->input, m->phrase) == "Belgian Minister of Defence Anna Claes");
  ActorCode code = actor_code(*doc, entity_at_token(*doc, claes_token));
  CHECK(code.country == "BEL");
  CHECK(code.sector == "GOV");
  CHECK(entity_at_token(*doc, 1) == -1);  // "Minister" is in the phrase, not in the name
  const EntityMention* nato = mention_overlapping(*doc, Span{45, 49});
  REQUIRE(nato);
  CHECK(actor_code(*doc, static_cast<int32_t>(nato->entity)).org == "NATO");
  CHECK(actor_code(*doc, -1).empty());
  // Mentions are in text order and each lists its entity's span.
  for (size_t i = 1; i < doc->mentions.size(); ++i) CHECK(doc->mentions[i - 1].span.begin <= doc->mentions[i].span.begin);
}

TEST_CASE("mention spans point into the original input") {
  // Typographic quotes and a no-break space are folded inside; spans still fit the input.
  std::string text = "\xE2\x80\x9CWe stay,\xE2\x80\x9D said Belgian\xC2\xA0Minister of Defence Anna Claes in Brussels.";
  auto doc = analyze(text, Lang::en);
  expect(*doc, "Anna Claes", EntityType::person, "BEL");
  expect(*doc, "Brussels", EntityType::gpe, "BEL");
}

TEST_CASE("entities are skipped when not asked for") {
  AnalyzeOptions o;
  o.outputs = kOutputStructure;
  auto doc = engine().analyze("Belgium sent troops to Mali.", o);
  REQUIRE(doc.ok());
  CHECK((*doc)->entities.empty());
}

TEST_CASE("the run classifier types names no dictionary knows") {
  auto en = analyze("He was born in Oshwara in 1950. Shares in Brevard Holdings fell 3 percent on Monday.", Lang::en);
  expect(*en, "Oshwara", EntityType::gpe, "");
  expect(*en, "Brevard Holdings", EntityType::org, "");
  auto nl = analyze("Hij werd geboren in Oshwara. Volgens Tomas Hradek is dat niet juist.", Lang::nl);
  expect(*nl, "Oshwara", EntityType::gpe, "");
  expect(*nl, "Tomas Hradek", EntityType::person, "");
}

TEST_CASE("run model weights: features of the table meet the hashes of the text") {
  static constexpr std::string_view header[] = {"feature", "none", "per", "org", "loc", "misc"};
  static constexpr std::string_view cells[] = {"w=tralla", "0", "-500", "0", "1250", "0",  //
                                               "p1f=in tralla", "10", "0", "0", "0", "0"};
  data::DataFile file{"test/ner_runs.tsv", data::DataFormat::table, 6, 2, header, cells};
  auto model = RunModel::load(&file);
  REQUIRE(model.ok());
  CHECK(!model->empty());
  std::array<float, kRunLabels> scores{};
  model->add(feature_hash(feature_prefix("w").hash, PhraseMatcher::hash_token("tralla")), scores);
  CHECK(scores[static_cast<int>(RunLabel::loc)] == doctest::Approx(1.25));
  CHECK(scores[static_cast<int>(RunLabel::person)] == doctest::Approx(-0.5));
  CHECK(RunModel::best(scores) == RunLabel::loc);
  model->add(feature_hash(feature_prefix("p1f").hash,
                          combine_hashes(PhraseMatcher::hash_token("in"), PhraseMatcher::hash_token("tralla"))),
             scores);
  CHECK(scores[static_cast<int>(RunLabel::none)] == doctest::Approx(0.01));
  model->add(feature_hash(feature_prefix("w").hash, PhraseMatcher::hash_token("other")), scores);  // unknown: nothing
  CHECK(scores[static_cast<int>(RunLabel::loc)] == doctest::Approx(1.25));

  static constexpr std::string_view bad_cells[] = {"w=tralla", "0", "x", "0", "0", "0"};
  data::DataFile bad{"test/bad.tsv", data::DataFormat::table, 6, 1, header, bad_cells};
  CHECK(!RunModel::load(&bad).ok());
  CHECK(RunModel::load(nullptr)->empty());
}

TEST_CASE("phrase matcher: each node carries the tag its owner computed from its values") {
  PhraseMatcher m;
  const uint64_t the = PhraseMatcher::hash_token("the"), hague = PhraseMatcher::hash_token("hague");
  m.add({the}, 2);  // values 2 and 4: even only
  m.add({the}, 4);
  m.add({the, hague}, 7);  // an odd value
  m.finalize();
  m.tag_nodes([](const uint32_t* values, uint16_t count) -> uint8_t {
    for (uint16_t k = 0; k < count; ++k)
      if (values[k] % 2) return 1;
    return 0;
  });
  const PhraseMatcher::Node* one = m.find_first(the);
  REQUIRE(one != nullptr);
  CHECK(one->count == 2);
  CHECK(one->tag == 0);
  CHECK(one->has_longer);
  const PhraseMatcher::Node* two = m.find(PhraseMatcher::extend(PhraseMatcher::extend(PhraseMatcher::kStart, the), hague));
  REQUIRE(two != nullptr);
  CHECK(two->tag == 1);
  CHECK(m.find_first(hague) == nullptr);
}
