// The worked examples in regolamento/esempi/: real comuni's published concession rules
// as regulation files. Each file is loaded as shipped, and concrete deeds are decided
// under it; every expected date was worked out by hand from the comune's page (calendar
// years, and 29/02 plus N years is 28/02 when that year has no 29th: c.c. art. 2963).

#include "support.hpp"

#include <cemetery/regulation_loader.hpp>
#include <cemetery/renewal.hpp>
#include <cemetery/term.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

using cemetery::Concession;
using cemetery::ConcessionStatus;
using cemetery::decide_renewal;
using cemetery::decide_term;
using cemetery::PlotKind;
using cemetery::RefusalCode;
using cemetery::Regulation;
using cemetery::TermRequest;
using test::ymd;

namespace {

Regulation example(const std::string& name) {
    const auto file = std::filesystem::path{CEMETERY_SOURCE_DIR} / "regolamento" / "esempi" / (name + ".toml");
    auto load = cemetery::try_load_regulation(file);
    INFO((load.error ? load.error->to_string() : std::string{}));
    REQUIRE(load);
    return *load.regulation;
}

// What a deed states: {comune, kind, signed on, years if stated, its own start if
// stated, perpetual}.
struct Deed {
    Deed(std::string comune_, PlotKind kind_, cemetery::Date signed_on_, std::optional<int> years_ = {},
         std::optional<cemetery::Date> term_start_ = {}, bool perpetual_ = false)
        : comune(std::move(comune_)), kind(kind_), signed_on(signed_on_), years(years_), term_start(term_start_),
          perpetual(perpetual_) {}
    std::string comune;
    PlotKind kind;
    cemetery::Date signed_on;
    std::optional<int> years;
    std::optional<cemetery::Date> term_start;  // the deed's own decorrenza
    bool perpetual;
    std::optional<cemetery::Date> first_burial;  // where the term runs from the burial
};

cemetery::TermDecision term_of(const Regulation& reg, const Deed& deed) {
    TermRequest r;
    r.comune = deed.comune;
    r.kind = deed.kind;
    r.signed_on = deed.signed_on;
    r.stated_years = deed.years;
    r.stated_term_start = deed.term_start;
    r.perpetual = deed.perpetual;
    r.first_burial = deed.first_burial;
    return decide_term(reg, r);
}

// The concession a deed becomes once its term is decided.
Concession signed_deed(const Regulation& reg, const Deed& deed) {
    const auto d = term_of(reg, deed);
    INFO((d.refusal ? d.refusal->message : std::string{}));
    REQUIRE(d);
    Concession c;
    c.signed_on = deed.signed_on;
    c.term_start = d.term->term_start;
    c.term_years = d.term->years;
    c.perpetual = d.term->perpetual;
    c.expires_on = d.term->expires_on;
    c.version_name = d.term->version_name;
    return c;
}

// Asks for the next renewal on `on`; records it when granted, as the register would.
cemetery::RenewalDecision renew(const Regulation& reg, Concession& c, const Deed& deed, cemetery::Date on) {
    auto d = decide_renewal(reg, c, deed.kind, deed.comune, on);
    if (d.allowed()) {
        c.renewals.push_back({{}, on, d.years, d.previous_expiry, d.new_expiry, "", d.version_name});
        c.expires_on = d.new_expiry;
    }
    return d;
}

RefusalCode refusal_of(const cemetery::RenewalDecision& d) {
    REQUIRE_FALSE(d.allowed());
    return d.refusal->code;
}

RefusalCode refusal_of(const cemetery::TermDecision& d) {
    REQUIRE_FALSE(d);
    return d.refusal->code;
}

}  // namespace

