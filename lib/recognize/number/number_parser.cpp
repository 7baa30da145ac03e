#include "recognize/number/number_parser.hpp"

#include <algorithm>
#include <limits>

#include "recognize/number/digits/digits.hpp"
#include "recognize/text_class.hpp"

namespace eventwire::internal {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();


// One piece of a number: a run of digits, a number word (or one part of a compound word), or
// a fraction character.
// (Trivially constructible, so that arrays of it cost nothing until filled by make_item.)
struct Item {
  enum class Type : uint8_t { digits, word, vulgar };
  Type type;
  uint32_t begin, end;
  bool word_start;  // first piece of its word
  bool word_end;    // last piece of its word
  const NumberWord* word;
  double value;     // digits and fraction characters
  bool integer, grouped, year_like, ordinal, scaled;
  double scale;     // the suffix's scale ("10k": 1000)
  double money_scale;
  Span glued;
};

Item make_item(Item::Type type, uint32_t begin) {
  Item it;
  it.type = type;
  it.begin = it.end = begin;
  it.word_start = it.word_end = true;
  it.word = nullptr;
  it.value = 0;
  it.integer = true;
  it.grouped = it.year_like = it.ordinal = it.scaled = false;
  it.scale = 1;
  it.money_scale = 0;
  it.glued = {};
  return it;
}

enum class Prev : uint8_t {
  none, minus, digits, unit, teen, tens, hundred, scale, fraction, value, multiplier,
  magnitude, approx, joiner, article, point, of, pending, ordinal
};

// Where a number stands while its pieces are read.
struct State {
  double total = 0;          // closed groups of three digits ("two million" of "two million five")
  double hi = 0, lo = 0;     // the open group: hundreds, and the rest (may be fractional)
  double last_scale = kInf;  // the last scale applied
  Prev prev = Prev::none;
  Prev before_joiner = Prev::none;
  bool after_joiner = false;          // the current segment started after a joiner
  double j_total = 0, j_group = 0;    // the value before that joiner
  bool in_compound = false;           // the current word is a compound started after other pieces
  double w_total = 0, w_group = 0;    // the value before that word
  double pend_hi = 0, pend_lo = 0;   // a numerator waiting for its denominator ("twintig drie vijfde")
  Prev pend_prev = Prev::none;
  int items = 0;
  int article_items = 0;              // pieces that are indefinite articles ("een", "un")
  bool words = false, ordinal = false, fraction = false, negative = false, approximate = false;
  bool scaled = false, integer = true, grouped = false, year_like = false, done = false, digits = false;
  bool fraction_of_scale = false;     // "3 million and a half": the half is of a million
  bool magnitude = false;             // only bounds: "tientallen", "hundreds of thousands"
  double mag_min = 0, mag_max = 0;
  bool in_point = false;              // decimals in words follow ("point five")
  char decimals[24];                  // the first `ndecimals` are set
  uint8_t ndecimals = 0;
  bool decimal_tens = false;          // the last decimal digits came from a tens word
  double money_scale = 0;
  Span glued;
  Span ordinal_word;  // "third" of "forty two and a third"
  bool open_hundred = false;  // "3 cents": hundreds only if the number goes on ("3 cents et 21")

  double group() const { return hi + lo; }
  double value() const { return total + hi + lo; }
  bool complete_or_joined() const { return complete() || prev == Prev::joiner; }
  // Whether the number may end here.
  bool complete() const {
    switch (prev) {
      case Prev::none: case Prev::minus: case Prev::joiner: case Prev::article: case Prev::of:
      case Prev::pending: return false;
      case Prev::point: return ndecimals > 0;
      case Prev::hundred: return !open_hundred;
      default: return true;
    }
  }
};

bool is_small(Prev p) { return p == Prev::unit || p == Prev::teen || p == Prev::tens || p == Prev::digits; }

}  // namespace

// Reads numbers in one sentence of one language.
class NumberReader {
 public:
  NumberReader(const NumberParser& parser, const Document& doc, const Sentence& sentence)
      : parser_(parser),
        text_(doc.text),
        folded_(doc.folded),
        limit_(sentence.span.end),
        lex_(parser.lexicon(NumberParser::language_of(doc, sentence))) {}

  // The number starting at `pos`; `continuation` when `pos` follows a number in the same
  // token ("24" of "22,24"): only an integer is read then.
  std::optional<NumberMatch> read(uint32_t pos, bool continuation = false, int depth = 0) const;

  const NumberLexicon& lexicon() const { return lex_; }
  // A cheap first test: whether a number word that may begin a number starts at `p`.
  bool may_begin(uint32_t p) const;

 private:
  int lex(uint32_t p, bool at_start, bool continuation, Item* out, int cap, int alternative = 0) const;
  bool lex_digits(uint32_t p, bool at_start, bool continuation, Item& out) const;
  int lex_word(uint32_t p, Item* out, int cap, int alternative = 0) const;
  int decompose(uint32_t p, uint32_t word_end, Item* out, int cap, int depth, int& skip) const;
  uint32_t skip_separators(uint32_t p, bool after_word) const;
  bool followed_by_word(uint32_t p) const;
  bool followed_by_of(uint32_t p) const;
  bool followed_by_noun(uint32_t p) const;

  bool feed(State& s, const Item& it) const;
  bool feed_word(State& s, const Item* items, int n, State& best, uint32_t& best_end, State& before_joiner,
                 uint32_t& before_joiner_end) const;
  bool cardinal(State& s, NumberWordKind kind, double v, bool from_digits) const;
  bool denominator(State& s, double den, bool plural) const;
  bool pending(State& s, NumberWordKind kind, double v) const;
  bool ordinal(State& s, const NumberWord& w, const Item& it) const;
  std::optional<NumberMatch> finish(const State& s, uint32_t begin, uint32_t end, bool allow_article = false) const;

  const NumberParser& parser_;
  std::string_view text_, folded_;
  uint32_t limit_;
  const NumberLexicon& lex_;
};

// --- lexing ---------------------------------------------------------------------------------

