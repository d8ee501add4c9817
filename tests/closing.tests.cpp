// Closing an expired concession only after its posting period (RR Lombardia 6/2004
// art. 20 c.4-5: 90 days in the shipped file), and an ended one once its remains move.
#include "rules_fixture.hpp"

#include <cemetery/closing.hpp>

using namespace cemetery;
using test::ymd;

namespace {

const Regulation& reg() { return test::shipped_regulation(); }

Concession expired_loculo() {
    Concession c;
    c.signed_on = c.term_start = ymd(1987, 9, 2);
    c.term_years = 30;
    c.expires_on = ymd(2017, 9, 2);
    Deceased d;
    d.surname = "Cazzaniga";
    c.deceased = {d};
    return c;
}

ClosingRequest on(Date d) { return ClosingRequest{d, RemainsDestination::ossuary, "det. 45/2027", ""}; }

const std::vector<Posting> posted{{ymd(2026, 12, 1), ymd(2026, 12, 1)}};

void check_refused(const ClosingDecision& d, RefusalCode expected, const std::string& says) {
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(expected));
    CHECK_THAT(d.refusal->message, Catch::Contains(says));
}

}  // namespace

TEST_CASE("an expired concession is closed from the 90th day after its posting start", "[closing]") {
    // Posted from 2026-12-01: days 1 to 90 end on 2027-02-28.
    check_refused(decide_closing(reg(), expired_loculo(), false, posted, on(ymd(2027, 2, 28))),
                  RefusalCode::posting_not_over, "si può chiudere dal 01/03/2027");
    const auto d = decide_closing(reg(), expired_loculo(), false, posted, on(ymd(2027, 3, 1)));
    REQUIRE(d.allowed());
    CHECK(d.posting_ends == ymd(2027, 3, 1));
    CHECK(d.posting->posted_on == ymd(2026, 12, 1));
}

TEST_CASE("closing is refused when the expiry was never posted", "[closing]") {
    check_refused(decide_closing(reg(), expired_loculo(), false, {}, on(ymd(2027, 6, 1))), RefusalCode::not_posted,
                  "90 giorni");
    // A posting made before a renewal moved the expiry does not count.
    auto renewed = expired_loculo();
    renewed.expires_on = ymd(2027, 9, 2);
    check_refused(decide_closing(reg(), renewed, false, posted, on(ymd(2028, 6, 1))), RefusalCode::not_posted,
                  "02/09/2027");
}

TEST_CASE("closing is refused before expiry, twice, for a perpetual deed, or without the remains' destination",
          "[closing]") {
    auto c = expired_loculo();
    SECTION("on the expiry day it is still valid") {
        check_refused(decide_closing(reg(), c, false, posted, on(ymd(2017, 9, 2))), RefusalCode::not_expired,
                      "valida fino al 02/09/2017");
    }
    SECTION("already closed") {
        check_refused(decide_closing(reg(), c, true, posted, on(ymd(2027, 6, 1))), RefusalCode::already_closed, "liberato");
    }
    SECTION("perpetual") {
        c.perpetual = true;
        c.expires_on.reset();
        check_refused(decide_closing(reg(), c, false, posted, on(ymd(2027, 6, 1))), RefusalCode::concession_perpetual,
                      "perpetua");
    }
    SECTION("remains not said") {
        auto r = on(ymd(2027, 6, 1));
        r.remains = RemainsDestination::none;
        check_refused(decide_closing(reg(), c, false, posted, r), RefusalCode::remains_missing, "resti");
    }
}

TEST_CASE("an ended concession is closed once its remains move, with no posting", "[closing]") {
    auto c = expired_loculo();
    c.expires_on = ymd(2040, 1, 1);
    c.ending = Ending::surrendered;
    c.ended_on = ymd(2026, 5, 1);
    CHECK(decide_closing(reg(), c, false, {}, on(ymd(2026, 5, 1))).allowed());
    check_refused(decide_closing(reg(), c, false, {}, on(ymd(2026, 4, 30))), RefusalCode::not_expired, "cessata il");
}

TEST_CASE("a concession whose place was freed is not closed twice, as the concession read says", "[closing]") {
    auto c = expired_loculo();
    c.closed_on = ymd(2027, 3, 1);
    check_refused(decide_closing(reg(), c, false, posted, on(ymd(2027, 6, 1))), RefusalCode::already_closed,
                  "liberato il 01/03/2027");
}
