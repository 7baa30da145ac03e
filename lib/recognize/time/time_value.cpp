#include "recognize/time/time_value.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "unicode/calendar.h"
#include "unicode/locid.h"
#include "unicode/timezone.h"

namespace eventwire::internal {

std::string_view day_part_code(DayPart p) {
  static constexpr std::string_view codes[] = {"", "MO", "MI", "AF", "EV", "NI", "DT"};
  return codes[static_cast<int>(p)];
}

Point day_point(absl::CivilDay d) {
  Point p;
  p.grain = Grain::day;
  p.year = static_cast<int>(d.year());
  p.month = d.month();
  p.day = d.day();
  return p;
}

Point month_point(int year, int month) {
  Point p;
  p.grain = Grain::month;
  p.year = year;
  p.month = month;
  return p;
}

Point year_point(int year) {
  Point p;
  p.grain = Grain::year;
  p.year = year;
  return p;
}

Point week_point(absl::CivilDay any_day_of_week) {
  Point p;
  p.grain = Grain::week;
  iso_week(any_day_of_week, p.year, p.week);
  return p;
}

Point quarter_point(int year, int quarter) {
  Point p;
  p.grain = Grain::quarter;
  p.year = year;
  p.part = quarter;
  return p;
}

namespace {

void append_number(std::string& out, int value, int width) {
  char buf[16];
  if (value < 0) {
    out += '-';
    value = -value;
  }
  std::snprintf(buf, sizeof buf, "%0*d", width, value);
  out += buf;
}

// Years before Christ are negative: TIMEX3 writes them "BC0044".
void append_year(std::string& out, int year) {
  if (year == kUnknown) {
    out += "XXXX";
  } else if (year < 0) {
    out += "BC";
    append_number(out, -year, 4);
  } else {
    append_number(out, year, 4);
  }
}

void append_two(std::string& out, int value) {
  if (value == kUnknown) out += "XX";
  else append_number(out, value, 2);
}

// The date part of a point (empty when it has none).
void append_date(std::string& out, const Point& p) {
  switch (p.grain) {
    case Grain::century:
      if (p.century == kUnknown) out += "XX";
      else append_number(out, p.century, 2);
      out += "XX";
      return;
    case Grain::decade:
      if (p.decade == kUnknown) out += "XXX";
      else append_number(out, p.decade, 3);
      out += 'X';
      return;
    case Grain::year:
      append_year(out, p.year);
      return;
    case Grain::half:
    case Grain::quarter:
      append_year(out, p.year);
      out += p.grain == Grain::half ? "-H" : "-Q";
      if (p.part == kUnknown) out += 'X';
      else out += static_cast<char>('0' + p.part);
      return;
    case Grain::season: {
      static constexpr const char* kSeasons[] = {"SP", "SU", "FA", "WI"};
      append_year(out, p.year);
      out += '-';
      out += p.part >= 0 && p.part < 4 ? kSeasons[p.part] : "XX";
      return;
    }
    case Grain::month:
      append_year(out, p.year);
      out += '-';
      append_two(out, p.month);
      return;
    case Grain::week:
    case Grain::fortnight:
    case Grain::weekend:
      append_year(out, p.year);
      out += "-W";
      append_two(out, p.week);
      if (p.grain == Grain::weekend) out += "-WE";
      return;
    default:
      break;
  }
  // A day, maybe with a time of day.
  if (p.month != kUnknown || p.day != kUnknown || p.year != kUnknown) {
    append_year(out, p.year);
    out += '-';
    append_two(out, p.month);
    out += '-';
    append_two(out, p.day);
  } else if (p.weekday != kUnknown) {
    out += "XXXX-WXX-";
    out += static_cast<char>('0' + p.weekday);
  }
}

}  // namespace

std::string timex(const Point& p) {
  static constexpr const char* kReferences[] = {"", "PRESENT_REF", "FUTURE_REF", "PAST_REF"};
  if (p.reference > 0 && p.reference < 4) return kReferences[p.reference];
  std::string out;
  append_date(out, p);
  const bool clock_grain = p.grain <= Grain::part_of_day && p.grain != Grain::none;
  if (clock_grain && p.has_clock()) {
    out += 'T';
    if (p.hour != kUnknown) {
      append_number(out, p.hour, 2);
      out += ':';
      append_number(out, p.minute == kUnknown ? 0 : p.minute, 2);
      if (p.second != kUnknown && p.second != 0) {
        out += ':';
        append_number(out, p.second, 2);
      }
    } else {
      out += day_part_code(p.day_part);
    }
  }
  return out;
}

std::string timex(const Duration& d) {
  std::string date_part, time_part;
  for (int i = 0; i < d.count; ++i) {
    double amount = d.parts[i].amount;
    char unit = 'D';
    bool clock = false;
    switch (d.parts[i].unit) {
      case Grain::second: unit = 'S', clock = true; break;
      case Grain::minute: unit = 'M', clock = true; break;
      case Grain::hour: unit = 'H', clock = true; break;
      case Grain::day:
      case Grain::night: unit = 'D'; break;
      case Grain::weekend: unit = 'D', amount *= 2; break;
      case Grain::week: unit = 'W'; break;
      case Grain::fortnight: unit = 'W', amount *= 2; break;
      case Grain::month: unit = 'M'; break;
      case Grain::quarter: unit = 'M', amount *= 3; break;
      case Grain::half: unit = 'M', amount *= 6; break;
      case Grain::year: unit = 'Y'; break;
      case Grain::decade: unit = 'Y', amount *= 10; break;
      case Grain::century: unit = 'Y', amount *= 100; break;
      default: unit = 'D'; break;
    }
    std::string& out = clock ? time_part : date_part;
    if (std::isnan(amount)) {
      out += 'X';
    } else {
      char buf[32];
      auto r = std::to_chars(buf, buf + sizeof buf, amount);
      out.append(buf, r.ptr);
    }
    out += unit;
  }
  std::string out = "P" + date_part;
  if (!time_part.empty()) out += "T" + time_part;
  return out;
}

int days_in_month(int year, int month) {
  absl::CivilDay first(year, month, 1);
  absl::CivilDay next(absl::CivilMonth(first) + 1);
  return static_cast<int>(next - first);
}

int iso_weekday(absl::CivilDay d) {
  switch (absl::GetWeekday(d)) {
    case absl::Weekday::monday: return 1;
    case absl::Weekday::tuesday: return 2;
    case absl::Weekday::wednesday: return 3;
    case absl::Weekday::thursday: return 4;
    case absl::Weekday::friday: return 5;
    case absl::Weekday::saturday: return 6;
    case absl::Weekday::sunday: return 7;
  }
  return 1;
}

void iso_week(absl::CivilDay d, int& year, int& week) {
  absl::CivilDay thursday = d + (4 - iso_weekday(d));
  year = static_cast<int>(thursday.year());
  week = (absl::GetYearDay(thursday) - 1) / 7 + 1;
}

absl::CivilDay iso_week_monday(int year, int week) {
  absl::CivilDay jan4(year, 1, 4);
  return jan4 - (iso_weekday(jan4) - 1) + 7 * (week - 1);
}

absl::CivilDay easter(int year) {
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return absl::CivilDay(year, month, day);
}

absl::CivilDay orthodox_easter(int year) {
  int a = year % 4, b = year % 7, c = year % 19;
  int d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
  int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
  // A Julian date: the Gregorian calendar is ahead by the century leap days it dropped.
  return absl::CivilDay(year, month, day) + (year / 100 - year / 400 - 2);
}

std::optional<OtherCalendar> other_calendar(std::string_view name) {
  if (name == "islamic") return OtherCalendar::islamic;
  if (name == "hebrew") return OtherCalendar::hebrew;
  if (name == "chinese") return OtherCalendar::chinese;
  return std::nullopt;
}

int calendar_month(OtherCalendar calendar, std::string_view month) {
  if (calendar == OtherCalendar::hebrew) {  // ICU's order, from Tishri
    static constexpr std::string_view kHebrew[] = {"tishri", "heshvan", "kislev", "tevet", "shevat", "adar1", "adar",
                                                   "nisan",  "iyar",    "sivan",  "tamuz", "av",     "elul"};
    for (int m = 0; m < 13; ++m)
      if (kHebrew[m] == month) return m;
    return -1;
  }
  int m = 0;
  auto [end, error] = std::from_chars(month.data(), month.data() + month.size(), m);
  return error == std::errc() && end == month.data() + month.size() && m >= 1 && m <= 12 ? m - 1 : -1;
}

std::optional<absl::CivilDay> other_calendar_day(OtherCalendar calendar, int month, int day, int year) {
  static constexpr const char* kLocales[] = {"en@calendar=islamic-umalqura", "en@calendar=hebrew",
                                             "en@calendar=chinese"};
  constexpr double kMillisPerDay = 86400000.0;
  const absl::CivilDay epoch(1970, 1, 1), jan1(year, 1, 1);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale(kLocales[static_cast<int>(calendar)]), status));
  if (U_FAILURE(status)) return std::nullopt;
  // The calendar's year on January 1st, then the day in it or, when that fell before, in the next.
  cal->setTime(static_cast<double>(jan1 - epoch) * kMillisPerDay, status);
  const int32_t first_year = cal->get(UCAL_EXTENDED_YEAR, status);
  for (int32_t y = first_year; y <= first_year + 1 && U_SUCCESS(status); ++y) {
    cal->clear();
    cal->set(UCAL_EXTENDED_YEAR, y);
    cal->set(UCAL_MONTH, month);
    cal->set(UCAL_DATE, day);
    const double millis = cal->getTime(status);
    if (U_FAILURE(status)) break;
    const absl::CivilDay d = epoch + static_cast<long>(std::floor(millis / kMillisPerDay));
    if (d >= jan1) return d.year() == year ? std::optional(d) : std::nullopt;
  }
  return std::nullopt;
}

