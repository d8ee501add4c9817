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

// How a period's last day is counted, as a version of the regulation says it.
enum class EndCounting {
    // The civil-code count (art. 2963): the starting day is not counted and the period
    // ends on its anniversary; the next period runs from that same day. 01/03/2000 + 30
    // years ends on 01/03/2030; 29/02/2000 + 30 years on 28/02/2030.
    same_day,
    // The first day counts and the period ends the day before its anniversary; the next
    // period starts the day after. 01/03/2000 + 30 years ends on 28/02/2030; from
    // 29/02/2000, whose anniversary is 28/02/2030 by the rule above, on 27/02/2030.
    day_before,
};

// The last day of a period of `years` from `from` (the term start, or what
// next_period_from gives after an expiry), counted as `counting` says. The one place
// a term's, a renewal's or a restarted term's end is computed.
[[nodiscard]] Date period_end(Date from, int years, EndCounting counting);

// Where a period that follows one ending on `expiry` is counted from: the expiry
// itself under same_day, the day after under day_before. A renewal of 2 years after
// 28/02/2030 (day_before) runs from 01/03/2030 and ends on 29/02/2032.
[[nodiscard]] Date next_period_from(Date expiry, EndCounting counting);

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
