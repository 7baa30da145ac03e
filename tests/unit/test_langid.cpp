// Language identification per document, block and sentence.
#include <doctest/doctest.h>

#include <string>

#include "../common/shared_engine.hpp"
#include "pipeline/engine.hpp"
#include "print_helpers.hpp"

using namespace eventwire::internal;
using eventwire::internal::testing::engine;

namespace {
std::unique_ptr<Document> analyze(std::string_view text, Lang hint = Lang::und) {
  AnalyzeOptions o;
  o.language = hint;
  return *engine().analyze(text, o);
}
Lang language_of(std::string_view text) { return analyze(text)->language; }
// The language of a one-block text's block, then of each sentence: "en: en nl en".
std::string block_and_sentence_languages(std::string_view text) {
  auto d = analyze(text);
  REQUIRE(d->blocks.size() == 1);
  std::string out = std::string(lang_code(d->blocks[0].language)) + ":";
  for (const Sentence& s : d->sentences) out += " " + std::string(lang_code(s.language));
  return out;
}
}  // namespace

TEST_CASE("English, Dutch and French sentences") {
  CHECK(language_of("The minister said that the troops would stay in the country.") == Lang::en);
  CHECK(language_of("Flooding closed the coastal road for most of the weekend.") == Lang::en);
  CHECK(language_of("De minister zei dat de troepen in het land zouden blijven.") == Lang::nl);
  CHECK(language_of("Het stadsbestuur wil de fietsenstalling bij het station uitbreiden.") == Lang::nl);
  CHECK(language_of("Le ministre a dit que les troupes resteraient dans le pays.") == Lang::fr);
  CHECK(language_of("La mairie veut agrandir le parking à vélos près de la gare.") == Lang::fr);
}

TEST_CASE("word pairs and single words") {
  CHECK(language_of("yesterday afternoon") == Lang::en);
  CHECK(language_of("gisteren vergaderd") == Lang::nl);
  CHECK(language_of("hier soir") == Lang::fr);
  CHECK(language_of("neighbourhood") == Lang::en);
  CHECK(language_of("vrijwilligers") == Lang::nl);
  CHECK(language_of("aujourd'hui") == Lang::fr);
}

TEST_CASE("a word whose letters lean to another language goes by the word lists that hold it") {
  CHECK(language_of("harbour") == Lang::en);
  CHECK(language_of("rainfall") == Lang::en);
  CHECK(language_of("thunderstorm") == Lang::en);
  CHECK(language_of("creatief") == Lang::nl);
  CHECK(language_of("cultureel") == Lang::nl);
  CHECK(language_of("producent") == Lang::nl);
  CHECK(language_of("pompiers") == Lang::fr);
  CHECK(language_of("incendie") == Lang::fr);
  CHECK(language_of("hiver") == Lang::fr);
  CHECK(language_of("rainfall totals") == Lang::en);
  CHECK(language_of("cultureel erfgoed") == Lang::nl);
  CHECK(language_of("incendie criminel") == Lang::fr);
}

TEST_CASE("a word no list holds goes by its letters") {
  CHECK(language_of("fietsenstallingsbeheerder") == Lang::nl);
  CHECK(language_of("gratefulnesses") == Lang::en);
  CHECK(language_of("débroussaillement") == Lang::fr);
  auto d = analyze("cultureel");
  CHECK(d->language_confidence > 0.5f);
  CHECK(d->language_confidence < 1.0f);
}

TEST_CASE("other languages are und, not Dutch or French") {
  // German, Afrikaans, Danish: look-alikes of Dutch and English.
  CHECK(language_of("Die Regierung hat am Montag beschlossen, die Steuern nicht zu erhöhen.") == Lang::und);
  CHECK(language_of("Die regering het Maandag besluit om nie die belasting te verhoog nie.") == Lang::und);
  CHECK(language_of("Regeringen besluttede mandag, at skatterne ikke skal hæves i år.") == Lang::und);
  // Spanish, Italian, Portuguese: look-alikes of French.
  CHECK(language_of("El gobierno decidió el lunes que no subirá los impuestos este año.") == Lang::und);
  CHECK(language_of("Il governo ha deciso lunedì che non aumenterà le tasse quest'anno.") == Lang::und);
  CHECK(language_of("O governo decidiu na segunda-feira que não vai aumentar os impostos.") == Lang::und);
}

TEST_CASE("text in another script is und, even with a Latin name in it") {
  CHECK(language_of("Россия и Украина провели переговоры в Стамбуле, сообщил Reuters.") == Lang::und);
  CHECK(language_of("Ελλάδα και Κύπρος υπέγραψαν συμφωνία για την ενέργεια.") == Lang::und);
}