namespace {

absl::CivilDay add_months(absl::CivilDay d, long months) {
  absl::CivilMonth m = absl::CivilMonth(d) + months;
  int last = days_in_month(static_cast<int>(m.year()), m.month());
  return absl::CivilDay(m.year(), m.month(), std::min(d.day(), last));
}

}  // namespace

absl::CivilDay shift(absl::CivilDay d, double n, Grain unit) {
  long whole = std::lround(n);
  switch (unit) {
    case Grain::day:
    case Grain::night: return d + whole;
    case Grain::weekend:
    case Grain::week: return d + 7 * whole;
    case Grain::fortnight: return d + 14 * whole;
    case Grain::month: return add_months(d, whole);
    case Grain::quarter: return add_months(d, 3 * whole);
    case Grain::half: return add_months(d, 6 * whole);
    case Grain::season: return add_months(d, 3 * whole);
    case Grain::year: return add_months(d, 12 * std::lround(n * 1));
    case Grain::decade: return add_months(d, 120 * whole);
    case Grain::century: return add_months(d, 1200 * whole);
    case Grain::hour: return d + static_cast<long>(n / 24);  // whole days of hours: "in 48 hours"
    default: return d;  // less: the same day
  }
}

Point period(absl::CivilDay d, Grain unit, int offset) {
  switch (unit) {
    case Grain::week:
    case Grain::fortnight: return week_point(d + 7 * offset);
    case Grain::weekend: {
      Point p = week_point(d + 7 * offset);
      p.grain = Grain::weekend;
      return p;
    }
    case Grain::month: {
      absl::CivilMonth m = absl::CivilMonth(d) + offset;
      return month_point(static_cast<int>(m.year()), m.month());
    }
    case Grain::quarter: {
      long index = d.year() * 4 + (d.month() - 1) / 3 + offset;
      return quarter_point(static_cast<int>(index / 4), static_cast<int>(index % 4) + 1);
    }
    case Grain::half: {
      long index = d.year() * 2 + (d.month() - 1) / 6 + offset;
      Point p;
      p.grain = Grain::half;
      p.year = static_cast<int>(index / 2);
      p.part = static_cast<int>(index % 2) + 1;
      return p;
    }
    case Grain::season: {
      // The season holding d (winter from December 21 to March 19), moved by `offset`.
      static constexpr int kStart[4][2] = {{3, 20}, {6, 21}, {9, 23}, {12, 21}};
      int year = static_cast<int>(d.year()), part = 3;
      for (int k = 3; k >= 0; --k)
        if (d >= absl::CivilDay(year, kStart[k][0], kStart[k][1])) {
          part = k;
          break;
        }
      if (d < absl::CivilDay(year, 3, 20)) year -= 1;  // January to March 19: last year's winter
      long index = static_cast<long>(year) * 4 + part + offset;
      Point p;
      p.grain = Grain::season;
      p.year = static_cast<int>(index / 4);
      p.part = static_cast<int>(index % 4);
      return p;
    }
    case Grain::year: return year_point(static_cast<int>(d.year()) + offset);
    case Grain::decade: {
      Point p;
      p.grain = Grain::decade;
      p.decade = static_cast<int>(d.year() / 10) + offset;
      return p;
    }
    case Grain::century: {
      Point p;
      p.grain = Grain::century;
      p.century = static_cast<int>(d.year() / 100) + offset;
      return p;
    }
    default: return day_point(d + offset);
  }
}

