// The life of a concession on a real register: granted on a free plot, buried,
// inherited, given back, posted and closed; every step in the change log, every
// refusal leaving nothing behind.
#include "support.hpp"

#include "storage/fixtures.hpp"

#include <cemetery/register.hpp>

#include <algorithm>

using namespace cemetery;
using test::ymd;

namespace {

struct Snapshot {
    std::int64_t concessions = 0;
    std::int64_t log = 0;
};
Snapshot snapshot(const Register& reg) { return {reg.count_concessions(), reg.change_log_size()}; }
void check_unchanged(const Register& reg, const Snapshot& before) {
    CHECK(reg.count_concessions() == before.concessions);
    CHECK(reg.change_log_size() == before.log);
}

void check_refused(const LifeOutcome& out, RefusalCode expected) {
    REQUIRE_FALSE(out);
    REQUIRE(out.refusal);
    INFO(out.refusal->message);
    CHECK(code_name(out.refusal->code) == code_name(expected));
}

ConcessionRequest at_death(ComuneId comune, PlotId plot, Date signed_on, std::string deceased_surname = "Pèrego") {
    ConcessionRequest r;
    r.comune = comune;
    r.plot = plot;
    r.signed_on = signed_on;
    r.holders = {test::holder("Pèrego", "Lucia")};
    r.first_deceased = test::deceased(std::move(deceased_surname), "Giuseppe", ymd(1941, 3, 3), add_days(signed_on, -2));
    r.today = signed_on;  // recorded on the day it is signed
    return r;
}

BurialRequest burial(std::string surname, Date buried_on, RemainsForm form = RemainsForm::coffin) {
    return BurialRequest{test::deceased(std::move(surname), "Maria", ymd(1944, 8, 8), add_days(buried_on, -3), buried_on),
                         form, buried_on};
}

std::vector<std::string> actions(const Register& reg, ConcessionId id) {
    std::vector<std::string> out;
    for (const auto& e : reg.change_log("concession", id.value())) out.push_back(e.action);
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("a loculo is granted to a person who just died, numbered per comune and year", "[store][life]") {
    test::UnionRegister u;
    const auto p1 = u.plot(u.liscate_cimitero, PlotKind::loculo, "1", "N", "1", "1");
    const auto p2 = u.plot(u.liscate_cimitero, PlotKind::loculo, "2", "N", "1", "1");
    const auto first = u.reg.concede(at_death(u.liscate, p1, ymd(2026, 12, 1)), u.rules);
    INFO(first.reason());
    REQUIRE(first);
    CHECK(first.concession->deed_number == "2026/0001");
    CHECK(first.concession->expires_on == ymd(2056, 12, 1));
    CHECK(first.concession->version_name == "Unione 2020");
    CHECK(first.concession->deceased.size() == 1);
    const auto second = u.reg.concede(at_death(u.liscate, p2, ymd(2026, 12, 2), "Rossi"), u.rules);
    REQUIRE(second);
    CHECK(second.concession->deed_number == "2026/0002");
    CHECK(u.reg.next_deed_number(u.liscate, ymd(2027, 1, 5)) == "2027/0001");
    CHECK(u.reg.next_deed_number(u.bellinzago, ymd(2026, 1, 5)) == "2026/0001");

    const auto log = actions(u.reg, first.concession->id);
    CHECK(has(log, "insert"));
    CHECK(has(log, "concede"));
    CHECK(u.reg.plot_state(p1, ymd(2026, 12, 1))->state == PlotState::occupied);
    CHECK(u.reg.plot_state(p1, ymd(2026, 11, 30))->state == PlotState::free);
    CHECK(u.reg.search("rossi").size() == 1);
}

TEST_CASE("a typed deed number is kept", "[store][life]") {
    test::UnionRegister u;
    const auto p = u.plot(u.liscate_cimitero, PlotKind::loculo, "1", "N", "1", "1");
    auto r = at_death(u.liscate, p, ymd(2026, 12, 1));
    r.deed_number = "L-2026-077";
    const auto out = u.reg.concede(r, u.rules);
    REQUIRE(out);
    CHECK(out.concession->deed_number == "L-2026-077");
}

TEST_CASE("a new concession refused by the rules writes nothing", "[store][life]") {
    test::UnionRegister u;
    const auto p = u.plot(u.liscate_cimitero, PlotKind::loculo, "1", "N", "1", "1");
    REQUIRE(u.reg.concede(at_death(u.liscate, p, ymd(2026, 12, 1)), u.rules));
    const auto q = u.plot(u.liscate_cimitero, PlotKind::loculo, "2", "N", "1", "1");
    const auto t = u.plot(u.truccazzano_cimitero, PlotKind::loculo, "1");
    const auto before = snapshot(u.reg);
    SECTION("the plot is taken") {
        check_refused(u.reg.concede(at_death(u.liscate, p, ymd(2027, 1, 1), "Bassi"), u.rules), RefusalCode::plot_not_free);
    }
    SECTION("a loculo with nobody to bury") {
        auto r = at_death(u.liscate, q, ymd(2026, 12, 1));
        r.first_deceased.reset();
        check_refused(u.reg.concede(r, u.rules), RefusalCode::granted_only_at_death);
    }
    SECTION("no version covers Truccazzano after it left the Union") {
        check_refused(u.reg.concede(at_death(u.truccazzano, t, ymd(2026, 12, 1)), u.rules), RefusalCode::no_version);
    }
    check_unchanged(u.reg, before);
}

TEST_CASE("a deed number already used in the comune is the register's refusal", "[store][life]") {
    test::UnionRegister u;
    const auto p = u.plot(u.liscate_cimitero, PlotKind::loculo, "1", "N", "1", "1");
    const auto q = u.plot(u.liscate_cimitero, PlotKind::loculo, "2", "N", "1", "1");
    auto r = at_death(u.liscate, p, ymd(2026, 12, 1));
    r.deed_number = "X-1";
    REQUIRE(u.reg.concede(r, u.rules));
    const auto before = snapshot(u.reg);
    r.plot = q;
    const auto again = u.reg.concede(r, u.rules);
    REQUIRE_FALSE(again);
    REQUIRE(again.conflict);
    CHECK(again.conflict->code == ConflictCode::duplicate_deed);
    check_unchanged(u.reg, before);
}

TEST_CASE("the spouse's urn joins a loculo; a second coffin does not fit", "[store][life]") {
    test::UnionRegister u;
    const auto p = u.plot(u.liscate_cimitero, PlotKind::loculo, "1", "N", "1", "1");
    const auto granted = u.reg.concede(at_death(u.liscate, p, ymd(2026, 12, 1)), u.rules);
    REQUIRE(granted);
    const auto id = granted.concession->id;
    const auto urn = u.reg.bury(id, burial("Pèrego", ymd(2032, 5, 6), RemainsForm::urn), u.rules);
    INFO(urn.reason());
    REQUIRE(urn);
    CHECK(urn.concession->deceased.size() == 2);
    CHECK(urn.concession->expires_on == ymd(2056, 12, 1));  // the Union's loculo keeps its term
    CHECK(urn.notices.empty());
    CHECK(u.reg.life(id).remains().urns == 1);
    CHECK(u.reg.life(id).remains().coffins == 1);
    CHECK(has(actions(u.reg, id), "bury"));

    const auto before = snapshot(u.reg);
    check_refused(u.reg.bury(id, burial("Rossi", ymd(2033, 1, 1)), u.rules), RefusalCode::capacity_exceeded);
    check_refused(u.reg.bury(id, burial("Rossi", ymd(2057, 1, 1), RemainsForm::box), u.rules),
                  RefusalCode::concession_expired);
    check_unchanged(u.reg, before);
}

TEST_CASE("in Truccazzano the term of a family tomb restarts at the second burial, and the history says why",
          "[store][life]") {
    test::UnionRegister u;
    const auto p = u.plot(u.truccazzano_cimitero, PlotKind::tomba_famiglia, "3");
    const auto granted = u.reg.concede(at_death(u.truccazzano, p, ymd(2005, 3, 1)), u.rules);
    INFO(granted.reason());
    REQUIRE(granted);
    CHECK(granted.concession->version_name == "Truccazzano 2001");
    CHECK(granted.concession->expires_on == ymd(2035, 3, 1));
    const auto id = granted.concession->id;

    const auto second = u.reg.bury(id, burial("Pèrego", ymd(2012, 7, 15)), u.rules);
    INFO(second.reason());
    REQUIRE(second);
    CHECK(second.concession->expires_on == ymd(2042, 7, 15));
    CHECK(second.concession->term_start == ymd(2012, 7, 15));
    REQUIRE(second.notices.size() == 1);
    CHECK_THAT(second.notices.front(), Catch::Contains("2035-03-01 → 2042-07-15"));
    const auto life = u.reg.life(id);
    REQUIRE(life.restarts.size() == 1);
    CHECK(life.restarts.front().previous_expiry == ymd(2035, 3, 1));
    CHECK(life.restarts.front().deceased == "Pèrego Maria");
    CHECK(has(actions(u.reg, id), "term_restart"));
    // The plot stays held from the signing date through the new expiry.
    CHECK(u.reg.plot_state(p, ymd(2006, 1, 1))->state == PlotState::occupied);
}

TEST_CASE("heirs take over, and the history keeps who held it before", "[store][life]") {
    test::UnionRegister u;
    const auto p = u.plot(u.liscate_cimitero, PlotKind::loculo, "1", "N", "1", "1");
    const auto granted = u.reg.concede(at_death(u.liscate, p, ymd(2026, 12, 1)), u.rules);
    REQUIRE(granted);
    const auto id = granted.concession->id;
    const auto out = u.reg.succeed(
        id, SuccessionRequest{ymd(2035, 4, 1), "voltura 2035/3", {test::holder("D'Adda", "Carla")}, SuccessionMode::join, {}});
    INFO(out.reason());
    REQUIRE(out);
    REQUIRE(out.concession->holders.size() == 2);
    CHECK(out.concession->holders[1].surname == "D'Adda");
    const auto life = u.reg.life(id);
    REQUIRE(life.successions.size() == 1);
    CHECK(life.successions.front().holders_before == std::vector<std::string>{"Pèrego Lucia"});
    CHECK(life.successions.front().holders_after == std::vector<std::string>{"Pèrego Lucia", "D'Adda Carla"});
    CHECK(life.successions.front().act == "voltura 2035/3");
    CHECK(has(actions(u.reg, id), "succession"));
    CHECK(u.reg.search("d'adda").size() == 1);

    const auto before = snapshot(u.reg);
    check_refused(u.reg.succeed(id, SuccessionRequest{ymd(2035, 4, 1), "", {test::holder("X", "Y")}, SuccessionMode::join, {}}),
                  RefusalCode::act_missing);
    check_unchanged(u.reg, before);
}

TEST_CASE("the heirs of one of two holders take that holder's place; the other stays", "[store][life]") {
    test::UnionRegister u;
    const auto p = u.plot(u.liscate_cimitero, PlotKind::loculo, "1", "N", "1", "1");
    const auto granted = u.reg.concede(at_death(u.liscate, p, ymd(2026, 12, 1)), u.rules);
    REQUIRE(granted);
    const auto id = granted.concession->id;
    // A second holder joins first: the family is two.
    REQUIRE(u.reg.succeed(id, SuccessionRequest{ymd(2030, 1, 10), "voltura 2030/1", {test::holder("Pèrego", "Aldo")},
                                                SuccessionMode::join, {}}));
    const auto held = u.reg.concession(id);
    REQUIRE(held);
    REQUIRE(held->holders.size() == 2);
    REQUIRE(held->holders[0].surname == "Pèrego");
    SuccessionRequest request{ymd(2035, 4, 1), "voltura 2035/3", {test::holder("D'Adda", "Carla")},
                              SuccessionMode::replace, {}};
    request.succeeded = {held->holders[0].id};  // Lucia's heirs
    const auto out = u.reg.succeed(id, request);
    INFO(out.reason());
    REQUIRE(out);
    const auto life = u.reg.life(id);
    REQUIRE(life.successions.size() == 2);
    CHECK(life.successions.back().holders_before == std::vector<std::string>{"Pèrego Lucia", "Pèrego Aldo"});
    CHECK(life.successions.back().holders_after == std::vector<std::string>{"Pèrego Aldo", "D'Adda Carla"});

    SECTION("a holder of another concession named as succeeded is refused, writing nothing") {
        const auto before = snapshot(u.reg);
        SuccessionRequest other{ymd(2036, 1, 1), "voltura 2036/1", {test::holder("Brivio", "Ugo")},
                                SuccessionMode::replace, {}};
        other.succeeded = {HolderId{987654}};
        check_refused(u.reg.succeed(id, other), RefusalCode::holder_missing);
        check_unchanged(u.reg, before);
    }
}

TEST_CASE("a surrender frees the place once the remains are moved, and leaves the expired lists",
          "[store][life]") {
    test::UnionRegister u;
    const auto p = u.plot(u.liscate_cimitero, PlotKind::loculo, "1", "N", "1", "1");
    const auto granted = u.reg.concede(at_death(u.liscate, p, ymd(2026, 12, 1)), u.rules);
    REQUIRE(granted);
    const auto id = granted.concession->id;
    SECTION("remains moved with the surrender") {
        const auto out = u.reg.end_concession(id, EndingRequest{Ending::surrendered, ymd(2030, 3, 1), "prot. 88/2030",
                                                                "moved to Milano", RemainsDestination::family}, u.rules);
        INFO(out.reason());
        REQUIRE(out);
        CHECK(out.concession->ending == Ending::surrendered);
        CHECK(out.concession->ended_on == ymd(2030, 3, 1));
        CHECK(out.concession->ending_act == "prot. 88/2030");
        CHECK(out.notices.empty());
        CHECK(u.reg.plot_state(p, ymd(2030, 2, 28))->state == PlotState::occupied);
        CHECK(u.reg.plot_state(p, ymd(2030, 3, 1))->state == PlotState::free);
        CHECK(u.reg.life(id).closing->remains == RemainsDestination::family);
        CHECK(has(actions(u.reg, id), "surrender"));
        CHECK(u.reg.expired(u.liscate, ymd(2060, 1, 1)).empty());
        // The place can be granted again from that day.
        REQUIRE(u.reg.concede(at_death(u.liscate, p, ymd(2030, 3, 2), "Bassi"), u.rules));
    }
    SECTION("a revocation with the remains still there keeps the place occupied until closed") {
        const auto out = u.reg.end_concession(
            id, EndingRequest{Ending::revoked, ymd(2030, 3, 1), "del. G.C. 12/2030", "public works", std::nullopt}, u.rules);
        REQUIRE(out);
        REQUIRE(out.notices.size() == 1);
        CHECK(u.reg.plot_state(p, ymd(2030, 6, 1))->state == PlotState::occupied);
        check_refused(u.reg.concede(at_death(u.liscate, p, ymd(2030, 6, 1), "Bassi"), u.rules), RefusalCode::plot_not_free);
        const auto closed = u.reg.close(id, ClosingRequest{ymd(2030, 7, 1), RemainsDestination::ossuary, "", ""}, u.rules);
        INFO(closed.reason());
        REQUIRE(closed);
        CHECK(u.reg.plot_state(p, ymd(2030, 7, 1))->state == PlotState::free);
    }
    SECTION("a forfeiture twice is refused") {
        REQUIRE(u.reg.end_concession(id, EndingRequest{Ending::forfeited, ymd(2030, 3, 1), "a", "no upkeep",
                                                       RemainsDestination::ossuary}, u.rules));
        const auto before = snapshot(u.reg);
        check_refused(u.reg.end_concession(id, EndingRequest{Ending::revoked, ymd(2031, 3, 1), "a", "b", std::nullopt}, u.rules),
                      RefusalCode::already_closed);
        check_unchanged(u.reg, before);
    }
}

TEST_CASE("an expired loculo is freed after its posting: free, occupied, expired, posted, closed, free again",
          "[store][life]") {
    test::UnionRegister u;
    const auto p = u.plot(u.liscate_cimitero, PlotKind::loculo, "1", "N", "1", "1");
    const auto granted = u.reg.concede(at_death(u.liscate, p, ymd(2021, 3, 1)), u.rules);
    REQUIRE(granted);
    const auto id = granted.concession->id;
    REQUIRE(granted.concession->expires_on == ymd(2051, 3, 1));

    CHECK(u.reg.plot_state(p, ymd(2021, 2, 28))->state == PlotState::free);
    CHECK(u.reg.plot_state(p, ymd(2040, 1, 1))->state == PlotState::occupied);
    CHECK(u.reg.plot_state(p, ymd(2051, 6, 1))->state == PlotState::occupied);  // expired, not yet freed

    const ClosingRequest closing{ymd(2051, 6, 1), RemainsDestination::ossuary, "det. 4/2051", "no answer to the notice"};
    check_refused(u.reg.close(id, closing, u.rules), RefusalCode::not_posted);

    const auto posted = u.reg.post_expired(u.liscate, ymd(2051, 4, 1), ymd(2051, 4, 1));
    REQUIRE(posted);
    CHECK(*posted.value == 1);
    CHECK(has(actions(u.reg, id), "post"));
    CHECK(*u.reg.post_expired(u.liscate, ymd(2051, 4, 1), ymd(2051, 4, 1)).value == 0);  // already posted from that day
    REQUIRE(u.reg.life(id).postings.size() == 1);

    const auto before = snapshot(u.reg);
    check_refused(u.reg.close(id, ClosingRequest{ymd(2051, 6, 29), RemainsDestination::ossuary, "", ""}, u.rules),
                  RefusalCode::posting_not_over);
    check_unchanged(u.reg, before);

    // Posted from 2051-04-01: 90 days end on 2051-06-29.
    const auto closed = u.reg.close(id, ClosingRequest{ymd(2051, 6, 30), RemainsDestination::ossuary, "det. 4/2051", ""},
                                    u.rules);
    INFO(closed.reason());
    REQUIRE(closed);
    CHECK(u.reg.life(id).closing->closed_on == ymd(2051, 6, 30));
    CHECK(has(actions(u.reg, id), "close"));
    CHECK(u.reg.plot_state(p, ymd(2051, 6, 29))->state == PlotState::occupied);
    CHECK(u.reg.plot_state(p, ymd(2051, 6, 30))->state == PlotState::free);
    CHECK(u.reg.expired(u.liscate, ymd(2051, 7, 1)).empty());
    check_refused(u.reg.close(id, closing, u.rules), RefusalCode::already_closed);
    check_refused(u.reg.bury(id, burial("Rossi", ymd(2051, 7, 1)), u.rules), RefusalCode::already_closed);

    // The freed place is granted again: a new deed with a new term of its own, under the
    // version in force on its signing; the old deed and its end stay as they were.
    const auto again = u.reg.concede(at_death(u.liscate, p, ymd(2051, 7, 1), "Rossi"), u.rules);
    INFO(again.reason());
    REQUIRE(again);
    CHECK(again.concession->id != id);
    CHECK(again.concession->term_start == ymd(2051, 7, 1));
    CHECK(again.concession->expires_on == ymd(2081, 7, 1));
    CHECK(again.concession->renewals.empty());
    CHECK(u.reg.life(id).closing->closed_on == ymd(2051, 6, 30));
    CHECK(u.reg.plot_state(p, ymd(2051, 7, 1))->state == PlotState::occupied);
}

TEST_CASE("the life of a concession survives closing and reopening the file", "[store][life]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    ConcessionId id;
    {
        test::UnionRegister u(file);
        const auto p = u.plot(u.liscate_cimitero, PlotKind::loculo, "1", "N", "1", "1");
        const auto granted = u.reg.concede(at_death(u.liscate, p, ymd(2021, 3, 1)), u.rules);
        REQUIRE(granted);
        id = granted.concession->id;
        REQUIRE(u.reg.bury(id, burial("Pèrego", ymd(2022, 1, 1), RemainsForm::box), u.rules));
        REQUIRE(u.reg.post_expired(u.liscate, ymd(2051, 4, 1), ymd(2051, 4, 1)));
    }
    const auto reg = Register::open_existing(file);
    const auto life = reg.life(id);
    CHECK(life.postings.size() == 1);
    CHECK(life.remains().boxes == 1);
    CHECK(life.remains().coffins == 1);
}

TEST_CASE("a concession whose place was freed says so when read, and every change to it is refused, writing nothing",
          "[store][life]") {
    test::UnionRegister u;
    const auto p = u.plot(u.liscate_cimitero, PlotKind::loculo, "1", "N", "1", "1");
    const auto granted = u.reg.concede(at_death(u.liscate, p, ymd(2021, 3, 1)), u.rules);
    REQUIRE(granted);
    const auto id = granted.concession->id;
    CHECK_FALSE(granted.concession->closed_on);
    REQUIRE(u.reg.post_expired(u.liscate, ymd(2051, 4, 1), ymd(2051, 4, 1)));
    const auto closed = u.reg.close(id, ClosingRequest{ymd(2051, 6, 30), RemainsDestination::ossuary, "det. 4/2051", ""},
                                    u.rules);
    INFO(closed.reason());
    REQUIRE(closed);
    CHECK(closed.concession->closed_on == ymd(2051, 6, 30));
    const auto c = u.reg.concession(id);
    REQUIRE(c);
    CHECK(c->closed_on == ymd(2051, 6, 30));
    CHECK(c->status_on(ymd(2051, 6, 29)) == ConcessionStatus::expired);
    CHECK(c->status_on(ymd(2051, 6, 30)) == ConcessionStatus::closed);
    const auto hits = u.reg.search("pèrego");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].closed_on == ymd(2051, 6, 30));  // the search list says "closed" too

