// The only translation unit that compiles the digits grammar.
#include "recognize/number/digits/digits.hpp"

#include <charconv>
#include <cmath>

#include "recognize/number/digits/digits_def.hpp"

namespace eventwire::internal::digits {

namespace grammar {
BOOST_SPIRIT_INSTANTIATE(number_dot_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(number_comma_type, iterator_type, context_type)
number_dot_type const& number_dot() { return number_dot_rule; }
number_comma_type const& number_comma() { return number_comma_rule; }
}  // namespace grammar

bool parse(const char*& first, const char* last, char decimal, NumberAst& out) {
  namespace x3 = boost::spirit::x3;
  out = NumberAst{};
  const char* it = first;
  bool ok = decimal == ','
                ? x3::parse(it, last, x3::with<ast_tag>(out)[grammar::number_comma()])
                : x3::parse(it, last, x3::with<ast_tag>(out)[grammar::number_dot()]);
  if (!ok || (out.integer.empty() && out.decimals.empty() && out.numerator.empty())) return false;
  first = it;
  return true;
}

namespace {

// Digits of `r`, separators skipped, appended to buf; false when they do not fit.
bool append_digits(Range r, char* buf, size_t& n, size_t cap) {
  for (const char* p = r.begin; p != r.end; ++p) {
    if (*p < '0' || *p > '9') continue;
    if (n + 1 >= cap) return false;
    buf[n++] = *p;
  }
  return true;
}

std::optional<double> to_double(const char* begin, const char* end) {
  double v = 0;
  auto r = std::from_chars(begin, end, v);
  if (r.ec != std::errc() || r.ptr != end) return std::nullopt;
  return v;
}

std::optional<double> whole(Range r) {
  char buf[64];
  size_t n = 0;
  if (!append_digits(r, buf, n, sizeof buf) || n == 0) return std::nullopt;
  return to_double(buf, buf + n);
}

}  // namespace

std::optional<double> evaluate(const NumberAst& ast) {
  double value = 0;
  if (!ast.numerator.empty()) {
    auto num = whole(ast.numerator), den = whole(ast.denominator);
    if (!num || !den || *den == 0) return std::nullopt;
    value = *num / *den;
    if (!ast.integer.empty()) {
      auto w = whole(ast.integer);
      if (!w) return std::nullopt;
      value += *w;
    }
  } else if (ast.decimals.empty() && ast.integer.size() <= 15) {
    // Most numbers: a whole number of at most 15 digits, exact in a double, read without text
    // conversion.
    uint64_t digits = 0;
    for (const char* p = ast.integer.begin; p != ast.integer.end; ++p)
      if (*p >= '0' && *p <= '9') digits = digits * 10 + static_cast<uint64_t>(*p - '0');
    value = static_cast<double>(digits);
  } else {
    char buf[96];
    size_t n = 0;
    buf[n++] = '0';
    if (!append_digits(ast.integer, buf, n, sizeof buf)) return std::nullopt;
    if (!ast.decimals.empty()) {
      buf[n++] = '.';
      if (!append_digits(ast.decimals, buf, n, sizeof buf)) return std::nullopt;
    }
    auto v = to_double(buf, buf + n);
    if (!v) return std::nullopt;
    value = *v;
  }
  if (ast.exponent_kind != Exponent::none) {
    int minus = 0;
    const char* p = ast.exponent.begin;
    for (; p != ast.exponent.end && (*p == '-' || *p == '+'); ++p) minus += *p == '-';
    auto e = whole(Range{p, ast.exponent.end});
    if (!e) return std::nullopt;
    double exponent = (minus % 2) ? -*e : *e;
    value = ast.exponent_kind == Exponent::power ? std::pow(value, exponent) : value * std::pow(10.0, exponent);
    if (!std::isfinite(value)) return std::nullopt;
  }
  return ast.sign == '-' ? -value : value;
}

}  // namespace eventwire::internal::digits
