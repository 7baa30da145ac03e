#include "segment/segment.hpp"

#include <algorithm>
#include <vector>

#include <unicode/uchar.h>

#include "lexicon/data_files.hpp"
#include "lexicon/phrase_matcher.hpp"
#include "text/ascii_scan.hpp"
#include "text/utf8.hpp"

namespace eventwire::internal {
namespace {

enum class CharClass : uint8_t { space, letter, digit, apostrophe, period, hyphen, other };

struct Char {
  CharClass cls;
  uint8_t length;
  bool upper;
};

// The class of a code point other than ASCII (and whether it is a capital).
Char classify_code_point(UChar32 cp) {
  if (u_isalpha(cp) || u_getCombiningClass(cp) != 0 || u_charType(cp) == U_NON_SPACING_MARK)
    return {CharClass::letter, 0, static_cast<bool>(u_isupper(cp))};
  if (u_isdigit(cp)) return {CharClass::digit, 0, false};
  if (u_isUWhiteSpace(cp)) return {CharClass::space, 0, false};
  return {CharClass::other, 0, false};
}

Char classify_non_ascii(std::string_view text, size_t i) {
  // The classes of the code points below U+3000 (the alphabets and punctuation), worked out once.
  static constexpr char32_t kTableSize = 0x3000;
  static const std::vector<Char> kTable = [] {
    std::vector<Char> table(kTableSize);
    for (char32_t cp = 0x80; cp < kTableSize; ++cp) table[cp] = classify_code_point(static_cast<UChar32>(cp));
    return table;
  }();
  utf8::Decoded d = utf8::decode(reinterpret_cast<const unsigned char*>(text.data()), text.size(), i);
  Char c = d.code_point < kTableSize ? kTable[d.code_point] : classify_code_point(static_cast<UChar32>(d.code_point));
  c.length = static_cast<uint8_t>(d.length);
  return c;
}

struct AsciiTable {
  Char chars[128];
  constexpr AsciiTable() : chars() {
    for (int c = 0; c < 128; ++c) {
      CharClass cls = CharClass::other;
      if (c == ' ' || c == '\t' || c == '\n') cls = CharClass::space;
      else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) cls = CharClass::letter;
      else if (c >= '0' && c <= '9') cls = CharClass::digit;
      else if (c == '\'') cls = CharClass::apostrophe;
      else if (c == '.') cls = CharClass::period;
      else if (c == '-') cls = CharClass::hyphen;
      chars[c] = {cls, 1, c >= 'A' && c <= 'Z'};
    }
  }
};
constexpr AsciiTable kAscii;

inline Char classify(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  return c < 0x80 ? kAscii.chars[c] : classify_non_ascii(text, i);
}

bool is_alnum(CharClass c) { return c == CharClass::letter || c == CharClass::digit; }

#ifdef __SSE2__
// The common case, in a loop of its own: words of ASCII letters and digits that end at a
// space, at a period that joins them to nothing more, or at punctuation that cannot join them
// to more (not a hyphen or apostrophe; a comma only after a letter), with that punctuation
// and the space after them; and ASCII punctuation between words that is a token of its own.
// Returns where it stopped: at `end`, or at the first byte that needs the general rules.
uint32_t take_plain_words(std::string_view text, std::string_view folded, const WordSet& abbreviations, uint32_t i,
                          uint32_t end, std::vector<Token>& out) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (i < end && i + 16 <= text.size()) {
    const ascii::Classes m = ascii::classify16(bytes + i);
    const unsigned run = static_cast<unsigned>(__builtin_ctz(~(m.letters | m.digits)));
    if (run == 0) {
      const unsigned char b = bytes[i];
      const CharClass cls = b < 0x80 ? kAscii.chars[b].cls : CharClass::letter;  // letter: not taken here
      if (b == ' ') {
        ++i;
      } else if (cls == CharClass::other || cls == CharClass::hyphen) {
        out.push_back({{i, i + 1}, kTokPunct});
        ++i;
      } else {
        break;
      }
      continue;
    }
    if (run == 16 || i + run > end) break;
    const uint32_t j = i + run;
    const unsigned char b = bytes[j];
    const CharClass after = j == end ? CharClass::space : b < 0x80 ? kAscii.chars[b].cls : CharClass::letter;
    const bool letter_first = m.letters & 1;
    bool abbreviation = false;
    if (after == CharClass::period) {
      // Letters or digits after it may join ("3.5", "U.S"): the general rules decide. Else it
      // ends an initial ("J.") or an abbreviation ("Mr."), or is punctuation of its own.
      if (j + 1 < end && (bytes[j + 1] >= 0x80 || is_alnum(kAscii.chars[bytes[j + 1]].cls))) break;
      abbreviation = letter_first && ((run == 1 && (m.upper & 1)) || abbreviations.contains(folded.substr(i, run + 1)));
    } else if (after != CharClass::space &&
               (after != CharClass::other || (b == ',' && !((m.letters >> (run - 1)) & 1)))) {
      break;
    }
    const unsigned run_letters = m.letters & ((1u << run) - 1);
    uint16_t flags = letter_first ? kTokWord : kTokNumber;
    if (m.upper & 1) flags |= kTokUpperInitial;
    if ((run_letters & (run_letters - 1)) != 0 && (run_letters & ~m.upper) == 0) flags |= kTokAllUpper;
    if (abbreviation) {
      out.push_back({{i, j + 1}, static_cast<uint16_t>(flags | kTokAbbreviation)});
      i = j + 1;
      continue;
    }
    out.push_back({{i, j}, flags});
    i = j;
    if (i == end) break;
    if (after == CharClass::period) {  // "..." is one token
      uint32_t k = i + 1;
      while (k < end && bytes[k] == '.') ++k;
      out.push_back({{i, k}, kTokPunct});
      i = k;
    } else if (after == CharClass::other) {
      out.push_back({{i, i + 1}, kTokPunct}), ++i;
    }
    if (i < end && bytes[i] == ' ') ++i;
  }
  return i;
}
#endif