TEST_CASE("Roma: loculi of 30 years from 16/04/1976, renewed for 30 only from the day after the expiry to six months after",
          "[esempi]") {
    const auto reg = example("roma");
    const Deed deed{"Roma", PlotKind::loculo, ymd(1976, 4, 16)};
    auto c = signed_deed(reg, deed);
    // The page: the 30-year concessions assigned from 16/04/1976 expire from 16/04/2006.
    CHECK(*c.expires_on == ymd(2006, 4, 16));
    CHECK(c.status_on(ymd(2006, 4, 16)) == ConcessionStatus::active);
    CHECK(c.status_on(ymd(2006, 4, 17)) == ConcessionStatus::expired);

    SECTION("on the expiry day the window is not open yet") {
        CHECK(refusal_of(renew(reg, c, deed, ymd(2006, 4, 16))) == RefusalCode::renewal_window_not_open);
    }
    SECTION("the day after: 30 more years from the expiry, and no second renewal") {
        const auto r = renew(reg, c, deed, ymd(2006, 4, 17));
        REQUIRE(r.allowed());
        CHECK(r.years == 30);
        CHECK(r.new_expiry == ymd(2036, 4, 16));
        CHECK(refusal_of(renew(reg, c, deed, ymd(2036, 4, 17))) == RefusalCode::renewals_used_up);
    }
    SECTION("six months after the expiry is the last day") {
        CHECK(renew(reg, c, deed, ymd(2006, 10, 16)).new_expiry == ymd(2036, 4, 16));
    }
    SECTION("the day after that is too late") {
        CHECK(refusal_of(renew(reg, c, deed, ymd(2006, 10, 17))) == RefusalCode::renewal_window_closed);
    }
    SECTION("signed on 29/02/1980: expires 28/02/2010, its window closes 28/08/2010") {
        const Deed leap{"Roma", PlotKind::loculo, ymd(1980, 2, 29)};
        auto l = signed_deed(reg, leap);
        CHECK(*l.expires_on == ymd(2010, 2, 28));
        CHECK(refusal_of(renew(reg, l, leap, ymd(2010, 8, 29))) == RefusalCode::renewal_window_closed);
        CHECK(renew(reg, l, leap, ymd(2010, 8, 28)).new_expiry == ymd(2040, 2, 28));
    }
}

TEST_CASE("Malalbergo: family tombs perpetual until 05/06/1979; loculi and ossari 35 years from 06/06/1979, one renewal of 35",
          "[esempi]") {
    const auto reg = example("malalbergo");

    SECTION("a family tomb written perpetual in 1978 is perpetual, after the law's general cut-off") {
        const auto d = term_of(reg, {"Malalbergo", PlotKind::tomba_famiglia, ymd(1978, 9, 15), {}, {}, true});
        REQUIRE(d);
        CHECK(d.term->perpetual);
    }
    SECTION("the last day of perpetual tombs is 05/06/1979; on 06/06/1979 one is refused, with the comune's cut-off") {
        CHECK(term_of(reg, {"Malalbergo", PlotKind::tomba_famiglia, ymd(1979, 6, 5), {}, {}, true}));
        const auto d = term_of(reg, {"Malalbergo", PlotKind::tomba_famiglia, ymd(1979, 6, 6), {}, {}, true});
        CHECK(refusal_of(d) == RefusalCode::perpetual_not_allowed);
        CHECK_THAT(d.refusal->message, Catch::Contains("05/06/1979") && Catch::Contains("Malalbergo"));
    }
    SECTION("a loculo written perpetual in 1978 is refused: the comune's cut-off is for family tombs only") {
        const auto d = term_of(reg, {"Malalbergo", PlotKind::loculo, ymd(1978, 9, 15), {}, {}, true});
        CHECK(refusal_of(d) == RefusalCode::perpetual_not_allowed);
        CHECK_THAT(d.refusal->message, Catch::Contains("09/02/1976"));
    }
    SECTION("a loculo of 06/06/1979 expires 06/06/2014 and is renewed once to 06/06/2049") {
        const Deed deed{"Malalbergo", PlotKind::loculo, ymd(1979, 6, 6)};
        auto c = signed_deed(reg, deed);
        CHECK(*c.expires_on == ymd(2014, 6, 6));
        CHECK(c.status_on(ymd(2014, 6, 6)) == ConcessionStatus::active);
        const auto r = renew(reg, c, deed, ymd(2014, 6, 6));
        REQUIRE(r.allowed());
        CHECK(r.years == 35);
        CHECK(r.new_expiry == ymd(2049, 6, 6));
        CHECK(refusal_of(renew(reg, c, deed, ymd(2049, 6, 6))) == RefusalCode::renewals_used_up);
    }
    SECTION("an ossario of 29/02/1980 expires 28/02/2015, renewed to 28/02/2050") {
        const Deed deed{"Malalbergo", PlotKind::ossario, ymd(1980, 2, 29)};
        auto c = signed_deed(reg, deed);
        CHECK(*c.expires_on == ymd(2015, 2, 28));
        CHECK(renew(reg, c, deed, ymd(2015, 3, 2)).new_expiry == ymd(2050, 2, 28));
    }
    SECTION("a family tomb of 10/01/1990 lasts 99 years, to 10/01/2089; its renewal, not on the page, is not decided") {
        const Deed deed{"Malalbergo", PlotKind::tomba_famiglia, ymd(1990, 1, 10)};
        auto c = signed_deed(reg, deed);
        CHECK(*c.expires_on == ymd(2089, 1, 10));
        const auto r = renew(reg, c, deed, ymd(2089, 1, 10));
        CHECK(refusal_of(r) == RefusalCode::renewal_not_stated);
        CHECK_THAT(r.refusal->message, Catch::Contains("non dice se e per quanto si rinnova") &&
                                           Catch::Contains("necessità di rinnovo"));
    }
}