bool bounds(const Point& p, absl::CivilDay& first, absl::CivilDay& last) {
  switch (p.grain) {
    case Grain::century:
      if (p.century == kUnknown) return false;
      first = absl::CivilDay(p.century * 100, 1, 1);
      last = absl::CivilDay(p.century * 100 + 99, 12, 31);
      return true;
    case Grain::decade:
      if (p.decade == kUnknown) return false;
      first = absl::CivilDay(p.decade * 10, 1, 1);
      last = absl::CivilDay(p.decade * 10 + 9, 12, 31);
      return true;
    default:
      break;
  }
  if (p.year == kUnknown) return false;
  switch (p.grain) {
    case Grain::year:
      first = absl::CivilDay(p.year, 1, 1);
      last = absl::CivilDay(p.year, 12, 31);
      return true;
    case Grain::half:
    case Grain::quarter: {
      int months = p.grain == Grain::half ? 6 : 3;
      if (p.part == kUnknown) return false;
      first = absl::CivilDay(p.year, (p.part - 1) * months + 1, 1);
      last = absl::CivilDay(add_months(first, months)) - 1;
      return true;
    }
    case Grain::season: {
      static constexpr int kStart[4][2] = {{3, 20}, {6, 21}, {9, 23}, {12, 21}};
      if (p.part < 0 || p.part > 3) return false;
      first = absl::CivilDay(p.year, kStart[p.part][0], kStart[p.part][1]);
      absl::CivilDay next = p.part == 3 ? absl::CivilDay(p.year + 1, 3, 20)
                                        : absl::CivilDay(p.year, kStart[p.part + 1][0], kStart[p.part + 1][1]);
      last = next - 1;
      return true;
    }
    case Grain::month:
      if (p.month == kUnknown) return false;
      first = absl::CivilDay(p.year, p.month, 1);
      last = absl::CivilDay(p.year, p.month, days_in_month(p.year, p.month));
      return true;
    case Grain::week:
    case Grain::fortnight:
    case Grain::weekend:
      if (p.week == kUnknown) return false;
      first = iso_week_monday(p.year, p.week);
      last = first + 6;
      if (p.grain == Grain::weekend) first = first + 5;
      return true;
    default:
      if (!p.has_day()) return false;
      first = last = p.civil_day();
      return true;
  }
}

