// Language identification per block and per document.
#include <doctest/doctest.h>

#include "pipeline/engine.hpp"

using namespace eventwire::internal;

namespace {
Lang language_of(std::string_view text) {
  static const auto engine = *Engine::create();
  return (*engine->analyze(text, AnalyzeOptions{}))->language;
}
}  // namespace

TEST_CASE("English, Dutch and French sentences") {
  CHECK(language_of("The minister said that the troops would stay in the country.") == Lang::en);
  CHECK(language_of("De minister zei dat de troepen in het land zouden blijven.") == Lang::nl);
  CHECK(language_of("Le ministre a dit que les troupes resteraient dans le pays.") == Lang::fr);
}

TEST_CASE("no evidence is und") {
  CHECK(language_of("") == Lang::und);
  CHECK(language_of("12345") == Lang::und);
  CHECK(language_of("https://example.org/x") == Lang::und);
}

TEST_CASE("a language hint wins everywhere") {
  static const auto engine = *Engine::create();
  AnalyzeOptions o;
  o.language = Lang::fr;
  auto d = *engine->analyze("The minister said that the troops would stay.", o);
  CHECK(d->language == Lang::fr);
  CHECK(d->blocks[0].language == Lang::fr);
  CHECK(d->sentences[0].language == Lang::fr);
}

TEST_CASE("a Dutch quote block inside an English article") {
  static const auto engine = *Engine::create();
  auto d = *engine->analyze(
      "The minister spoke to the press on Monday and said that the army would not be sent.\n"
      "\"Wij sturen geen troepen naar het front, dat is niet aan de orde.\"\n"
      "She added that the decision was taken by the government.\n",
      AnalyzeOptions{});
  REQUIRE(d->blocks.size() == 3);
  CHECK(d->language == Lang::en);
  CHECK(d->blocks[1].language == Lang::nl);
}