TEST_CASE("too little evidence is und") {
  CHECK(language_of("") == Lang::und);
  CHECK(language_of("12345") == Lang::und);
  CHECK(language_of("3,5 % - 2024") == Lang::und);
  CHECK(language_of("https://example.org/nieuws/artikel") == Lang::und);
  CHECK(language_of("redactie@example.org") == Lang::und);
  CHECK(language_of("Jan Peeters") == Lang::und);
  auto d = analyze("12345");
  CHECK(d->language_confidence == 0);
}

TEST_CASE("links do not count as words") {
  // Only the English words are evidence; the Dutch-looking address is skipped.
  CHECK(language_of("Read the full report at https://www.voorbeeld.nl/rapport/de-gemeente-van-het-jaar "
                    "before the meeting on Monday.") == Lang::en);
}

TEST_CASE("confidence is in [0, 1] and higher for longer text") {
  auto longer = analyze("The minister said that the troops would stay in the country until the end of the year.");
  auto shorter = analyze("the minister");
  CHECK(longer->language_confidence > 0.9f);
  CHECK(longer->language_confidence <= 1.0f);
  CHECK(shorter->language_confidence >= 0.0f);
  CHECK(shorter->language_confidence < longer->language_confidence);
  for (const Block& b : longer->blocks) {
    CHECK(b.language_confidence >= 0.0f);
    CHECK(b.language_confidence <= 1.0f);
  }
}

TEST_CASE("a language hint wins everywhere") {
  auto d = analyze("The minister said that the troops would stay. De minister zei dat ze zouden blijven.", Lang::fr);
  CHECK(d->language == Lang::fr);
  CHECK(d->language_confidence == 1.0f);
  CHECK(d->blocks[0].language == Lang::fr);
  for (const Sentence& s : d->sentences) CHECK(s.language == Lang::fr);
}

TEST_CASE("a Dutch quote block inside an English article") {
  auto d = analyze(
      "The minister spoke to the press on Monday and said that the army would not be sent.\n"
      "\"Wij sturen geen troepen naar het front, dat is niet aan de orde.\"\n"
      "She added that the decision was taken by the government.\n");
  REQUIRE(d->blocks.size() == 3);
  CHECK(d->language == Lang::en);
  CHECK(d->blocks[0].language == Lang::en);
  CHECK(d->blocks[1].language == Lang::nl);
  CHECK(d->blocks[2].language == Lang::en);
}

TEST_CASE("a French caption and a German paragraph in a Dutch article") {
  auto d = analyze(
      "De burgemeester opende zaterdag het nieuwe zwembad in het centrum van de stad.\n"
      "\n"
      "Les nageurs attendaient l'ouverture depuis plus de deux ans.\n"
      "\n"
      "Die Besucher aus Deutschland waren von dem neuen Schwimmbad begeistert.\n"
      "\n"
      "Volgens de gemeente kostte het gebouw ruim twaalf miljoen euro en komen er jaarlijks "
      "tweehonderdduizend bezoekers.\n");
  REQUIRE(d->blocks.size() == 4);
  CHECK(d->language == Lang::nl);
  CHECK(d->blocks[0].language == Lang::nl);
  CHECK(d->blocks[1].language == Lang::fr);
  CHECK(d->blocks[2].language == Lang::und);
  CHECK(d->blocks[3].language == Lang::nl);
}

TEST_CASE("sentences of another language inside a block") {
  CHECK(block_and_sentence_languages(
            "The mayor thanked the volunteers who cleaned the beach after the storm. "
            "Zij hebben het hele weekend gewerkt en de gemeente is hen daar erg dankbaar voor. "
            "The beach will reopen to the public on Friday morning.") == "en: en nl en");
}

TEST_CASE("the document language is the one covering most of the text") {
  auto d = analyze(
      "Brief aan de lezers\n"
      "\n"
      "The council met on Tuesday to discuss the budget for next year and agreed to raise spending on "
      "schools, roads and the public library by a small amount.\n"
      "\n"
      "Council members said the increase would be paid for by savings elsewhere in the budget.\n");
  CHECK(d->language == Lang::en);
  CHECK(d->language_confidence > 0.5f);
}

TEST_CASE("a long block is judged on a sample") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "The committee reviewed the report and approved the plan. ";
  CHECK(language_of(text) == Lang::en);
}

TEST_CASE("a sentence's first words are read across long words and letters beyond ASCII") {
  CHECK(block_and_sentence_languages(
            "The mayor thanked the volunteers who cleaned the beach after the storm. "
            "Kindercarnavalsoptochtvoorbereidingswerkzaamhedenplanningsoverlegvergadering is voor de "
            "gemeente en de vrijwilligers van het strand een groot succes geweest. "
            "Après la tempête, les élus de la commune ont remercié les bénévoles pour leur travail.") ==
        "en: en nl fr");
}