    const auto before = snapshot(u.reg);
    SECTION("a renewal, after the closing or dated before it") {
        for (const auto on : {ymd(2051, 7, 1), ymd(2051, 5, 1)}) {
            const auto renewed = u.reg.renew(id, {on, "R-1/2051", ymd(2051, 7, 1)}, u.rules);
            CHECK_FALSE(renewed);
            REQUIRE(renewed.decision.refusal);
            INFO(renewed.decision.refusal->message);
            CHECK(code_name(renewed.decision.refusal->code) == code_name(RefusalCode::already_closed));
            CHECK_THAT(renewed.decision.refusal->message, Catch::Contains("30/06/2051"));
        }
        CHECK(u.reg.concession(id)->renewals.empty());
    }
    SECTION("a burial") { check_refused(u.reg.bury(id, burial("Rossi", ymd(2051, 6, 1)), u.rules), RefusalCode::already_closed); }
    SECTION("a succession") {
        check_refused(u.reg.succeed(id, SuccessionRequest{ymd(2051, 7, 1), "voltura 1/2051", {test::holder("Rossi", "Ida")},
                                                          SuccessionMode::replace, {}}),
                      RefusalCode::already_closed);
    }
    SECTION("a surrender") {
        check_refused(u.reg.end_concession(id, EndingRequest{Ending::surrendered, ymd(2051, 7, 1), "a", "b", std::nullopt},
                                           u.rules),
                      RefusalCode::already_closed);
    }
    SECTION("its holders replaced") {
        const auto edited = u.reg.replace_holders(id, {test::holder("Rossi", "Ida")}, c->row_version);
        CHECK_FALSE(edited);
        REQUIRE(edited.refusal);
        CHECK(code_name(edited.refusal->code) == code_name(RefusalCode::already_closed));
        CHECK(u.reg.concession(id)->holders.front().surname == "Pèrego");
    }
    SECTION("a posting of a later list: a freed place is on no list") {
        CHECK(*u.reg.post_expired(u.liscate, ymd(2052, 1, 1), ymd(2052, 1, 1)).value == 0);
        CHECK(u.reg.life(id).postings.size() == 1);
    }
    check_unchanged(u.reg, before);
}

