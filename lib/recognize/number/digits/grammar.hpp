// The digits grammar's rules (X3 "minimal" layout: declared here, defined in digits_def.hpp,
// instantiated once in digits.cpp). Only digits.cpp includes this header.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "recognize/number/digits/config.hpp"

namespace eventwire::internal::digits::grammar {

namespace x3 = boost::spirit::x3;

// A number whose decimal separator is '.' (English) or ',' (Dutch, French).
using number_dot_type = x3::rule<class number_dot>;
using number_comma_type = x3::rule<class number_comma>;
BOOST_SPIRIT_DECLARE(number_dot_type, number_comma_type)

number_dot_type const& number_dot();
number_comma_type const& number_comma();

}  // namespace eventwire::internal::digits::grammar
