#include "segment/segment.hpp"

#include <unicode/uchar.h>

#include "lexicon/data_files.hpp"
#include "text/utf8.hpp"

namespace eventwire {
namespace {

enum class CharClass : uint8_t { space, letter, digit, apostrophe, period, hyphen, other };

struct Char {
  CharClass cls;
  uint32_t length;
  bool upper;
};

Char classify(std::string_view text, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  unsigned char c = p[i];
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\n') return {CharClass::space, 1, false};
    if ((c >= 'a' && c <= 'z')) return {CharClass::letter, 1, false};
    if ((c >= 'A' && c <= 'Z')) return {CharClass::letter, 1, true};
    if (c >= '0' && c <= '9') return {CharClass::digit, 1, false};
    if (c == '\'') return {CharClass::apostrophe, 1, false};
    if (c == '.') return {CharClass::period, 1, false};
    if (c == '-') return {CharClass::hyphen, 1, false};
    return {CharClass::other, 1, false};
  }
  utf8::Decoded d = utf8::decode(p, text.size(), i);
  UChar32 cp = static_cast<UChar32>(d.code_point);
  if (u_isalpha(cp) || u_getCombiningClass(cp) != 0 || u_charType(cp) == U_NON_SPACING_MARK)
    return {CharClass::letter, d.length, static_cast<bool>(u_isupper(cp))};
  if (u_isdigit(cp)) return {CharClass::digit, d.length, false};
  if (u_isUWhiteSpace(cp)) return {CharClass::space, d.length, false};
  return {CharClass::other, d.length, false};
}

bool is_alnum(CharClass c) { return c == CharClass::letter || c == CharClass::digit; }

void load_list(const char* path, absl::flat_hash_set<std::string>& into, absl::flat_hash_set<std::string>& all) {
  if (const data::DataFile* f = data::find_file(path)) {
    for (uint32_t r = 0; r < f->rows; ++r) {
      into.insert(std::string(f->cell(r, 0)));
      all.insert(std::string(f->cell(r, 0)));
    }
  }
}

uint16_t shape_flags(std::string_view text, Span s) {
  uint16_t flags = 0;
  Char first = classify(text, s.begin);
  if (first.cls == CharClass::letter) flags |= kTokWord;
  else if (first.cls == CharClass::digit) flags |= kTokNumber;
  else flags |= kTokPunct;
  if (first.upper) flags |= kTokUpperInitial;
  int letters = 0, uppers = 0;
  for (uint32_t i = s.begin; i < s.end;) {
    Char c = classify(text, i);
    if (c.cls == CharClass::letter) {
      ++letters;
      uppers += c.upper;
    } else if (c.cls == CharClass::hyphen && i > s.begin) {
      flags |= kTokHyphenated;
    }
    i += c.length;
  }
  if (letters >= 2 && uppers == letters) flags |= kTokAllUpper;
  return flags;
}

bool opens_sentence(const Token& t, std::string_view text) {
  if (t.is(kTokUpperInitial) || t.is(kTokNumber)) return true;
  char c = text[t.span.begin];
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '-' || c == '*';
}

bool is_terminal(std::string_view tok) { return tok == "." || tok == "!" || tok == "?" || tok == "..." || tok == "?!"; }

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
  auto push = [&](uint32_t b, uint32_t e) {
    if (b < e) out.push_back({{b, e}, shape_flags(text, {b, e})});
  };
  auto letters_end = [&](uint32_t k) {
    while (k < span.end) {
      Char ch = classify(text, k);
      if (ch.cls != CharClass::letter) break;
      k += ch.length;
    }
    return k;
  };
  // The end of the word or number starting at `i`: alphanumerics joined by inner hyphens,
  // by periods and commas between digits ("1,000.5"), by periods in short dotted
  // abbreviations ("U.S"), and by apostrophes unless they mark an elision ("l'") or a
  // clitic ("'s").
  auto word_end = [&](uint32_t i) {
    Char c = classify(text, i);
    uint32_t j = i + c.length, part_start = i;
    CharClass prev = c.cls;
    while (j < span.end) {
      Char d = classify(text, j);
      if (is_alnum(d.cls)) {
        prev = d.cls;
        j += d.length;
        continue;
      }
      if (j + d.length >= span.end) break;
      Char next = classify(text, j + d.length);
      bool joins = false;
      if (d.cls == CharClass::hyphen) {
        joins = is_alnum(next.cls);
      } else if (d.cls == CharClass::period || text[j] == ',') {
        joins = (prev == CharClass::digit && next.cls == CharClass::digit) ||
                (d.cls == CharClass::period && prev == CharClass::letter && next.cls == CharClass::letter &&
                 j - part_start <= 3);
      } else if (d.cls == CharClass::apostrophe && prev == CharClass::letter && next.cls == CharClass::letter) {
        if (lex.elisions.count(std::string(folded.substr(part_start, j - part_start)))) return j + 1;
        uint32_t right_end = letters_end(j + 1);
        if (lex.clitics.count(std::string(folded.substr(j + 1, right_end - j - 1)))) return j;
        joins = true;
      }
      if (!joins) break;
      j += d.length;
      prev = d.cls;
      part_start = j;
    }
    return j;
  };

