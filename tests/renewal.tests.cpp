#include "rules_fixture.hpp"

#include <cemetery/regulation_loader.hpp>
#include <cemetery/renewal.hpp>

using cemetery::Concession;
using cemetery::decide_renewal;
using cemetery::PlotKind;
using cemetery::RefusalCode;
using test::ymd;

namespace {

Concession fixed_term(cemetery::Date signed_on, int years, std::string version = {}) {
    Concession c;
    c.signed_on = c.term_start = signed_on;
    c.term_years = years;
    c.expires_on = cemetery::add_years(signed_on, years);
    c.version_name = std::move(version);
    return c;
}

const cemetery::Regulation& reg() { return test::shipped_regulation(); }

}  // namespace

TEST_CASE("a loculo renewal adds 10 years to the current expiry under Unione 2020", "[renewal]") {
    const auto c = fixed_term(ymd(2021, 3, 1), 30, "Unione 2020");
    const auto d = decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2050, 6, 1));
    REQUIRE(d.allowed());
    CHECK(d.years == 10);
    CHECK(d.previous_expiry == ymd(2051, 3, 1));
    CHECK(d.new_expiry == ymd(2061, 3, 1));
    CHECK(d.version_name == "Unione 2020");
    CHECK_FALSE(d.price.configured());
    CHECK_THAT(d.explanation(), Catch::Contains("01/03/2051 → 01/03/2061"));
}

TEST_CASE("a renewal granted after expiry still runs from the old expiry", "[renewal]") {
    auto c = fixed_term(ymd(1987, 9, 2), 30);
    const auto d = decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2026, 11, 26));
    REQUIRE(d.allowed());
    CHECK(d.new_expiry == ymd(2027, 9, 2));
}

TEST_CASE("a renewal from 29 February snaps to the end of February", "[renewal]") {
    auto c = fixed_term(ymd(1996, 2, 29), 28);  // expires 2024-02-29
    REQUIRE(c.expires_on == ymd(2024, 2, 29));
    const auto d = decide_renewal(reg(), c, PlotKind::ossario, "Liscate", ymd(2024, 1, 1));
    REQUIRE(d.allowed());
    CHECK(d.new_expiry == ymd(2039, 2, 28));
}

TEST_CASE("a renewal is refused when the rules allow none", "[renewal]") {
    SECTION("the one renewal of a loculo is used up") {
        auto c = fixed_term(ymd(2021, 3, 1), 30, "Unione 2020");
        c.renewals.push_back({{}, ymd(2050, 1, 1), 10, ymd(2051, 3, 1), ymd(2061, 3, 1), "", "Unione 2020"});
        c.expires_on = ymd(2061, 3, 1);
        const auto d = decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2060, 1, 1));
        REQUIRE_FALSE(d.allowed());
        CHECK(d.refusal->code == RefusalCode::renewals_used_up);
        CHECK(d.refusal->version_name == "Unione 2020");
        CHECK_THAT(d.explanation(), Catch::Contains("Unione 2020") && Catch::Contains("consente 1 rinnovo"));
    }
    SECTION("a Truccazzano 2001 loculo is not renewable") {
        const auto c = fixed_term(ymd(2008, 3, 19), 30, "Truccazzano 2001");
        const auto d = decide_renewal(reg(), c, PlotKind::loculo, "Truccazzano", ymd(2010, 1, 1));
        REQUIRE_FALSE(d.allowed());
        CHECK(d.refusal->code == RefusalCode::kind_not_renewable);
        CHECK_THAT(d.explanation(), Catch::Contains("Truccazzano 2001"));
    }
    SECTION("a common-field turn is not renewable") {
        const auto c = fixed_term(ymd(2022, 1, 1), 10, "Unione 2020");
        CHECK(decide_renewal(reg(), c, PlotKind::campo_comune, "Liscate", ymd(2031, 1, 1)).refusal->code ==
              RefusalCode::kind_not_renewable);
    }
    SECTION("no version covers Truccazzano after 2023") {
        const auto c = fixed_term(ymd(2008, 3, 19), 30, "Truccazzano 2001");
        const auto d = decide_renewal(reg(), c, PlotKind::ossario, "Truccazzano", ymd(2037, 1, 1));
        REQUIRE_FALSE(d.allowed());
        CHECK(d.refusal->code == RefusalCode::no_version);
        CHECK_THAT(d.explanation(), Catch::Contains("Truccazzano") && Catch::Contains("01/01/2037"));
    }
    SECTION("a perpetual concession") {
        Concession c;
        c.signed_on = c.term_start = ymd(1968, 4, 15);
        c.perpetual = true;
        CHECK(decide_renewal(reg(), c, PlotKind::tomba_famiglia, "Liscate", ymd(2026, 1, 1)).refusal->code ==
              RefusalCode::concession_perpetual);
    }
    SECTION("a revoked, forfeited or surrendered concession") {
        for (auto ending : {cemetery::Ending::revoked, cemetery::Ending::forfeited, cemetery::Ending::surrendered}) {
            auto c = fixed_term(ymd(2021, 3, 1), 30, "Unione 2020");
            c.ending = ending;
            c.ended_on = ymd(2025, 1, 1);
            const auto d = decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2026, 1, 1));
            REQUIRE_FALSE(d.allowed());
            CHECK(d.refusal->code == RefusalCode::concession_ended);
            CHECK_THAT(d.explanation(), Catch::Contains("il 01/01/2025: non si può rinnovare"));
        }
    }
    SECTION("a date before the deed was signed") {
        const auto c = fixed_term(ymd(2021, 3, 1), 30, "Unione 2020");
        CHECK(decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2020, 1, 1)).refusal->code ==
              RefusalCode::before_signing);
    }
}

