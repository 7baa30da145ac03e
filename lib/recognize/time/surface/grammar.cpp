// The one translation unit that compiles the surface grammar.
#include "recognize/time/surface/config.hpp"
#include "recognize/time/surface/grammar_def.hpp"
#include "recognize/time/surface/surface.hpp"

namespace eventwire::internal::time_surface {
namespace parser {

BOOST_SPIRIT_INSTANTIATE(year_first_date_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(iso_datetime_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(year_week_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(year_part_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(numeric_date_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(clock_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(year_range_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(decade_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(ordinal_type, iterator_type, context_type)

}  // namespace parser

namespace {

// Runs `rule` at `first`; the length it read, or 0 (its attribute is then left as it was).
template <class Rule, class Attribute>
uint32_t run(const Rule& rule, const char* first, const char* last, Attribute& attribute) {
  const char* it = first;
  Attribute parsed{};
  if (!boost::spirit::x3::parse(it, last, rule, parsed)) return 0;
  attribute = parsed;
  return static_cast<uint32_t>(it - first);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Forms parse(std::string_view text, size_t pos, size_t end) {
  Forms f;
  if (pos >= end || end > text.size()) return f;
  const char* first = text.data() + pos;
  const char* last = text.data() + end;
  if (*first == '\'') {  // only '90s starts with an apostrophe
    f.decade_length = run(decade(), first, last, f.decade);
    return f;
  }
  if (!is_digit(*first)) return f;
  // Forms that start with four digits.
  if (last - first >= 4 && is_digit(first[1]) && is_digit(first[2]) && is_digit(first[3])) {
    f.year_first_date_length = run(year_first_date(), first, last, f.year_first_date);
    f.iso_datetime_length = run(iso_datetime(), first, last, f.iso_datetime);
    f.year_week_length = run(year_week(), first, last, f.year_week);
    f.year_part_length = run(year_part(), first, last, f.year_part);
    f.year_range_length = run(year_range(), first, last, f.year_range);
  }
  f.numeric_date_length = run(numeric_date(), first, last, f.numeric_date);
  f.clock_length = run(clock(), first, last, f.clock);
  f.decade_length = run(decade(), first, last, f.decade);
  f.ordinal_length = run(ordinal(), first, last, f.ordinal);
  return f;
}

}  // namespace eventwire::internal::time_surface
