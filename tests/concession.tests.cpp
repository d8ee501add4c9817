#include "support.hpp"

#include <cemetery/concession.hpp>

using cemetery::Concession;
using cemetery::ConcessionStatus;
using test::ymd;

TEST_CASE("a concession is valid through its expiry day and expired from the next", "[concession]") {
    Concession c;
    c.signed_on = c.term_start = ymd(2000, 2, 29);
    c.term_years = 30;
    c.expires_on = ymd(2030, 2, 28);
    CHECK(c.status_on(ymd(2030, 2, 28)) == ConcessionStatus::active);
    CHECK(c.status_on(ymd(2030, 3, 1)) == ConcessionStatus::expired);
}

TEST_CASE("a perpetual concession never expires", "[concession]") {
    Concession c;
    c.signed_on = c.term_start = ymd(1968, 4, 15);
    c.perpetual = true;
    CHECK(c.status_on(ymd(2300, 1, 1)) == ConcessionStatus::perpetual);
}

TEST_CASE("a revoked, forfeited or surrendered concession says so from its end date", "[concession]") {
    Concession c;
    c.signed_on = c.term_start = ymd(2010, 1, 1);
    c.term_years = 30;
    c.expires_on = ymd(2040, 1, 1);
    c.ended_on = ymd(2025, 6, 1);
    c.ending = cemetery::Ending::surrendered;
    CHECK(c.status_on(ymd(2025, 5, 31)) == ConcessionStatus::active);
    CHECK(c.status_on(ymd(2025, 6, 1)) == ConcessionStatus::surrendered);
    c.ending = cemetery::Ending::revoked;
    CHECK(c.status_on(ymd(2026, 1, 1)) == ConcessionStatus::revoked);
    c.ending = cemetery::Ending::forfeited;
    CHECK(c.status_on(ymd(2026, 1, 1)) == ConcessionStatus::forfeited);
}

TEST_CASE("a concession whose place was freed is closed from that day", "[concession]") {
    Concession c;
    c.signed_on = c.term_start = ymd(1987, 9, 2);
    c.term_years = 30;
    c.expires_on = ymd(2017, 9, 2);
    c.closed_on = ymd(2027, 3, 1);
    CHECK(c.status_on(ymd(2027, 2, 28)) == ConcessionStatus::expired);
    CHECK(c.status_on(ymd(2027, 3, 1)) == ConcessionStatus::closed);
    CHECK(code(c.status_on(ymd(2030, 1, 1))) == "closed");
    SECTION("one that ended before its term keeps saying how it ended") {
        c.ending = cemetery::Ending::surrendered;
        c.ended_on = ymd(2010, 1, 1);
        c.closed_on = ymd(2010, 1, 1);
        CHECK(c.status_on(ymd(2027, 3, 1)) == ConcessionStatus::surrendered);
    }
}
