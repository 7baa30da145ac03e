// Text stage: UTF-8 decoding, normalisation, the offset map, case folding.
#include <doctest/doctest.h>

#include <string>

#include "text/normalize.hpp"
#include "text/offset_map.hpp"
#include "text/utf8.hpp"
#include "util/status.hpp"

using namespace eventwire::internal;

namespace {
const Normalizer& normalizer() {
  static const Normalizer n = *Normalizer::create();
  return n;
}
NormalizedText norm(std::string_view s) { return *normalizer().normalize(s, false); }
std::string original_of(const NormalizedText& n, std::string_view input, Span s) {
  return std::string(slice(input, n.offsets.to_original(s)));
}
}  // namespace

TEST_CASE("utf8::decode follows the maximal subpart rule") {
  auto dec = [](std::string_view s) {
    return utf8::decode(reinterpret_cast<const unsigned char*>(s.data()), s.size(), 0);
  };
  CHECK(dec("\xC3\xA9").valid);
  CHECK(dec("\xC3\xA9").code_point == 0xE9);
  CHECK(dec("\xF0\x9F\x98\x80").code_point == 0x1F600);
  CHECK_FALSE(dec("\xC0\xAF").valid);          // overlong: C0 is never valid
  CHECK(dec("\xC0\xAF").length == 1);
  CHECK_FALSE(dec("\xED\xA0\x80").valid);      // a surrogate
  CHECK(dec("\xED\xA0\x80").length == 1);
  CHECK_FALSE(dec("\xE2\x82").valid);          // truncated: both bytes are one error
  CHECK(dec("\xE2\x82").length == 2);
  CHECK_FALSE(dec("\xF4\x90\x80\x80").valid);  // above U+10FFFF
  CHECK_FALSE(dec("\x80").valid);
}

TEST_CASE("typographic characters are folded and map back to the original") {
  const std::string input = "\xE2\x80\x9CHe\xE2\x80\x99s here\xE2\x80\x9D \xE2\x80\x93 30\xC2\xA0km\xE2\x80\xA6";
  NormalizedText n = norm(input);
  CHECK(n.text == "\"He's here\" - 30 km...");
  // "He's" in the normalised text is "He’s" in the original.
  size_t he = n.text.find("He's");
  CHECK(original_of(n, input, {uint32_t(he), uint32_t(he + 4)}) == "He\xE2\x80\x99s");
  // The whole text maps onto the whole input.
  CHECK(original_of(n, input, {0, uint32_t(n.text.size())}) == input);
  // A span starting inside the expansion of "…" covers the whole original character.
  size_t dots = n.text.find("...");
  CHECK(original_of(n, input, {uint32_t(dots + 1), uint32_t(dots + 3)}) == "\xE2\x80\xA6");
}

TEST_CASE("decomposed accents are composed (NFC) and spans cover the whole sequence") {
  const std::string input = "Cafe\xCC\x81 Ele\xCC\x81onore";  // e + COMBINING ACUTE
  NormalizedText n = norm(input);
  CHECK(n.text == "Caf\xC3\xA9 El\xC3\xA9onore");
  size_t word = n.text.find("El");
  CHECK(original_of(n, input, {uint32_t(word), uint32_t(n.text.size())}) == "Ele\xCC\x81onore");
  CHECK(original_of(n, input, {0, 5}) == "Cafe\xCC\x81");
}

TEST_CASE("line ends, control characters and NUL bytes") {
  const std::string input = std::string("a\r\nb\rc\0d\x01\x7F", 10);
  NormalizedText n = norm(input);
  CHECK(n.text == "a\nb\nc d  ");
  CHECK(original_of(n, input, {2, 3}) == "b");
  CHECK(original_of(n, input, {0, 3}) == "a\r\nb");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD, or an error in strict mode") {
  const std::string input = "ok \xFF\xFE end \xE2\x82";
  NormalizedText n = norm(input);
  CHECK(n.invalid_sequences == 3);
  CHECK(n.text == "ok \xEF\xBF\xBD\xEF\xBF\xBD end \xEF\xBF\xBD");
  size_t end = n.text.find("end");
  CHECK(original_of(n, input, {uint32_t(end), uint32_t(end + 3)}) == "end");
  CHECK(original_of(n, input, {uint32_t(end + 4), uint32_t(n.text.size())}) == "\xE2\x82");
  auto strict = normalizer().normalize(input, true);
  CHECK_FALSE(strict.ok());
  CHECK(error_code(strict.status()) == ErrorCode::invalid_utf8);
}