uint32_t NumberReader::skip_separators(uint32_t p, bool after_word) const {
  uint32_t q = p;
  while (q < limit_ && text_[q] == ' ') ++q;
  if (after_word && q < limit_ && (text_[q] == '-' || text_[q] == '/')) {
    uint32_t r = q + 1;
    while (r < limit_ && text_[r] == ' ') ++r;
    if (r < limit_ && is_letter_at(text_, r)) return r;  // "fifty - two", "vijf / achtste"
  }
  return q;
}

bool NumberReader::followed_by_word(uint32_t p) const {
  while (p < limit_ && text_[p] == ' ') ++p;
  return p < limit_ && is_letter_at(text_, p);
}

bool NumberReader::followed_by_of(uint32_t p) const {
  while (p < limit_ && text_[p] == ' ') ++p;
  Item next;
  return p < limit_ && is_letter_at(text_, p) && lex_word(p, &next, 1) == 1 && next.word->kind == NumberWordKind::of;
}

// A word follows that is no number word: "2000 over 3 years" (but "un sur six et ...").
bool NumberReader::followed_by_noun(uint32_t p) const {
  while (p < limit_ && text_[p] == ' ') ++p;
  Item next[12];
  return p < limit_ && is_letter_at(text_, p) && lex_word(p, next, 12) == 0;
}

bool NumberReader::lex_digits(uint32_t p, bool at_start, bool continuation, Item& out) const {
  out = make_item(Item::Type::digits, p);
  const char* first = text_.data() + p;
  const char* last = text_.data() + limit_;
  digits::NumberAst ast;
  // A plain integer needs no grammar: "24" of "22,24,26", or digits that nothing numeric
  // follows ("2019 ", "39)", "in 2019, the": a separator no digit follows); most numbers of a
  // text are such.
  const char* q = first;
  while (q < last && is_digit(*q)) ++q;
  const char* after = q;
  while (after < last && *after == ' ') ++after;
  const bool separator = q < last && (*q == '.' || *q == ',');
  const bool plain =
      q > first && (q == last || (separator && (q + 1 == last || !is_digit(q[1]))) ||
                    (!separator && *q != '/' && *q != '^' && *q != 'e' && *q != 'E' && *q != 'x' &&
                     static_cast<unsigned char>(*q) != 0xC3 && !(*q == ' ' && after < last && is_digit(*after))));
  if (continuation || plain) {
    if (q == first) return false;
    ast.integer = {first, q};
    first = q;
  } else {
    if (!at_start && !is_digit(*first)) return false;
    if (!digits::parse(first, last, lex_.culture().decimal, ast)) return false;
  }
  auto value = digits::evaluate(ast);
  if (!value) return false;
  uint32_t end = static_cast<uint32_t>(first - text_.data());
  out.value = *value;
  out.integer = ast.decimals.empty() && ast.numerator.empty() && ast.exponent_kind == digits::Exponent::none;
  out.grouped = ast.group != 0;
  out.year_like = out.integer && !out.grouped && ast.sign == 0 && ast.integer.size() == 4 && *first != '0' &&
                  out.value >= 1000 && out.value < 3000;
  if (!ast.numerator.empty()) out.integer = false;

  // Letters glued to the digits: a number suffix ("10k", "21st") or something else ("180ml").
  if (end < limit_ && is_letter_at(text_, end)) {
    uint32_t r = end + static_cast<uint32_t>(letters_length(text_, end, limit_));
    uint32_t letters_end = r;
    while (r < limit_ && is_digit(text_[r])) ++r;  // "km2"
    const NumberSuffix* suffix = r == letters_end ? lex_.suffix(text_.substr(end, r - end)) : nullptr;
    if (suffix && suffix->kind == SuffixKind::ordinal && out.integer && !out.grouped && ast.sign == 0) {
      out.ordinal = true;
      end = r;
    } else if (suffix && suffix->kind == SuffixKind::scale) {
      out.value *= suffix->value;
      out.scale = suffix->value;
      out.scaled = true;
      out.year_like = false;
      end = r;
    } else {
      if (suffix && suffix->kind == SuffixKind::money_scale) out.money_scale = suffix->value;
      out.glued = {end, r};
    }
  } else if (end < limit_ && text_[end] == ' ') {
    // A scale letter after a space: "2,33 k", "1,674,200.5 M".
    uint32_t s = end;
    while (s < limit_ && text_[s] == ' ') ++s;
    uint32_t t = s;
    while (t < limit_ && is_ascii_letter(text_[t])) ++t;
    // Not "M." (an initial or "Monsieur").
    if (t > s && t - s <= 3 &&
        (t >= limit_ || (!is_word_char_at(text_, t) && !(text_[t] == '.' && t - s == 1) && text_[t] != '\''))) {
      const NumberSuffix* suffix = lex_.suffix(text_.substr(s, t - s));
      if (suffix && suffix->kind == SuffixKind::scale && suffix->spaced) {
        out.value *= suffix->value;
        out.scale = suffix->value;
        out.scaled = true;
        out.year_like = false;
        end = t;
      }
    }
  }
  out.end = end;
  return true;
}

// Splits [p, word_end) into number words, longest first; `skip` passes over that many
// complete splits ("honderden|acht" before "honderd|en|acht").
int NumberReader::decompose(uint32_t p, uint32_t word_end, Item* out, int cap, int depth, int& skip) const {
  if (p == word_end) return skip-- > 0 ? -1 : 0;
  if (cap == 0 || depth > 10) return -1;
  // Every key matching here, longest first.
  uint32_t ends[16], payloads[16];
  int n = 0;
  lex_.trie().match(folded_, p, word_end, [&](size_t e, uint32_t payload) {
    if (n < 16) {
      ends[n] = static_cast<uint32_t>(e);
      payloads[n++] = payload;
    }
  });
  for (int k = n - 1; k >= 0; --k) {
    int rest = decompose(ends[k], word_end, out + 1, cap - 1, depth + 1, skip);
    if (rest < 0) continue;
    Item& it = out[0];
    it = make_item(Item::Type::word, p);
    it.end = ends[k];
    it.word = &lex_.word(payloads[k]);
    it.word_start = false;
    it.word_end = false;
    return rest + 1;
  }
  return -1;
}