TEST_CASE("a concession signed under one version is renewed under the version of the renewal date", "[renewal]") {
    // Signed in Truccazzano in 2005 under "Truccazzano 2001"; ossari are renewable
    // there too, but the decision names the version in force on the renewal date.
    const auto c = fixed_term(ymd(2005, 6, 1), 30, "Truccazzano 2001");
    const auto d = decide_renewal(reg(), c, PlotKind::ossario, "Truccazzano", ymd(2022, 6, 1));
    REQUIRE(d.allowed());
    CHECK(d.version_name == "Unione 2020");
}

TEST_CASE("two renewals are granted where the rule allows two, and the third is refused", "[renewal]") {
    const std::string toml = R"(formato = 1
[generale]
perpetue_fino_al = 1976-02-09
perpetue_fonte = "x"
giorni_affissione = 90
giorni_affissione_fonte = "x"
durata_massima_anni = 99
durata_massima_fonte = "x"
[[versione]]
nome = "Due rinnovi"
in_vigore_dal = 2000-01-01
fonte = "x"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 2
anni_rinnovo = 10
decorrenza = "stipula"
fonte = "x"
)";
    const auto load = cemetery::parse_regulation(toml, "two.toml");
    REQUIRE(load);
    auto c = fixed_term(ymd(2000, 1, 1), 30, "Due rinnovi");
    for (const auto on : {ymd(2029, 1, 1), ymd(2039, 1, 1)}) {
        const auto d = decide_renewal(*load.regulation, c, PlotKind::loculo, "Liscate", on);
        INFO(d.explanation());
        REQUIRE(d.allowed());
        c.renewals.push_back({{}, on, d.years, d.previous_expiry, d.new_expiry, "", d.version_name});
        c.expires_on = d.new_expiry;
    }
    CHECK(c.expires_on == ymd(2050, 1, 1));
    const auto third = decide_renewal(*load.regulation, c, PlotKind::loculo, "Liscate", ymd(2049, 1, 1));
    REQUIRE_FALSE(third.allowed());
    CHECK(third.refusal->code == RefusalCode::renewals_used_up);
}

TEST_CASE("a configured renewal tariff comes with the decision", "[renewal]") {
    const std::string toml = R"(formato = 1
[generale]
perpetue_fino_al = 1976-02-09
perpetue_fonte = "x"
giorni_affissione = 90
giorni_affissione_fonte = "x"
durata_massima_anni = 99
durata_massima_fonte = "x"
[[versione]]
nome = "V"
in_vigore_dal = 2000-01-01
fonte = "x"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 1
anni_rinnovo = 10
decorrenza = "stipula"
fonte = "x"
[[tariffa]]
comune = "Liscate"
tipo = "loculo"
voce = "rinnovo"
importo = "450"
dal = 2020-01-01
fonte = "delibera"
)";
    const auto load = cemetery::parse_regulation(toml, "t.toml");
    REQUIRE(load);
    const auto d = decide_renewal(*load.regulation, fixed_term(ymd(2000, 1, 1), 30), PlotKind::loculo, "Liscate",
                                  ymd(2029, 1, 1));
    REQUIRE(d.price.configured());
    CHECK(*d.price.cents == 45000);
}

namespace {

void check_refused(const cemetery::RenewalDecision& d, RefusalCode expected, const std::string& says) {
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(expected));
    CHECK_THAT(d.refusal->message, Catch::Contains(says));
}

}  // namespace

TEST_CASE("a concession whose place was freed cannot be renewed, whatever the date", "[renewal]") {
    // Expired on 2017-09-02, posted, closed on 2027-03-01: its remains went to the ossuary.
    auto c = fixed_term(ymd(1987, 9, 2), 30);
    c.closed_on = ymd(2027, 3, 1);
    check_refused(decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2027, 4, 1)), RefusalCode::already_closed,
                  "liberato il 01/03/2027");
    // Dated before the closing, it is still a renewal of a place no longer held.
    check_refused(decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2022, 1, 10)), RefusalCode::already_closed,
                  "non si può rinnovare");
}

