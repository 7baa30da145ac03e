// The iterator and context the digits grammar is compiled for (X3 "minimal" layout): the
// grammar writes into a NumberAst held in the parse context.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "recognize/number/digits/ast.hpp"

namespace eventwire::internal::digits {

struct ast_tag;
using iterator_type = const char*;
using context_type = boost::spirit::x3::context<ast_tag, NumberAst, boost::spirit::x3::unused_type>;

}  // namespace eventwire::internal::digits
