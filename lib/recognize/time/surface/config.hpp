// The iterator and context the surface grammar is instantiated for (grammar.cpp): it reads
// bytes of normalised text, without a skipper.
#pragma once

#include <boost/spirit/home/x3.hpp>

namespace eventwire::internal::time_surface::parser {

using iterator_type = const char*;
using context_type = boost::spirit::x3::unused_type;

}  // namespace eventwire::internal::time_surface::parser