TEST_CASE("zero-width characters are dropped without breaking offsets") {
  const std::string input = "Kyi\xE2\x80\x8Bv and \xEF\xBB\xBFLviv";
  NormalizedText n = norm(input);
  CHECK(n.text == "Kyiv and Lviv");
  CHECK(original_of(n, input, {0, 4}) == "Kyi\xE2\x80\x8Bv");
  CHECK(original_of(n, input, {9, 13}) == "Lviv");
}

TEST_CASE("the folded text is lower case and aligned byte for byte") {
  NormalizedText n = norm("BELGI\xC3\x8B and \xC3\x89tats-Unis, \xC4\xB0stanbul");
  CHECK(n.folded.size() == n.text.size());
  CHECK(n.folded.substr(0, 7) == "belgi\xC3\xAB");
  CHECK(n.folded.find("\xC3\xA9tats-unis") != std::string::npos);
}

TEST_CASE("case folding is the same wherever a character falls in the text") {
  // Two-, three- and four-byte characters (with a lower case of the same length, or none)
  // placed at every offset, across the sixteen-byte blocks the folding works in.
  const std::string word = "\xC3\x89\xE1\xBA\x9E\xF0\x90\x90\x80X\xC4\xB0\xE2\x84\xAA\xE2\x92\xB6";
  const std::string lower = "\xC3\xA9\xE1\xBA\x9E\xF0\x90\x90\xA8x\xC4\xB0\xE2\x84\xAA\xE2\x93\x90";
  for (size_t pad = 0; pad < 40; ++pad) {
    const std::string text = std::string(pad, 'A') + word + std::string(pad % 7, 'B') + word;
    const std::string expected = std::string(pad, 'a') + lower + std::string(pad % 7, 'b') + lower;
    CHECK(fold_case(text) == expected);
  }
  // Invalid bytes are left as they are.
  CHECK(fold_case(std::string(15, 'Q') + "\xC3") == std::string(15, 'q') + "\xC3");
  CHECK(fold_case(std::string(14, 'Q') + "\xE2\x84" + std::string(20, 'Q')) ==
        std::string(14, 'q') + "\xE2\x84" + std::string(20, 'q'));
}

TEST_CASE("an empty span at a dropped character stays empty") {
  const std::string input = "a\r\nb";
  NormalizedText n = norm(input);
  REQUIRE(n.text == "a\nb");
  Span at = n.offsets.to_original({1, 1});
  CHECK(at.begin == at.end);
  OffsetMap::Cursor cursor(n.offsets);
  CHECK(cursor.to_original({0, 1}) == n.offsets.to_original({0, 1}));  // the cursor is before the edit
  CHECK(cursor.to_original({1, 1}) == at);
}

TEST_CASE("OffsetMap maps positions inside and around edits") {
  OffsetMap m;
  m.add_edit(2, 3, 2, 5);  // a 3-byte character became 1 byte
  m.add_edit(6, 6, 8, 11);  // 3 bytes were dropped at normalised position 6
  CHECK(m.begin_to_original(0) == 0);
  CHECK(m.begin_to_original(2) == 2);
  CHECK(m.end_to_original(3) == 5);
  CHECK(m.begin_to_original(4) == 6);
  CHECK(m.end_to_original(6) == 8);    // before the dropped bytes
  CHECK(m.begin_to_original(6) == 11);  // after them
  CHECK(m.end_to_original(7) == 12);
}