int NumberReader::lex_word(uint32_t p, Item* out, int cap, int alternative) const {
  if (!lex_.trie().may_start(static_cast<unsigned char>(folded_[p]))) return 0;
  // A whole word or phrase ("quatre vingt", "out of").
  uint32_t payload = KeyTrie::kNone;
  uint32_t end = static_cast<uint32_t>(lex_.trie().longest(folded_, p, limit_, payload, [&](size_t e) {
    return e >= limit_ || !is_word_char_at(text_, e) || !is_word_char_before(text_, e);
  }));
  if (end && alternative == 0) {
    out[0] = make_item(Item::Type::word, p);
    out[0].end = end;
    out[0].word = &lex_.word(payload);
    return 1;
  }
  if (!lex_.culture().compounds) return 0;
  // A compound: "tweehonderddrieënvijftig" is twee|honderd|drie|ën|vijftig.
  uint32_t word_end = p + static_cast<uint32_t>(letters_length(text_, p, limit_));
  if (word_end < limit_ && is_digit(text_[word_end])) return 0;
  int skip = end ? alternative - 1 : alternative;
  int n = decompose(p, word_end, out, cap, 0, skip);
  if (n <= 1) return 0;
  out[0].word_start = true;
  out[n - 1].word_end = true;
  return n;
}

int NumberReader::lex(uint32_t p, bool at_start, bool continuation, Item* out, int cap, int alternative) const {
  if (p >= limit_) return 0;
  char c = text_[p];
  if (is_digit(c) || (at_start && (c == '-' || c == '+' || c == '.' || c == ','))) return lex_digits(p, at_start, continuation, out[0]) ? 1 : 0;
  size_t length = 0;
  double fraction = static_cast<unsigned char>(c) >= 0x80 ? parser_.fractions_.match(text_, p, length) : 0;
  if (length) {
    out[0] = make_item(Item::Type::vulgar, p);
    out[0].end = static_cast<uint32_t>(p + length);
    out[0].value = fraction;
    out[0].integer = false;
    return 1;
  }
  if (is_letter_at(text_, p)) return lex_word(p, out, cap, alternative);
  return 0;
}

bool NumberReader::may_begin(uint32_t p) const {
  bool found = false;
  const bool compounds = lex_.culture().compounds;
  lex_.trie().match(folded_, p, limit_, [&](size_t e, uint32_t payload) {
    const NumberWord& w = lex_.word(payload);
    if (found || (w.form & kFormInner) || w.kind == NumberWordKind::joiner || w.kind == NumberWordKind::over ||
        w.kind == NumberWordKind::of || w.kind == NumberWordKind::point)
      return;
    const bool whole = e >= limit_ || !is_word_char_at(text_, e);
    if (whole && (w.kind == NumberWordKind::article || (w.form & kFormArticle))) {
      // An article begins a number only before a number word ("a dozen", "een op de vijf").
      uint32_t q = static_cast<uint32_t>(e);
      while (q < limit_ && (text_[q] == ' ' || text_[q] == '-')) ++q;
      if (q < limit_ && lex_.trie().may_start(static_cast<unsigned char>(folded_[q])))
        lex_.trie().match(folded_, q, limit_, [&](size_t f, uint32_t) {
          found = found || compounds || f >= limit_ || !is_word_char_at(text_, f);
        });
      return;
    }
    found = whole || compounds;
  });
  return found;
}

// --- reading --------------------------------------------------------------------------------

// The cardinal steps: `v` of kind unit, teen, tens, hundred or scale joins the number, or the
// number cannot take it (false; the state may then be left half-changed).
bool NumberReader::cardinal(State& s, NumberWordKind kind, double v, bool from_digits) const {
  const NumberCulture& culture = lex_.culture();
  const Prev p = s.prev;
  const bool fresh = p == Prev::none || p == Prev::minus || p == Prev::scale || p == Prev::hundred;
  const bool after_big_joiner =
      p == Prev::joiner && (s.before_joiner == Prev::hundred || s.before_joiner == Prev::scale) && s.lo == 0;
  switch (kind) {
    case NumberWordKind::unit:
      if ((fresh && s.lo == 0) || after_big_joiner) {
        s.lo = v;
      } else if ((p == Prev::tens || (p == Prev::joiner && s.before_joiner == Prev::tens)) && culture.tens_then_unit &&
                 s.lo >= 20 && s.lo < 100 && std::fmod(s.lo, 10) == 0) {
        s.lo += v;
      } else {
        return false;
      }
      s.prev = Prev::unit;
      return true;
    case NumberWordKind::teen: {
      bool after_tens = p == Prev::tens || (p == Prev::joiner && s.before_joiner == Prev::tens);
      if ((fresh && s.lo == 0) || after_big_joiner) {
        s.lo = v;
      } else if (after_tens && s.lo >= 20 && s.lo < 100 && (culture.teen_after_tens >> static_cast<int>(s.lo / 10)) & 1) {
        s.lo += v;
      } else {
        return false;
      }
      s.prev = Prev::teen;
      return true;
    }
    case NumberWordKind::tens:
      if ((fresh && s.lo == 0) || after_big_joiner) {
        s.lo = v;
      } else if (p == Prev::joiner && s.before_joiner == Prev::unit && culture.unit_and_tens && s.lo >= 1 && s.lo < 10) {
        s.lo += v;  // "eenentwintig": the "en" joins the word, it opens no segment
        s.after_joiner = false;
      } else {
        return false;
      }
      s.prev = Prev::tens;
      return true;
    case NumberWordKind::hundred:
      if (s.hi != 0) return false;
      if (s.lo == 0) {
        if (!(p == Prev::none || p == Prev::article || p == Prev::minus || p == Prev::scale)) return false;
        s.hi = v;
      } else {
        if (!(is_small(p) || p == Prev::value) || (!from_digits && s.lo >= 100 && p != Prev::digits)) return false;
        s.hi = s.lo * v;
        s.lo = 0;
      }
      s.prev = Prev::hundred;
      return true;
    case NumberWordKind::scale: {
      double g = s.group();
      if (g == 0) {
        if (p == Prev::none || p == Prev::article || p == Prev::minus) {
          g = 1;
        } else if (p == Prev::scale && v > s.last_scale) {  // "mille milliards"
          s.total *= v;
          s.last_scale = v;
          return true;
        } else {
          return false;
        }
      }
      if (v < s.last_scale) s.total += g * v;
      else if (s.total == 0) s.total = g * v;
      else return false;
      s.hi = s.lo = 0;
      s.last_scale = v;
      s.scaled = true;
      s.year_like = false;
      s.fraction_of_scale = false;
      s.prev = Prev::scale;
      return true;
    }
    default:
      return false;
  }
}

