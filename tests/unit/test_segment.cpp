// Segmentation: sentences and tokens in English, Dutch and French.
#include <doctest/doctest.h>

#include "print_helpers.hpp"

#include <string>

#include "lexicon/phrase_matcher.hpp"
#include "pipeline/engine.hpp"

using namespace eventwire::internal;

namespace {
std::unique_ptr<Document> analyze(std::string_view text, Lang lang) {
  static const auto engine = *Engine::create();
  AnalyzeOptions o;
  o.language = lang;
  o.keep_tokens = true;
  return *engine->analyze(text, o);
}
std::vector<std::string> sentences(const Document& d) {
  std::vector<std::string> out;
  for (const Sentence& s : d.sentences) out.emplace_back(slice(d.input, s.span));
  return out;
}
std::vector<std::string> tokens(const Document& d) {
  std::vector<std::string> out;
  for (const Token& t : d.tokens) out.emplace_back(slice(d.input, t.span));
  return out;
}
}  // namespace

TEST_CASE("sentences end at terminal punctuation before a capital") {
  auto d = analyze("Mr. Smith met Dr. J. Doe in the U.S. on Monday. They talked at 6 p.m. about aid! Why? \"It matters.\" He left.",
                   Lang::en);
  CHECK(sentences(*d) == std::vector<std::string>{"Mr. Smith met Dr. J. Doe in the U.S. on Monday.",
                                                  "They talked at 6 p.m. about aid!", "Why?", "\"It matters.\"",
                                                  "He left."});
}

TEST_CASE("Dutch and French abbreviations") {
  auto nl = analyze("Dhr. Francken sprak o.a. met mevr. Dedonder. Zij zei niets.", Lang::nl);
  CHECK(sentences(*nl).size() == 2);
  auto fr = analyze("M. Macron a vu Mme Dupont, p.ex. hier. Elle est partie.", Lang::fr);
  CHECK(sentences(*fr).size() == 2);
}

TEST_CASE("numbers keep their separators; a final period is not part of them") {
  auto d = analyze("It costs 1,000.5 euros, not 1.000,5 or 3.5. Then 2019-2020.", Lang::en);
  auto t = tokens(*d);
  CHECK(std::find(t.begin(), t.end(), "1,000.5") != t.end());
  CHECK(std::find(t.begin(), t.end(), "1.000,5") != t.end());
  CHECK(std::find(t.begin(), t.end(), "3.5") != t.end());
  CHECK(std::find(t.begin(), t.end(), "2019-2020") != t.end());
  CHECK(sentences(*d).size() == 2);
}

TEST_CASE("elisions, clitics and hyphenated names") {
  auto fr = analyze("L'armée belge d'aujourd'hui.", Lang::fr);
  CHECK(tokens(*fr) == std::vector<std::string>{"L'", "armée", "belge", "d'", "aujourd'hui", "."});
  auto en = analyze("MoD's head met N-VA and RBC-Ukraine.", Lang::en);
  CHECK(tokens(*en) == std::vector<std::string>{"MoD", "'s", "head", "met", "N-VA", "and", "RBC-Ukraine", "."});
  auto nl = analyze("PKO's in Mali, zo'n 20.", Lang::nl);
  CHECK(tokens(*nl) == std::vector<std::string>{"PKO", "'s", "in", "Mali", ",", "zo'n", "20", "."});
}

TEST_CASE("token shapes") {
  auto d = analyze("NATO sent 200 troops.", Lang::en);
  REQUIRE(d->tokens.size() == 5);
  CHECK(d->tokens[0].is(kTokAllUpper));
  CHECK(d->tokens[0].is(kTokUpperInitial));
  CHECK(d->tokens[1].is(kTokWord));
  CHECK_FALSE(d->tokens[1].is(kTokUpperInitial));
  CHECK(d->tokens[2].is(kTokNumber));
  CHECK(d->tokens[4].is(kTokPunct));
}

TEST_CASE("each token's hash is that of its folded text, made only for the stages that read it") {
  static const auto engine = *Engine::create();
  AnalyzeOptions o;
  o.language = Lang::en;
  o.keep_tokens = true;
  const std::string text = "The Minister met NATO officials in Brussels. They agreed.";
  auto d = *engine->analyze(text, o);
  REQUIRE(d->token_hashes.size() == d->tokens.size());
  for (size_t t = 0; t < d->tokens.size(); ++t)
    CHECK(d->token_hashes[t] == PhraseMatcher::hash_token(slice(d->folded, d->tokens[t].span)));
  CHECK(d->token_hashes[2] == PhraseMatcher::hash_token("met"));
  o.outputs = kOutputQuantities;
  auto q = *engine->analyze(text, o);
  CHECK_FALSE(q->tokens.empty());
  CHECK(q->token_hashes.empty());
}