void load_list(const char* path, WordSet& into, WordSet& all) {
  if (const data::DataFile* f = data::find_file(path)) {
    for (uint32_t r = 0; r < f->rows; ++r) {
      into.insert(f->cell(r, 0));
      all.insert(f->cell(r, 0));
    }
  }
}

bool opens_sentence(const Token& t, std::string_view text) {
  if (t.is(kTokUpperInitial) || t.is(kTokNumber)) return true;
  char c = text[t.span.begin];
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '-' || c == '*';
}

// Punctuation ending a sentence; the first byte rules out most tokens before any comparison.
bool is_terminal(std::string_view tok) {
  const char c = tok[0];
  if (c != '.' && c != '!' && c != '?') return false;
  return tok.size() == 1 || tok == "..." || tok == "?!";
}

bool is_closing(std::string_view tok) { return tok == "\"" || tok == "'" || tok == ")" || tok == "]"; }

}  // namespace

absl::StatusOr<Segmenter> Segmenter::create() {
  Segmenter s;
  LanguageData& all = s.languages_[static_cast<int>(Lang::und)];
  for (Lang lang : kLanguages) {
    LanguageData& d = s.languages_[static_cast<int>(lang)];
    std::string code(lang_code(lang));
    load_list((code + "/abbreviations.txt").c_str(), d.abbreviations, all.abbreviations);
    load_list((code + "/elisions.txt").c_str(), d.elisions, all.elisions);
    load_list((code + "/clitics.txt").c_str(), d.clitics, all.clitics);
  }
  return s;
}