// A denominator (an ordinal or fraction word of value `den`) after the current numerator.
bool NumberReader::denominator(State& s, double den, bool plural) const {
  if (den == 0) return false;
  if (s.prev == Prev::pending) {  // "twintig drie vijfde"
    s.lo += (s.pend_hi + s.pend_lo) / den;
  } else if (s.prev == Prev::joiner || s.prev == Prev::none || s.prev == Prev::minus) {
    if (plural) return false;  // "fifths" alone is no number
    // "et demi", "half": one part.
    double base = s.prev == Prev::joiner ? s.j_group : 0;
    if (s.prev == Prev::joiner && s.before_joiner == Prev::scale) s.fraction_of_scale = true;
    s.lo = base + 1 / den;
    s.hi = 0;
  } else if (is_small(s.prev) || s.prev == Prev::article || s.prev == Prev::hundred || s.prev == Prev::scale) {
    // The numerator: what was read since the last joiner, or since the compound word began,
    // or everything ("one million two thousand two hundred three fifths").
    // The fraction of a mixed number is proper: "one hundred and three quarters" is 100 + 3/4,
    // but "one hundred and thirty fifths" is 130/5.
    const bool after_joiner =
        s.after_joiner && !(plural && s.before_joiner == Prev::hundred && s.value() - s.j_total - s.j_group >= den);
    double numerator = s.prev == Prev::article ? 1 : 0;
    double base_total = 0, base_group = 0;
    if (after_joiner) {
      base_total = s.j_total;
      base_group = s.j_group;
    } else if (s.in_compound) {
      base_total = s.w_total;
      base_group = s.w_group;
    }
    if (s.total != base_total) {
      if (after_joiner || s.in_compound) return false;
    }
    numerator += s.value() - base_total - base_group;
    if (numerator <= 0) return false;
    if (after_joiner && s.before_joiner == Prev::scale && base_group == 0) s.fraction_of_scale = true;
    s.total = base_total;
    s.hi = 0;
    s.lo = base_group + numerator / den;
    if (!after_joiner && !s.in_compound) s.last_scale = kInf;
  } else {
    return false;
  }
  s.fraction = true;
  s.integer = false;
  s.prev = Prev::fraction;
  return true;
}

// A numerator that cannot join the number waits for its denominator ("twintig drie vijfde",
// "two and fifty-four hundredths"); false if it cannot start one.
bool NumberReader::pending(State& s, NumberWordKind kind, double v) const {
  State t;
  if (s.prev == Prev::pending) {
    t.hi = s.pend_hi;
    t.lo = s.pend_lo;
    t.prev = s.pend_prev;
  } else if (s.value() <= 0 || s.prev == Prev::pending || s.fraction || s.ordinal || !s.complete_or_joined()) {
    return false;
  }
  if (!cardinal(t, kind, v, false)) return false;
  s.pend_hi = t.hi;
  s.pend_lo = t.lo;
  s.pend_prev = t.prev;
  s.prev = Prev::pending;
  return true;
}

// An ordinal: part of a compound ordinal ("one hundred twenty fifth", "tweeduizend zestiende")
// or a denominator ("three fifths", "un cinquième", "drie vijfde").
bool NumberReader::ordinal(State& s, const NumberWord& w, const Item& it) const {
  const bool plural = w.form & kFormPlural;
  const bool can_denominate = w.value >= 3 || plural;
  if (s.prev == Prev::pending) {
    // "one twenty-fifth", "three twenty-firsts": the ordinal completes the waiting number,
    // which is the denominator of what came before.
    State t;
    t.hi = s.pend_hi;
    t.lo = s.pend_lo;
    t.prev = s.pend_prev;
    if (w.base == NumberWordKind::unit && cardinal(t, w.base, w.value, false) && t.value() >= 3) {
      double v = s.value() / t.value();
      s.total = s.hi = 0;
      s.lo = v;
      s.last_scale = kInf;
      s.fraction = true;
      s.integer = false;
      s.prev = Prev::fraction;
      return true;
    }
    return can_denominate && denominator(s, w.value, plural);
  }
  const bool numerator = is_small(s.prev) || s.prev == Prev::article || s.prev == Prev::hundred || s.prev == Prev::scale;
  if (plural) {
    if (s.prev == Prev::none) {  // "les premiers"
      State t = s;
      if (!cardinal(t, w.base, w.value, false)) return false;
      s = t;
      s.ordinal = true;
      s.done = true;
      s.prev = Prev::ordinal;
      return true;
    }
    // Tens and a plural unit ordinal make the denominator: "twenty fifths" (25ths), "one
    // hundred thirty-fifths" (100/35); where compound ordinals are hyphenated, only with the
    // hyphen ("cent trente-cinquièmes", but "cent trente cinquièmes" is 130/5).
    if (w.base == NumberWordKind::unit && s.prev == Prev::tens && !s.after_joiner && s.lo >= 20 && s.lo < 100 &&
        (!lex_.culture().hyphenated_ordinals || (it.begin > 0 && text_[it.begin - 1] == '-'))) {
      double den = s.lo + w.value, num = s.value() - s.lo;
      if (num == 0) {  // the tens stand first: an ordinal ("twenty-firsts")
        s.lo = den;
        s.ordinal = true;
        s.done = true;
        s.prev = Prev::ordinal;
        return true;
      }
      s.total = s.hi = 0;
      s.lo = num / den;
      s.last_scale = kInf;
      s.fraction = true;
      s.integer = false;
      s.prev = Prev::fraction;
      return true;
    }
    return numerator && denominator(s, w.value, true);
  }
  // "a fifth", "one third of", "een derde van", "un cinquième": one part; but "a third party",
  // "een derde keer" hold an article and an ordinal.
  const bool one = s.prev == Prev::article || (s.items == 1 && s.value() == 1 && s.words);
  if (one && can_denominate) {
    bool article = s.prev == Prev::article || s.article_items > 0;
    if (article && followed_by_word(it.end) && !followed_by_of(it.end)) return false;
    if (s.prev == Prev::article && s.after_joiner) s.ordinal_word = {it.begin, it.end};
    return denominator(s, w.value, false);
  }
  State t = s;
  // No ordinal compound with digits: "$ 280 million first preferred" is no 280,000,001st.
  if (s.prev != Prev::article && !s.digits && cardinal(t, w.base, w.value, false)) {
    s = t;
    s.ordinal = true;
    s.done = true;
    s.prev = Prev::ordinal;
    return true;
  }
  return numerator && can_denominate && s.prev != Prev::article && denominator(s, w.value, false);
}