TEST_CASE("a surrendered concession takes no new burial, heir, deceased or holders, even dated before it ended",
          "[store][life]") {
    test::UnionRegister u;
    const auto p = u.plot(u.liscate_cimitero, PlotKind::tomba_famiglia, "1", "T", "1", "");
    const auto granted = u.reg.concede(at_death(u.liscate, p, ymd(2021, 3, 1)), u.rules);
    REQUIRE(granted);
    const auto id = granted.concession->id;
    REQUIRE(u.reg.end_concession(id, EndingRequest{Ending::surrendered, ymd(2030, 3, 1), "prot. 88/2030",
                                                   "moved to Milano", std::nullopt}, u.rules));
    const auto c = u.reg.concession(id);
    CHECK_FALSE(c->closed_on);  // the remains are still there
    const auto before = snapshot(u.reg);
    check_refused(u.reg.bury(id, burial("Rossi", ymd(2029, 6, 1)), u.rules), RefusalCode::concession_ended);
    check_refused(u.reg.succeed(id, SuccessionRequest{ymd(2029, 6, 1), "voltura 1/2029", {test::holder("Rossi", "Ida")},
                                                      SuccessionMode::replace, {}}),
                  RefusalCode::concession_ended);
    const auto edited = u.reg.replace_holders(id, {test::holder("Rossi", "Ida")}, c->row_version);
    REQUIRE(edited.refusal);
    CHECK(code_name(edited.refusal->code) == code_name(RefusalCode::concession_ended));
    CHECK_THAT(edited.refusal->message, Catch::Contains("rinunciata il 01/03/2030"));
    check_unchanged(u.reg, before);
    CHECK(u.reg.concession(id)->deceased.size() == 1);
}
