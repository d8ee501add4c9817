// Subentro: heirs replace or join the holders, with the date and the act.
#include "support.hpp"

#include <cemetery/succession.hpp>

using namespace cemetery;
using test::ymd;

namespace {

Holder person(std::string surname, std::string given) {
    Holder h;
    h.surname = std::move(surname);
    h.given_name = std::move(given);
    return h;
}

Concession held_by_one() {
    Concession c;
    c.signed_on = c.term_start = ymd(2021, 5, 4);
    c.term_years = 30;
    c.expires_on = ymd(2051, 5, 4);
    c.holders = {person("Dell'Orto", "Piero")};
    return c;
}

SuccessionRequest heirs(SuccessionMode mode) {
    return SuccessionRequest{ymd(2030, 2, 1), "voltura 2030/7", {person("Dell'Orto", "Marta"), person("Dell'Orto", "Ugo")},
                             mode, {}};
}

}  // namespace

TEST_CASE("heirs replace the holders", "[succession]") {
    const auto d = decide_succession(held_by_one(), false, heirs(SuccessionMode::replace));
    REQUIRE(d.allowed());
    REQUIRE(d.holders_after.size() == 2);
    CHECK(d.holders_after[0].given_name == "Marta");
}

TEST_CASE("heirs join the holders", "[succession]") {
    const auto d = decide_succession(held_by_one(), false, heirs(SuccessionMode::join));
    REQUIRE(d.allowed());
    REQUIRE(d.holders_after.size() == 3);
    CHECK(d.holders_after[0].given_name == "Piero");
}

TEST_CASE("a succession is refused without heirs, act, a valid date or a living concession", "[succession]") {
    auto c = held_by_one();
    auto r = heirs(SuccessionMode::replace);
    RefusalCode expected = RefusalCode::holder_missing;
    bool closed = false;
    SECTION("no heir") { r.heirs.clear(); }
    SECTION("no act") { r.act.clear(); expected = RefusalCode::act_missing; }
    SECTION("before the deed") { r.on = ymd(2020, 1, 1); expected = RefusalCode::before_signing; }
    SECTION("an heir without a surname") { r.heirs[1].surname.clear(); expected = RefusalCode::person_invalid; }
    SECTION("after a revocation") {
        c.ending = Ending::revoked;
        c.ended_on = ymd(2029, 1, 1);
        expected = RefusalCode::concession_ended;
    }
    SECTION("after the place was freed") { closed = true; expected = RefusalCode::already_closed; }
    const auto d = decide_succession(c, closed, r);
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(expected));
}

TEST_CASE("nobody takes over a concession whose place was freed, as the concession read says", "[succession]") {
    auto c = held_by_one();
    c.closed_on = ymd(2052, 1, 1);
    const auto d = decide_succession(c, false, heirs(SuccessionMode::replace));
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(RefusalCode::already_closed));
    CHECK_THAT(d.refusal->message, Catch::Contains("01/01/2052"));
}

namespace {

// Two children hold the concession; the heirs of one of them succeed.
Concession held_by_two() {
    auto c = held_by_one();
    c.holders[0].id = HolderId{11};
    c.holders.push_back(person("Dell'Orto", "Luisa"));
    c.holders[1].id = HolderId{12};
    return c;
}

}  // namespace

TEST_CASE("heirs succeed the holder they are named for; the other holder stays", "[succession]") {
    auto r = heirs(SuccessionMode::replace);
    r.succeeded = {HolderId{11}};
    const auto d = decide_succession(held_by_two(), false, r);
    REQUIRE(d.allowed());
    REQUIRE(d.holders_after.size() == 3);
    CHECK(d.holders_after[0].given_name == "Luisa");
    CHECK(d.holders_after[1].given_name == "Marta");
    CHECK(d.holders_after[2].given_name == "Ugo");

    SECTION("named for both, they replace both") {
        r.succeeded = {HolderId{12}, HolderId{11}};
        const auto both = decide_succession(held_by_two(), false, r);
        REQUIRE(both.allowed());
        CHECK(both.holders_after.size() == 2);
    }
}

TEST_CASE("a succession naming as succeeded someone who is not a holder is refused", "[succession]") {
    auto r = heirs(SuccessionMode::replace);
    SECTION("an id of no holder of the concession") { r.succeeded = {HolderId{11}, HolderId{99}}; }
    SECTION("heirs who join succeed nobody") {
        r.mode = SuccessionMode::join;
        r.succeeded = {HolderId{11}};
    }
    const auto d = decide_succession(held_by_two(), false, r);
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(RefusalCode::holder_missing));
}