bool NumberReader::feed(State& s, const Item& it) const {
  if (s.done) return false;
  if (it.type == Item::Type::digits) {
    if (s.prev != Prev::none && s.prev != Prev::minus) {
      // Digits inside a number only after a scale or hundred: "4 thousand 3 hundred and 21"
      // (but "50 million and 3 dollars" is two amounts).
      bool after_big = s.prev == Prev::scale || (s.prev == Prev::joiner && s.before_joiner == Prev::hundred);
      if (!after_big || s.lo != 0 || !it.integer || it.scaled || it.value == 0 ||
          it.value >= std::min(s.last_scale, 1000.0) || (s.prev == Prev::joiner && it.value >= 100))
        return false;
    }
    s.lo += it.value;
    s.digits = true;
    s.integer = s.integer && it.integer;
    s.grouped = it.grouped;
    s.year_like = s.items == 0 && it.year_like;
    s.scaled = s.scaled || it.scaled;
    if (it.scaled) s.last_scale = it.scale;
    s.money_scale = it.money_scale;
    s.glued = it.glued;
    s.prev = Prev::digits;
    if (it.ordinal) {
      s.ordinal = true;
      s.done = true;
    }
    if (it.scaled || !it.glued.empty()) s.done = true;
    return true;
  }
  if (it.type == Item::Type::vulgar) {  // "½", "2½"
    if (s.prev != Prev::none && s.prev != Prev::digits && s.prev != Prev::minus) return false;
    s.lo += it.value;
    s.fraction = true;
    s.integer = false;
    s.prev = Prev::fraction;
    return true;
  }

  const NumberWord& w = *it.word;
  if ((w.form & kFormInner) && s.items == 0) return false;
  s.words = true;
  if (s.in_point) {  // decimals in words: "point seventy-one", "virgule zéro trois"
    if (w.kind == NumberWordKind::unit && !(w.form & kFormArticle)) {
      if (s.decimal_tens && s.ndecimals && s.decimals[s.ndecimals - 1] == '0') s.decimals[s.ndecimals - 1] = static_cast<char>('0' + w.value);
      else if (s.ndecimals < sizeof s.decimals) s.decimals[s.ndecimals++] = static_cast<char>('0' + w.value);
      s.decimal_tens = false;
      return true;
    }
    if ((w.kind == NumberWordKind::teen || w.kind == NumberWordKind::tens) && s.ndecimals + 2u <= sizeof s.decimals) {
      int v = static_cast<int>(w.value);
      s.decimals[s.ndecimals++] = static_cast<char>('0' + v / 10);
      s.decimals[s.ndecimals++] = static_cast<char>('0' + v % 10);
      s.decimal_tens = w.kind == NumberWordKind::tens;
      return true;
    }
    return false;
  }

  switch (w.kind) {
    case NumberWordKind::unit:
    case NumberWordKind::teen:
    case NumberWordKind::tens: {
      if (s.open_hundred) return false;  // "3 cents et 21" goes on in digits, not "2 cents et une pièce"
      if (w.form & kFormArticle) ++s.article_items;
      if (s.prev != Prev::pending) {
        State before = s;
        if (cardinal(s, w.kind, w.value, false)) return true;
        s = before;
      }
      return pending(s, w.kind, w.value);
    }
    case NumberWordKind::hundred:
      // French "cents" multiplies a unit in words: "deux cents", not "322 cents", "45 cents".
      // After a digit it is the hundreds of a longer number ("4 mille 3 cents", "3 cents et
      // 21"); "3 cents" alone is money, as "25 cents" is.
      if (w.form & kFormAfterWords) {
        const bool digit = s.prev == Prev::digits && s.integer && s.lo >= 2;
        if ((s.prev != Prev::unit && !digit) || s.hi != 0 || s.lo >= 10) return false;
        s.open_hundred = digit && s.total == 0;
      }
      if (s.prev == Prev::pending) return pending(s, w.kind, w.value);
      return cardinal(s, w.kind, w.value, s.prev == Prev::digits);
    case NumberWordKind::scale:
      if (s.prev == Prev::pending) return false;  // a numerator waits for its denominator
      if ((w.form & kFormPlural) && (s.prev == Prev::none || s.prev == Prev::of)) {
        // "des millions": a magnitude.
        s.magnitude = true;
        s.mag_min = 2 * w.value;
        s.mag_max = 1000 * w.value - 1;
        s.prev = Prev::magnitude;
        s.done = true;
        return true;
      }
      if (s.magnitude) return false;
      if (s.prev == Prev::of) s.prev = s.fraction ? Prev::fraction : s.prev;
      return cardinal(s, w.kind, w.value, false);
    case NumberWordKind::value:
      if (s.prev != Prev::none && s.prev != Prev::minus) return false;
      s.lo = w.value;
      s.integer = false;
      s.prev = Prev::value;
      return true;
    case NumberWordKind::ordinal:
      return ordinal(s, w, it);
    case NumberWordKind::fraction:
      if ((w.form & kFormPlural) && !(is_small(s.prev) || s.prev == Prev::pending)) return false;
      return denominator(s, w.value, w.form & kFormPlural);
    case NumberWordKind::multiplier:
      if (is_small(s.prev) || s.prev == Prev::article || s.prev == Prev::fraction || (s.prev == Prev::of && s.fraction)) {
        s.lo = (s.prev == Prev::article ? 1 : s.lo) * w.value;  // "three hundred and two dozens": 300 + 24
        s.prev = Prev::multiplier;
        s.done = true;
        return true;
      }
      if ((w.form & kFormPlural) && s.prev == Prev::none) {  // "dozens"
        s.magnitude = true;
        s.mag_min = 2 * w.value;
        s.mag_max = w.value * w.value - 1;
        s.prev = Prev::magnitude;
        s.done = true;
        return true;
      }
      return false;
    case NumberWordKind::magnitude:
      if (s.prev == Prev::none) {
        s.magnitude = true;
        s.mag_min = 2 * w.value;
        s.mag_max = 10 * w.value - 1;
      } else if (s.magnitude && s.prev == Prev::of) {  // "tens of thousands"
        s.mag_min *= w.value;
        s.mag_max = (s.mag_max + 1) * w.value - 1;
      } else if ((is_small(s.prev) || s.prev == Prev::hundred) && s.total == 0 && s.integer) {  // "tienduizenden"
        double n = s.group();
        s.magnitude = true;
        s.mag_min = 2 * n * w.value;
        s.mag_max = 10 * n * w.value - 1;
      } else {
        return false;
      }
      s.prev = Prev::magnitude;
      return true;
    case NumberWordKind::approx:
      if (is_small(s.prev) || s.prev == Prev::article) {  // "une vingtaine", "deux centaines"
        double n = s.prev == Prev::article ? 1 : s.value();
        s.total = 0;
        s.hi = 0;
        s.lo = n * w.value;
        s.approximate = true;
        s.prev = Prev::approx;
        s.done = true;
        return true;
      }
      if ((w.form & kFormPlural) && (s.prev == Prev::none || s.prev == Prev::of)) {  // "des centaines"
        if (s.magnitude) {
          s.mag_min *= w.value;
          s.mag_max = (s.mag_max + 1) * w.value - 1;
        } else {
          s.magnitude = true;
          s.mag_min = 2 * w.value;
          s.mag_max = 10 * w.value - 1;
        }
        s.prev = Prev::magnitude;
        return true;
      }
      return false;
    case NumberWordKind::joiner:
      if (s.prev == Prev::none || s.prev == Prev::minus || s.prev == Prev::joiner || s.prev == Prev::article ||
          s.prev == Prev::pending || s.magnitude || s.ordinal)
        return false;
      s.before_joiner = s.prev;
      s.after_joiner = true;
      s.j_total = s.total;
      s.j_group = s.group();
      s.prev = Prev::joiner;
      return true;
    case NumberWordKind::point:
      if (!(is_small(s.prev) || s.prev == Prev::hundred) || !s.integer || s.fraction) return false;
      s.in_point = true;
      s.prev = Prev::point;
      return true;
    case NumberWordKind::minus:
      if (s.prev != Prev::none) return false;
      s.negative = true;
      s.prev = Prev::minus;
      return true;
    case NumberWordKind::article:
      if (s.prev != Prev::none && s.prev != Prev::joiner && s.prev != Prev::fraction && s.prev != Prev::of)
        return false;
      if (s.prev == Prev::fraction || s.prev == Prev::of) s.prev = Prev::of;  // "half a dozen"
      else s.prev = Prev::article;
      ++s.article_items;
      return true;
    case NumberWordKind::of:
      if (s.prev != Prev::fraction && s.prev != Prev::magnitude) return false;
      if (s.prev == Prev::magnitude) s.done = false;
      s.prev = Prev::of;
      return true;
    case NumberWordKind::over:
      return false;  // handled by read()
  }
  return false;
}