TEST_CASE("a renewal whose new expiry falls before its own date is refused, with the dates", "[renewal]") {
    // Expired in 1990; renewed from there (the rule), 10 years end in 2000, long gone in 2026.
    const auto c = fixed_term(ymd(1960, 5, 5), 30);
    const auto d = decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2026, 11, 26));
    check_refused(d, RefusalCode::renewal_ends_before, "05/05/2000");
    CHECK_THAT(d.refusal->message, Catch::Contains("05/05/1990") && Catch::Contains("26/11/2026"));
    CHECK(d.refusal->version_name == "Unione 2020");
    SECTION("ending on its own date it is still granted: valid through that day") {
        const auto recent = fixed_term(ymd(1987, 9, 2), 30);  // expired 2017-09-02, renewed to 2027-09-02
        const auto granted = decide_renewal(reg(), recent, PlotKind::loculo, "Liscate", ymd(2027, 9, 2));
        INFO(granted.explanation());
        CHECK(granted.allowed());
    }
}

TEST_CASE("a renewal dated after today is refused when today is known", "[renewal]") {
    const auto c = fixed_term(ymd(2021, 3, 1), 30, "Unione 2020");
    check_refused(decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2351, 1, 1), ymd(2026, 12, 2)),
                  RefusalCode::after_today, "01/01/2351");
    check_refused(decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2026, 12, 3), ymd(2026, 12, 2)),
                  RefusalCode::after_today, "02/12/2026");
    CHECK(decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2026, 12, 2), ymd(2026, 12, 2)).allowed());
    // A preview of a day to come (a notice's posting) gives no today.
    CHECK(decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2050, 6, 1)).allowed());
}

TEST_CASE("renewals are recorded in time order: not twice on one day, not before the last one", "[renewal]") {
    const std::string toml = R"(formato = 1
[generale]
perpetue_fino_al = 1976-02-09
perpetue_fonte = "x"
giorni_affissione = 90
giorni_affissione_fonte = "x"
durata_massima_anni = 99
durata_massima_fonte = "x"
[[versione]]
nome = "Tre rinnovi"
in_vigore_dal = 2000-01-01
fonte = "x"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 3
anni_rinnovo = 10
decorrenza = "stipula"
fonte = "x"
)";
    const auto load = cemetery::parse_regulation(toml, "three.toml");
    REQUIRE(load);
    auto c = fixed_term(ymd(2000, 1, 1), 30, "Tre rinnovi");
    c.renewals.push_back({{}, ymd(2029, 6, 1), 10, ymd(2030, 1, 1), ymd(2040, 1, 1), "R-1", "Tre rinnovi"});
    c.expires_on = ymd(2040, 1, 1);
    SECTION("the same day again: the same renewal recorded twice") {
        check_refused(decide_renewal(*load.regulation, c, PlotKind::loculo, "Liscate", ymd(2029, 6, 1)),
                      RefusalCode::not_after_last_renewal, "01/06/2029");
    }
    SECTION("a day before the last one") {
        check_refused(decide_renewal(*load.regulation, c, PlotKind::loculo, "Liscate", ymd(2029, 5, 31)),
                      RefusalCode::not_after_last_renewal, "01/06/2029");
    }
    SECTION("the day after is a renewal of its own") {
        CHECK(decide_renewal(*load.regulation, c, PlotKind::loculo, "Liscate", ymd(2029, 6, 2)).allowed());
    }
}

TEST_CASE("a renewal dated before the last burial is refused: the burial may have restarted the term", "[renewal]") {
    auto c = fixed_term(ymd(2021, 3, 1), 30, "Unione 2020");
    cemetery::Deceased d;
    d.surname = "Pèrego";
    d.died_on = ymd(2040, 2, 1);
    d.buried_on = ymd(2040, 2, 3);
    c.deceased.push_back(d);
    check_refused(decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2040, 2, 2)), RefusalCode::before_last_change,
                  "03/02/2040");
    CHECK(decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2040, 2, 3)).allowed());  // the same day is fine
}

TEST_CASE("the 99-year maximum holds for each period, not for the total: a 99-year cappella renews for 99 more",
          "[renewal][maximum]") {
    const auto c = fixed_term(ymd(2021, 3, 1), 99, "Unione 2020");
    REQUIRE(c.expires_on == ymd(2120, 3, 1));
    const auto d = decide_renewal(reg(), c, PlotKind::cappella, "Liscate", ymd(2120, 1, 1));
    REQUIRE(d.allowed());
    CHECK(d.years == 99);
    CHECK(d.new_expiry == ymd(2219, 3, 1));  // 198 years after the signing
    SECTION("from 29 February") {
        const auto leap = fixed_term(ymd(2024, 2, 29), 99, "Unione 2020");
        REQUIRE(leap.expires_on == ymd(2123, 2, 28));
        const auto r = decide_renewal(reg(), leap, PlotKind::cappella, "Liscate", ymd(2123, 1, 1));
        REQUIRE(r.allowed());
        CHECK(r.new_expiry == ymd(2222, 2, 28));
    }
}
