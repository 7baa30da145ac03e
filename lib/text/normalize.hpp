// Normalisation: any bytes in, clean UTF-8 out, with an offset map back to the input.
//
//   - ill-formed UTF-8 becomes U+FFFD (or is refused in strict mode);
//   - line ends become "\n"; control characters become spaces;
//   - characters listed in lib/lang/common/characters.tsv are folded (typographic quotes and
//     dashes, no-break and thin spaces, ellipsis; zero-width characters are dropped);
//   - the rest is put in Unicode NFC (through Boost.Locale's ICU backend);
//   - a lower-case copy aligned byte for byte with the text is made for dictionary lookups.
#pragma once

#include <cstdint>
#include <locale>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "text/offset_map.hpp"

namespace eventwire::internal {

struct NormalizedText {
  std::string text;
  std::string folded;  // lower case, same length and character boundaries as `text`
  OffsetMap offsets;
  size_t invalid_sequences = 0;  // ill-formed sequences replaced by U+FFFD
};

class Normalizer {
 public:
  // Loads the character folding table; fails when Boost.Locale lacks the ICU backend.
  static absl::StatusOr<Normalizer> create();

  absl::StatusOr<NormalizedText> normalize(std::string_view input, bool strict_utf8) const;

 private:
  // What normalize() does with a character other than ASCII.
  enum class Action : uint8_t {
    keep,     // copied as it is
    replace,  // folded by the table (replacements_)
    control,  // a C1 control: a space
    compose,  // may combine with the character before it (NFC)
  };
  Action action(char32_t cp) const { return cp < kActionTableSize ? actions_[cp] : compute_action(cp); }
  Action compute_action(char32_t cp) const;

  absl::flat_hash_map<char32_t, std::string> replacements_;
  // The actions of the characters below U+3000 (the alphabets and punctuation), worked out once.
  static constexpr char32_t kActionTableSize = 0x3000;
  std::vector<Action> actions_;
  std::locale icu_locale_;
};

// Lower-cases `text` character by character where the lower-case form has the same UTF-8
// length (so offsets stay aligned); other characters are kept as they are.
std::string fold_case(std::string_view text);
// The same into `out` (a buffer reused between calls).
void fold_case(std::string_view text, std::string& out);

}  // namespace eventwire::internal