std::optional<NumberMatch> NumberReader::finish(const State& s, uint32_t begin, uint32_t end,
                                                bool allow_article) const {
  if (s.items == 0 || (s.items == s.article_items && !allow_article)) return std::nullopt;  // "een", "un" alone
  NumberMatch m;
  m.span = {begin, end};
  m.ordinal = s.ordinal;
  m.fraction = s.fraction;
  m.words = s.words;
  m.integer = s.integer && !s.fraction;
  m.approximate = s.approximate || s.magnitude;
  m.scaled = s.scaled;
  m.grouped = s.grouped;
  m.year_like = s.year_like && s.items == 1;
  m.glued = s.glued;
  m.money_scale = s.money_scale;
  m.scale = s.scaled && s.last_scale != kInf ? s.last_scale : 1;
  m.ordinal_word = s.ordinal_word;
  m.article = s.items == s.article_items;
  if (s.magnitude) {
    m.value = kNaN;
    m.min = s.mag_min;
    m.max = s.mag_max;
    return m;
  }
  double v = s.value();
  if (s.fraction_of_scale && s.last_scale != kInf && s.group() < 1) v = s.total + s.group() * s.last_scale;
  if (s.ndecimals) {
    char buf[40] = "0.";
    std::copy(s.decimals, s.decimals + s.ndecimals, buf + 2);
    double d = 0;
    if (parse_data_number(std::string_view(buf, 2 + s.ndecimals), d)) v += d;
    m.integer = false;
  }
  // "16.4 million" is 16400000, not 16399999.999999998: twelve significant digits are kept.
  if (s.scaled && !s.integer && v != 0 && std::isfinite(v) && std::fabs(v) < 1e18) {
    double p = std::pow(10.0, 12 - std::ceil(std::log10(std::fabs(v))));
    v = std::round(v * p) / p;
  }
  m.value = s.negative ? -v : v;
  if (m.article) m.value = 1;  // "a", "een": one
  return m;
}

bool NumberReader::feed_word(State& s, const Item* items, int n, State& best, uint32_t& best_end, State& before_joiner,
                             uint32_t& before_joiner_end) const {
  const bool word_start_state = s.items > 0;
  const State word_base = s;
  for (int k = 0; k < n; ++k) {
    if (items[k].word_start && !items[k].word_end) {  // a compound begins
      s.in_compound = word_start_state;
      s.w_total = word_base.total;
      s.w_group = word_base.group();
    }
    if (items[k].type == Item::Type::word && items[k].word->kind == NumberWordKind::joiner) {
      before_joiner = best;
      before_joiner_end = best_end;
    }
    bool ok = feed(s, items[k]);
    ++s.items;
    if (!ok) {
      if (s.after_joiner && is_small(s.prev) && items[k].type == Item::Type::word &&
          (items[k].word->kind == NumberWordKind::hundred || items[k].word->kind == NumberWordKind::scale)) {
        // "3 hundred and 2 hundred": two numbers, not "3 hundred and 2" and another.
        best = before_joiner;
        best_end = before_joiner_end;
      }
      return false;
    }
    if (items[k].word_end) s.in_compound = false;
  }
  return true;
}