  uint32_t i = span.begin;
  while (i < span.end) {
    Char c = classify(text, i);
    if (c.cls == CharClass::space) {
      i += c.length;
      continue;
    }
    if (c.cls == CharClass::apostrophe && i > span.begin && classify(text, i - 1).cls == CharClass::letter) {
      uint32_t e = letters_end(i + 1);
      if (e > i + 1 && lex.clitics.count(std::string(folded.substr(i + 1, e - i - 1)))) {
        push(i, e);  // "'s"
        i = e;
        continue;
      }
    }
    if (!is_alnum(c.cls)) {
      uint32_t j = i + c.length;
      if (c.cls == CharClass::period)  // "..." is one token
        while (j < span.end && text[j] == '.') ++j;
      push(i, j);
      i = j;
      continue;
    }
    uint32_t j = word_end(i);
    // A trailing period belongs to abbreviations ("Mr.", "p.m.") and initials ("J.").
    if (j < span.end && text[j] == '.' && c.cls == CharClass::letter) {
      bool listed = lex.abbreviations.count(std::string(folded.substr(i, j + 1 - i))) > 0;
      bool initial = j - i == c.length && c.upper;
      bool dotted = text.substr(i, j - i).find('.') != std::string_view::npos;
      if (listed || initial || dotted) ++j;
    }
    push(i, j);
    i = j;
  }
}

void Segmenter::split_sentences(Document& doc, uint32_t block, Span region) const {
  const std::string_view text = doc.text;
  const Lang lang = doc.blocks[block].language;
  const uint32_t first = static_cast<uint32_t>(doc.tokens.size());
  tokenize(text, doc.folded, region, lang, doc.tokens);
  const uint32_t last = static_cast<uint32_t>(doc.tokens.size());
  uint32_t start = first;
  for (uint32_t t = first; t < last; ++t) {
    std::string_view tok = slice(text, doc.tokens[t].span);
    bool boundary = t + 1 == last;
    if (!boundary && is_terminal(tok)) {
      uint32_t after = t + 1;
      while (after < last && is_closing(slice(text, doc.tokens[after].span))) ++after;
      if (after == last || opens_sentence(doc.tokens[after], text)) {
        t = after - 1;
        boundary = true;
      }
    }
    if (boundary) {
      Sentence s;
      s.span = {doc.tokens[start].span.begin, doc.tokens[t].span.end};
      s.block = block;
      s.language = lang;
      s.token_begin = start;
      s.token_end = t + 1;
      doc.sentences.push_back(s);
      start = t + 1;
    }
  }
}

void Segmenter::segment(Document& doc) const {
  for (uint32_t b = 0; b < doc.blocks.size(); ++b) {
    const Block& block = doc.blocks[b];
    if (block.kind == BlockKind::table) {
      for (const auto& row : block.rows)
        for (Span cell : row)
          if (!cell.empty()) split_sentences(doc, b, cell);
    } else {
      split_sentences(doc, b, block.content);
    }
  }
}

}  // namespace eventwire