void Segmenter::tokenize(std::string_view text, std::string_view folded, Span span, Lang lang,
                         std::vector<Token>& out) const {
  const LanguageData& lex = data(lang);
  const uint32_t end = span.end;
  // The end of a run of letters from k.
  auto letters_end = [&](uint32_t k) {
    while (k < end) {
      Char ch = classify(text, k);
      if (ch.cls != CharClass::letter) break;
      k += ch.length;
    }
    return k;
  };

  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  uint32_t i = span.begin;
  while (i < end) {
#ifdef __SSE2__
    i = take_plain_words(text, folded, lex.abbreviations, i, end, out);
    if (i >= end) break;
#endif
    Char c = classify(text, i);
    if (c.cls == CharClass::space) {
      i += c.length;
      continue;
    }
    if (c.cls == CharClass::apostrophe && i > span.begin && classify(text, i - 1).cls == CharClass::letter) {
      uint32_t e = letters_end(i + 1);
      if (e > i + 1 && lex.clitics.contains(folded.substr(i + 1, e - i - 1))) {  // "'s"
        out.push_back({{i, e}, kTokWord});
        i = e;
        continue;
      }
    }
    if (!is_alnum(c.cls)) {
      uint32_t j = i + c.length;
      if (c.cls == CharClass::period)  // "..." is one token
        while (j < end && text[j] == '.') ++j;
      out.push_back({{i, j}, kTokPunct});
      i = j;
      continue;
    }

    // A word or number: alphanumerics joined by inner hyphens, by periods and commas between
    // digits ("1,000.5"), by periods in short dotted abbreviations ("U.S"), and by apostrophes
    // unless they mark an elision ("l'") or a clitic ("'s"). Its shape is noted on the way.
    uint16_t flags = c.cls == CharClass::letter ? kTokWord : kTokNumber;
    if (c.upper) flags |= kTokUpperInitial;
    // Letters (only whether there are two or more matters) and whether one is not a capital.
    unsigned letters = c.cls == CharClass::letter;
    bool lower = letters && !c.upper;
    CharClass prev = c.cls;
    uint32_t j = i + c.length, part_start = i;
    while (j < end) {
#ifdef __SSE2__
      // The common case: a run of ASCII letters and digits, sixteen bytes at a time.
      if (j + 16 <= text.size()) {
        const ascii::Classes m = ascii::classify16(bytes + j);
        const unsigned run = std::min<unsigned>(static_cast<unsigned>(__builtin_ctz(~(m.letters | m.digits))), end - j);
        if (run) {
          const unsigned in_run = (1u << run) - 1, run_letters = m.letters & in_run;
          letters += (run_letters != 0) + ((run_letters & (run_letters - 1)) != 0);
          lower |= (run_letters & ~m.upper) != 0;
          prev = (m.digits >> (run - 1)) & 1 ? CharClass::digit : CharClass::letter;
          j += run;
          if (run == 16) continue;
          if (j >= end) break;
        }
      }
#endif
      const unsigned char b = static_cast<unsigned char>(text[j]);
      if (b < 0x80) {
        const Char& a = kAscii.chars[b];
        if (is_alnum(a.cls)) {
          letters += a.cls == CharClass::letter;
          lower |= a.cls == CharClass::letter && !a.upper;
          prev = a.cls;
          ++j;
          continue;
        }
      }
      Char d = classify(text, j);
      if (is_alnum(d.cls)) {
        letters += d.cls == CharClass::letter;
        lower |= d.cls == CharClass::letter && !d.upper;
        prev = d.cls;
        j += d.length;
        continue;
      }
      // Only these join the parts of a word; anything else ends it.
      if (d.cls != CharClass::hyphen && d.cls != CharClass::period && d.cls != CharClass::apostrophe && b != ',')
        break;
      if (j + d.length >= end) break;
      Char next = classify(text, j + d.length);
      bool joins = false;
      if (d.cls == CharClass::hyphen) {
        joins = is_alnum(next.cls);
        if (joins) flags |= kTokHyphenated;
      } else if (d.cls == CharClass::period || b == ',') {
        joins = (prev == CharClass::digit && next.cls == CharClass::digit) ||
                (d.cls == CharClass::period && prev == CharClass::letter && next.cls == CharClass::letter &&
                 j - part_start <= 3);
      } else if (prev == CharClass::letter && next.cls == CharClass::letter) {  // an apostrophe
        if (lex.elisions.contains(folded.substr(part_start, j - part_start))) {
          ++j;  // "l'" ends here; "armée" is the next token
          break;
        }
        uint32_t right_end = letters_end(j + 1);
        if (lex.clitics.contains(folded.substr(j + 1, right_end - j - 1))) break;  // "MoD" + "'s"
        joins = true;
      }
      if (!joins) break;
      j += d.length;
      prev = d.cls;
      part_start = j;
    }
    // A trailing period belongs to abbreviations ("Mr.", "p.m.") and initials ("J.").
    if (j < end && text[j] == '.' && c.cls == CharClass::letter) {
      bool initial = j - i == c.length && c.upper;
      bool dotted = part_start > i && text[part_start - 1] == '.';
      if (initial || dotted || lex.abbreviations.contains(folded.substr(i, j + 1 - i))) {
        ++j;
        flags |= kTokAbbreviation;
      }
    }
    if (letters >= 2 && !lower) flags |= kTokAllUpper;
    out.push_back({{i, j}, flags});
    i = j;
  }
}

