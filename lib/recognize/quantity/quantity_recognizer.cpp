#include "recognize/quantity/quantity_recognizer.hpp"

#include <algorithm>
#include <cmath>

#include "model/json_writer.hpp"
#include "recognize/text_class.hpp"

namespace eventwire::internal {
namespace {


struct Match {
  uint32_t begin = 0, end = 0;
  uint32_t payload = KeyTrie::kNone;
  explicit operator bool() const { return end != 0; }
};

struct CurrencyMatch {
  uint32_t begin = 0, end = 0;
  const CurrencyInfo* info = nullptr;
  double scale = 1;   // "MUSD": millions of dollars
  bool name = false;  // a name ("euros"), not a symbol or code
  explicit operator bool() const { return info != nullptr; }
};

struct UnitMatch {
  uint32_t begin = 0, end = 0;
  const UnitInfo* info = nullptr;
  explicit operator bool() const { return info != nullptr; }
};

// What stands before a number: approximators, bounds, a range opener.
struct Bounds {
  uint32_t begin = 0;  // where the phrase starts (0: none)
  uint8_t kinds = 0;   // ApproxKind bits
};

// ISO 8601 duration of `n` units of designator `unit` ("Y", "M", "W", "D", "H", "MIN", "S").
std::string iso_duration(double n, const std::string& unit) {
  std::string out = "P";
  bool time = unit == "H" || unit == "MIN" || unit == "S";
  if (time) out += 'T';
  append_json_number(out, n);
  out += unit == "MIN" ? "M" : unit;
  return out;
}

}  // namespace

// Finds the quantities of one sentence.
class SentenceQuantities {
 public:
  SentenceQuantities(const QuantityRecognizer& r, Document& doc, const Sentence& s, std::vector<NumberMatch>& numbers,
                     NumberParser::OtherTokens& others)
      : doc_(doc),
        s_(s),
        lex_(r.lexicon_),
        lang_(NumberParser::language_of(doc, s)),
        numlex_(r.numbers_->lexicon(lang_)),
        parser_(*r.numbers_),
        text_(doc.text),
        folded_(doc.folded),
        end_(s.span.end),
        numbers_(numbers),
        others_(others) {}

  void run();

 private:
  uint32_t skip_spaces(uint32_t p) const {
    while (p < end_ && text_[p] == ' ') ++p;
    return p;
  }
  // A key may end where a word ends, or anywhere after a key that ends with a symbol.
  bool boundary(size_t e) const { return e >= end_ || !is_word_char_at(text_, e) || !is_word_char_before(text_, e); }
  Match at(const KeyTrie& trie, bool folded, uint32_t p) const;
  uint32_t first_token(uint32_t pos) const;
  Match before(const KeyTrie& trie, uint32_t pos, uint32_t token) const;

  CurrencyMatch currency_at(uint32_t p, bool names) const;
  CurrencyMatch currency_before(uint32_t pos, uint32_t token) const;
  UnitMatch unit_at(uint32_t p) const;
  Bounds bounds_before(uint32_t pos, uint32_t token) const;
  bool scale_word_at(uint32_t p, uint32_t& end, double& scale) const;
  bool number_word_at(uint32_t p) const;
  double numlex_ordinal(Span word) const;

  void handle(size_t i);
  bool article_unit(Span article);
  void handle_glued(const NumberMatch& n);
  void token_pass();
  void money_code_before_digits(const Token& tok);
  void sort();
  // Adds a composite quantity after the number(s) ending at `after`; false if none.
  bool composite(const NumberMatch& n, const NumberMatch* second, uint32_t after, const Bounds& bounds,
                 const CurrencyMatch& pre);
  bool count(const NumberMatch& n, uint32_t after, Quantity& q) const;
  void add_cents(size_t i, Quantity& q, uint32_t after);

  Quantity& add(QuantityKind kind, Span span, double value) {
    Quantity& q = doc_.quantities.emplace_back();
    q.kind = kind;
    q.span = span;
    q.value = value;
    return q;
  }
  // The same, put where sort() would: a quantity made of a number and its unit goes before the
  // number, which was added just before it, so that no records are moved by sort() later.
  Quantity& add_in_order(QuantityKind kind, Span span, double value) {
    const auto first = doc_.quantities.begin() + static_cast<std::ptrdiff_t>(first_quantity_);
    auto at = doc_.quantities.end();
    while (at != first && in_text_order(span, (at - 1)->span)) --at;
    Quantity& q = *doc_.quantities.emplace(at);
    q.kind = kind;
    q.span = span;
    q.value = value;
    return q;
  }
  // Text order; a longer quantity before a shorter one at the same place.
  static bool in_text_order(Span a, Span b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; }

