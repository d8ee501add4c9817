// The posting period of an expired list: the regulation's days, the day of posting not counted.
#include "support.hpp"
#include "rules_fixture.hpp"

#include <cemetery/documents/posting.hpp>

using test::ymd;

TEST_CASE("a list posted on 01/12/2026 for 90 days stays up until 01/03/2027", "[documents][posting]") {
    const auto period = cemetery::documents::posting_period(test::shipped_regulation(), ymd(2026, 12, 1));
    CHECK(period.from == ymd(2026, 12, 1));
    CHECK(period.until == ymd(2027, 3, 1));
    CHECK(period.days == 90);
    CHECK_THAT(period.basis, Catch::Contains("art. 20"));
}

TEST_CASE("the posting follows the days the regulation file sets", "[documents][posting]") {
    cemetery::Regulation reg;
    reg.posting_days = {30, "delibera"};
    const auto period = cemetery::documents::posting_period(reg, ymd(2028, 2, 1));
    CHECK(period.until == ymd(2028, 3, 2));  // a leap year: February has 29 days
    CHECK(period.basis == "delibera");
}