std::optional<NumberMatch> NumberReader::read(uint32_t pos, bool continuation, int depth) const {
  State s, best, before_joiner;
  uint32_t best_end = 0, before_joiner_end = 0, p = pos;
  Item items[12];
  bool at_start = true;
  while (p < limit_) {
    int n = lex(p, at_start, continuation && at_start, items, 12);
    if (n == 0) break;
    // "1 over 3", "1 op de 3", "un sur trois": the denominator is a number of its own.
    if (n == 1 && items[0].type == Item::Type::word && items[0].word->kind == NumberWordKind::over) {
      const NumberWord& over = *items[0].word;
      if (depth > 0 || !s.complete() || !s.integer || s.ordinal || s.magnitude || s.value() == 0 ||
          ((over.form & kFormAfterOne) && s.value() != 1))
        break;
      uint32_t q = skip_separators(items[0].end, false);
      auto den = read(q, false, depth + 1);
      if (!den || !den->has_value() || den->ordinal || den->fraction || !den->integer || den->value == 0) break;
      if ((over.form & kFormFinal) && followed_by_noun(den->span.end)) break;
      if ((over.form & kFormProper) && s.value() > den->value) break;  // "douze sur dix"
      auto m = finish(s, pos, den->span.end, /*allow_article=*/true);
      if (!m) break;
      m->value = m->value / den->value;
      m->fraction = true;
      m->integer = false;
      m->article = false;  // "een op de twintig"
      m->words = m->words || den->words;
      return m;
    }
    const State word_base = s;
    bool ok = false;
    for (int alternative = 1;; ++alternative) {
      ok = feed_word(s, items, n, best, best_end, before_joiner, before_joiner_end);
      // A compound read one way may read another ("honderd|en|acht", not "honderden|acht").
      if (ok || n < 2 || alternative > 4) break;
      s = word_base;
      n = lex(p, at_start, false, items, 12, alternative);
      if (n == 0) break;
    }
    if (!ok) break;
    at_start = false;
    uint32_t end = items[n - 1].end;
    if (s.complete() || (s.items == 1 && s.prev == Prev::article)) {  // "a" alone: see finish()
      best = s;
      best_end = end;
    }
    if (s.done) break;
    p = skip_separators(end, items[n - 1].type == Item::Type::word);
  }
  if (best_end == 0) return std::nullopt;
  auto m = finish(best, pos, best_end, /*allow_article=*/true);
  if (!m || depth > 0) return m;

  // "drie eenentwintigste", "une vingt et unième": a number in words, then an ordinal that
  // stopped it, make a fraction.
  if (m->words && m->integer && !m->ordinal && !m->scaled && m->value > 0) {
    uint32_t q = skip_separators(m->span.end, true);
    if (q < limit_ && is_letter_at(text_, q) && may_begin(q)) {
      auto den = read(q, false, depth + 1);
      if (den && den->ordinal && den->words && den->value >= 3) {
        m->value /= den->value;
        m->span.end = den->span.end;
        m->fraction = true;
        m->integer = false;
        m->article = false;  // "een eenentwintigste"
        return m;
      }
    }
  }
  if (m->article) return m;  // "een", "un" alone: one, but no number by itself
  // "2019-2020": a range.
  const bool chained = m->span.begin >= 2 && (text_[m->span.begin - 1] == '-' || text_[m->span.begin - 1] == '/') &&
                       is_digit(text_[m->span.begin - 2]);  // "222" of "1-222-2222"
  if (!m->words && m->integer && !m->grouped && m->glued.empty() && !m->scaled && !m->ordinal && !chained &&
      m->span.end + 1 < limit_ && text_[m->span.end] == '-' && is_digit(text_[m->span.end + 1])) {
    Item second;
    uint32_t q = m->span.end + 1;
    if (lex_digits(q, false, true, second) && second.glued.empty() &&
        !(second.end + 1 < limit_ && (text_[second.end] == '-' || text_[second.end] == '/') &&
          is_digit(text_[second.end + 1])) &&
        second.value > m->value) {
      m->min = m->value;
      m->max = second.value;
      m->span.end = second.end;
      m->year_like = false;
    }
  }
  return m;
}

// --- the parser -----------------------------------------------------------------------------

absl::StatusOr<NumberParser> NumberParser::create() {
  std::vector<NumberLexicon> lexicons;
  for (Lang lang : {Lang::en, Lang::nl, Lang::fr}) {
    auto lex = NumberLexicon::create(lang);
    if (!lex.ok()) return lex.status();
    lexicons.push_back(*std::move(lex));
  }
  auto fractions = VulgarFractions::create();
  if (!fractions.ok()) return fractions.status();
  return NumberParser(std::move(lexicons), *std::move(fractions));
}

Lang NumberParser::language_of(const Document& doc, const Sentence& sentence) {
  if (sentence.language != Lang::und) return sentence.language;
  if (doc.language != Lang::und) return doc.language;
  return Lang::en;
}

bool inside_web_address(std::string_view text, uint32_t pos) {
  uint32_t b = pos;
  while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && pos - b < 512) --b;
  std::string_view run = text.substr(b, pos - b);
  return run.find("://") != std::string_view::npos || run.find('@') != std::string_view::npos ||
         (run.size() >= 4 && (run.compare(0, 4, "www.") == 0 || run.compare(0, 4, "WWW.") == 0));
}

namespace {

uint32_t token_after(const Document& doc, const Sentence& sentence, uint32_t from, uint32_t end) {
  uint32_t t = from;
  while (t < sentence.token_end && doc.tokens[t].span.begin < end) ++t;
  return t;
}

}  // namespace

