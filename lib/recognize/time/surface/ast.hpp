// The surface syntax of dates and times written with digits: what the grammar of
// surface_def.hpp reads (one struct per form). Fields are the digits as written; whether they
// make a valid date, which of day and month comes first and what a two-digit year means is
// decided by the caller, which knows the language and the context.
#pragma once

#include <boost/optional.hpp>

namespace eventwire::internal::time_surface::ast {

// 2024-02-26, 2024/2/26, 2024.02.26, 2015-3 (no day): year first.
struct YearFirstDate {
  int year = 0;
  char separator = '-';
  int month = 0;
  boost::optional<int> day;
};

// A clock time after a date: T18:30, T18:30:05.487+01:00, Z.
struct IsoClock {
  int hour = 0;
  int minute = 0;
  boost::optional<int> second;
  boost::optional<char> zone;  // 'Z', '+' or '-' when a zone is written
};

// 1994-11-05T08:15:30-05:30.
struct IsoDateTime {
  YearFirstDate date;
  IsoClock clock;
};

// 2024-W09, 2024-W09-1.
struct YearWeek {
  int year = 0;
  int week = 0;
  boost::optional<int> weekday;
};

// 2024-Q1, 2019 H2, 2017-q1: a quarter ('q') or a half ('h').
struct YearPart {
  int year = 0;
  char part = 'q';
  int number = 0;
};

// 26/02/2024, 8/10, 31.10.74, 9/2012, 15-2: two or three numbers with one separator.
struct NumericDate {
  int first = 0;
  char separator = '/';
  int second = 0;
  boost::optional<int> third;  // the year as written
};

// 18:30, 18:30:05, 18h30, 18u30, 8h, 6.30pm, 6 p.m., 1230pm.
struct Clock {
  int hour = 0;
  char style = ':';  // ':' 'h' (also u) '.' or ' ' (an hour alone before am/pm)
  boost::optional<int> minute;
  boost::optional<int> second;
  boost::optional<char> meridiem;  // 'a' or 'p'
};

// 2019-2020, 2019-20, 2014~2018, 2019/2020.
struct YearRange {
  int first = 0;
  char separator = '-';
  int second = 0;
};

}  // namespace eventwire::internal::time_surface::ast
