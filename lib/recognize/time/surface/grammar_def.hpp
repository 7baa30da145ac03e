// The surface grammar: dates and clock times written with digits. It reads the bytes at a
// position and says which forms start there; it knows no words beyond the few letters that are
// part of these forms (T, W, Q, H, h, u, am/pm, ordinal endings). Month names, weekdays and
// everything else in words come from the language data (recognize/time/time_lexicon.hpp).
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "recognize/ascii_x3.hpp"
#include "recognize/time/surface/ast.hpp"
#include "recognize/time/surface/ast_adapted.hpp"
#include "recognize/time/surface/grammar.hpp"

namespace eventwire::internal::time_surface::parser {

namespace x3 = boost::spirit::x3;
namespace ascii = ascii_x3;

// Integers of a fixed number of digits.
const x3::uint_parser<int, 10, 4, 4> year4{};
const x3::uint_parser<int, 10, 1, 2> d12{};
const x3::uint_parser<int, 10, 2, 2> d2{};
const x3::uint_parser<int, 10, 1, 1> d1{};
const x3::uint_parser<int, 10, 3, 4> d34{};
const x3::uint_parser<int, 10, 1, 4> d14{};

// am/pm written out, in any case: "am", "a.m.", "PM", "p.m.".
struct meridiem_words_ : x3::symbols<char> {
  meridiem_words_() {
    for (std::string_view w : {"am", "a.m", "a.m."}) ascii::add_any_case(*this, w, 'a');
    for (std::string_view w : {"pm", "p.m", "p.m."}) ascii::add_any_case(*this, w, 'p');
  }
} const meridiem_words;

// Ordinal endings after digits, in any case: 21st, 3RD, 1er, 2e, 2ème, 21ste, 3de.
struct ascii_ordinal_endings_ : x3::symbols<char> {
  ascii_ordinal_endings_() {
    for (std::string_view e : {"st", "nd", "rd", "th", "e", "er", "re", "eme", "ste", "de", "ieme"})
      ascii::add_any_case(*this, e, 's');
  }
} const ascii_ordinal_endings;
struct accented_ordinal_endings_ : x3::symbols<char> {
  accented_ordinal_endings_() { add("ème", 's')("ième", 's')("è", 's')("ère", 's'); }
} const accented_ordinal_endings;

const auto no_letter = !ascii::letter;
const auto no_digit = !ascii::digit;
const auto no_alnum = !ascii::alnum;

// am/pm glued to the digits ("6pm", "5:16p") or after spaces ("6 p.m.").
const auto meridiem_glued = (meridiem_words | x3::char_("aApP")) >> no_letter;
const auto meridiem_spaced = x3::omit[+x3::lit(' ')] >> meridiem_words >> no_letter;
const auto meridiem = meridiem_glued | meridiem_spaced;

// --- dates, year first ---------------------------------------------------------------------
const auto ymd_with = [](char s) { return year4 >> x3::char_(s) >> d12 >> -(x3::lit(s) >> d12); };
const year_first_date_type year_first_date = "year_first_date";
const auto year_first_date_def = (ymd_with('-') | ymd_with('/') | ymd_with('.')) >> no_digit;

const auto ymd_full = x3::rule<class ymd_full_class, ast::YearFirstDate>{"ymd_full"} =
    year4 >> x3::char_('-') >> d12 >> x3::lit('-') >> d12;
const auto zone = x3::char_('Z') | (x3::char_("+-") >> x3::omit[d2 >> -(-x3::lit(':') >> d2)]);
const auto iso_clock = x3::rule<class iso_clock_class, ast::IsoClock>{"iso_clock"} =
    x3::omit[x3::char_("Tt ")] >> d2 >> x3::lit(':') >> d2 >>
    -(x3::lit(':') >> d2 >> x3::omit[-(x3::char_(".,") >> +ascii::digit)]) >> -zone;
const iso_datetime_type iso_datetime = "iso_datetime";
const auto iso_datetime_def = ymd_full >> iso_clock >> no_digit;

const year_week_type year_week = "year_week";
const auto year_week_def = year4 >> -x3::lit('-') >> x3::omit[x3::char_("wW")] >> d2 >> -(x3::lit('-') >> d1) >> no_alnum;

const year_part_type year_part = "year_part";
const auto year_part_def = year4 >> -x3::lit('-') >> -x3::lit(' ') >> x3::char_("qQhH") >> d1 >> no_alnum;

// --- dates, numbers in some order: the caller decides which is the day -------------------
const auto numbers_with = [](char s) { return d12 >> x3::char_(s) >> (year4 | d12) >> -(x3::lit(s) >> (year4 | d2)); };
const numeric_date_type numeric_date = "numeric_date";
const auto numeric_date_def =
    (numbers_with('/') | numbers_with('-') | numbers_with('.') | numbers_with(' ')) >> no_digit >> no_letter;

// --- clock times ---------------------------------------------------------------------------
const auto none = boost::optional<int>();
// 18h30, 18u30, 8h, 10 h 30, 8h10m00s
const auto h_clock = d12 >> x3::omit[-x3::lit(' ')] >> x3::char_("hHuU") >> no_letter >>
                     -(x3::omit[-x3::lit(' ')] >> d2 >> no_digit) >>
                     -(x3::omit[x3::char_("mM")] >> d2 >> x3::omit[-x3::char_("sS")]) >>
                     x3::omit[-(x3::char_("mM") >> no_letter)] >> -meridiem;
// 18:30, 18:30:05, 7:56:30 pm
const auto colon_clock = d12 >> x3::char_(':') >> d2 >> -(x3::lit(':') >> d2) >> no_digit >> -meridiem;
// 6.30pm, 9.30 (the caller asks for a time context)
const auto dot_clock = d12 >> x3::char_('.') >> d2 >> x3::attr(none) >> no_digit >> !(x3::lit('.') >> ascii::digit) >> -meridiem;
// 6pm, 6 p.m.
const auto hour_meridiem = d12 >> x3::attr(' ') >> x3::attr(none) >> x3::attr(none) >> meridiem;
// 1230pm
const auto packed_meridiem = d34 >> x3::attr('m') >> x3::attr(none) >> x3::attr(none) >> meridiem;
const clock_type clock = "clock";
const auto clock_def = h_clock | colon_clock | dot_clock | hour_meridiem | packed_meridiem;

// --- year ranges, decades, ordinals ------------------------------------------------------------
const year_range_type year_range = "year_range";
const auto year_range_def =
    year4 >> x3::char_("-~/") >> (year4 | d2) >> no_digit >> no_letter >> !(x3::char_("-/.") >> ascii::digit);

const decade_type decade = "decade";
const auto decade_def = (year4 | (x3::lit('\'') >> d2) | d2) >> x3::omit[-x3::lit('\'')] >> x3::omit[-x3::lit(' ')] >>
                        x3::omit[x3::char_("sS")] >> no_letter;

const ordinal_type ordinal = "ordinal";
const auto ordinal_def =
    d14 >> x3::omit[ascii_ordinal_endings | accented_ordinal_endings] >> no_letter;

BOOST_SPIRIT_DEFINE(year_first_date, iso_datetime, year_week, year_part, numeric_date, clock, year_range, decade,
                    ordinal)

}  // namespace eventwire::internal::time_surface::parser

namespace eventwire::internal::time_surface {

parser::year_first_date_type const& year_first_date() { return parser::year_first_date; }
parser::iso_datetime_type const& iso_datetime() { return parser::iso_datetime; }
parser::year_week_type const& year_week() { return parser::year_week; }
parser::year_part_type const& year_part() { return parser::year_part; }
parser::numeric_date_type const& numeric_date() { return parser::numeric_date; }
parser::clock_type const& clock() { return parser::clock; }
parser::year_range_type const& year_range() { return parser::year_range; }
parser::decade_type const& decade() { return parser::decade; }
parser::ordinal_type const& ordinal() { return parser::ordinal; }

}  // namespace eventwire::internal::time_surface
