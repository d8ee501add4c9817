// Rinuncia, decadenza, revoca: each with its date, act and reason; the place is
// free once its remains are moved.
#include "support.hpp"

#include <cemetery/ending.hpp>

using namespace cemetery;
using test::ymd;

namespace {

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
    CHECK_FALSE(decide_ending(with_one_buried(), false, r).frees_place);
    r.remains_moved = RemainsDestination::family;
    const auto d = decide_ending(with_one_buried(), false, r);
    REQUIRE(d.allowed());
    CHECK(d.frees_place);
}

TEST_CASE("an ending of a place where nobody rests frees it at once", "[ending]") {
    auto c = with_one_buried();
    c.deceased.clear();
    const auto d = decide_ending(c, false, request(Ending::forfeited));
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
    const auto d = decide_ending(c, closed, r);
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(expected));
}
