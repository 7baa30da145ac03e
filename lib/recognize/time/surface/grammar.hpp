// The surface grammar's rules, declared for the one translation unit that defines them
// (grammar.cpp) and for code that drives them. Other code uses surface.hpp, which needs no X3.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "recognize/time/surface/ast.hpp"

namespace eventwire::internal::time_surface::parser {

namespace x3 = boost::spirit::x3;

struct year_first_date_class;
struct iso_datetime_class;
struct year_week_class;
struct year_part_class;
struct numeric_date_class;
struct clock_class;
struct year_range_class;
struct decade_class;
struct ordinal_class;

using year_first_date_type = x3::rule<year_first_date_class, ast::YearFirstDate>;
using iso_datetime_type = x3::rule<iso_datetime_class, ast::IsoDateTime>;
using year_week_type = x3::rule<year_week_class, ast::YearWeek>;
using year_part_type = x3::rule<year_part_class, ast::YearPart>;
using numeric_date_type = x3::rule<numeric_date_class, ast::NumericDate>;
using clock_type = x3::rule<clock_class, ast::Clock>;
using year_range_type = x3::rule<year_range_class, ast::YearRange>;
using decade_type = x3::rule<decade_class, int>;  // 1990s, '90s: the number as written
using ordinal_type = x3::rule<ordinal_class, int>;  // 21st, 1er, 21ste

BOOST_SPIRIT_DECLARE(year_first_date_type, iso_datetime_type, year_week_type, year_part_type, numeric_date_type,
                     clock_type, year_range_type, decade_type, ordinal_type)

}  // namespace eventwire::internal::time_surface::parser

namespace eventwire::internal::time_surface {

parser::year_first_date_type const& year_first_date();
parser::iso_datetime_type const& iso_datetime();
parser::year_week_type const& year_week();
parser::year_part_type const& year_part();
parser::numeric_date_type const& numeric_date();
parser::clock_type const& clock();
parser::year_range_type const& year_range();
parser::decade_type const& decade();
parser::ordinal_type const& ordinal();

}  // namespace eventwire::internal::time_surface
