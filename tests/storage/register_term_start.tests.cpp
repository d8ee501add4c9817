// Terms that start late and terms extended at every burial, on a real register: the
// concession read back after each burial, its history keeping every move of the term,
// a term not started on no list of expiries until the burial starts it.
#include "support.hpp"

#include "storage/fixtures.hpp"
#include "term_start_files.hpp"

#include <cemetery/register.hpp>

using namespace cemetery;
using test::ymd;

namespace {

const Regulation& rules() { return test::term_start_regulation(); }

ConcessionRequest deed(ComuneId comune, PlotId plot, Date signed_on) {
    ConcessionRequest r;
    r.comune = comune;
    r.plot = plot;
    r.signed_on = signed_on;
    r.holders = {test::holder("Pèrego", "Lucia")};
    r.today = signed_on;
    return r;
}

BurialRequest burial(std::string surname, Date died_on, Date buried_on, bool declined = false) {
    BurialRequest r{test::deceased(std::move(surname), "Maria", ymd(1944, 8, 8), died_on, buried_on),
                    RemainsForm::coffin, buried_on};
    r.extension_declined = declined;
    return r;
}

ConcessionId granted(test::UnionRegister& u, const ConcessionRequest& r) {
    const auto out = u.reg.concede(r, rules());
    INFO(out.reason());
    REQUIRE(out);
    return out.concession->id;
}

void buried(test::UnionRegister& u, ConcessionId id, const BurialRequest& r) {
    const auto out = u.reg.bury(id, r, rules());
    INFO(out.reason());
    REQUIRE(out);
}

bool listed(const std::vector<ListRow>& rows, ConcessionId id) {
    for (const auto& row : rows) {
        if (row.concession == id) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("a cappella's term is extended at each burial on the register", "[store][life][extension]") {
    test::UnionRegister u;
    const auto p = u.plot(u.liscate_cimitero, PlotKind::cappella, "1");
    const auto id = granted(u, deed(u.liscate, p, ymd(2021, 3, 1)));
    CHECK(u.reg.concession(id)->expires_on == ymd(2071, 3, 1));

    const auto first = u.reg.bury(id, burial("Pèrego", ymd(2030, 5, 7), ymd(2030, 5, 10)), rules());
    INFO(first.reason());
    REQUIRE(first);
    CHECK(u.reg.concession(id)->expires_on == ymd(2080, 5, 10));
    CHECK(u.reg.concession(id)->term_start == ymd(2030, 5, 10));
    REQUIRE_FALSE(first.notices.empty());
    CHECK_THAT(first.notices.back(), Catch::Contains("2071-03-01 → 2080-05-10"));

    buried(u, id, burial("Rossi", ymd(2041, 1, 1), ymd(2041, 1, 2)));
    CHECK(u.reg.concession(id)->expires_on == ymd(2091, 1, 2));

    SECTION("a burial that would end sooner leaves it") {
        auto late = burial("Brambilla", ymd(2040, 12, 1), ymd(2040, 12, 3));
        late.today = ymd(2041, 2, 1);
        buried(u, id, late);
        CHECK(u.reg.concession(id)->expires_on == ymd(2091, 1, 2));
        CHECK(u.reg.life(id).restarts.size() == 2);
    }
    SECTION("declining where the rule does not let them is refused, nothing written") {
        const auto log = u.reg.change_log_size();
        const auto out = u.reg.bury(id, burial("Brambilla", ymd(2050, 1, 1), ymd(2050, 1, 3), true), rules());
        REQUIRE_FALSE(out);
        REQUIRE(out.refusal);
        CHECK(out.refusal->code == RefusalCode::extension_not_declinable);
        CHECK(u.reg.change_log_size() == log);
        CHECK(u.reg.concession(id)->deceased.size() == 2);
    }
    const auto life = u.reg.life(id);
    REQUIRE(life.restarts.size() == 2);
    CHECK(life.restarts[0].previous_expiry == ymd(2071, 3, 1));
    CHECK(life.restarts[0].new_expiry == ymd(2080, 5, 10));
    CHECK(life.restarts[1].new_expiry == ymd(2091, 1, 2));
}

TEST_CASE("a declined extension is kept with the burial, the term unchanged", "[store][life][extension]") {
    test::UnionRegister u;
    const auto p = u.plot(u.liscate_cimitero, PlotKind::tomba_famiglia, "1");
    auto r = deed(u.liscate, p, ymd(2021, 3, 1));
    r.first_deceased = test::deceased("Pèrego", "Giuseppe", ymd(1941, 3, 3), ymd(2021, 2, 26), ymd(2021, 3, 1));
    const auto id = granted(u, r);
    // 40 years from the burial, later than from the death.
    CHECK(u.reg.concession(id)->expires_on == ymd(2061, 3, 1));
    buried(u, id, burial("Rossi", ymd(2030, 5, 7), ymd(2030, 5, 10), true));
    CHECK(u.reg.concession(id)->expires_on == ymd(2061, 3, 1));
    CHECK(u.reg.life(id).restarts.empty());
    bool logged = false;
    for (const auto& e : u.reg.change_log("concession", id.value())) {
        if (e.action == "bury") logged = e.details.find("extension_declined") != std::string::npos;
    }
    CHECK(logged);
}

TEST_CASE("a term waiting for the death is on no list until a burial starts it", "[store][life][not-started]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    ConcessionId id;
    {
        test::UnionRegister u(file);
        const auto p = u.plot(u.liscate_cimitero, PlotKind::tomba_famiglia, "1");
        id = granted(u, deed(u.liscate, p, ymd(2021, 3, 1)));
        const auto c = u.reg.concession(id);
        REQUIRE(c);
        CHECK_FALSE(c->expires_on);
        CHECK_FALSE(c->perpetual);
        CHECK(c->term_years == 40);
        CHECK(c->status_on(ymd(2200, 1, 1)) == ConcessionStatus::not_started);
        CHECK_FALSE(listed(u.reg.expired(std::nullopt, ymd(2200, 1, 1)), id));
        CHECK_FALSE(listed(u.reg.expiring(std::nullopt, ymd(2021, 3, 1), 365 * 100), id));
        const auto posted = u.reg.post_expired(std::nullopt, ymd(2200, 1, 1), ymd(2200, 1, 1));
        CHECK((posted ? *posted.value : -1) == 0);
    }
    {
        // Read back from the file: the burial starts it, from the burial (extended at every burial).
        auto reopened = Register::open(file, "test.clerk");
        const auto out = reopened.bury(id, burial("Pèrego", ymd(2030, 2, 26), ymd(2030, 3, 2)), rules());
        INFO(out.reason());
        REQUIRE(out);
        REQUIRE_FALSE(out.notices.empty());
        CHECK_THAT(out.notices.back(), Catch::Contains("the term starts on 2030-03-02"));
    }
    const auto reg = Register::open(file, "test.clerk");
    const auto c = reg.concession(id);
    REQUIRE(c);
    CHECK(c->expires_on == ymd(2070, 3, 2));
    CHECK(c->status_on(ymd(2031, 1, 1)) == ConcessionStatus::active);
    const auto life = reg.life(id);
    REQUIRE(life.restarts.size() == 1);
    CHECK_FALSE(life.restarts[0].previous_expiry);
    CHECK(life.restarts[0].previous_start == ymd(2021, 3, 1));
    CHECK(life.restarts[0].new_expiry == ymd(2070, 3, 2));
    CHECK(listed(reg.expired(std::nullopt, ymd(2070, 3, 3)), id));
}

TEST_CASE("a term waiting for the payment is granted not started, one with it from the payment",
          "[store][life][not-started]") {
    test::UnionRegister u;
    auto r = deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::ossario, "1"), ymd(2025, 6, 2));
    const auto waiting = granted(u, r);
    CHECK(u.reg.concession(waiting)->status_on(ymd(2025, 6, 3)) == ConcessionStatus::not_started);
    r.plot = u.plot(u.liscate_cimitero, PlotKind::ossario, "2");
    r.paid_on = ymd(2025, 6, 20);
    // Recorded on the signing day, a payment eighteen days later has not happened yet.
    const auto log = u.reg.change_log_size();
    const auto ahead = u.reg.concede(r, rules());
    REQUIRE(ahead.refusal);
    CHECK(ahead.refusal->code == RefusalCode::after_today);
    CHECK_THAT(ahead.refusal->message, Catch::Contains("la data del pagamento 20/06/2025 è dopo oggi (02/06/2025)"));
    CHECK(u.reg.change_log_size() == log);
    r.today = ymd(2025, 6, 20);  // recorded once paid
    const auto paid = granted(u, r);
    CHECK(u.reg.concession(paid)->expires_on == ymd(2045, 6, 20));
    CHECK(u.reg.concession(paid)->term_start == ymd(2025, 6, 20));
}

TEST_CASE("a loculo from the request is granted from it, refused without it", "[store][life][decorrenza]") {
    test::UnionRegister u;
    auto r = deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::loculo, "1"), ymd(2024, 3, 11));
    const auto log = u.reg.change_log_size();
    const auto refused = u.reg.concede(r, rules());
    REQUIRE(refused.refusal);
    CHECK(refused.refusal->code == RefusalCode::request_date_missing);
    CHECK(u.reg.change_log_size() == log);
    r.requested_on = ymd(2024, 2, 29);
    const auto id = granted(u, r);
    CHECK(u.reg.concession(id)->expires_on == ymd(2054, 2, 28));
}

