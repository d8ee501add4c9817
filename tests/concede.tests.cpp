// A new concession on a free plot: its term from the version in force on the
// signing date, and every refusal with its reason.
#include "rules_fixture.hpp"

#include <cemetery/concede.hpp>

using namespace cemetery;
using test::ymd;

namespace {

const Regulation& reg() { return test::shipped_regulation(); }

Holder holder(std::string surname, std::string given) {
    Holder h;
    h.surname = std::move(surname);
    h.given_name = std::move(given);
    return h;
}

Deceased deceased(std::string surname, std::string given, Date died) {
    Deceased d;
    d.surname = std::move(surname);
    d.given_name = std::move(given);
    d.born_on = ymd(1940, 5, 2);
    d.died_on = died;
    return d;
}

ConcessionRequest request(Date signed_on) {
    ConcessionRequest r;
    r.comune = ComuneId{2};
    r.plot = PlotId{7};
    r.signed_on = signed_on;
    r.holders = {holder("D'Adda", "Luisa")};
    r.first_deceased = deceased("D'Adda", "Carlo", add_days(signed_on, -2));
    r.today = signed_on;  // recorded on the day it is signed
    return r;
}

ConcessionContext context(PlotKind kind, std::string comune = "Liscate") {
    return ConcessionContext{std::move(comune), kind, PlotStateOn{}};
}

void check_refused(const ConcessionDecision& d, RefusalCode expected, const std::string& says) {
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(expected));
    CHECK_THAT(d.refusal->message, Catch::Contains(says));
}

}  // namespace

TEST_CASE("a loculo granted at a death runs 30 years from the signing date under Unione 2020", "[concede]") {
    const auto d = decide_concession(reg(), request(ymd(2026, 12, 1)), context(PlotKind::loculo));
    REQUIRE(d.allowed());
    const Concession& c = *d.concession;
    CHECK(c.signed_on == ymd(2026, 12, 1));
    CHECK(c.term_start == ymd(2026, 12, 1));
    CHECK(c.term_years == 30);
    CHECK(c.expires_on == ymd(2056, 12, 1));
    CHECK(c.version_name == "Unione 2020");
    REQUIRE(c.deceased.size() == 1);
    CHECK(c.deceased.front().buried_on == ymd(2026, 12, 1));  // the burial defaults to the signing date
    CHECK(c.holders.front().surname == "D'Adda");
}

TEST_CASE("a loculo signed on 29 February expires on 28 February", "[concede]") {
    const auto d = decide_concession(reg(), request(ymd(2028, 2, 29)), context(PlotKind::loculo));
    REQUIRE(d.allowed());
    CHECK(d.concession->expires_on == ymd(2058, 2, 28));
}

TEST_CASE("a plot that is not free is not granted", "[concede]") {
    auto ctx = context(PlotKind::loculo);
    ctx.plot_state = PlotStateOn{PlotState::occupied, ConcessionId{3}, "E-1987-031"};
    check_refused(decide_concession(reg(), request(ymd(2026, 12, 1)), ctx), RefusalCode::plot_not_free,
                  "occupied on 2026-12-01 (concession E-1987-031)");
    ctx.plot_state = PlotStateOn{PlotState::out_of_use, {}, {}};
    check_refused(decide_concession(reg(), request(ymd(2026, 12, 1)), ctx), RefusalCode::plot_not_free, "out_of_use");
}

TEST_CASE("a loculo is granted only at a death (RR Lombardia 4/2022 art. 27 c.6)", "[concede]") {
    auto r = request(ymd(2026, 12, 1));
    r.first_deceased.reset();
    check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::granted_only_at_death,
                  "4/2022 art. 27 c.6");
    SECTION("a family tomb may be granted with nobody to bury yet") {
        const auto d = decide_concession(reg(), r, context(PlotKind::tomba_famiglia));
        REQUIRE(d.allowed());
        CHECK(d.concession->deceased.empty());
        CHECK(d.concession->expires_on == ymd(2056, 12, 1));
    }
}

TEST_CASE("a new concession is refused when no version covers the comune that day", "[concede]") {
    // Truccazzano left the Union on 1 January 2024 and no later rules are known.
    check_refused(decide_concession(reg(), request(ymd(2026, 12, 1)), context(PlotKind::loculo, "Truccazzano")),
                  RefusalCode::no_version, "Truccazzano on 2026-12-01");
}

TEST_CASE("a new concession needs a holder and people with dates in order", "[concede]") {
    auto r = request(ymd(2026, 12, 1));
    SECTION("no holder") {
        r.holders.clear();
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::holder_missing, "holder");
    }
    SECTION("death before birth") {
        r.first_deceased->died_on = ymd(1930, 1, 1);
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::person_invalid,
                      "death before birth");
    }
    SECTION("burial before death") {
        r.first_deceased->buried_on = ymd(2026, 11, 1);
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::person_invalid,
                      "burial before death");
    }
    SECTION("burial before the deed") {
        r.first_deceased->died_on = ymd(2026, 11, 1);
        r.first_deceased->buried_on = ymd(2026, 11, 3);
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::before_signing,
                      "before the deed is signed");
    }
    SECTION("a holder's tax code that is not one") {
        r.holders.front().codice_fiscale = "XXXXXX00X00X000X";
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::person_invalid,
                      "codice_fiscale");
    }
}

TEST_CASE("a place that cannot hold the remains is not granted for them", "[concede]") {
    auto r = request(ymd(2026, 12, 1));
    r.form = RemainsForm::coffin;
    check_refused(decide_concession(reg(), r, context(PlotKind::cinerario)), RefusalCode::capacity_exceeded,
                  "holds 0 coffins");
    r.form = RemainsForm::urn;
    CHECK(decide_concession(reg(), r, context(PlotKind::cinerario)).allowed());
}

TEST_CASE("a deed is not recorded before it is signed, nor a death before it happens", "[concede]") {
    auto r = request(ymd(2026, 12, 1));
    SECTION("a signing after today") {
        r.today = ymd(2026, 11, 30);
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::after_today,
                      "after today (2026-11-30)");
    }
    SECTION("a deed centuries ahead") {
        r.signed_on = ymd(9999, 12, 31);
        r.first_deceased->died_on = ymd(9999, 12, 29);
        r.today = ymd(2026, 12, 2);
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::after_today, "9999-12-31");
    }
    SECTION("a death after today, on a deed of today") {
        r.first_deceased->died_on = ymd(2026, 12, 5);
        r.first_deceased->buried_on = ymd(2026, 12, 1);
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::person_invalid, "died_on");
    }
    SECTION("signed today is fine") {
        CHECK(decide_concession(reg(), r, context(PlotKind::loculo)).allowed());
    }
}
