#include "text/normalize.hpp"

#include <cstring>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <boost/locale/generator.hpp>
#include <boost/locale/conversion.hpp>
#include <boost/locale/localization_backend.hpp>

#include "lexicon/data_files.hpp"
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
  return n;
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
    // Plain ASCII is by far the most common case: copy runs of it at once.
    size_t run = i;
    while (run < n && in[run] >= 0x20 && in[run] < 0x7F) ++run;
    if (run > i) {
      text.append(input.data() + i, run - i);
      starter_out = static_cast<uint32_t>(text.size() - 1);
      starter_in = static_cast<uint32_t>(run - 1);
      i = run;
      continue;
    }
    const unsigned char b = in[i];
    if (b < 0x80) {  // control characters: same length, so no edit is needed
      if (b == '\r' && i + 1 < n && in[i + 1] == '\n') {
        replace(i, 1, "");  // CR LF -> LF
        ++i;
        continue;
      }
      starter_out = static_cast<uint32_t>(text.size());
      starter_in = static_cast<uint32_t>(i);
      text += b == '\r' ? '\n' : (b == '\n' || b == '\t') ? static_cast<char>(b) : ' ';
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
    if (auto it = replacements_.find(cp); it != replacements_.end()) {
      starter_out = static_cast<uint32_t>(text.size());
      starter_in = static_cast<uint32_t>(i);
      replace(i, d.length, it->second);
      i += d.length;
      continue;
    }
    if (cp < 0xA0) {  // C1 controls
      starter_out = static_cast<uint32_t>(text.size());
      starter_in = static_cast<uint32_t>(i);
      replace(i, d.length, " ");
      i += d.length;
      continue;
    }
    if (!needs_composition(cp)) {
      starter_out = static_cast<uint32_t>(text.size());
      starter_in = static_cast<uint32_t>(i);
      text.append(input.data() + i, d.length);
      i += d.length;
      continue;
    }
    // A combining sequence: gather the marks that follow, then compose it with the last starter.
    size_t seq_end = i;
    while (seq_end < n) {
      utf8::Decoded m = utf8::decode(in, n, seq_end);
      if (!m.valid || replacements_.count(m.code_point) || !needs_composition(m.code_point)) break;
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

std::string fold_case(std::string_view text) {
  std::string out(text.size(), '\0');
  const auto* __restrict p = reinterpret_cast<const unsigned char*>(text.data());
  auto* __restrict q = reinterpret_cast<unsigned char*>(out.data());
  const size_t n = text.size();
  // ASCII first, in a loop the compiler vectorises; other bytes are copied unchanged ...
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = p[i];
    q[i] = static_cast<unsigned char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
  }
  // ... then the non-ASCII characters, one by one, skipping ASCII eight bytes at a time.
  for (size_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      uint64_t word;
      if (i + 8 <= n && (std::memcpy(&word, p + i, 8), (word & 0x8080808080808080ull) == 0)) i += 8;
      else ++i;
      continue;
    }
    utf8::Decoded d = utf8::decode(p, text.size(), i);
    if (d.valid) {
      char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(d.code_point)));
      if (lower != d.code_point && utf8::encoded_length(lower) == d.length) {
        std::string enc;
        utf8::append(enc, lower);
        out.replace(i, d.length, enc);
      }
    }
    i += d.length;
  }
  return out;
}

}  // namespace eventwire::internal
