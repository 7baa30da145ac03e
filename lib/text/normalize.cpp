#include "text/normalize.hpp"

#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <boost/locale/generator.hpp>
#include <boost/locale/conversion.hpp>
#include <boost/locale/localization_backend.hpp>

#include "lexicon/data_files.hpp"
#include "text/ascii_scan.hpp"
#include "text/utf8.hpp"
#include "util/status.hpp"

namespace eventwire::internal {
namespace {

// "U+2019" -> 0x2019; -1 when malformed.
long parse_code_point(std::string_view s) {
  if (s.size() < 6 || s[0] != 'U' || s[1] != '+') return -1;
  long v = 0;
  for (char c : s.substr(2)) {
    int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v <= 0x10FFFF ? v : -1;
}

bool needs_composition(char32_t cp) {
  return u_getCombiningClass(static_cast<UChar32>(cp)) != 0 ||
         u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) != UNORM_YES;
}

}  // namespace

absl::StatusOr<Normalizer> Normalizer::create() {
  Normalizer n;
  const data::DataFile* table = data::find_file("common/characters.tsv");
  if (!table) return absl::InternalError("language data lacks common/characters.tsv");
  for (uint32_t r = 0; r < table->rows; ++r) {
    long from = parse_code_point(table->cell(r, 0));
    if (from < 0) return absl::InternalError("common/characters.tsv: bad code point");
    std::string to;
    std::string_view spec = table->cell(r, 1);
    while (!spec.empty()) {
      size_t sp = spec.find(' ');
      long cp = parse_code_point(spec.substr(0, sp));
      if (cp < 0) return absl::InternalError("common/characters.tsv: bad replacement");
      utf8::append(to, static_cast<char32_t>(cp));
      spec = sp == std::string_view::npos ? std::string_view() : spec.substr(sp + 1);
    }
    n.replacements_[static_cast<char32_t>(from)] = std::move(to);
  }
  auto backends = boost::locale::localization_backend_manager::global();
  bool has_icu = false;
  for (const std::string& name : backends.get_all_backends()) has_icu |= name == "icu";
  if (!has_icu) return absl::UnavailableError("Boost.Locale was built without its ICU backend");
  backends.select("icu");
  boost::locale::generator generator(backends);
  n.icu_locale_ = generator("en_US.UTF-8");
  n.actions_.resize(kActionTableSize);
  for (char32_t cp = 0; cp < kActionTableSize; ++cp) n.actions_[cp] = n.compute_action(cp);
  return n;
}

Normalizer::Action Normalizer::compute_action(char32_t cp) const {
  if (replacements_.count(cp)) return Action::replace;
  if (cp < 0xA0) return Action::control;
  return needs_composition(cp) ? Action::compose : Action::keep;
}

absl::StatusOr<NormalizedText> Normalizer::normalize(std::string_view input, bool strict_utf8) const {
  NormalizedText out;
  std::string& text = out.text;
  text.reserve(input.size() + input.size() / 16);
  const auto* in = reinterpret_cast<const unsigned char*>(input.data());
  const size_t n = input.size();
  // Where the last character that starts a composition sequence was written, and read.
  uint32_t starter_out = 0, starter_in = 0;

  auto replace = [&](size_t at, uint32_t length, std::string_view with) {
    uint32_t begin = static_cast<uint32_t>(text.size());
    text.append(with);
    out.offsets.add_edit(begin, static_cast<uint32_t>(text.size()), static_cast<uint32_t>(at),
                         static_cast<uint32_t>(at + length));
  };

  size_t i = 0;
  while (i < n) {
    // Plain ASCII (line feeds and tabs included) is by far the most common case: copy runs of
    // it at once.
    const size_t run = ascii::skip_plain(in, i, n);
    if (run > i) {
      text.append(input.data() + i, run - i);
      starter_out = static_cast<uint32_t>(text.size() - 1);
      starter_in = static_cast<uint32_t>(run - 1);
      i = run;
      continue;
    }
    const unsigned char b = in[i];
    if (b < 0x80) {  // other control characters: same length, so no edit is needed
      if (b == '\r' && i + 1 < n && in[i + 1] == '\n') {
        replace(i, 1, "");  // CR LF -> LF
        ++i;
        continue;
      }
      starter_out = static_cast<uint32_t>(text.size());
      starter_in = static_cast<uint32_t>(i);
      text += b == '\r' ? '\n' : ' ';
      ++i;
      continue;
    }
    utf8::Decoded d = utf8::decode(in, n, i);
    if (!d.valid) {
      if (strict_utf8)
        return make_error(ErrorCode::invalid_utf8, "input is not valid UTF-8 (byte " + std::to_string(i) + ")");
      ++out.invalid_sequences;
      starter_out = static_cast<uint32_t>(text.size());
      starter_in = static_cast<uint32_t>(i);
      replace(i, d.length, "\xEF\xBF\xBD");
      i += d.length;
      continue;
    }
    const char32_t cp = d.code_point;
    const Action act = action(cp);
    if (act != Action::compose) {
      starter_out = static_cast<uint32_t>(text.size());
      starter_in = static_cast<uint32_t>(i);
      if (act == Action::keep) text.append(input.data() + i, d.length);
      else if (act == Action::replace) replace(i, d.length, replacements_.find(cp)->second);
      else replace(i, d.length, " ");  // C1 controls
      i += d.length;
      continue;
    }
    // A combining sequence: gather the marks that follow, then compose it with the last starter.
    size_t seq_end = i;
    while (seq_end < n) {
      utf8::Decoded m = utf8::decode(in, n, seq_end);
      if (!m.valid || action(m.code_point) != Action::compose) break;
      seq_end += m.length;
    }
    std::string sequence = text.substr(starter_out);
    sequence.append(input.data() + i, seq_end - i);
    std::string composed = boost::locale::normalize(sequence, boost::locale::norm_nfc, icu_locale_);
    text.resize(starter_out);
    out.offsets.drop_edits_from(starter_out);
    out.offsets.add_edit(starter_out, static_cast<uint32_t>(starter_out + composed.size()), starter_in,
                         static_cast<uint32_t>(seq_end));
    text += composed;
    i = seq_end;
  }
  out.folded = fold_case(text);
  return out;
}

namespace {

// Lower-cases the character at p[i] into q[i...] where its lower case has the same length;
// returns the character's length.
uint32_t fold_char(const unsigned char* p, unsigned char* q, size_t n, size_t i) {
  // The lower case of the characters below U+3000 where it differs and has the same length
  // in UTF-8 (else 0).
  static constexpr char32_t kTableSize = 0x3000;
  static const std::vector<uint16_t> kLower = [] {
    std::vector<uint16_t> lower(kTableSize, 0);
    for (UChar32 cp = 0x80; cp < static_cast<UChar32>(kTableSize); ++cp) {
      auto l = static_cast<char32_t>(u_tolower(cp));
      if (l != static_cast<char32_t>(cp) && utf8::encoded_length(l) == utf8::encoded_length(cp))
        lower[cp] = static_cast<uint16_t>(l);
    }
    return lower;
  }();
  const utf8::Decoded d = utf8::decode(p, n, i);
  if (!d.valid) return d.length;
  char32_t lower;
  if (d.code_point < kTableSize) {
    lower = kLower[d.code_point];
    if (!lower) return d.length;
  } else {
    lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(d.code_point)));
    if (lower == d.code_point || utf8::encoded_length(lower) != d.length) return d.length;
  }
  // The same length: write it over the character's bytes.
  unsigned char* out = q + i;
  switch (d.length) {
    case 2:
      out[0] = static_cast<unsigned char>(0xC0 | (lower >> 6));
      out[1] = static_cast<unsigned char>(0x80 | (lower & 0x3F));
      break;
    case 3:
      out[0] = static_cast<unsigned char>(0xE0 | (lower >> 12));
      out[1] = static_cast<unsigned char>(0x80 | ((lower >> 6) & 0x3F));
      out[2] = static_cast<unsigned char>(0x80 | (lower & 0x3F));
      break;
    default:
      out[0] = static_cast<unsigned char>(0xF0 | (lower >> 18));
      out[1] = static_cast<unsigned char>(0x80 | ((lower >> 12) & 0x3F));
      out[2] = static_cast<unsigned char>(0x80 | ((lower >> 6) & 0x3F));
      out[3] = static_cast<unsigned char>(0x80 | (lower & 0x3F));
  }
  return d.length;
}

