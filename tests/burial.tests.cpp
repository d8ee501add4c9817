// A later burial under a concession: capacity, dates, the end of the concession,
// and the term restarting where the regulation says so (Truccazzano's double places).
#include "rules_fixture.hpp"

#include <cemetery/burial.hpp>

using namespace cemetery;
using test::ymd;

namespace {

const Regulation& reg() { return test::shipped_regulation(); }

Concession granted(Date signed_on, int years, std::string version) {
    Concession c;
    c.signed_on = c.term_start = signed_on;
    c.term_years = years;
    c.expires_on = add_years(signed_on, years);
    c.version_name = std::move(version);
    return c;
}

BurialRequest burial(Date buried_on, RemainsForm form = RemainsForm::coffin) {
    BurialRequest r;
    r.deceased.surname = "Pèrego";
    r.deceased.given_name = "Anna";
    r.deceased.born_on = ymd(1945, 1, 9);
    r.deceased.died_on = add_days(buried_on, -3);
    r.deceased.buried_on = buried_on;
    r.form = form;
    r.today = buried_on;  // recorded on the day of the burial
    return r;
}

void check_refused(const BurialDecision& d, RefusalCode expected, const std::string& says) {
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(expected));
    CHECK_THAT(d.refusal->message, Catch::Contains(says));
}

}  // namespace

TEST_CASE("a spouse's urn is added to a loculo beside its coffin", "[burial]") {
    const auto c = granted(ymd(2026, 1, 10), 30, "Unione 2020");
    const auto d = decide_burial(reg(), c, PlotKind::loculo, "Liscate", RemainsCount{1, 0, 0},
                                 burial(ymd(2031, 4, 2), RemainsForm::urn));
    REQUIRE(d.allowed());
    CHECK(d.version_name == "Unione 2020");
    CHECK_FALSE(d.restart);  // the Union's loculo keeps its term
}

TEST_CASE("a burial beyond the capacity of the place is refused", "[burial]") {
    const auto c = granted(ymd(2026, 1, 10), 30, "Unione 2020");
    SECTION("a second coffin in a loculo") {
        check_refused(decide_burial(reg(), c, PlotKind::loculo, "Liscate", RemainsCount{1, 0, 0}, burial(ymd(2030, 1, 1))),
                      RefusalCode::capacity_exceeded, "accoglie 1 feretro secondo la versione «Unione 2020» e già vi riposano 1");
    }
    SECTION("a fifth coffin in a family tomb") {
        check_refused(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", RemainsCount{4, 0, 0},
                                    burial(ymd(2030, 1, 1))),
                      RefusalCode::capacity_exceeded, "accoglie 4 feretri");
    }
    SECTION("the fourth coffin in a family tomb still fits") {
        CHECK(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", RemainsCount{3, 2, 1}, burial(ymd(2030, 1, 1)))
                  .allowed());
    }
}

TEST_CASE("a burial after the concession ended or expired is refused", "[burial]") {
    auto c = granted(ymd(2026, 1, 10), 30, "Unione 2020");
    SECTION("after expiry") {
        check_refused(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, burial(ymd(2056, 1, 11))),
                      RefusalCode::concession_expired, "scaduta il 10/01/2056");
    }
    SECTION("on the expiry day it is still valid") {
        CHECK(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, burial(ymd(2056, 1, 10))).allowed());
    }
    SECTION("after a surrender") {
        c.ending = Ending::surrendered;
        c.ended_on = ymd(2030, 1, 1);
        check_refused(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, burial(ymd(2031, 1, 1))),
                      RefusalCode::concession_ended, "rinunciata il 01/01/2030");
    }
}

TEST_CASE("a burial's dates are checked", "[burial]") {
    const auto c = granted(ymd(2026, 1, 10), 30, "Unione 2020");
    auto r = burial(ymd(2030, 1, 1));
    SECTION("death before birth") {
        r.deceased.born_on = ymd(2029, 12, 31);
        r.deceased.died_on = ymd(2029, 1, 1);
        check_refused(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, r), RefusalCode::person_invalid,
                      "death before birth");
    }
    SECTION("burial before death") {
        r.deceased.died_on = ymd(2030, 1, 2);
        check_refused(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, r), RefusalCode::person_invalid,
                      "burial before death");
    }
    SECTION("no burial date") {
        r.deceased.buried_on.reset();
        check_refused(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, r),
                      RefusalCode::burial_date_missing, "data");
    }
    SECTION("before the deed") {
        r = burial(ymd(2025, 6, 1));
        check_refused(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, r), RefusalCode::before_signing,
                      "non può precedere la stipula");
    }
}

