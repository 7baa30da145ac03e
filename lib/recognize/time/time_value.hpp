// What a date or time expression denotes, and how to write it as a TIMEX3 value.
//
// A `Point` is a stretch of the calendar or clock at some grain: a year, a quarter, a week, a
// day, a day with a clock time... Fields the text does not give (and the reference date could
// not supply) stay unknown and are written as X: "XXXX-02-26", "XXXX-WXX-2", "T18:30".
// `Duration` is an amount of time ("P3Y", "PT2H30M", "PXD"). The calendar arithmetic
// (shifting by units, choosing the year of "26 February") is here too, on absl::CivilDay.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/time/civil_time.h"

namespace eventwire::internal {

inline constexpr int kUnknown = -100000;

// Sizes of time, finest first.
enum class Grain : uint8_t {
  none, second, minute, hour, part_of_day, day, night, weekend, week, fortnight, month, quarter, half,
  season, year, decade, century
};

// TIMEX3 parts of the day.
enum class DayPart : uint8_t { none, MO, MI, AF, EV, NI, DT };
std::string_view day_part_code(DayPart p);

// The tense a sentence speaks in, as far as its words tell.
enum class Tense : uint8_t { none, past, future };

struct Point {
  Grain grain = Grain::none;
  int year = kUnknown;     // the full year; for grain week/weekend the ISO year
  int month = kUnknown;    // 1-12
  int day = kUnknown;      // 1-31
  int week = kUnknown;     // ISO week number
  int part = kUnknown;     // quarter 1-4, half 1-2, season 0-3 (SP, SU, FA, WI)
  int decade = kUnknown;   // 199 for the 1990s
  int century = kUnknown;  // 19 for 1900-1999 ("the 20th century")
  int weekday = kUnknown;  // 1-7, Monday first: only when the date itself is unknown
  int hour = kUnknown, minute = kUnknown, second = kUnknown;
  DayPart day_part = DayPart::none;
  int8_t reference = 0;    // "now" 1: PRESENT_REF, "l'avenir" 2: FUTURE_REF, "auparavant" 3: PAST_REF
  bool anchored = false;   // computed from the reference date

  bool has_date() const {
    return year != kUnknown || month != kUnknown || day != kUnknown || week != kUnknown || weekday != kUnknown ||
           decade != kUnknown || century != kUnknown || reference != 0;
  }
  bool has_clock() const { return hour != kUnknown || day_part != DayPart::none; }
  bool has_day() const { return year != kUnknown && month != kUnknown && day != kUnknown; }
  // The calendar day, when the point has one.
  absl::CivilDay civil_day() const { return absl::CivilDay(year, month, day); }
};

// Points made from calendar values.
Point day_point(absl::CivilDay d);
Point month_point(int year, int month);
Point year_point(int year);
Point week_point(absl::CivilDay any_day_of_week);  // the ISO week holding the day
Point quarter_point(int year, int quarter);

// The TIMEX3 value: 2024, 2024-02, 2024-02-26, 2024-W09, 2024-Q1, 2024-SU, 199, XXXX-02-26,
// XXXX-WXX-2, 2024-02-26T18:30, 2024-02-26TEV, T18:30, PRESENT_REF.
std::string timex(const Point& p);

// An amount of time: up to a few (number, unit) parts; a number may be unknown ("several").
struct Duration {
  struct Part {
    double amount = 0;  // NaN: unknown ("PXD")
    Grain unit = Grain::day;
  };
  Part parts[4];
  int count = 0;
  void add(double amount, Grain unit) {
    if (count < 4) parts[count++] = {amount, unit};
  }
};
// The TIMEX3 value: P3Y, P6M, P2W, P1D, PT2H30M, P1.5Y, PXD, P10Y (a decade).
std::string timex(const Duration& d);

// --- calendar arithmetic -----------------------------------------------------------------------

int days_in_month(int year, int month);
int iso_weekday(absl::CivilDay d);  // 1 (Monday) to 7
// The ISO year and week number of a day.
void iso_week(absl::CivilDay d, int& year, int& week);
// The Monday of ISO week `week` of ISO year `year`.
absl::CivilDay iso_week_monday(int year, int week);
// Easter Sunday of a year (Gregorian computus), and the Orthodox one (Julian computus).
absl::CivilDay easter(int year);
absl::CivilDay orthodox_easter(int year);

// Calendars whose days some holidays are: Ramadan, Eid al-Fitr (Umm al-Qura, the calendar
// Saudi Arabia publishes), Yom Kippur, Hanukkah, Passover, the Chinese New Year.
enum class OtherCalendar : uint8_t { islamic, hebrew, chinese };
std::optional<OtherCalendar> other_calendar(std::string_view name);  // "islamic", "hebrew", "chinese"
// A month of the calendar by its number from 01 (islamic, chinese) or its name (hebrew: tishri,
// heshvan, kislev, tevet, shevat, adar1, adar, nisan, iyar, sivan, tamuz, av, elul: "adar" is
// Adar II in leap years); -1 when there is none.
int calendar_month(OtherCalendar calendar, std::string_view month);
// The first day of Gregorian year `year` that is day `day` of `month` (as calendar_month()
// gives it) of the calendar; nullopt when the calendar cannot be worked out.
std::optional<absl::CivilDay> other_calendar_day(OtherCalendar calendar, int month, int day, int year);

// `d` moved by `n` units (day, week, month, year...; months keep the day, clamped to the
// month's length: Jan 31 + 1 month = Feb 28/29).
absl::CivilDay shift(absl::CivilDay d, double n, Grain unit);

// The period of grain `unit` holding `d`, moved by `offset` periods: "last week" is
// period(ref, week, -1). Clock grains give the day.
Point period(absl::CivilDay d, Grain unit, int offset);

// The first and last day of a calendar point with a known year (month, quarter, week...).
bool bounds(const Point& p, absl::CivilDay& first, absl::CivilDay& last);

// Which year a month (and day) without a year means, seen from `ref`: the latest on or before
// it in the past tense, the earliest on or after it in the future, else the nearest.
int choose_year(int month, int day, absl::CivilDay ref, Tense tense);
// The date of weekday `weekday` near `ref`: on or before it in the past tense, else on or after.
absl::CivilDay choose_weekday(int weekday, absl::CivilDay ref, Tense tense);

// A two-digit year as a full year: the century that puts it nearest to `ref`'s year
// (no reference: 00-49 are 20xx, 50-99 are 19xx).
int full_year(int two_digit, const absl::CivilDay* ref);

}  // namespace eventwire::internal