#ifdef __SSE2__
// Folds the characters other than ASCII of the sixteen bytes at p[i] (`others`: a bit for each
// byte 0x80 and above), and first the rest of the character begun at `pending` before them.
// Returns where a character running past the sixteen bytes begins (it is folded with the
// next ones, once they are written), or SIZE_MAX.
size_t fold_others(const unsigned char* p, unsigned char* q, size_t n, size_t i, unsigned others, size_t pending) {
  if (pending != SIZE_MAX) {
    size_t end = pending;
    while (end < i) end += fold_char(p, q, n, end);
    others &= ~0u << (end - i);
  }
  while (others) {
    const size_t at = i + static_cast<size_t>(__builtin_ctz(others));
    if (at + (p[at] < 0xE0 ? 2 : p[at] < 0xF0 ? 3 : 4) > i + 16) return at;
    others &= ~0u << (at + fold_char(p, q, n, at) - i);
  }
  return SIZE_MAX;
}
#endif

}  // namespace

std::string fold_case(std::string_view text) {
  std::string out;
  fold_case(text, out);
  return out;
}

void fold_case(std::string_view text, std::string& out) {
  out.resize(text.size());
  const auto* __restrict p = reinterpret_cast<const unsigned char*>(text.data());
  auto* __restrict q = reinterpret_cast<unsigned char*>(out.data());
  const size_t n = text.size();
  size_t i = 0;
  size_t rest = 0;  // where the characters other than ASCII are still to be folded, after the loop
#ifdef __SSE2__
  // Sixteen bytes at a time: ASCII capitals are lowered in the vector, the other characters
  // (bytes 0x80 and above) one by one.
  const __m128i before_a = _mm_set1_epi8('A' - 1), after_z = _mm_set1_epi8('Z' + 1), to_lower = _mm_set1_epi8(32);
  size_t pending = SIZE_MAX;
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, before_a), _mm_cmplt_epi8(v, after_z));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(q + i), _mm_add_epi8(v, _mm_and_si128(upper, to_lower)));
    const auto others = static_cast<unsigned>(_mm_movemask_epi8(v));
    if (others || pending != SIZE_MAX) pending = fold_others(p, q, n, i, others, pending);
  }
  rest = pending != SIZE_MAX ? pending : i;
#endif
  for (size_t k = i; k < n; ++k) {
    const unsigned char c = p[k];
    q[k] = static_cast<unsigned char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
  }
  for (size_t k = rest; k < n;) k = p[k] < 0x80 ? k + 1 : k + fold_char(p, q, n, k);
}

}  // namespace eventwire::internal