int choose_year(int month, int day, absl::CivilDay ref, Tense tense) {
  const int y = static_cast<int>(ref.year());
  auto date = [&](int year) {
    int d = day == kUnknown ? 1 : std::min(day, days_in_month(year, month));
    return absl::CivilDay(year, month, d);
  };
  // A month alone counts from its first day in the future and from its last in the past.
  auto last_day = [&](int year) {
    return day == kUnknown ? absl::CivilDay(year, month, days_in_month(year, month)) : date(year);
  };
  if (tense == Tense::past) {
    for (int year = y + 1; year >= y - 1; --year)
      if (date(year) <= ref) return year;
    return y - 1;
  }
  if (tense == Tense::future) {
    for (int year = y - 1; year <= y + 1; ++year)
      if (last_day(year) >= ref) return year;
    return y + 1;
  }
  // No tense: the nearest, leaning to the future (the past one must be less than half as far).
  int past = y - 1, future = y + 1;
  for (int year = y + 1; year >= y - 1; --year)
    if (last_day(year) < ref) {
      past = year;
      break;
    }
  for (int year = y - 1; year <= y + 1; ++year)
    if (last_day(year) >= ref) {
      future = year;
      break;
    }
  if (date(future) <= ref) return future;  // the reference day is in it
  long ahead = date(future) - ref, behind = ref - last_day(past);
  return 2 * behind < ahead ? past : future;
}

absl::CivilDay choose_weekday(int weekday, absl::CivilDay ref, Tense tense) {
  int delta = weekday - iso_weekday(ref);
  if (tense == Tense::past) return ref + (delta > 0 ? delta - 7 : delta);
  return ref + (delta < 0 ? delta + 7 : delta);
}

int full_year(int two_digit, const absl::CivilDay* ref) {
  if (!ref) return two_digit < 50 ? 2000 + two_digit : 1900 + two_digit;
  int y = static_cast<int>(ref->year());
  int best = two_digit;
  for (int century = (y / 100 - 1) * 100; century <= (y / 100 + 1) * 100; century += 100) {
    int candidate = century + two_digit;
    if (best == two_digit || std::abs(candidate - y) < std::abs(best - y)) best = candidate;
  }
  return best;
}

}  // namespace eventwire::internal
