#include "support.hpp"

using cemetery::add_years;
using cemetery::parse_iso_date;
using cemetery::parse_register_date;
using test::ymd;

TEST_CASE("thirty years from 29/02/2000 end on 28/02/2030, the last day of February", "[dates]") {
    CHECK(add_years(ymd(2000, 2, 29), 30) == ymd(2030, 2, 28));
}

TEST_CASE("years from 29 February to another leap year keep the 29th", "[dates]") {
    CHECK(add_years(ymd(2000, 2, 29), 4) == ymd(2004, 2, 29));
}

TEST_CASE("years from an ordinary day end on the same day of the month", "[dates]") {
    CHECK(add_years(ymd(1987, 9, 2), 30) == ymd(2017, 9, 2));
    CHECK(add_years(ymd(2021, 12, 31), 99) == ymd(2120, 12, 31));
}

TEST_CASE("ISO dates are read strictly", "[dates]") {
    CHECK(parse_iso_date("2020-12-31") == ymd(2020, 12, 31));
    SECTION("impossible days are refused") {
        CHECK_FALSE(parse_iso_date("2021-02-29"));
        CHECK_FALSE(parse_iso_date("2020-13-01"));
        CHECK_FALSE(parse_iso_date("2020-04-31"));
    }
    SECTION("other shapes are refused") {
        CHECK_FALSE(parse_iso_date("2020-1-1"));
        CHECK_FALSE(parse_iso_date("31/12/2020"));
        CHECK_FALSE(parse_iso_date("2020-12-31x"));
        CHECK_FALSE(parse_iso_date(""));
    }
}

TEST_CASE("register dates are read as Italian registers write them", "[dates]") {
    CHECK(parse_register_date("7/5/2004") == ymd(2004, 5, 7));
    CHECK(parse_register_date("07/05/2004") == ymd(2004, 5, 7));
    CHECK(parse_register_date(" 02.09.1987 ") == ymd(1987, 9, 2));
    CHECK(parse_register_date("2004-05-07") == ymd(2004, 5, 7));
    CHECK_FALSE(parse_register_date("30/02/1987"));
    CHECK_FALSE(parse_register_date("7/5/04"));
    CHECK_FALSE(parse_register_date("7-5/2004"));
}

TEST_CASE("dates print as ISO and as Italian dd/mm/yyyy", "[dates]") {
    CHECK(cemetery::to_iso(ymd(2030, 2, 28)) == "2030-02-28");
    CHECK(cemetery::to_italian(ymd(2004, 5, 7)) == "07/05/2004");
    CHECK(cemetery::to_iso(ymd(1901, 12, 1)) == "1901-12-01");
    CHECK(cemetery::to_iso(ymd(9999, 12, 31)) == "9999-12-31");
    CHECK(cemetery::to_iso(ymd(99, 1, 9)) == "0099-01-09");
    CHECK(cemetery::to_italian(ymd(99, 10, 30)) == "30/10/0099");
}

TEST_CASE("days are added across months and years", "[dates]") {
    CHECK(cemetery::add_days(ymd(2020, 12, 31), 1) == ymd(2021, 1, 1));
    CHECK(cemetery::add_days(ymd(2021, 1, 1), -1) == ymd(2020, 12, 31));
    CHECK(cemetery::days_between(ymd(2024, 1, 1), ymd(2024, 3, 31)) == 90);
}

TEST_CASE("a period ends on its anniversary, or the day before where the version says so", "[dates][scadenza]") {
    using cemetery::EndCounting;
    using cemetery::next_period_from;
    using cemetery::period_end;
    SECTION("the civil-code count: on the anniversary") {
        CHECK(period_end(ymd(2000, 3, 1), 30, EndCounting::same_day) == ymd(2030, 3, 1));
        CHECK(period_end(ymd(2000, 2, 29), 30, EndCounting::same_day) == ymd(2030, 2, 28));
        CHECK(next_period_from(ymd(2030, 3, 1), EndCounting::same_day) == ymd(2030, 3, 1));
    }
    SECTION("giorno_prima: the day before the anniversary") {
        CHECK(period_end(ymd(2000, 3, 1), 30, EndCounting::day_before) == ymd(2030, 2, 28));
        CHECK(period_end(ymd(2000, 1, 1), 30, EndCounting::day_before) == ymd(2029, 12, 31));
        // The anniversary of 29/02/2000 in 2030 is 28/02 (art. 2963): the day before is the 27th.
        CHECK(period_end(ymd(2000, 2, 29), 30, EndCounting::day_before) == ymd(2030, 2, 27));
        CHECK(period_end(ymd(2000, 2, 29), 4, EndCounting::day_before) == ymd(2004, 2, 28));
    }
    SECTION("a renewal after a giorno_prima expiry starts the day after it, not on it") {
        const auto from = next_period_from(ymd(2030, 2, 28), EndCounting::day_before);
        CHECK(from == ymd(2030, 3, 1));
        CHECK(period_end(from, 2, EndCounting::day_before) == ymd(2032, 2, 29));
        // Not add_years(expiry, 2), which would give 28/02/2032 and lose a day.
        CHECK(cemetery::add_years(ymd(2030, 2, 28), 2) == ymd(2032, 2, 28));
    }
}
