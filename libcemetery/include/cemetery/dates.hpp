#pragma once
// Calendar dates and the one rule for adding years to them.
//
// Every date in the library is a date::year_month_day. Years are added with
// add_years() only: Howard Hinnant's date leaves 2020-02-29 + 30 years as the invalid
// 2050-02-29, and the civil code (art. 2963, applied by analogy) ends such a term on
// the last day of the month instead.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace cemetery {

using Date = date::year_month_day;

// term_start + years on the calendar, 29 February snapping to 28 February (X1).
[[nodiscard]] Date add_years(Date start, int years);

// start + months on the calendar (negative allowed), a day the month lacks snapping to
// its last day: 31 March less one month is 28 (or 29) February, as for years.
[[nodiscard]] Date add_months(Date start, int months);

// start + days (negative allowed).
[[nodiscard]] Date add_days(Date start, int days);

// Whole days from a to b (b - a).
[[nodiscard]] int days_between(Date a, Date b);

// "2020-12-31". Returns nullopt for anything else, including impossible days.
[[nodiscard]] std::optional<Date> parse_iso_date(std::string_view text);

// "31/12/2020" or "7/5/2004" as Italian registers write them; also accepts ISO.
[[nodiscard]] std::optional<Date> parse_register_date(std::string_view text);

[[nodiscard]] std::string to_iso(Date d);        // 2020-12-31
[[nodiscard]] std::string to_italian(Date d);    // 31/12/2020

// Today in the local time zone of the machine.
[[nodiscard]] Date today();

}  // namespace cemetery
