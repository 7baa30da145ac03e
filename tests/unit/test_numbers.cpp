// The number parser (lib/recognize/number): digits with each language's separators, numbers
// in words with their morphology, ordinals, fractions, approximations, and the API other
// stages use.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "model/json_writer.hpp"
#include "../common/shared_engine.hpp"
#include "pipeline/engine.hpp"
#include "print_helpers.hpp"
#include "recognize/number/digits/digits.hpp"
#include "recognize/number/number_parser.hpp"

using namespace eventwire::internal;
using eventwire::internal::testing::engine;

namespace {

const NumberParser& parser() {
  static const auto p = *NumberParser::create();
  return p;
}

std::unique_ptr<Document> analyze(const char* lang, std::string_view text) {
  AnalyzeOptions options;
  options.language = lang_from_code(lang);
  options.outputs = kOutputStructure;  // sentences only: the parser is called directly
  options.keep_tokens = true;          // every block's tokens stay for the parser
  auto doc = engine().analyze(text, options);
  REQUIRE(doc.ok());
  return *std::move(doc);
}

// A number as "text=value": "#" before an ordinal's value, "~" before an approximate one,
// "[min..max]" after bounds; articles ("a", "een") are left out.
std::string describe(const Document& doc, const NumberMatch& m) {
  std::string out(slice(doc.text, m.span));
  out += '=';
  if (m.ordinal) out += '#';
  if (m.approximate) out += '~';
  append_json_number(out, m.value);
  if (m.min || m.max) {
    out += '[';
    if (m.min) append_json_number(out, *m.min);
    out += "..";
    if (m.max) append_json_number(out, *m.max);
    out += ']';
  }
  return out;
}

// Every number of `text` read in `lang` (a single-line text: spans are the same before and
// after normalisation for the texts below).
std::vector<std::string> numbers(const char* lang, std::string_view text) {
  auto doc = analyze(lang, text);
  std::vector<std::string> out;
  std::vector<NumberMatch> found;
  for (const Sentence& s : doc->sentences) {
    found.clear();
    parser().scan(*doc, s, found);
    for (const NumberMatch& m : found)
      if (!m.article) out.push_back(describe(*doc, m));
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("digits: separators follow the language") {
  CHECK(numbers("en", "It rose to 1,000.5 and 1.250 tonnes.") == V{"1,000.5=1000.5", "1.250=1.25"});
  CHECK(numbers("nl", "Het steeg tot 1.000,5 en 1.250 ton.") == V{"1.000,5=1000.5", "1.250=1250"});
  CHECK(numbers("fr", "Il est passé à 1 000,5 puis 4,800.") == V{"1 000,5=1000.5", "4,800=4.8"});
  // The other convention where it cannot be mistaken.
  CHECK(numbers("en", "The account held 1.234.567,89 then.") == V{"1.234.567,89=1234567.89"});
  CHECK(numbers("fr", "La dette: 1,674,200.5 dollars.") == V{"1,674,200.5=1674200.5"});
  CHECK(numbers("en", "The ratio was 1,3.") == V{"1,3=1.3"});
  // Groups of three only: "423 0000" are two numbers.
  CHECK(numbers("nl", "Bel 423 0000 nu.") == V{"423=423", "0000=0"});
}

TEST_CASE("digits: signs, leading decimals, fractions, exponents, suffixes") {
  CHECK(numbers("en", "It fell to -9.25 then rose by .5 points.") == V{"-9.25=-9.25", ".5=0.5"});
  CHECK(numbers("nl", "Een daling van ,08 procent.") == V{",08=0.08"});
  CHECK(numbers("en", "About 4/5 of the 2 1/4 miles.") == V{"4/5=0.8", "2 1/4=2.25"});
  CHECK(numbers("en", "Values of 1e10 and 1.3x10^6 and 2.5^-1.") == V{"1e10=10000000000", "1.3x10^6=1300000", "2.5^-1=0.4"});
  CHECK(numbers("en", "They raised 10k and then 1.2bn and 1M.") == V{"10k=10000", "1.2bn=1200000000", "1M=1000000"});
  CHECK(numbers("nl", "Er kwamen 2,33 k bezoekers.") == V{"2,33 k=2330"});
  CHECK(numbers("fr", "Un budget de 3 Md.") == V{"3 Md=3000000000"});
  // A date's parts are numbers.
  CHECK(numbers("en", "Meet on 5/17/2018.") == V{"5=5", "17=17", "2018=2018"});
}

TEST_CASE("digits: ranges, chains and what is no number") {
  CHECK(numbers("en", "The 2019-2020 season.") == V{"2019-2020=2019[2019..2020]"});
  CHECK(numbers("en", "Call +1-222-2222 today.") == V{"1=1", "222=222", "2222=2222"});
  CHECK(numbers("en", "Items 22,24,26 were sold.") == V{"22=22", "24=24", "26=26"});
  CHECK(numbers("en", "Two F-16 jets, COVID-19 and the G7 met at 8:30.") == V{"Two=2"});
  CHECK(numbers("en", "See https://example.org/page?id=30%25 now.").empty());
}

TEST_CASE("words: English") {
  CHECK(numbers("en", "two hundred and fifty-three") == V{"two hundred and fifty-three=253"});
  CHECK(numbers("en", "He counted a dozen, half a dozen and 3 dozens.") ==
        V{"a dozen=12", "half a dozen=6", "3 dozens=36"});
  CHECK(numbers("en", "It cost one million two hundred thousand.") == V{"one million two hundred thousand=1200000"});
  CHECK(numbers("en", "Some 611 million and 3.5 billion.") == V{"611 million=611000000", "3.5 billion=3500000000"});
  CHECK(numbers("en", "It took five and a half million, and three quarters.") ==
        V{"five and a half million=5500000", "three quarters=0.75"});
  CHECK(numbers("en", "It took 3 million and a half.") == V{"3 million and a half=3500000"});
  CHECK(numbers("en", "The answer is minus five point five.") == V{"minus five point five=-5.5"});
  // Two numbers, not one: "3 hundred and 2 hundred".
  CHECK(numbers("en", "3 hundred and 2 hundred") == V{"3 hundred=300", "2 hundred=200"});
  // A pronoun, not a number.
  CHECK(numbers("en", "This one was better than the one before, said no one.").empty());
}

TEST_CASE("words: Dutch compounds") {
  CHECK(numbers("nl", "tweehonderddrieënvijftig") == V{"tweehonderddrieënvijftig=253"});
  CHECK(numbers("nl", "Er waren eenentwintig en honderdenacht en tweeduizend zestien.") ==
        V{"eenentwintig=21", "honderdenacht=108", "tweeduizend zestien=2016"});
  CHECK(numbers("nl", "Het duurde anderhalf jaar en kostte 3,5 miljoen.") == V{"anderhalf=1.5", "3,5 miljoen=3500000"});
  CHECK(numbers("nl", "Drie kwart en twee derde.") == V{"Drie kwart=0.75", "twee derde=0.6666666666666666"});
  // The article alone is no number; "één" is.
  CHECK(numbers("nl", "Een man kocht één huis.") == V{"één=1"});
  // "achter" and "tiental..." are no numbers.
  CHECK(numbers("nl", "Hij stond achter de vierkante toren.").empty());
}

TEST_CASE("words: French") {
  CHECK(numbers("fr", "quatre-vingt-dix-sept, soixante et onze, deux cents") ==
        V{"quatre-vingt-dix-sept=97", "soixante et onze=71", "deux cents=200"});
  CHECK(numbers("fr", "En Belgique on dit septante et nonante-neuf.") == V{"septante=70", "nonante-neuf=99"});
  CHECK(numbers("fr", "Il a reçu 3 millions et demi et un milliard.") ==
        V{"3 millions et demi=3500000", "un milliard=1000000000"});
  CHECK(numbers("fr", "Un cinquième et deux tiers.") == V{"Un cinquième=0.2", "deux tiers=0.6666666666666666"});
  // "cents" after a digit: the hundreds of a longer number, never "0" after "et".
  CHECK(numbers("fr", "Il a noté 6 mille 2 cents et 15, puis 7 mille 5 cents et 0.") ==
        V{"6 mille 2 cents et 15=6215", "7 mille 5 cents=7500", "0=0"});
  CHECK(numbers("fr", "Le code 8 cents et 40 figure au dossier.") == V{"8 cents et 40=840"});
  // Alone it is the currency's cents: the number is the digits.
  CHECK(numbers("fr", "Le ticket coûte 7 cents et le pain 45 cents.") == V{"7=7", "45=45"});
  CHECK(numbers("fr", "Une pièce de 2 cents et une de 5 cents.") == V{"2=2", "5=5"});
  // The article is no number.
  CHECK(numbers("fr", "Il a vu un chat.").empty());
}

TEST_CASE("ordinals in the three languages") {
  CHECK(numbers("en", "the 21st, twenty-first and one hundred twenty fifth") ==
        V{"21st=#21", "twenty-first=#21", "one hundred twenty fifth=#125"});
  CHECK(numbers("nl", "de 21ste, eenentwintigste en 4e keer") == V{"21ste=#21", "eenentwintigste=#21", "4e=#4"});
  CHECK(numbers("fr", "le 21e, le vingt et unième et le premier") == V{"21e=#21", "vingt et unième=#21", "premier=#1"});
  // "a third" is a fraction before "of", an ordinal before a noun.
  CHECK(numbers("en", "A third of them came a second time.") == V{"A third=0.3333333333333333", "second=#2"});
}

TEST_CASE("approximate numbers and orders of magnitude") {
  CHECK(numbers("fr", "une vingtaine, des dizaines") == V{"une vingtaine=~20", "dizaines=~null[20..99]"});
  CHECK(numbers("nl", "tientallen en honderdduizenden") == V{"tientallen=~null[20..99]", "honderdduizenden=~null[200000..999999]"});
  CHECK(numbers("en", "tens of thousands") == V{"tens of thousands=~null[20000..99999]"});
}

TEST_CASE("fractions written with over, op de, sur") {
  CHECK(numbers("en", "1 over 3") == V{"1 over 3=0.3333333333333333"});
  CHECK(numbers("nl", "Een op de vijf Belgen") == V{"Een op de vijf=0.2"});
  CHECK(numbers("fr", "un sur deux") == V{"un sur deux=0.5"});
  // Not before a noun: "$2000 over 3 years".
  CHECK(numbers("en", "He earned 2000 over 3 years.") == V{"2000=2000", "3=3"});
  // "sur", "op de", "out of" read "out of": no more than the whole.
  CHECK(numbers("fr", "Elle a eu huit sur dix, lui quinze sur neuf.") == V{"huit sur dix=0.8", "quinze=15", "neuf=9"});
  CHECK(numbers("nl", "Zeven op de vier") == V{"Zeven=7", "vier=4"});
  CHECK(numbers("en", "nine out of seven") == V{"nine=9", "seven=7"});
  CHECK(numbers("en", "nine over three") == V{"nine over three=3"});
}

TEST_CASE("fractions: where the numerator ends") {
  // French hyphenates a compound ordinal: the space ends the numerator, the hyphen does not.
  CHECK(numbers("fr", "deux cent quarante septièmes") == V{"deux cent quarante septièmes=34.285714285714285"});
  CHECK(numbers("fr", "deux cent quarante-septièmes") == V{"deux cent quarante-septièmes=4.25531914893617"});
  CHECK(numbers("fr", "les soixante-troisièmes") == V{"soixante-troisièmes=#63"});
  CHECK(numbers("fr", "soixante troisièmes") == V{"soixante troisièmes=20"});
  // English keeps tens and unit together either way.
  CHECK(numbers("en", "two hundred forty sevenths") == V{"two hundred forty sevenths=4.25531914893617"});
  // A plural denominator after "hundred and" takes the whole number, unless the fraction is
  // proper: then it is the fraction of a mixed number.
  CHECK(numbers("en", "two hundred and forty sevenths") == V{"two hundred and forty sevenths=34.285714285714285"});
  CHECK(numbers("fr", "deux cent et quarante septièmes") == V{"deux cent et quarante septièmes=34.285714285714285"});
  CHECK(numbers("en", "two hundred and five sixths") == V{"two hundred and five sixths=200.83333333333334"});
  CHECK(numbers("fr", "deux cent et trois quarts") == V{"deux cent et trois quarts=200.75"});
}

TEST_CASE("the API for other stages: a number at a token") {
  auto doc = analyze("nl", "Ze komen over twee weken terug.");
  const Sentence& s = doc->sentences.at(0);
  auto n = parser().parse_token(*doc, s, s.token_begin + 3);  // "twee"
  REQUIRE(n);
  CHECK(n->value == 2);
  CHECK(slice(doc->text, doc->tokens[n->token_end].span) == "weken");
  CHECK_FALSE(parser().parse_token(*doc, s, s.token_begin + 1));  // "komen"

  // Letters glued to the digits that are no number suffix are left to the caller ("180ml").
  doc = analyze("en", "Add 180ml of water.");
  auto ml = parser().parse(*doc, doc->sentences.at(0), static_cast<uint32_t>(doc->text.find("180")));
  REQUIRE(ml);
  CHECK(ml->value == 180);
  CHECK(slice(doc->text, ml->glued) == "ml");

  doc = analyze("fr", "Il est arrivé il y a deux ans.");
  auto deux = parser().parse(*doc, doc->sentences.at(0), static_cast<uint32_t>(doc->text.find("deux")));
  REQUIRE(deux);
  CHECK(deux->value == 2);

  doc = analyze("en", "It happened on the 21st.");
  auto ordinal = parser().parse(*doc, doc->sentences.at(0), static_cast<uint32_t>(doc->text.find("21st")));
  REQUIRE(ordinal);
  CHECK(ordinal->ordinal);
  CHECK(ordinal->value == 21);

  // The article stands for one before a unit: "a week ago".
  doc = analyze("en", "It happened a week ago.");
  auto a = parser().parse(*doc, doc->sentences.at(0), static_cast<uint32_t>(doc->text.find("a week")));
  REQUIRE(a);
  CHECK(a->article);
  CHECK(a->value == 1);
}

TEST_CASE("digits grammar directly") {
  auto value = [](const char* s, char decimal) -> std::optional<double> {
    const char* first = s;
    digits::NumberAst ast;
    if (!digits::parse(first, s + std::char_traits<char>::length(s), decimal, ast)) return std::nullopt;
    return digits::evaluate(ast);
  };
  CHECK(value("12,34,567.89", '.') == 1234567.89);
  CHECK(value("1 234 567,89", ',') == 1234567.89);
  CHECK(value("-1,1^--23", ',') == doctest::Approx(-std::pow(1.1, 23)));
  CHECK(value("12,32e+14", ',') == doctest::Approx(1.232e15));
  CHECK_FALSE(value("abc", '.'));
  CHECK(value("1/0", '.') == 1);  // no fraction over zero: the 1 alone
}