void Segmenter::split_sentences(Document& doc, uint32_t block, Span region, bool hash_tokens) const {
  const std::string_view text = doc.text;
  const Lang lang = doc.blocks[block].language;
  std::vector<Token>& tokens = doc.tokens;
  const uint32_t first = static_cast<uint32_t>(tokens.size());
  // Room for a token every four bytes or so, so that the tokens are not moved as they grow.
  const size_t room = first + region.size() / 4 + 16;
  if (tokens.capacity() < room) tokens.reserve(std::max(room, 2 * tokens.capacity()));
  tokenize(text, doc.folded, region, lang, tokens);
  const uint32_t last = static_cast<uint32_t>(tokens.size());
  if (hash_tokens) {
    doc.token_hashes.resize(last);
    uint64_t* hashes = doc.token_hashes.data();
    for (uint32_t t = first; t < last; ++t)
      hashes[t] = PhraseMatcher::hash_token_at(doc.folded, tokens[t].span.begin, tokens[t].span.size());
  }
  // A sentence ends after terminal punctuation followed by what may open one, and at the end.
  uint32_t start = first;
  for (uint32_t t = first; t + 1 < last; ++t) {
    if (!tokens[t].is(kTokPunct) || !is_terminal(slice(text, tokens[t].span))) continue;
    uint32_t after = t + 1;
    // Closing quotes and brackets stick to the punctuation: `aid." He` (but `aid. "He`).
    while (after < last && is_closing(slice(text, tokens[after].span)) &&
           tokens[after].span.begin == tokens[after - 1].span.end)
      ++after;
    if (after == last || opens_sentence(tokens[after], text)) {
      doc.sentences.push_back({{tokens[start].span.begin, tokens[after - 1].span.end}, block, lang, start, after});
      start = after;
      t = after - 1;
    }
  }
  if (start < last)
    doc.sentences.push_back({{tokens[start].span.begin, tokens[last - 1].span.end}, block, lang, start, last});
}

BlockRange Segmenter::segment(Document& doc, uint32_t block, bool hash_tokens) const {
  BlockRange range{block, static_cast<uint32_t>(doc.sentences.size()), 0};
  const Block& b = doc.blocks[block];
  if (b.kind == BlockKind::table) {
    for (const auto& row : b.rows)
      for (Span cell : row)
        if (!cell.empty()) split_sentences(doc, block, cell, hash_tokens);
  } else {
    split_sentences(doc, block, b.content, hash_tokens);
  }
  range.end_sentence = static_cast<uint32_t>(doc.sentences.size());
  return range;
}

}  // namespace eventwire::internal
