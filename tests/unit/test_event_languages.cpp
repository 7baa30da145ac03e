// Events read in Dutch and French: the word order, negation, modality and separable verbs of
// each language give the events an English sentence of the same meaning gives.
#include <doctest/doctest.h>

#include <string>

#include "../common/shared_engine.hpp"
#include "pipeline/engine.hpp"

using namespace eventwire::internal;
using eventwire::internal::testing::engine;

namespace {

// The events of a sentence, one a line: "TYPE/mode polarity modality ACTORS->TARGETS".
std::string events(const std::string& text, Lang lang) {
  AnalyzeOptions o;
  o.language = lang;
  auto d = engine().analyze(text, o);
  REQUIRE(d.ok());
  std::string out;
  auto codes = [](const std::vector<Argument>& args) {
    std::string s;
    for (const Argument& a : args) s += (s.empty() ? "" : ",") + (a.country.empty() ? a.org : a.country);
    return s;
  };
  for (const Event& e : (*d)->events) {
    out += std::string(event_type_name(e.type)) + "/" + e.mode + " " + std::string(polarity_name(e.polarity)) + " " +
           std::string(modality_name(e.modality)) + " " + codes(e.actors) + "->" + codes(e.targets) + "\n";
  }
  return out;
}
}  // namespace

TEST_CASE("Dutch: separable verbs, inversion, verb-final clauses") {
  CHECK(events("Vandaag zet Nederland 80 militairen in in Irak.", Lang::nl) ==
        "AID/peacekeeping positive asserted NLD->IRQ\n");
  CHECK(events("Spanje trekt zijn soldaten volgend jaar terug uit Mali.", Lang::nl) ==
        "RETREAT/withdraw positive asserted ESP->MLI\n");
  CHECK(events("Polen zal geen tanks aan Oekraïne leveren.", Lang::nl) ==
        "AID/military negative intended POL->UKR\n");
  CHECK(events("Ierland heeft het Britse voorstel verworpen.", Lang::nl) == "REJECT/ positive asserted IRL->GBR\n");
}

TEST_CASE("French: elisions, ne ... pas, the future tense, pourrait") {
  CHECK(events("L'Espagne n'enverra pas de soldats en Irak.", Lang::fr) ==
        "AID/peacekeeping negative intended ESP->IRQ\n");
  CHECK(events("Le Portugal pourrait livrer des armes à la Moldavie.", Lang::fr) ==
        "AID/military positive possible PRT->MDA\n");
  CHECK(events("La Pologne et la Lituanie ont signé un accord.", Lang::fr) == "AGREE/ positive asserted POL,LTU->\n");
}
