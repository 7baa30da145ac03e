// Events: who does what to whom, with negation, modality, attribution, several actors and the
// PLOVER and CAMEO codes derived from them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../common/shared_engine.hpp"
#include "pipeline/engine.hpp"
#include "print_helpers.hpp"

using namespace eventwire::internal;
using eventwire::internal::testing::engine;

namespace {

std::unique_ptr<Document> analyze(std::string_view text, Lang lang = Lang::en) {
  AnalyzeOptions o;
  o.language = lang;
  o.reference_date = *parse_reference_date("2024-03-01");
  auto doc = engine().analyze(text, o);
  REQUIRE(doc.ok());
  return *std::move(doc);
}

// The codes of a list of arguments, in order: "BEL", "NATO".
std::vector<std::string> codes(const std::vector<Argument>& args) {
  std::vector<std::string> out;
  for (const Argument& a : args) out.push_back(a.country.empty() ? a.org : a.country);
  return out;
}

using Codes = std::vector<std::string>;

// The type and first actor of the text's only event: "RETREAT LBN".
std::string only_event(std::string_view text, Lang lang) {
  auto d = analyze(text, lang);
  REQUIRE(d->events.size() == 1);
  REQUIRE(!d->events[0].actors.empty());
  return std::string(event_type_name(d->events[0].type)) + " " + codes(d->events[0].actors)[0];
}

}  // namespace

TEST_CASE("an announced deployment: type, mode, actors, modality, codes and the trigger's span") {
  auto d = analyze("Belgium will send 200 soldiers to Mali.");
  REQUIRE(d->events.size() == 1);
  const Event& e = d->events[0];
  CHECK(event_type_name(e.type) == "AID");
  CHECK(e.mode == "peacekeeping");
  CHECK(codes(e.actors) == Codes{"BEL"});
  CHECK(codes(e.targets) == Codes{"MLI"});
  CHECK(e.polarity == Polarity::positive);
  CHECK(e.modality == Modality::intended);
  CHECK(e.plover == "AGREE");  // an intended AID is an agreement to give it
  CHECK(e.cameo == "0334");
  CHECK(slice(d->input, e.trigger) == "send");
}

TEST_CASE("negation: an intention that will not happen is a refusal") {
  auto d = analyze("Belgium will not send troops to Ukraine.");
  REQUIRE(d->events.size() == 1);
  CHECK(d->events[0].polarity == Polarity::negative);
  CHECK(d->events[0].modality == Modality::intended);
  CHECK(d->events[0].plover == "REJECT");
  CHECK(d->events[0].cameo == "1224");
}

TEST_CASE("'without' negates the event it introduces, which keeps the main event's actors") {
  auto d = analyze("Denmark pledged military aid to Ukraine without sending troops.");
  REQUIRE(d->events.size() == 2);
  CHECK(d->events[0].mode == "military");
  CHECK(d->events[0].polarity == Polarity::positive);
  CHECK(d->events[1].mode == "peacekeeping");
  CHECK(d->events[1].polarity == Polarity::negative);
  CHECK(codes(d->events[1].actors) == Codes{"DNK"});
  CHECK(codes(d->events[1].targets) == Codes{"UKR"});
}

TEST_CASE("a possible event, attributed to the person who said it") {
  auto d = analyze("France could send troops to Ukraine, President Emmanuel Macron said.");
  REQUIRE(d->events.size() == 1);
  const Event& e = d->events[0];
  CHECK(e.modality == Modality::possible);
  REQUIRE(e.source.has_value());
  CHECK(slice(d->input, e.source->span) == "Emmanuel Macron");
  CHECK(e.source->country == "FRA");
  CHECK(e.source_cue == "said");
}

TEST_CASE("'would' after a verb of saying is an intention") {
  auto d = analyze("Iraq said it would allow inspectors to return.");
  REQUIRE(d->events.size() == 1);
  CHECK(event_type_name(d->events[0].type) == "CONCEDE");
  CHECK(d->events[0].modality == Modality::intended);
  CHECK(d->events[0].plover == "AGREE");
}