// "this one", "no one": a phrase of not_numbers.txt ends with the number, and no noun
// follows ("that one mile" is a number).
bool NumberParser::is_not_number(const Document& doc, const Sentence& sentence, uint32_t token,
                                 const NumberMatch& m) const {
  const NumberLexicon& lex = lexicon(language_of(doc, sentence));
  if (lex.not_numbers().empty()) return false;
  bool found = false;
  for (uint32_t k = 1; k <= 2 && token >= sentence.token_begin + k; ++k)
    lex.not_numbers().match(doc.folded, doc.tokens[token - k].span.begin, m.span.end,
                            [&](size_t end, uint32_t) { found = found || end == m.span.end; });
  if (!found) return false;
  uint32_t next = token_after(doc, sentence, token, m.span.end);
  if (next >= sentence.token_end || !doc.tokens[next].is(kTokWord)) return true;
  const Span w = doc.tokens[next].span;
  return lex.stopwords().contains(std::string_view(doc.folded).substr(w.begin, w.size()));
}

std::optional<NumberMatch> NumberParser::parse(const Document& doc, const Sentence& sentence, uint32_t pos) const {
  if (pos < sentence.span.begin || pos >= sentence.span.end) return std::nullopt;
  NumberReader reader(*this, doc, sentence);
  auto m = reader.read(pos);
  if (!m) return m;
  auto first = std::lower_bound(doc.tokens.begin() + sentence.token_begin, doc.tokens.begin() + sentence.token_end, pos,
                                [](const Token& t, uint32_t p) { return t.span.begin < p; });
  m->token_begin = static_cast<uint32_t>(first - doc.tokens.begin());
  m->token_end = token_after(doc, sentence, m->token_begin, m->span.end);
  return m;
}

std::optional<NumberMatch> NumberParser::parse_token(const Document& doc, const Sentence& sentence, uint32_t token) const {
  if (token < sentence.token_begin || token >= sentence.token_end) return std::nullopt;
  return parse(doc, sentence, doc.tokens[token].span.begin);
}

void NumberParser::scan(const Document& doc, const Sentence& sentence, std::vector<NumberMatch>& out,
                        OtherTokens* others) const {
  NumberReader reader(*this, doc, sentence);
  const std::string_view text = doc.text, folded = doc.folded;
  const KeyTrie& words = reader.lexicon().trie();
  const WordFilter* filter = others ? others->filter : nullptr;
  // Local copies: the loop writes to vectors the compiler cannot tell apart from the document.
  const Token* tokens = doc.tokens.data();
  const uint32_t first_token = sentence.token_begin, last_token = sentence.token_end;
  const uint32_t begin = sentence.span.begin, end = sentence.span.end;
  uint32_t covered = begin;  // numbers end here or before
  for (uint32_t t = first_token; t < last_token; ++t) {
    const Token tok = tokens[t];
    const uint32_t b = tok.span.begin;
    if (b < covered) continue;
    bool other = false;  // whether the caller wants this token when it is no number
    uint32_t start = b;
    if (tok.is(kTokWord)) {
      const WordFilter::Slot slot = WordFilter::slot(folded, b, tok.span.size());
      const bool hyphen = tok.is(kTokHyphenated);  // the filters do not see "F-16s"
      if (filter) {
        // Most words stop here: the caller's filter holds the number words too.
        other = filter->test(slot) || hyphen || is_digit(text[tok.span.end - 1]);
        if (!other) continue;
      } else {
        other = others && is_digit(text[tok.span.end - 1]);
      }
      if (!words.may_start(static_cast<unsigned char>(folded[b])) || !(hyphen || words.filter().test(slot)) ||
          !reader.may_begin(b)) {
        if (other) others->tokens.push_back(t);
        continue;
      }
    } else if (tok.is(kTokNumber)) {
      // Not a clock time or score written with a colon ("8:30").
      if ((b > begin + 1 && text[b - 1] == ':' && is_digit(text[b - 2])) ||
          (tok.span.end + 1 < end && text[tok.span.end] == ':' && is_digit(text[tok.span.end + 1])))
        continue;
      // ".5" where the segmenter took the period for the end of a sentence.
      if (t == first_token && b >= 1 && (text[b - 1] == '.' || text[b - 1] == ',') &&
          (b == 1 || text[b - 2] == ' ' || text[b - 2] == '\n'))
        start = b - 1;
    } else {
      // A sign or a leading decimal separator ("-4", ".5"), not after a number ("75 -300"),
      // or a fraction character ("½").
      const char c = text[b];
      other = filter && filter->may_match_word(folded, b, tok.span.size());
      bool candidate = false;
      if (c == '-' || c == '.' || c == ',') {
        const bool after_space = b == begin || text[b - 1] == ' ' || text[b - 1] == '(' || text[b - 1] == '"';
        if (after_space && !(t > first_token && tokens[t - 1].is(kTokNumber))) {
          uint32_t q = b + 1;
          if (c == '-')
            while (q < end && text[q] == ' ') ++q;
          candidate = q < end && is_digit(text[q]);
        }
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        // A fraction character, or a number word the tokenizer took for no word; not the
        // other symbols and quotation marks.
        size_t length = 0;
        fractions_.match(text, b, length);
        candidate = length > 0 || words.may_start(static_cast<unsigned char>(folded[b]));
      }
      if (!candidate) {
        if (other) others->tokens.push_back(t);
        continue;
      }
    }
    std::optional<NumberMatch> m = reader.read(start);
    if (!m || m->article || inside_web_address(text, b) || (m->words && is_not_number(doc, sentence, t, *m))) {
      if (other) others->tokens.push_back(t);
      continue;
    }
    m->token_begin = t;
    m->token_end = token_after(doc, sentence, t, m->span.end);
    covered = m->span.end;
    out.push_back(*m);
    // More numbers in the rest of the same token: "192.168.1.2", "+1-222-2222".
    uint32_t token_end = tokens[m->token_end - 1].span.end;
    while (covered < token_end && m->glued.empty()) {
      uint32_t q = covered;
      while (q < token_end && !is_digit(text[q])) ++q;
      if (q >= token_end) break;
      const uint32_t in_token = m->token_end - 1;
      m = reader.read(q, /*continuation=*/true);
      if (!m) break;
      m->token_begin = in_token;
      m->token_end = token_after(doc, sentence, t, m->span.end);
      covered = m->span.end;
      out.push_back(*m);
    }
    if (covered < token_end && !out.empty() && !out.back().glued.empty()) covered = token_end;
  }
}

}  // namespace eventwire::internal
