// Rinuncia, decadenza, revoca: each with its date, act and reason; the place is
// free once its remains are moved.
#include "rules_fixture.hpp"
#include "support.hpp"

#include <cemetery/ending.hpp>

using namespace cemetery;
using test::ymd;

namespace {

const Regulation& reg() { return test::shipped_regulation(); }

Concession with_one_buried() {
    Concession c;
    c.signed_on = c.term_start = ymd(2021, 5, 4);
    c.term_years = 30;
    c.expires_on = ymd(2051, 5, 4);
    Deceased d;
    d.surname = "Bassi";
    c.deceased = {d};
    return c;
}

EndingRequest request(Ending e) {
    return EndingRequest{e, ymd(2030, 1, 15), "prot. 123/2030", "the family moves the remains to Milano", std::nullopt};
}

}  // namespace

TEST_CASE("a surrender with the remains moved frees the place; without, it stays occupied", "[ending]") {
    auto r = request(Ending::surrendered);
    CHECK_FALSE(decide_ending(reg(), with_one_buried(), false, r).frees_place);
    r.remains_moved = RemainsDestination::family;
    const auto d = decide_ending(reg(), with_one_buried(), false, r);
    REQUIRE(d.allowed());
    CHECK(d.frees_place);
}

TEST_CASE("an ending of a place where nobody rests frees it at once", "[ending]") {
    auto c = with_one_buried();
    c.deceased.clear();
    const auto d = decide_ending(reg(), c, false, request(Ending::forfeited));
    REQUIRE(d.allowed());
    CHECK(d.frees_place);
}

TEST_CASE("an ending is refused when it cannot be", "[ending]") {
    auto c = with_one_buried();
    auto r = request(Ending::revoked);
    bool closed = false;
    RefusalCode expected = RefusalCode::act_missing;
    SECTION("no act") { r.act.clear(); }
    SECTION("no reason") { r.reason.clear(); expected = RefusalCode::reason_missing; }
    SECTION("already ended") {
        c.ending = Ending::forfeited;
        c.ended_on = ymd(2029, 1, 1);
        expected = RefusalCode::concession_ended;
    }
    SECTION("already freed") { closed = true; expected = RefusalCode::already_closed; }
    SECTION("before the deed") { r.on = ymd(2020, 1, 1); expected = RefusalCode::before_signing; }
    SECTION("after expiry") { r.on = ymd(2051, 5, 5); expected = RefusalCode::concession_expired; }
    SECTION("remains said to be none where someone rests") {
        r.remains_moved = RemainsDestination::none;
        expected = RefusalCode::remains_missing;
    }
    const auto d = decide_ending(reg(), c, closed, r);
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(expected));
}

namespace {

// A perpetual family tomb of 1962, its last burial in 1979.
Concession perpetual_tomb() {
    Concession c;
    c.signed_on = c.term_start = ymd(1962, 4, 2);
    c.perpetual = true;
    Deceased first;
    first.surname = "Colombo";
    first.died_on = ymd(1963, 1, 10);
    first.buried_on = ymd(1963, 1, 12);
    Deceased last;
    last.surname = "Colombo";
    last.died_on = ymd(1979, 6, 1);
    last.buried_on = ymd(1979, 6, 4);
    c.deceased = {first, last};
    return c;
}

EndingRequest revocation(Date on) {
    EndingRequest r{Ending::revoked, on, "delibera G.C. 12/2030", "grave insufficienza di posti", std::nullopt};
    r.remains_moved = RemainsDestination::ossuary;
    return r;
}

}  // namespace

TEST_CASE("a perpetual deed is revoked only 50 years after its last burial, with the shortage stated",
          "[ending][perpetual]") {
    const int years = reg().perpetual_revocation_years.value;
    REQUIRE(years == 50);
    CHECK(reg().perpetual_revocation_years.basis.find("art. 92 c.2") != std::string::npos);
    auto r = revocation(ymd(2029, 6, 3));  // a day short of 50 years after 4 June 1979
    r.grave_shortage = true;
    auto d = decide_ending(reg(), perpetual_tomb(), false, r);
    REQUIRE(d.refusal);
    CHECK(code_name(d.refusal->code) == "revocation_too_early");
    CHECK(d.refusal->message.find("04/06/2029") != std::string::npos);

    r.on = ymd(2029, 6, 4);
    d = decide_ending(reg(), perpetual_tomb(), false, r);
    REQUIRE(d.allowed());
    CHECK(d.frees_place);

    r.grave_shortage = false;
    d = decide_ending(reg(), perpetual_tomb(), false, r);
    REQUIRE(d.refusal);
    CHECK(code_name(d.refusal->code) == "shortage_not_stated");
}

TEST_CASE("the years count from the last death where the burial is not recorded, else from the deed",
          "[ending][perpetual]") {
    auto c = perpetual_tomb();
    c.deceased[1].buried_on.reset();  // died 1 June 1979
    auto r = revocation(ymd(2029, 6, 1));
    r.grave_shortage = true;
    CHECK(decide_ending(reg(), c, false, r).allowed());
    c.deceased.clear();  // nobody buried: from the signing, 2 April 1962
    r.remains_moved.reset();
    r.on = ymd(2012, 4, 1);
    CHECK(code_name(decide_ending(reg(), c, false, r).refusal->code) == "revocation_too_early");
    r.on = ymd(2012, 4, 2);
    CHECK(decide_ending(reg(), c, false, r).allowed());
}

TEST_CASE("the 50-year rule binds revocations of perpetual deeds only", "[ending][perpetual]") {
    auto r = revocation(ymd(2030, 1, 1));
    r.ending = Ending::surrendered;  // the holders may give a perpetual tomb back at any time
    CHECK(decide_ending(reg(), perpetual_tomb(), false, r).allowed());
    auto fixed = with_one_buried();
    r = revocation(ymd(2030, 1, 1));  // a fixed-term deed: no shortage needed
    CHECK(decide_ending(reg(), fixed, false, r).allowed());
}

TEST_CASE("a concession whose place was freed cannot end again, as the concession read says", "[ending]") {
    auto c = with_one_buried();
    c.closed_on = ymd(2029, 6, 1);
    const auto d = decide_ending(reg(), c, false, request(Ending::surrendered));
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(RefusalCode::already_closed));
    CHECK_THAT(d.refusal->message, Catch::Contains("01/06/2029"));
}
