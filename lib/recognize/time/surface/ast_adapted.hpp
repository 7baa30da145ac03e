// Fusion adaptation of the surface AST, so that X3 fills the structs field by field.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "recognize/time/surface/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(eventwire::internal::time_surface::ast::YearFirstDate, year, separator, month, day)
BOOST_FUSION_ADAPT_STRUCT(eventwire::internal::time_surface::ast::IsoClock, hour, minute, second, zone)
BOOST_FUSION_ADAPT_STRUCT(eventwire::internal::time_surface::ast::IsoDateTime, date, clock)
BOOST_FUSION_ADAPT_STRUCT(eventwire::internal::time_surface::ast::YearWeek, year, week, weekday)
BOOST_FUSION_ADAPT_STRUCT(eventwire::internal::time_surface::ast::YearPart, year, part, number)
BOOST_FUSION_ADAPT_STRUCT(eventwire::internal::time_surface::ast::NumericDate, first, separator, second, third)
BOOST_FUSION_ADAPT_STRUCT(eventwire::internal::time_surface::ast::Clock, hour, style, minute, second, meridiem)
BOOST_FUSION_ADAPT_STRUCT(eventwire::internal::time_surface::ast::YearRange, first, separator, second)