TEST_CASE("a hostile act held possible is a threat") {
  auto d = analyze("Russia could attack Moldova.");
  REQUIRE(d->events.size() == 1);
  CHECK(event_type_name(d->events[0].type) == "ASSAULT");
  CHECK(codes(d->events[0].targets) == Codes{"MDA"});
  CHECK(d->events[0].plover == "THREATEN");
  CHECK(d->events[0].cameo.substr(0, 2) == "13");
}

TEST_CASE("several actors named together are the actors of one event") {
  auto rejected = analyze("Spain and Italy rejected the proposal.");
  REQUIRE(rejected->events.size() == 1);
  CHECK(codes(rejected->events[0].actors) == Codes{"ESP", "ITA"});

  auto agreed = analyze("Armenia and Azerbaijan agreed on a peace treaty.");
  REQUIRE(agreed->events.size() == 1);
  CHECK(codes(agreed->events[0].actors) == Codes{"ARM", "AZE"});

  auto joined = analyze("Belgium and the Netherlands pledged humanitarian aid for Gaza.");
  REQUIRE(joined->events.size() == 1);
  CHECK(codes(joined->events[0].actors) == Codes{"BEL", "NLD"});
  CHECK(codes(joined->events[0].targets) == Codes{"PSE"});
}

TEST_CASE("what is imposed is the event: sanctions") {
  auto d = analyze("Germany imposed sanctions on Iran.");
  REQUIRE(d->events.size() == 1);
  CHECK(event_type_name(d->events[0].type) == "SANCTION");
  CHECK(codes(d->events[0].actors) == Codes{"DEU"});
  CHECK(codes(d->events[0].targets) == Codes{"IRN"});
}

TEST_CASE("people named by their country act for it") {
  auto d = analyze("Students in Serbia protested against the new law.");
  REQUIRE(d->events.size() == 1);
  CHECK(event_type_name(d->events[0].type) == "PROTEST");
  CHECK(codes(d->events[0].actors) == Codes{"SRB"});
}

TEST_CASE("the name of a country is not a verb of saying") {
  auto d = analyze("Ukraine and the United States signed an agreement on minerals.");
  REQUIRE(d->events.size() == 1);
  CHECK(codes(d->events[0].actors) == Codes{"UKR", "USA"});
  CHECK_FALSE(d->events[0].source.has_value());
}

TEST_CASE("no event: questions, weather, words without a political actor") {
  CHECK(analyze("Will Belgium send troops to Ukraine?")->events.empty());
  CHECK(analyze("It rained in Brussels on Monday.")->events.empty());
  CHECK(analyze("The company will provide another platform for its users.")->events.empty());
}

TEST_CASE("the same happening reported twice is one cluster") {
  auto d = analyze("Belgium sends troops to Mali\n\nBelgium will send 200 soldiers to Mali, the minister said.");
  REQUIRE(d->events.size() == 2);
  CHECK(d->events[0].cluster >= 0);
  CHECK(d->events[0].cluster == d->events[1].cluster);
}

TEST_CASE("a noun made the subject's event by a light verb: declared, announced, décrété, kondigde af") {
  CHECK(only_event("Hezbollah declared a ceasefire on Wednesday.", Lang::en) == "RETREAT LBN");
  CHECK(only_event("Le Hezbollah a annoncé un cessez-le-feu.", Lang::fr) == "RETREAT LBN");
  CHECK(only_event("Hezbollah kondigde een staakt-het-vuren af.", Lang::nl) == "RETREAT LBN");
}

TEST_CASE("the people of a place who stage a protest stand for that country") {
  CHECK(only_event("Thousands of students throughout Indonesia staged mass demonstrations.", Lang::en) == "PROTEST IDN");
  CHECK(only_event("Des étudiants en Algérie ont organisé des manifestations.", Lang::fr) == "PROTEST DZA");
  CHECK(only_event("Studenten in Algerije organiseerden betogingen.", Lang::nl) == "PROTEST DZA");
}