TEST_CASE("Gasperina: colombari for 30 or 50 years, the 30 renewed once for 10; ground, ossari and cinerari not renewable",
          "[esempi]") {
    const auto reg = example("gasperina");

    SECTION("a 30-year colombaro of 29/02/2004 expires 28/02/2034 and is renewed once, to 28/02/2044") {
        const Deed deed{"Gasperina", PlotKind::loculo, ymd(2004, 2, 29), 30};
        auto c = signed_deed(reg, deed);
        CHECK(*c.expires_on == ymd(2034, 2, 28));
        CHECK(c.status_on(ymd(2034, 2, 28)) == ConcessionStatus::active);
        CHECK(c.status_on(ymd(2034, 3, 1)) == ConcessionStatus::expired);
        const auto r = renew(reg, c, deed, ymd(2034, 2, 28));
        REQUIRE(r.allowed());
        CHECK(r.years == 10);
        CHECK(r.new_expiry == ymd(2044, 2, 28));
        CHECK(refusal_of(renew(reg, c, deed, ymd(2044, 2, 28))) == RefusalCode::renewals_used_up);
    }
    SECTION("a 50-year colombaro of 10/05/2010 expires 10/05/2060 and is not renewable: the renewals follow the term") {
        const Deed deed{"Gasperina", PlotKind::loculo, ymd(2010, 5, 10), 50};
        auto c = signed_deed(reg, deed);
        CHECK(*c.expires_on == ymd(2060, 5, 10));
        const auto r = renew(reg, c, deed, ymd(2060, 5, 10));
        CHECK(refusal_of(r) == RefusalCode::kind_not_renewable);
        CHECK_THAT(r.refusal->message, Catch::Contains("non consente rinnovi per") && Catch::Contains("di 50 anni") &&
                                           Catch::Contains("la cinquantennale non rinnovabile"));
    }
    SECTION("a term not on offer, or none, is refused with the choices") {
        const auto forty = term_of(reg, {"Gasperina", PlotKind::loculo, ymd(2010, 5, 10), 40});
        CHECK(refusal_of(forty) == RefusalCode::term_differs);
        CHECK_THAT(forty.refusal->message, Catch::Contains("30 o 50 anni"));
        CHECK(refusal_of(term_of(reg, {"Gasperina", PlotKind::loculo, ymd(2010, 5, 10)})) ==
              RefusalCode::term_choice_missing);
    }
    SECTION("a 20-year ground grave of 01/07/2012 ends 01/07/2032 and cannot be renewed") {
        const Deed deed{"Gasperina", PlotKind::fossa, ymd(2012, 7, 1), 20};
        auto c = signed_deed(reg, deed);
        CHECK(*c.expires_on == ymd(2032, 7, 1));
        CHECK(refusal_of(renew(reg, c, deed, ymd(2032, 7, 1))) == RefusalCode::kind_not_renewable);
    }
    SECTION("a cinerary niche of 31/01/2001 ends 31/01/2031, an ossario niche of that day 31/01/2011") {
        CHECK(*signed_deed(reg, {"Gasperina", PlotKind::cinerario, ymd(2001, 1, 31)}).expires_on == ymd(2031, 1, 31));
        const Deed niche{"Gasperina", PlotKind::ossario, ymd(2001, 1, 31)};
        auto c = signed_deed(reg, niche);
        CHECK(*c.expires_on == ymd(2011, 1, 31));
        CHECK(refusal_of(renew(reg, c, niche, ymd(2011, 1, 31))) == RefusalCode::kind_not_renewable);
    }
}

