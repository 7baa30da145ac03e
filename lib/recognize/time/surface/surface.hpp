// Dates and clock times written with digits, read at a position of the normalised text:
//
//   2024-02-26  2024/2/26  2015-3  1994-11-05T08:15:30Z  2024-W09  2024-Q1  2019 H2
//   26/02/2024  8/10  31.10.74  9/2012  15-2  20 02 2014
//   18:30  7:56:30 pm  18h30  18u30  10 h 30  8h  6.30pm  6 p.m.  1230pm
//   2019-2020  2019-20  1990s  '90s  21st  1er  3e  21ste
//
// The grammar (Boost Spirit X3, compiled in grammar.cpp only) reports every form that starts at
// the position with its length; the caller picks one with what it knows of the context.
#pragma once

#include <cstdint>
#include <string_view>

#include "recognize/time/surface/ast.hpp"

namespace eventwire::internal::time_surface {

struct Forms {
  // Byte length of each form at the position; 0 when the form does not start there.
  uint32_t year_first_date_length = 0, iso_datetime_length = 0, year_week_length = 0, year_part_length = 0,
           numeric_date_length = 0, clock_length = 0, year_range_length = 0, decade_length = 0,
           ordinal_length = 0;
  ast::YearFirstDate year_first_date;
  ast::IsoDateTime iso_datetime;
  ast::YearWeek year_week;
  ast::YearPart year_part;
  ast::NumericDate numeric_date;
  ast::Clock clock;
  ast::YearRange year_range;
  int decade = 0;
  int ordinal = 0;

  bool any() const {
    return year_first_date_length | iso_datetime_length | year_week_length | year_part_length |
           numeric_date_length | clock_length | year_range_length | decade_length | ordinal_length;
  }
};

// The forms starting at text[pos] (which should be a digit or an apostrophe), reading no
// further than `end`.
Forms parse(std::string_view text, size_t pos, size_t end);

}  // namespace eventwire::internal::time_surface