TEST_CASE("in Truccazzano a double place's term restarts at the second burial", "[burial]") {
    // Signed in 2005 under "Truccazzano 2001": 30 years, to 2035-03-01.
    const auto c = granted(ymd(2005, 3, 1), 30, "Truccazzano 2001");
    SECTION("the second burial starts the term again") {
        const auto d = decide_burial(reg(), c, PlotKind::tomba_famiglia, "Truccazzano", RemainsCount{1, 0, 0},
                                     burial(ymd(2012, 7, 15)));
        REQUIRE(d.allowed());
        REQUIRE(d.restart);
        CHECK(d.restart->previous_expiry == ymd(2035, 3, 1));
        CHECK(d.restart->new_start == ymd(2012, 7, 15));
        CHECK(d.restart->new_expiry == ymd(2042, 7, 15));
        CHECK(d.restart->version_name == "Truccazzano 2001");
        CHECK_THAT(d.restart->basis, Catch::Contains("seconda sepoltura"));
    }
    SECTION("the first burial does not") {
        const auto d =
            decide_burial(reg(), c, PlotKind::tomba_famiglia, "Truccazzano", RemainsCount{}, burial(ymd(2012, 7, 15)));
        REQUIRE(d.allowed());
        CHECK_FALSE(d.restart);
    }
    SECTION("a loculo in Truccazzano keeps its term") {
        const auto d = decide_burial(reg(), c, PlotKind::loculo, "Truccazzano", RemainsCount{1, 0, 0},
                                     burial(ymd(2012, 7, 15), RemainsForm::urn));
        REQUIRE(d.allowed());
        CHECK_FALSE(d.restart);
    }
    SECTION("a family tomb of the Union keeps its term") {
        const auto u = granted(ymd(2021, 3, 1), 30, "Unione 2020");
        const auto d = decide_burial(reg(), u, PlotKind::tomba_famiglia, "Liscate", RemainsCount{1, 0, 0},
                                     burial(ymd(2030, 7, 15)));
        REQUIRE(d.allowed());
        CHECK_FALSE(d.restart);
    }
}

TEST_CASE("a kind without capacity in the file refuses later burials rather than guess", "[burial]") {
    auto load = parse_regulation(R"(formato = 1
[generale]
perpetue_fino_al = 1976-02-09
perpetue_fonte = "x"
giorni_affissione = 90
giorni_affissione_fonte = "x"
durata_massima_anni = 99
durata_massima_fonte = "x"
[[versione]]
nome = "V"
in_vigore_dal = 2021-01-01
fonte = "x"
[versione.tipi.tomba_famiglia]
durata_anni = 30
rinnovi = 0
decorrenza = "stipula"
fonte = "x"
)",
                                 "test.toml");
    REQUIRE(load);
    const auto c = granted(ymd(2022, 1, 1), 30, "V");
    check_refused(decide_burial(*load.regulation, c, PlotKind::tomba_famiglia, "Liscate", RemainsCount{1, 0, 0},
                                burial(ymd(2023, 1, 1))),
                  RefusalCode::capacity_not_configured, "non fissa la capienza");
}

TEST_CASE("nobody is buried under a concession that ended or whose place was freed, whatever the burial date",
          "[burial]") {
    auto c = granted(ymd(2026, 1, 10), 30, "Unione 2020");
    SECTION("its place was freed") {
        c.closed_on = ymd(2030, 1, 1);
        check_refused(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, burial(ymd(2031, 1, 1))),
                      RefusalCode::already_closed, "liberato il 01/01/2030");
        check_refused(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, burial(ymd(2029, 1, 1))),
                      RefusalCode::already_closed, "liberato il 01/01/2030");
    }
    SECTION("it was surrendered: a burial dated before is no longer recorded under it") {
        c.ending = Ending::surrendered;
        c.ended_on = ymd(2030, 1, 1);
        check_refused(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, burial(ymd(2029, 1, 1))),
                      RefusalCode::concession_ended, "rinunciata il 01/01/2030");
    }
}

TEST_CASE("a burial is not recorded before its day", "[burial]") {
    const auto c = granted(ymd(2026, 1, 10), 30, "Unione 2020");
    auto r = burial(ymd(2031, 4, 2), RemainsForm::urn);
    r.today = ymd(2026, 12, 2);
    check_refused(decide_burial(reg(), c, PlotKind::loculo, "Liscate", RemainsCount{1, 0, 0}, r),
                  RefusalCode::person_invalid, "buried_on");
    r.today = ymd(2031, 4, 2);
    CHECK(decide_burial(reg(), c, PlotKind::loculo, "Liscate", RemainsCount{1, 0, 0}, r).allowed());
}