TEST_CASE("Banchette: loculi, ossari and cinerary niches 50 years from the signing, renewed once for 30", "[esempi]") {
    const auto reg = example("banchette");

    SECTION("a loculo of 29/02/2008 expires 28/02/2058, renewed to 28/02/2088, then no more") {
        const Deed deed{"Banchette", PlotKind::loculo, ymd(2008, 2, 29)};
        auto c = signed_deed(reg, deed);
        CHECK(*c.expires_on == ymd(2058, 2, 28));
        CHECK(c.status_on(ymd(2058, 2, 28)) == ConcessionStatus::active);
        const auto r = renew(reg, c, deed, ymd(2057, 12, 1));
        REQUIRE(r.allowed());
        CHECK(r.years == 30);
        CHECK(r.new_expiry == ymd(2088, 2, 28));
        CHECK(refusal_of(renew(reg, c, deed, ymd(2088, 1, 1))) == RefusalCode::renewals_used_up);
    }
    SECTION("a cinerary niche of 15/09/2015 expires 15/09/2065, renewed to 15/09/2095") {
        const Deed deed{"Banchette", PlotKind::cinerario, ymd(2015, 9, 15)};
        auto c = signed_deed(reg, deed);
        CHECK(*c.expires_on == ymd(2065, 9, 15));
        CHECK(renew(reg, c, deed, ymd(2065, 9, 15)).new_expiry == ymd(2095, 9, 15));
    }
    SECTION("a deed stating 30 years is refused: the page gives 50") {
        CHECK(refusal_of(term_of(reg, {"Banchette", PlotKind::ossario, ymd(2015, 9, 15), 30})) ==
              RefusalCode::term_differs);
    }
    SECTION("loculi, ossari and niches only in the presence of the deceased, the remains or the ashes") {
        for (auto kind : {PlotKind::loculo, PlotKind::ossario, PlotKind::cinerario}) {
            const auto* rule = reg.versions.front().rule_for(kind);
            REQUIRE(rule);
            CHECK(rule->granted_only_at_death.on);
        }
    }
    SECTION("a family area of 29/02/2016 lasts 99 years from the signing, to 28/02/2115; its renewal is not decided") {
        for (auto kind : {PlotKind::tomba_famiglia, PlotKind::cappella}) {
            const Deed deed{"Banchette", kind, ymd(2016, 2, 29)};
            auto c = signed_deed(reg, deed);
            CHECK(*c.expires_on == ymd(2115, 2, 28));
            CHECK(refusal_of(renew(reg, c, deed, ymd(2115, 2, 28))) == RefusalCode::renewal_not_stated);
        }
    }
}

TEST_CASE("Piverone: loculi 60 years, family tombs 99, each renewed once for an equal period from the deed's own start",
          "[esempi]") {
    const auto reg = example("piverone");

    SECTION("a loculo signed 01/03/2010 whose deed starts it on 15/03/2010 (the accounting document) ends 15/03/2070") {
        const Deed deed{"Piverone", PlotKind::loculo, ymd(2010, 3, 1), {}, ymd(2010, 3, 15)};
        auto c = signed_deed(reg, deed);
        CHECK(c.term_start == ymd(2010, 3, 15));
        CHECK(*c.expires_on == ymd(2070, 3, 15));
        CHECK(c.status_on(ymd(2070, 3, 15)) == ConcessionStatus::active);
        const auto r = renew(reg, c, deed, ymd(2070, 3, 1));
        REQUIRE(r.allowed());
        CHECK(r.years == 60);
        CHECK(r.new_expiry == ymd(2130, 3, 15));
        CHECK(refusal_of(renew(reg, c, deed, ymd(2130, 3, 1))) == RefusalCode::renewals_used_up);
    }
    SECTION("a family tomb of 29/02/2008 ends 28/02/2107 and is renewed for 99 more, to 28/02/2206") {
        const Deed deed{"Piverone", PlotKind::tomba_famiglia, ymd(2008, 2, 29)};
        auto c = signed_deed(reg, deed);
        CHECK(*c.expires_on == ymd(2107, 2, 28));
        const auto r = renew(reg, c, deed, ymd(2107, 2, 28));
        REQUIRE(r.allowed());
        CHECK(r.years == 99);
        CHECK(r.new_expiry == ymd(2206, 2, 28));
    }
    SECTION("a start before the signing is refused") {
        CHECK(refusal_of(term_of(reg, {"Piverone", PlotKind::ossario, ymd(2010, 3, 1), {}, ymd(2010, 2, 1)})) ==
              RefusalCode::before_signing);
    }
    SECTION("a temporary loculo (c.5) of 01/03/2010 ends 01/03/2020, then is prolonged by 50 years to its 60") {
        TermRequest r;
        r.comune = "Piverone";
        r.kind = PlotKind::loculo;
        r.signed_on = ymd(2010, 3, 1);
        r.variant = "temporanea";
        const auto d = decide_term(reg, r);
        INFO((d.refusal ? d.refusal->message : std::string{}));
        REQUIRE(d);
        CHECK(d.term->years == 10);
        CHECK(d.term->expires_on == ymd(2020, 3, 1));
        CHECK_THAT(d.term->basis, Catch::Contains("c.(5)"));
        Concession c;
        c.signed_on = c.term_start = r.signed_on;
        c.term_years = d.term->years;
        c.expires_on = d.term->expires_on;
        c.version_name = d.term->version_name;
        c.variant = "temporanea";
        const auto renewed = decide_renewal(reg, c, PlotKind::loculo, "Piverone", ymd(2020, 2, 1));
        REQUIRE(renewed.allowed());
        CHECK(renewed.years == 50);
        CHECK(renewed.new_expiry == ymd(2070, 3, 1));
    }
}