TEST_CASE("a deed with its first burial may decline the extension where the rule lets the holders",
          "[store][life][extension]") {
    test::UnionRegister u;
    auto r = deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::tomba_famiglia, "1"), ymd(2021, 3, 1));
    r.first_deceased = test::deceased("Pèrego", "Giuseppe", ymd(1941, 3, 3), ymd(2021, 2, 26), ymd(2021, 3, 1));
    r.extension_declined = true;
    const auto id = granted(u, r);
    // 40 years from the death, as the term runs: not from the burial, which would end later.
    CHECK(u.reg.concession(id)->expires_on == ymd(2061, 2, 26));
    CHECK(u.reg.concession(id)->term_start == ymd(2021, 2, 26));
    bool logged = false;
    for (const auto& e : u.reg.change_log("concession", id.value())) {
        if (e.action == "concede") logged = e.details.find("\"extension_declined\":true") != std::string::npos;
    }
    CHECK(logged);

    SECTION("refused where the rule does not let them decline, nothing written") {
        auto chapel = deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::cappella, "2"), ymd(2021, 3, 1));
        chapel.first_deceased = test::deceased("Rossi", "Anna", ymd(1940, 1, 1), ymd(2021, 2, 20), ymd(2021, 3, 1));
        chapel.extension_declined = true;
        const auto size = u.reg.change_log_size();
        const auto out = u.reg.concede(chapel, rules());
        REQUIRE(out.refusal);
        CHECK(out.refusal->code == RefusalCode::extension_not_declinable);
        CHECK_THAT(out.refusal->message, Catch::Contains("«Prova 2020»"));
        CHECK(u.reg.change_log_size() == size);
        CHECK(u.reg.plot_state(chapel.plot, ymd(2021, 3, 1))->state == PlotState::free);
    }
    SECTION("refused without a first deceased: no burial to decline it at") {
        auto empty = deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::tomba_famiglia, "3"), ymd(2021, 3, 1));
        empty.extension_declined = true;
        const auto out = u.reg.concede(empty, rules());
        REQUIRE(out.refusal);
        CHECK(out.refusal->code == RefusalCode::extension_not_declinable);
    }
}
