// The quantities stage: money, percentages, counts, durations and dimensions in English,
// Dutch and French, with approximation, bounds and ranges, as the document reports them.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "model/json_writer.hpp"
#include "../common/shared_engine.hpp"
#include "pipeline/engine.hpp"
#include "print_helpers.hpp"

using namespace eventwire::internal;
using eventwire::internal::testing::engine;

namespace {

std::unique_ptr<Document> analyze(const char* lang, std::string_view text) {
  AnalyzeOptions options;
  options.language = lang_from_code(lang);
  options.outputs = kOutputQuantities;
  auto doc = engine().analyze(text, options);
  REQUIRE(doc.ok());
  return *std::move(doc);
}

// The quantities of `text` other than plain numbers and ordinals, as
// "kind text=value unit": "~" marks an approximate value, "[min..max]" bounds, "/subunit".
std::vector<std::string> quantities(const char* lang, std::string_view text, bool with_numbers = false) {
  auto doc = analyze(lang, text);
  std::vector<std::string> out;
  for (const Quantity& q : doc->quantities) {
    if (!with_numbers && (q.kind == QuantityKind::number || q.kind == QuantityKind::ordinal)) continue;
    std::string s(quantity_kind_name(q.kind));
    s += ' ';
    s += slice(doc->input, q.span);
    s += '=';
    if (q.approximate) s += '~';
    if (!q.value_text.empty()) s += q.value_text;
    else append_json_number(s, q.value);
    if (!q.unit.empty()) s += ' ' + q.unit;
    if (!q.subunit.empty()) s += '/' + q.subunit;
    if (q.min || q.max) {
      s += " [";
      if (q.min) append_json_number(s, *q.min);
      s += "..";
      if (q.max) append_json_number(s, *q.max);
      s += ']';
    }
    out.push_back(s);
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("money: symbols, codes and names, before or after the amount") {
  CHECK(quantities("en", "The EU pledged €50 million, $1.2 billion and EUR 3m.") ==
        V{"money €50 million=50000000 EUR", "money $1.2 billion=1200000000 USD", "money EUR 3m=3000000 EUR"});
  CHECK(quantities("en", "Belgium gives 611 million euros and £5m; Japan 500 yen and CHF 20.") ==
        V{"money 611 million euros=611000000 EUR", "money £5m=5000000 GBP", "money 500 yen=500 JPY",
          "money CHF 20=20 CHF"});
  CHECK(quantities("nl", "België trekt 611 miljoen euro en 1 miljard euro uit, of € 1.250,00.") ==
        V{"money 611 miljoen euro=611000000 EUR", "money 1 miljard euro=1000000000 EUR",
          "money € 1.250,00=1250 EUR"});
  CHECK(quantities("fr", "La Belgique versera 611 millions d'euros et 75 millions de $.") ==
        V{"money 611 millions d'euros=611000000 EUR", "money 75 millions de $=75000000 USD"});
  CHECK(quantities("en", "Canada gave C$ 16.4 million and US$ 150 million, 30 MUSD and USD115.") ==
        V{"money C$ 16.4 million=16400000 CAD", "money US$ 150 million=150000000 USD",
          "money 30 MUSD=30000000 USD", "money USD115=115 USD"});
}

TEST_CASE("money: cents, smaller units and coins") {
  CHECK(quantities("nl", "Het kost 5 euro 50, of 3 euro en 50 cent.") ==
        V{"money 5 euro 50=5.5 EUR", "money 3 euro en 50 cent=3.5 EUR"});
  CHECK(quantities("en", "It cost three dollars and forty-five cents, then 14 cents.") ==
        V{"money three dollars and forty-five cents=3.45 USD", "money 14 cents=14/cent"});
  CHECK(quantities("nl", "Een kwartje is 25 cent.") == V{"money Een kwartje=1/kwartje", "money 25 cent=25 EUR/cent"});
  // French "cents" after a digit is money unless a longer number goes on.
  CHECK(quantities("fr", "Une pièce de 2 cents et une de 5 cents.") == V{"money 2 cents=2/cent", "money 5 cents=5/cent"});
  CHECK(quantities("fr", "Le lot 6 mille 2 cents et 15 est vendu.", true) == V{"number 6 mille 2 cents et 15=6215"});
  // Two amounts, not dollars and cents.
  CHECK(quantities("en", "They paid 50 dollar 50 dollar.") == V{"money 50 dollar=50 USD", "money 50 dollar=50 USD"});
}

TEST_CASE("money: a pound is money when large, else a weight") {
  CHECK(quantities("en", "Profit rose to 361 million pounds; the baby weighs 25 pounds.") ==
        V{"money 361 million pounds=361000000 GBP", "dimension 25 pounds=25 lb"});
  CHECK(quantities("fr", "Un bénéfice de 361 millions de livres et un colis de 25 livres.") ==
        V{"money 361 millions de livres=361000000 GBP", "dimension 25 livres=25 lb"});
}

TEST_CASE("percentages") {
  CHECK(quantities("en", "Unemployment fell 5% to 5 per cent, a 2 percentage point drop.") ==
        V{"percent 5%=5", "percent 5 per cent=5", "percent 2 percentage point=2 pp"});
  CHECK(quantities("nl", "Een stijging van 5 procent, vijf procent, 4,5 %.") ==
        V{"percent 5 procent=5", "percent vijf procent=5", "percent 4,5 %=4.5"});
  CHECK(quantities("fr", "Une hausse de 5 pour cent, de cinq pour-cent et de 5 %.") ==
        V{"percent 5 pour cent=5", "percent cinq pour-cent=5", "percent 5 %=5"});
  // Named without its value, or with it after.
  CHECK(quantities("en", "Only a small percent voted; the percentage of 30 is odd.") ==
        V{"percent percent=null", "percent percentage of 30=30"});
}

TEST_CASE("counts of people and things, with the counted noun's class") {
  CHECK(quantities("en", "The UN sent 200 peacekeepers, 135 Belgian troops and a dozen F-16s.") ==
        V{"count 200 peacekeepers=200 personnel", "count 135 Belgian troops=135 personnel",
          "count a dozen F-16s=12 aircraft"});
  CHECK(quantities("nl", "Er vielen 12 doden en 135 Belgische militairen vertrokken met 20 gevechtsvliegtuigen.") ==
        V{"count 12 doden=12 casualties", "count 135 Belgische militairen=135 personnel",
          "count 20 gevechtsvliegtuigen=20 aircraft"});
  CHECK(quantities("fr", "La France envoie 245 militaires, 200 casques bleus et compte 3 blessés.") ==
        V{"count 245 militaires=245 personnel", "count 200 casques bleus=200 personnel",
          "count 3 blessés=3 casualties"});
  // A plural noun right after a number, whatever it is.
  CHECK(quantities("en", "It joined six coalitions.") == V{"count six coalitions=6"});
  CHECK(quantities("nl", "Daarbij worden drie beginselen in acht genomen.") == V{"count drie beginselen=3"});
  // No count of a year.
  CHECK(quantities("en", "In 2015 deaths rose.").empty());
}

TEST_CASE("counts with approximations and orders of magnitude") {
  CHECK(quantities("en", "Around fifty allied defence ministers met about 20 leaders.") ==
        V{"count fifty allied defence ministers=~50 officials", "count 20 leaders=~20 officials"});
  CHECK(quantities("en", "It restores services for 1M+ citizens.") == V{"count 1M+ citizens=~1000000 people [1000000..]"});
  CHECK(quantities("fr", "une vingtaine de blessés et des dizaines de chars") ==
        V{"count une vingtaine de blessés=~20 casualties", "count dizaines de chars=~null vehicles [20..99]"});
  CHECK(quantities("nl", "tientallen gewonden") == V{"count tientallen gewonden=~null casualties [20..99]"});
  CHECK(quantities("en", "tens of thousands of protesters") ==
        V{"count tens of thousands of protesters=~null people [20000..99999]"});
}

TEST_CASE("bounds and ranges") {
  CHECK(quantities("en", "more than 10,000 refugees and up to 4,000 troops") ==
        V{"count 10,000 refugees=~10000 people [10000..]", "count 4,000 troops=~4000 personnel [..4000]"});
  CHECK(quantities("nl", "ruim 200 blauwhelmen en bijna 1.000 vluchtelingen") ==
        V{"count 200 blauwhelmen=~200 personnel [200..]", "count 1.000 vluchtelingen=~1000 people"});
  CHECK(quantities("fr", "plus de 10 000 réfugiés, jusqu'à 4 000 civils, environ 50 soldats") ==
        V{"count 10 000 réfugiés=~10000 people [10000..]", "count 4 000 civils=~4000 people [..4000]",
          "count 50 soldats=~50 personnel"});
  CHECK(quantities("en", "between 10 and 20 civilians, 3 to 5 million dollars") ==
        V{"count 10 and 20 civilians=~10 people [10..20]", "money 3 to 5 million dollars=~3000000 USD [3000000..5000000]"});
  CHECK(quantities("nl", "tussen 10 en 20 doden") == V{"count 10 en 20 doden=~10 casualties [10..20]"});
  CHECK(quantities("fr", "de 10 à 20 morts") == V{"count 10 à 20 morts=~10 casualties [10..20]"});
  // A bare number range merges its two numbers.
  CHECK(quantities("en", "between 10 and 20", true) == V{"number 10 and 20=~10 [10..20]"});
}

TEST_CASE("durations as ISO 8601") {
  CHECK(quantities("en", "within the first 6 months, a decade, 48 hours and half an hour") ==
        V{"duration 6 months=P6M", "duration a decade=P10Y", "duration 48 hours=PT48H", "duration half an hour=PT0.5H"});
  CHECK(quantities("nl", "zes maanden, drie jaar, anderhalf jaar en een 25-jarige") ==
        V{"duration zes maanden=P6M", "duration drie jaar=P3Y", "duration anderhalf jaar=P1.5Y", "duration 25-jarige=P25Y"});
  CHECK(quantities("fr", "six mois, trois ans et une demi-heure") ==
        V{"duration six mois=P6M", "duration trois ans=P3Y", "duration une demi-heure=PT0.5H"});
  // "a second round" holds an ordinal, "wait a second" a duration.
  CHECK(quantities("en", "a second round; wait a second.") == V{"duration a second=PT1S"});
}

TEST_CASE("dimensions") {
  CHECK(quantities("en", "a 3-inch pipe, 10 1/2 miles, 660 square meters, 190 km2 and 75ml") ==
        V{"dimension 3-inch=3 in", "dimension 10 1/2 miles=10.5 mi", "dimension 660 square meters=660 m2",
          "dimension 190 km2=190 km2", "dimension 75ml=75 mL"});
  CHECK(quantities("nl", "500.000 vaten, 1,65m, 80 km/u en 7140 m²") ==
        V{"dimension 500.000 vaten=500000 bbl", "dimension 1,65m=1.65 m", "dimension 80 km/u=80 km/h",
          "dimension 7140 m²=7140 m2"});
  CHECK(quantities("fr", "1.458.000,00 tonnes, 2,4 milliards de gallons et 90 degrés") ==
        V{"dimension 1.458.000,00 tonnes=1458000 t", "dimension 2,4 milliards de gallons=2400000000 gal",
          "dimension 90 degrés=90 deg"});
  // Imperial units add up, metric ones do not.
  CHECK(quantities("en", "He is 5 feet 2 inches; it is 12 m 2 dm.") ==
        V{"dimension 5 feet 2 inches=5.166666666666667 ft", "dimension 12 m=12 m", "dimension 2 dm=2 dm"});
  // "in" is an inch only after a larger length.
  CHECK(quantities("en", "The 6 ft 3 in centre scored 3 in a row.") == V{"dimension 6 ft 3 in=6.25 ft"});
  // A symbol before digits is a designator: "L-202".
  CHECK(quantities("en", "Part 24703 L-202 arrived.").empty());
}

TEST_CASE("numbers are reported too, and words inside units are not numbers") {
  CHECK(quantities("fr", "5 pour cent", true) == V{"percent 5 pour cent=5", "number 5=5"});
  CHECK(quantities("en", "611 million euros", true) ==
        V{"money 611 million euros=611000000 EUR", "number 611 million=611000000"});
}

TEST_CASE("the JSON of a quantity") {
  auto doc = analyze("nl", "Een kwartje, tientallen doden en 6 maanden.");
  doc->map_spans_to_original();
  std::string json = to_json(*doc);
  CHECK(json.find(R"("kind":"money","text":"Een kwartje","span":[0,11],"value":1,"unit":null,"subunit":"kwartje")") !=
        std::string::npos);
  CHECK(json.find(R"("kind":"number","text":"tientallen","span":[13,23],"value":null,"unit":null,"approximate":true,"min":20,"max":99)") !=
        std::string::npos);
  CHECK(json.find(R"("kind":"duration","text":"6 maanden","span":[33,42],"value":"P6M")") != std::string::npos);
}

TEST_CASE("spans point at the original bytes through normalisation") {
  // A no-break space inside the number and typographic quotes before it.
  std::string text = "Il y a \xE2\x80\x9C" "1\xC2\xA0" "000 soldats\xE2\x80\x9D.";
  auto doc = analyze("fr", text);
  REQUIRE_FALSE(doc->quantities.empty());
  const Quantity& q = doc->quantities.front();
  CHECK(q.kind == QuantityKind::count);
  CHECK(slice(doc->input, q.span) == "1\xC2\xA0" "000 soldats");
  CHECK(q.value == 1000);
}

TEST_CASE("quantities are skipped when not asked for, and page furniture is skipped") {
  AnalyzeOptions options;
  options.outputs = kOutputStructure;
  auto doc = engine().analyze("It cost 5 dollars.", options);
  REQUIRE(doc.ok());
  CHECK((*doc)->quantities.empty());
  // The byline's and copyright line's numbers are no quantities.
  auto article = analyze("en", "Troops arrive\n\n© 2024 Reuters\n\nThe UN sent 200 peacekeepers.");
  for (const Quantity& q : article->quantities) CHECK(slice(article->input, q.span) != "2024");
}