TEST_CASE("Gargnano: loculi, urns and ossari 30 years, renewed once for 30, no further renewal", "[esempi]") {
    const auto reg = example("gargnano");

    SECTION("a loculo of 29/02/2000 ends 28/02/2030; renewed after the expiry it still runs from it, to 28/02/2060") {
        const Deed deed{"Gargnano", PlotKind::loculo, ymd(2000, 2, 29)};
        auto c = signed_deed(reg, deed);
        CHECK(*c.expires_on == ymd(2030, 2, 28));
        CHECK(c.status_on(ymd(2030, 2, 28)) == ConcessionStatus::active);
        CHECK(c.status_on(ymd(2030, 3, 1)) == ConcessionStatus::expired);
        const auto r = renew(reg, c, deed, ymd(2030, 9, 1));
        REQUIRE(r.allowed());
        CHECK(r.new_expiry == ymd(2060, 2, 28));
        const auto again = renew(reg, c, deed, ymd(2060, 2, 1));
        CHECK(refusal_of(again) == RefusalCode::renewals_used_up);
        CHECK_THAT(again.refusal->message, Catch::Contains("non sono consentiti ulteriori rinnovi"));
    }
    SECTION("an urnetta ossario of 12/12/2012 ends 12/12/2042, renewed to 12/12/2072") {
        const Deed deed{"Gargnano", PlotKind::ossario, ymd(2012, 12, 12)};
        auto c = signed_deed(reg, deed);
        CHECK(*c.expires_on == ymd(2042, 12, 12));
        CHECK(renew(reg, c, deed, ymd(2042, 12, 12)).new_expiry == ymd(2072, 12, 12));
    }
    SECTION("a ground grave buried 12/12/2012 ends 12/12/2022; the page says nothing of its renewal, so none is decided") {
        Deed deed{"Gargnano", PlotKind::fossa, ymd(2012, 12, 10), 10};
        deed.first_burial = ymd(2012, 12, 12);
        auto c = signed_deed(reg, deed);
        CHECK(*c.expires_on == ymd(2022, 12, 12));
        CHECK(refusal_of(renew(reg, c, deed, ymd(2022, 12, 1))) == RefusalCode::renewal_not_stated);
    }
}

TEST_CASE("Montechiarugolo: the common field runs ten years from the day of the burial, not from the assignment",
          "[esempi]") {
    const auto reg = example("montechiarugolo");
    Deed deed{"Montechiarugolo", PlotKind::campo_comune, ymd(2015, 3, 1)};

    SECTION("assigned 01/03/2015, buried 04/03/2015: the turn ends 04/03/2025 and is not renewed") {
        deed.first_burial = ymd(2015, 3, 4);
        auto c = signed_deed(reg, deed);
        CHECK(c.term_start == ymd(2015, 3, 4));
        CHECK(*c.expires_on == ymd(2025, 3, 4));
        CHECK(c.status_on(ymd(2025, 3, 4)) == ConcessionStatus::active);
        CHECK(c.status_on(ymd(2025, 3, 5)) == ConcessionStatus::expired);
        CHECK(refusal_of(renew(reg, c, deed, ymd(2025, 3, 4))) == RefusalCode::kind_not_renewable);
    }
    SECTION("buried 29/02/2016: the turn ends 28/02/2026") {
        deed.signed_on = ymd(2016, 2, 27);
        deed.first_burial = ymd(2016, 2, 29);
        CHECK(*signed_deed(reg, deed).expires_on == ymd(2026, 2, 28));
    }
    SECTION("without the burial date the turn has not started: no expiry, not perpetual") {
        const auto decided = term_of(reg, deed);
        REQUIRE(decided.term);
        CHECK_FALSE(decided.term->expires_on);
        CHECK_FALSE(decided.term->perpetual);
        CHECK(decided.term->years == 10);
    }
}
