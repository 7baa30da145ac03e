// The digits grammar. Each rule records what it read in the NumberAst of the parse context;
// every alternative starts by clearing what a failed alternative may have left there, and
// within an alternative an action runs only once what it records can no longer be undone
// (lookaheads sit inside the raw[] they guard).
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "recognize/ascii_x3.hpp"
#include "recognize/number/digits/ast.hpp"
#include "recognize/number/digits/config.hpp"
#include "recognize/number/digits/grammar.hpp"

namespace eventwire::internal::digits::grammar {

namespace x3 = boost::spirit::x3;
using x3::char_;
using ascii_x3::digit;
using x3::eps;
using x3::lit;
using x3::raw;
using x3::repeat;

template <class Context>
NumberAst& ast_of(const Context& ctx) {
  return x3::get<ast_tag>(ctx);
}
template <class Attribute>
Range range_of(const Attribute& r) {
  return {&*r.begin(), &*r.begin() + (r.end() - r.begin())};
}

// --- semantic actions ---------------------------------------------------------------------
inline const auto clear = [](auto& ctx) { ast_of(ctx).clear_mantissa(); };
inline const auto set_sign = [](auto& ctx) { ast_of(ctx).sign = x3::_attr(ctx); };
template <char Group>
inline const auto set_integer = [](auto& ctx) {
  ast_of(ctx).integer = range_of(x3::_attr(ctx));
  ast_of(ctx).group = Group;
};
template <char Decimal>
inline const auto set_decimals = [](auto& ctx) {
  ast_of(ctx).decimals = range_of(x3::_attr(ctx));
  ast_of(ctx).decimal = Decimal;
};
template <Exponent Kind>
inline const auto set_exponent = [](auto& ctx) {
  ast_of(ctx).exponent = range_of(x3::_attr(ctx));
  ast_of(ctx).exponent_kind = Kind;
};
inline const auto set_numerator = [](auto& ctx) { ast_of(ctx).numerator = range_of(x3::_attr(ctx)); };
inline const auto set_denominator = [](auto& ctx) { ast_of(ctx).denominator = range_of(x3::_attr(ctx)); };

// --- pieces -------------------------------------------------------------------------------
// Pieces that depend on a separator are functions, built when a rule is defined: variable
// templates would be initialised in no set order, possibly before the pieces they copy.
inline const auto separator = char_(".,");
inline const auto group3 = repeat(3)[digit] >> !digit;          // "000" of "1,000"
inline const auto lead = repeat(1, 3)[digit] >> !digit;          // "1" of "1,000"
template <char G>
auto groups() {  // "1,000,000"
  return raw[lead >> +(lit(G) >> group3)];
}
template <char G>
auto two_groups() {
  return raw[lead >> lit(G) >> group3 >> +(lit(G) >> group3)];
}
// Decimals; with the other convention's separator only where the number visibly ends
// ("1,3." but not "22,24,26").
template <char D>
auto decimals() {
  return lit(D) >> raw[+digit][set_decimals<D>];
}
template <char D>
auto final_decimals() {
  return lit(D) >> raw[+digit >> !(separator >> digit)][set_decimals<D>];
}

inline const auto sign = -(char_("+-")[set_sign] >> *lit(' '));
inline const auto fraction = raw[repeat(1, 3)[digit]][set_numerator] >> !digit >> lit('/') >> !lit('0') >>
                             raw[repeat(1, 3)[digit]][set_denominator] >> !digit >> !(lit('/') >> digit);
inline const auto mixed = raw[+digit][set_integer<0>] >> +lit(' ') >> fraction;
inline const auto indian = raw[repeat(1, 2)[digit] >> !digit >> +(lit(',') >> repeat(2)[digit] >> !digit) >>
                               lit(',') >> group3][set_integer<','>] >>
                           -decimals<'.'>();
inline const auto spaced = groups<' '>()[set_integer<' '>] >> -(final_decimals<'.'>() | final_decimals<','>());
inline const auto exponent =
    ((lit('x') | lit("\xC3\x97")) >> lit("10^") >> raw[-char_("+-") >> +digit][set_exponent<Exponent::scientific>]) |
    (lit('^') >> raw[*char_("+-") >> +digit][set_exponent<Exponent::power>]) |
    ((lit('e') | lit('E')) >> raw[-char_("+-") >> +digit >> !ascii_x3::letter][set_exponent<Exponent::scientific>]);

// A number with decimal separator D and group separator G (the other one).
template <char D, char G>
auto number_body() {
  return
    sign >> ((eps[clear] >> mixed) | (eps[clear] >> fraction) |
             (eps[clear] >> groups<G>()[set_integer<G>] >> -decimals<D>() >> -exponent) |
             (eps[clear] >> indian >> -exponent) |
             (eps[clear] >> two_groups<D>()[set_integer<D>] >> -final_decimals<G>() >> -exponent) |
             (eps[clear] >> groups<D>()[set_integer<D>] >> final_decimals<G>() >> -exponent) |
             (eps[clear] >> spaced >> -exponent) |
             (eps[clear] >> raw[+digit][set_integer<0>] >> -(decimals<D>() | final_decimals<G>()) >> -exponent) |
             (eps[clear] >> (decimals<D>() | final_decimals<G>()) >> -exponent));
}

// --- rules --------------------------------------------------------------------------------
inline const number_dot_type number_dot_rule = "number_dot";
inline const number_comma_type number_comma_rule = "number_comma";
inline const auto number_dot_rule_def = number_body<'.', ','>();
inline const auto number_comma_rule_def = number_body<',', '.'>();
BOOST_SPIRIT_DEFINE(number_dot_rule, number_comma_rule)

}  // namespace eventwire::internal::digits::grammar