  Document& doc_;
  const Sentence& s_;
  const QuantityLexicon& lex_;
  Lang lang_;
  const NumberLexicon& numlex_;
  const NumberParser& parser_;
  std::string_view text_, folded_;
  uint32_t end_;
  std::vector<NumberMatch>& numbers_;
  NumberParser::OtherTokens& others_;  // tokens outside numbers that may make quantities
  size_t index_ = 0;          // the number being handled
  bool skip_next_ = false;    // the next number was merged into a range
  uint32_t composite_end_ = 0;  // the end of the last quantity made of numbers and units
  Span unit_words_;             // the unit or currency of that quantity ("pour cent")
  size_t first_quantity_ = 0;   // this sentence's first quantity in doc.quantities
};

Match SentenceQuantities::at(const KeyTrie& trie, bool folded, uint32_t p) const {
  Match m;
  if (p >= end_ || !trie.may_start(static_cast<unsigned char>((folded ? folded_ : text_)[p]))) return m;
  size_t e = trie.longest(folded ? folded_ : text_, p, end_, m.payload, [&](size_t end) { return boundary(end); });
  if (e) {
    m.begin = p;
    m.end = static_cast<uint32_t>(e);
  }
  return m;
}

uint32_t SentenceQuantities::first_token(uint32_t pos) const {
  auto it = std::lower_bound(doc_.tokens.begin() + s_.token_begin, doc_.tokens.begin() + s_.token_end, pos,
                             [](const Token& t, uint32_t p) { return t.span.end <= p; });
  return static_cast<uint32_t>(it - doc_.tokens.begin());
}

// The longest key of a folded-text trie that ends right before `pos` (spaces between allowed)
// and starts at one of the four tokens before `token` (the token `pos` lies in).
Match SentenceQuantities::before(const KeyTrie& trie, uint32_t pos, uint32_t token) const {
  Match best;
  const uint32_t t = token;
  for (uint32_t k = 1; k <= 4 && t >= s_.token_begin + k; ++k) {
    const Token& tok = doc_.tokens[t - k];
    const uint32_t start = tok.span.begin;
    if (!trie.may_match_word(folded_, start, tok.span.size())) continue;
    trie.match(folded_, start, pos, [&](size_t e, uint32_t payload) {
      if (skip_spaces(static_cast<uint32_t>(e)) == pos && boundary(e)) best = {start, static_cast<uint32_t>(e), payload};
    });
  }
  return best;
}

CurrencyMatch SentenceQuantities::currency_at(uint32_t p, bool names) const {
  CurrencyMatch best;
  if (p >= end_) return best;
  if (Match m = at(lex_.currency_symbols(), true, p)) best = {m.begin, m.end, &lex_.currency(m.payload)};
  // A code as written: "EUR", "MUSD" (millions), "aud$".
  uint32_t e = p;
  while (e < end_ && is_ascii_letter(text_[e])) ++e;
  if (e - p >= 3 && e - p <= 4 && (e >= end_ || !is_word_char_at(text_, e))) {
    char upper[4];
    bool all_upper = true;
    for (uint32_t k = p; k < e; ++k) {
      all_upper = all_upper && is_ascii_upper(text_[k]);
      upper[k - p] = static_cast<char>(text_[k] & ~0x20);
    }
    std::string_view word(upper, e - p);
    const bool dollar = e < end_ && text_[e] == '$';
    const CurrencyInfo* info = nullptr;
    double scale = 1;
    if (word.size() == 3 && (all_upper || dollar)) {
      info = lex_.currency_code(word);
    } else if (word.size() == 4 && all_upper) {  // "MUSD", "KEUR"
      const NumberSuffix* s = numlex_.suffix(text_.substr(p, 1));
      if (!s) s = numlex_.suffix(folded_.substr(p, 1));
      if (s && s->kind == SuffixKind::scale && (info = lex_.currency_code(word.substr(1)))) scale = s->value;
    }
    uint32_t end = dollar ? e + 1 : e;
    if (info && end > best.end) best = {p, end, info, scale, false};
  }
  if (names) {
    if (Match m = at(lex_.currency_names(lang_), true, p); m && m.end > best.end)
      best = {m.begin, m.end, &lex_.currency(m.payload), 1, true};
  }
  return best;
}

// A currency right before `pos` ("$ 75", "c $ 16.4", "EUR 3m"), the longest; none when an
// earlier amount took it ("10 $ 30 $"). `token`: the token `pos` lies in.
CurrencyMatch SentenceQuantities::currency_before(uint32_t pos, uint32_t token) const {
  const uint32_t t = token;
  if (t == s_.token_begin) return {};
  // A code is one word of three or four letters ("EUR", "MUSD"); symbols end in a sign ("$",
  // "us $", "€").
  const Token& prev = doc_.tokens[t - 1];
  if (prev.is(kTokWord)) {
    if (prev.span.size() < 3 || prev.span.size() > 4) return {};
    CurrencyMatch c = currency_at(prev.span.begin, false);
    return c && skip_spaces(c.end) == pos && c.begin >= composite_end_ ? c : CurrencyMatch{};
  }
  for (uint32_t k = 3; k >= 1; --k) {
    if (t < s_.token_begin + k) continue;
    CurrencyMatch c = currency_at(doc_.tokens[t - k].span.begin, false);
    if (c && skip_spaces(c.end) == pos && c.begin >= composite_end_) return c;
  }
  return {};
}

UnitMatch SentenceQuantities::unit_at(uint32_t p) const {
  UnitMatch best;
  if (p >= end_) return best;
  Match sym = at(lex_.unit_symbols(), false, p);
  // A symbol is no unit before a number ("L-202").
  if (sym && sym.end + 1 < end_ && text_[sym.end] == '-' && is_digit(text_[sym.end + 1])) sym = {};
  if (sym) best = {sym.begin, sym.end, &lex_.unit(sym.payload)};
  if (Match name = at(lex_.unit_names(lang_), true, p); name && name.end > best.end)
    best = {name.begin, name.end, &lex_.unit(name.payload)};
  return best;
}

Bounds SentenceQuantities::bounds_before(uint32_t pos, uint32_t token) const {
  Bounds b;
  if (Match m = before(lex_.approximators(lang_), pos, token)) {
    b.begin = m.begin;
    b.kinds = lex_.approximator(m.payload);
  }
  return b;
}

// A scale word at p ("million" of "75 USD million").
bool SentenceQuantities::scale_word_at(uint32_t p, uint32_t& end, double& scale) const {
  Match m = at(numlex_.trie(), true, p);
  if (!m || numlex_.word(m.payload).kind != NumberWordKind::scale) return false;
  end = m.end;
  scale = numlex_.word(m.payload).value;
  return true;
}

bool SentenceQuantities::number_word_at(uint32_t p) const { return static_cast<bool>(at(numlex_.trie(), true, p)); }

double SentenceQuantities::numlex_ordinal(Span word) const {
  Match m = at(numlex_.trie(), true, word.begin);
  return m ? numlex_.word(m.payload).value : 0;
}

void SentenceQuantities::run() {
  numbers_.clear();
  others_.tokens.clear();
  others_.filter = &lex_.token_words(lang_);
  parser_.scan(doc_, s_, numbers_, &others_);
  first_quantity_ = doc_.quantities.size();
  for (index_ = 0; index_ < numbers_.size(); ++index_) {
    if (skip_next_) {
      skip_next_ = false;
      continue;
    }
    handle(index_);
  }
  sort();
  const size_t found = doc_.quantities.size();
  token_pass();
  if (doc_.quantities.size() != found) sort();
}

// The sentence's quantities in text order (in_text_order).
void SentenceQuantities::sort() {
  if (doc_.quantities.size() - first_quantity_ < 2) return;
  const auto first = doc_.quantities.begin() + static_cast<std::ptrdiff_t>(first_quantity_);
  const auto order = [](const Quantity& a, const Quantity& b) { return in_text_order(a.span, b.span); };
  // Mostly found in order already: no records moved then.
  if (!std::is_sorted(first, doc_.quantities.end(), order)) std::sort(first, doc_.quantities.end(), order);
}

void SentenceQuantities::handle(size_t i) {
  const NumberMatch& n = numbers_[i];
  // A number word inside a unit is no number: "cent" of "5 pour cent".
  if (n.span.begin >= unit_words_.begin && n.span.begin < unit_words_.end) return;
  if (!n.glued.empty()) return handle_glued(n);

  const Bounds bounds = bounds_before(n.span.begin, n.token_begin);
  const CurrencyMatch pre = currency_before(n.span.begin, n.token_begin);

  // A range: "between 10 and 20", "10 to 20", "de 10 à 20".
  const NumberMatch* second = nullptr;
  bool merged = false;
  if (i + 1 < numbers_.size() && n.has_value() && !n.ordinal) {
    const NumberMatch& m = numbers_[i + 1];
    Match c = at(lex_.approximators(lang_), true, skip_spaces(n.span.end));
    if (c && m.span.begin == skip_spaces(c.end) && !m.article && m.has_value() && !m.ordinal) {
      uint8_t k = lex_.approximator(c.payload);
      bool opened = bounds.kinds & kRangeStart;
      double low = !n.scaled && m.scaled ? n.value * m.scale : n.value;
      if (((k & kRangeTo) || ((k & kRangeAnd) && opened)) && m.value > low) {
        second = &m;
        merged = opened && (k & kRangeAnd);
      }
    }
  }

  // The number itself, and the ordinal word of a mixed number ("third" of "forty two and a third").
  if (!n.ordinal_word.empty()) add(QuantityKind::ordinal, n.ordinal_word, numlex_ordinal(n.ordinal_word));
  Quantity& num = add(n.ordinal ? QuantityKind::ordinal : QuantityKind::number, n.span, n.value);
  num.approximate = n.approximate;
  num.min = n.min;
  num.max = n.max;
  if (merged) {  // "between 10 and 20": one number with bounds
    num.span.end = second->span.end;
    num.min = n.value;
    num.max = second->value;
    num.approximate = true;
    skip_next_ = true;
  } else if (n.has_value()) {
    if (bounds.kinds & kApprox) num.approximate = true;
    if (bounds.kinds & kMin) num.min = n.value, num.approximate = true;
    if (bounds.kinds & kMax) num.max = n.value, num.approximate = true;
  }
  // Numbers inside the last composite ("2" of "5 feet 2 inches") make none of their own.
  if (n.ordinal || n.span.begin < composite_end_) return;
  composite(n, second, second ? second->span.end : n.span.end, bounds, pre);
}

bool SentenceQuantities::composite(const NumberMatch& n, const NumberMatch* second, uint32_t after,
                                   const Bounds& bounds, const CurrencyMatch& pre) {
  const NumberMatch& last = second ? *second : n;
  uint32_t q = after;
  bool plus = false;
  if (q < end_ && text_[q] == '+' && !second) {  // "1M+"
    plus = true;
    ++q;
  }
  uint32_t p = skip_spaces(q);
  // "3-inch", "two-year": a unit name after a hyphen.
  if (p == q && p + 1 < end_ && text_[p] == '-' && is_letter_at(text_, p + 1)) ++p;
  // "half an hour", "een half uur": an article between a fraction and its unit.
  if (last.fraction && last.words) {
    Match article = at(numlex_.trie(), true, p);
    if (article && (numlex_.word(article.payload).kind == NumberWordKind::article ||
                    (numlex_.word(article.payload).form & kFormArticle)))
      p = skip_spaces(article.end);
  }

  // Most numbers are followed by a word that begins no unit: one test before the lookups.
  auto may_unit_at = [&](uint32_t at) {
    return at >= end_ || !is_letter_at(text_, at) || is_ascii_upper(text_[at]) ||  // "MUSD", "EUR"
           lex_.unit_words(lang_).may_match_word(folded_, at, letters_length(text_, at, end_));
  };
  const bool may_unit = may_unit_at(p);
  UnitMatch unit = may_unit ? unit_at(p) : UnitMatch{};
  // "(kg)", "[kg]"
  if (!unit && p < end_ && (text_[p] == '(' || text_[p] == '[')) {
    UnitMatch u = unit_at(p + 1);
    if (u && u.end < end_ && text_[u.end] == (text_[p] == '(' ? ')' : ']')) unit = {p, u.end + 1, u.info};
  }
  CurrencyMatch cur = may_unit ? currency_at(p, true) : CurrencyMatch{};
  // "75 millions de dollars", "611 millions d'euros", "2,4 milliard de gallons"
  if (!cur && !unit && last.scaled && last.words) {
    Match of = at(numlex_.trie(), true, p);
    if (of && numlex_.word(of.payload).kind == NumberWordKind::of && may_unit_at(skip_spaces(of.end))) {
      cur = currency_at(skip_spaces(of.end), true);
      unit = unit_at(skip_spaces(of.end));
    }
  }
  // "rmb 10 usd 20": after a currency before it, a code or symbol is the next amount's.
  if (pre && cur && !cur.name) cur = {};
  // A word both a unit and a currency ("pounds", "livres"): money when it is a large amount or
  // a currency stands before.
  if (unit && cur && unit.end == cur.end && cur.name && !last.scaled && !pre) cur = {};
  if (cur && unit && unit.end > cur.end) cur = {};
  if (!cur && pre && pre.info) cur = CurrencyMatch{};

  Quantity q_out;
  bool found = false;
  uint32_t end = 0;
  double value = last.value;
  if (cur || pre) {
    const CurrencyMatch& c = cur ? cur : pre;
    q_out.kind = QuantityKind::money;
    q_out.unit = c.info->code;
    q_out.subunit = c.info->subunit;
    value *= c.scale;
    end = cur ? cur.end : last.span.end;
    if (cur) {  // "75 USD million"
      uint32_t scale_end = 0;
      double scale = 1;
      if (!cur.name && !last.scaled && scale_word_at(skip_spaces(cur.end), scale_end, scale)) {
        value *= scale;
        end = scale_end;
      }
    }
    found = true;
  } else if (unit) {
    const UnitInfo& u = *unit.info;
    end = unit.end;
    found = true;
    if (u.dimension == Dimension::percent) {
      q_out.kind = QuantityKind::percent;
      if (u.unit != "%") q_out.unit = u.unit;
    } else if (u.dimension == Dimension::duration) {
      q_out.kind = QuantityKind::duration;
      q_out.value_text = iso_duration(value * u.factor, u.unit);
      value *= u.factor;
    } else {
      q_out.kind = QuantityKind::dimension;
      q_out.unit = u.unit;
      // "5 feet 2 inches", "12 ft 2 in": a smaller unit of the same dimension added.
      size_t j = index_ + (second ? 2 : 1);
      if (j < numbers_.size()) {
        const NumberMatch& m = numbers_[j];
        uint32_t r = skip_spaces(unit.end);
        Match joiner = at(numlex_.trie(), true, r);
        if (joiner && numlex_.word(joiner.payload).kind == NumberWordKind::joiner) r = skip_spaces(joiner.end);
        if (m.span.begin == r && m.has_value() && m.glued.empty()) {
          const uint32_t after = skip_spaces(m.span.end);
          UnitMatch v = unit_at(after);
          if (!v)
            if (Match sym = at(lex_.smaller_unit_symbols(), false, after)) v = {sym.begin, sym.end, &lex_.unit(sym.payload)};
          // Imperial units only: "5 feet 2 inches" is one length, "12 m 2 dm" two.
          double ratio = u.factor / (v ? v.info->factor : 1);
          bool decimal = std::fabs(std::log10(ratio) - std::round(std::log10(ratio))) < 1e-9;
          if (v && v.info->dimension == u.dimension && v.info->factor < u.factor && !decimal) {
            value += m.value * v.info->factor / u.factor;
            end = v.end;
          }
        }
      }
    }
  } else if (count(last, q, q_out)) {
    end = q_out.span.end;
    found = true;
  }
  if (!found) return false;

  // Approximators and range openers only set flags: the span is the amount and its unit.
  uint32_t begin = pre ? pre.begin : n.span.begin;
  Quantity& out = add_in_order(q_out.kind, {begin, end}, value);
  out.value_text = q_out.value_text;
  out.unit = q_out.unit;
  out.subunit = q_out.subunit;
  if (second) {
    double low = !n.scaled && second->scaled ? n.value * second->scale : n.value;
    double factor = value / (second->value ? second->value : 1);
    out.min = low * factor;
    out.max = value;
    out.value = *out.min;
    out.approximate = true;
    if (out.kind == QuantityKind::duration) out.value_text = q_out.value_text;
  } else {
    out.approximate = n.approximate;
    out.min = n.min;
    out.max = n.max;
    if (bounds.kinds & kApprox) out.approximate = true;
    if (bounds.kinds & kMin) out.min = value, out.approximate = true;
    if (bounds.kinds & kMax) out.max = value, out.approximate = true;
    if (plus) out.min = value, out.approximate = true;
  }
  if (out.kind == QuantityKind::money && cur && !cur.info->minor) add_cents(index_ + (second ? 2 : 1), out, end);
  composite_end_ = out.span.end;
  unit_words_ = cur ? Span{cur.begin, cur.end} : unit ? Span{unit.begin, unit.end} : Span{};
  return true;
}

// "200 peacekeepers", "135 Belgische militairen", "fifty allied defence ministers": a counted
// noun after the number, maybe behind up to two modifiers; or a plural noun right after it
// ("six coalitions").
bool SentenceQuantities::count(const NumberMatch& n, uint32_t after, Quantity& q) const {
  // No count of a year ("in 2015 deaths rose") or of a fraction.
  const bool magnitude = !n.has_value() && n.min;  // "tientallen gewonden", "hundreds of people"
  if (!magnitude && (!n.has_value() || n.value < 1 || !n.integer || n.fraction || n.year_like)) return false;
  uint32_t p = skip_spaces(after);
  // "une vingtaine de soldats", "des milliers de manifestants", "hundreds of people"
  if (n.approximate || (n.scaled && n.words)) {
    Match of = at(numlex_.trie(), true, p);
    if (of && numlex_.word(of.payload).kind == NumberWordKind::of) p = skip_spaces(of.end);
  }
  uint32_t t = first_token(p);
  const uint32_t first = t;
  const KeyTrie& nouns = lex_.count_nouns(lang_);
  // Whether a word is a function word or a number word: asked of the first word twice.
  auto small_word = [&](const Token& tok) {
    return numlex_.stopwords().contains(folded_.substr(tok.span.begin, tok.span.size())) ||
           number_word_at(tok.span.begin);
  };
  enum { unknown, no, yes } first_small = unknown;
  for (int modifiers = 0; t < s_.token_end && modifiers <= 2; ++t, ++modifiers) {
    const Token& tok = doc_.tokens[t];
    Match noun;
    if (tok.is(kTokHyphenated) || nouns.may_match_word(folded_, tok.span.begin, tok.span.size()))
      noun = at(nouns, true, tok.span.begin);
    if (noun) {
      q.kind = QuantityKind::count;
      q.unit = lex_.noun_class(noun.payload);
      q.span.end = noun.end;
      return true;
    }
    if (!tok.is(kTokWord) || tok.is(kTokAbbreviation)) break;
    const bool small = small_word(tok);
    if (t == first) first_small = small ? yes : no;
    if (small) break;
  }
  // An unknown noun that looks plural, right after a number.
  if (first >= s_.token_end || (!magnitude && (n.value < 2 || n.value >= 1e9))) return false;
  const Token& tok = doc_.tokens[first];
  if (!tok.is(kTokWord) || tok.is(kTokUpperInitial) || tok.is(kTokAbbreviation) || tok.span.size() < 4) return false;
  std::string_view w = folded_.substr(tok.span.begin, tok.span.size());
  if (first_small == unknown ? small_word(tok) : first_small == yes) return false;
  const std::string& participle = numlex_.culture().participle_prefix;
  if (!participle.empty() && w.compare(0, participle.size(), participle) == 0) return false;
  for (const std::string& ending : numlex_.culture().plural_endings) {
    if (w.size() > ending.size() + 2 && w.compare(w.size() - ending.size(), ending.size(), ending) == 0 &&
        !(ending == "s" && (w.back() == 's' && (w[w.size() - 2] == 's' || w[w.size() - 2] == 'u' || w[w.size() - 2] == 'i')))) {
      q.kind = QuantityKind::count;
      q.span.end = tok.span.end;
      return true;
    }
  }
  return false;
}

// "3 dollars 50 cents", "vijf euro vijftig", "15 dollars et 15": a hundredth part after money.
void SentenceQuantities::add_cents(size_t j, Quantity& q, uint32_t after) {
  if (j >= numbers_.size()) return;
  const NumberMatch& m = numbers_[j];
  uint32_t r = skip_spaces(after);
  if (Match joiner = at(numlex_.trie(), true, r); joiner && numlex_.word(joiner.payload).kind == NumberWordKind::joiner)
    r = skip_spaces(joiner.end);
  if (m.span.begin != r || !m.integer || !m.glued.empty() || m.value >= 100 || m.value < 0 || m.ordinal || m.article)
    return;
  uint32_t end = m.span.end;
  uint32_t p = skip_spaces(m.span.end);
  CurrencyMatch c = currency_at(p, true);
  if (c && !c.info->minor) return;  // "50 dollar 50 dollar": two amounts
  if (c) end = c.end;
  else if (p < end_ && is_letter_at(text_, p) && !(m.words)) return;  // "200 times"
  q.value += m.value / 100;
  q.span.end = end;
}

// "a decade", "een are", "een cent", "un penny": an article counts one of a unit named in
// words (never a symbol: "une t."); false if no unit follows.
bool SentenceQuantities::article_unit(Span article) {
  const uint32_t p = skip_spaces(article.end);
  if (p >= end_ || !lex_.unit_words(lang_).may_match_word(folded_, p, letters_length(text_, p, end_))) return false;
  Match name = at(lex_.currency_names(lang_), true, p);
  if (name && lex_.currency(name.payload).minor) {
    const CurrencyInfo& c = lex_.currency(name.payload);
    Quantity& q = add(QuantityKind::money, {article.begin, name.end}, 1);
    q.unit = c.code;
    q.subunit = c.subunit;
    composite_end_ = name.end;
    unit_words_ = {name.begin, name.end};
    return true;
  }
  Match unit = at(lex_.unit_names(lang_), true, p);
  UnitMatch u = unit ? UnitMatch{unit.begin, unit.end, &lex_.unit(unit.payload)} : UnitMatch{};
  if (!u || u.info->dimension == Dimension::percent) return false;
  // "a second round", "une seconde fois": the ordinal, not the unit.
  Match ordinal = at(numlex_.trie(), true, p);
  if (ordinal && ordinal.end == u.end && numlex_.word(ordinal.payload).kind == NumberWordKind::ordinal &&
      skip_spaces(u.end) < end_ && is_letter_at(text_, skip_spaces(u.end)))
    return false;
  const bool duration = u.info->dimension == Dimension::duration;
  Quantity& q = add(duration ? QuantityKind::duration : QuantityKind::dimension, {article.begin, u.end},
                    duration ? u.info->factor : 1);
  if (duration) q.value_text = iso_duration(u.info->factor, u.info->unit);
  else q.unit = u.info->unit;
  composite_end_ = u.end;
  unit_words_ = {u.begin, u.end};
  return true;
}

void SentenceQuantities::handle_glued(const NumberMatch& n) {
  // "180ml", "48m", "115.5USD", "100元", "EUR 3m" (millions next to a currency).
  const CurrencyMatch pre = currency_before(n.span.begin, n.token_begin);
  if (n.money_scale && pre) {
    Quantity& q = add(QuantityKind::money, {pre.begin, n.glued.end}, n.value * n.money_scale * pre.scale);
    q.unit = pre.info->code;
    return;
  }
  UnitMatch u = unit_at(n.glued.begin);
  CurrencyMatch c = currency_at(n.glued.begin, false);
  if (c && (!u || c.end >= u.end)) {
    uint32_t begin = pre ? pre.begin : n.span.begin;
    Quantity& q = add(QuantityKind::money, {begin, c.end}, n.value * c.scale);
    q.unit = c.info->code;
    return;
  }
  if (!u || u.begin != n.glued.begin || u.end < n.glued.end) return;
  const Bounds bounds = bounds_before(n.span.begin, n.token_begin);
  uint32_t begin = n.span.begin;
  QuantityKind kind = u.info->dimension == Dimension::percent    ? QuantityKind::percent
                      : u.info->dimension == Dimension::duration ? QuantityKind::duration
                                                                 : QuantityKind::dimension;
  Quantity& q = add(kind, {begin, u.end}, n.value);
  if (kind == QuantityKind::duration) q.value_text = iso_duration(n.value * u.info->factor, u.info->unit);
  if (kind == QuantityKind::dimension) q.unit = u.info->unit;
  if (bounds.kinds & kApprox) q.approximate = true;
  if (bounds.kinds & kMin) q.min = n.value, q.approximate = true;
  if (bounds.kinds & kMax) q.max = n.value, q.approximate = true;
}

// What a pass over the tokens finds besides numbers: a currency code glued before digits
// ("USD115", "usd50"); units named without an amount: "a small percent", "the % of", "the
// dollar", "markka" (value null); "percentage van 30", "percent of 10" (the value after it).
void SentenceQuantities::token_pass() {
  const KeyTrie& names = lex_.currency_names(lang_);
  const WordFilter& percent_words = lex_.percent_words(lang_);
  const size_t found = doc_.quantities.size();  // sorted: [first_quantity_, found)
  size_t q = first_quantity_;
  uint32_t covered_end = 0, after = 0;
  for (uint32_t t : others_.tokens) {
    const Token& tok = doc_.tokens[t];
    const uint32_t b = tok.span.begin;
    for (; q < found && doc_.quantities[q].span.begin <= b; ++q)
      covered_end = std::max(covered_end, doc_.quantities[q].span.end);
    if (b < covered_end || b < after) continue;
    if (tok.is(kTokWord) && is_digit(text_[tok.span.end - 1])) {
      money_code_before_digits(tok);
      continue;
    }
    if (tok.is(kTokWord)) {
      const WordFilter::Slot slot = WordFilter::slot(folded_, b, tok.span.size());
      if (numlex_.articles().test(slot)) {  // "a decade", "een are"
        Match a = at(numlex_.trie(), true, b);
        if (a && a.end == tok.span.end &&
            (numlex_.word(a.payload).kind == NumberWordKind::article || (numlex_.word(a.payload).form & kFormArticle)) &&
            article_unit({a.begin, a.end})) {
          after = composite_end_;
          continue;
        }
      }
      Match m;
      if (names.filter().test(slot)) m = at(names, true, b);
      if (m && !lex_.currency(m.payload).minor) {
        Quantity& money = add(QuantityKind::money, {m.begin, m.end}, std::nan(""));
        money.unit = lex_.currency(m.payload).code;
        after = m.end;
        continue;
      }
    }
    if (!(tok.is(kTokWord) ? percent_words.may_match_word(folded_, b, tok.span.size()) : text_[b] == '%')) continue;
    UnitMatch u = unit_at(b);
    if (!u || u.info->dimension != Dimension::percent || inside_web_address(text_, b)) continue;
    if (t > s_.token_begin && doc_.tokens[t - 1].is(kTokNumber)) continue;  // "5 %" has its number
    Span span{u.begin, u.end};
    double value = std::nan("");
    uint32_t p = skip_spaces(u.end);
    if (Match of = at(numlex_.trie(), true, p); of && numlex_.word(of.payload).kind == NumberWordKind::of) {
      auto n = parser_.parse(doc_, s_, skip_spaces(of.end));
      if (n && !n->article && n->glued.empty() && n->has_value()) {
        value = n->value;
        span.end = n->span.end;
      }
    }
    Quantity& out = add(QuantityKind::percent, span, value);
    if (u.info->unit != "%") out.unit = u.info->unit;
    after = span.end;
  }
}

// "USD115", "usd50": a currency code glued before digits.
void SentenceQuantities::money_code_before_digits(const Token& tok) {
  uint32_t d = tok.span.begin;
  while (d < tok.span.end && is_ascii_letter(text_[d])) ++d;
  if (d - tok.span.begin != 3 || d >= tok.span.end || !is_digit(text_[d])) return;
  char upper[3];
  bool all_upper = true;
  for (int k = 0; k < 3; ++k) {
    all_upper = all_upper && is_ascii_upper(text_[tok.span.begin + k]);
    upper[k] = static_cast<char>(text_[tok.span.begin + k] & ~0x20);
  }
  const CurrencyInfo* info = lex_.currency_code(std::string_view(upper, 3));
  if (!info || !(all_upper || info->lower_case)) return;
  auto n = parser_.parse(doc_, s_, d);
  if (!n || !n->glued.empty() || n->span.end != tok.span.end) return;
  Quantity& q = add(QuantityKind::money, {tok.span.begin, n->span.end}, n->value);
  q.unit = info->code;
}

absl::StatusOr<QuantityRecognizer> QuantityRecognizer::create(std::shared_ptr<const NumberParser> numbers) {
  auto lexicon = QuantityLexicon::create();
  if (!lexicon.ok()) return lexicon.status();
  for (Lang lang : kLanguages) {
    lexicon->add_token_words(lang, numbers->lexicon(lang).articles());
    lexicon->add_token_words(lang, numbers->lexicon(lang).trie().filter());
    lexicon->add_unit_words(lang, numbers->lexicon(lang).trie().filter());  // "millions de", "half an hour"
  }
  return QuantityRecognizer(std::move(numbers), *std::move(lexicon));
}

QuantityRecognizer::Pass::Pass(const QuantityRecognizer& recognizer, Document& doc) : recognizer_(recognizer), doc_(doc) {
  // News text holds about a quantity per 500 bytes: room for most documents, so that the
  // records are not moved again and again while the vector grows.
  doc_.quantities.reserve(std::min<size_t>(doc_.text.size() / 256 + 16, 4096));
  numbers_.reserve(32);
  others_.tokens.reserve(64);
}

void QuantityRecognizer::Pass::block(const BlockRange& range) {
  for (uint32_t i = range.first_sentence; i < range.end_sentence; ++i) {
    const Sentence& s = doc_.sentences[i];
    if (doc_.blocks[s.block].is_furniture()) continue;
    SentenceQuantities(recognizer_, doc_, s, numbers_, others_).run();
  }
}

}  // namespace eventwire::internal
