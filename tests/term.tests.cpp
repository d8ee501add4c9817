#include "rules_fixture.hpp"

#include <cemetery/term.hpp>

using cemetery::decide_term;
using cemetery::PlotKind;
using cemetery::RefusalCode;
using cemetery::TermRequest;
using cemetery::TermSource;
using test::ymd;

namespace {
TermRequest deed(std::string comune, PlotKind kind, cemetery::Date signed_on) {
    TermRequest r;
    r.comune = std::move(comune);
    r.kind = kind;
    r.signed_on = signed_on;
    return r;
}
const cemetery::Regulation& reg() { return test::shipped_regulation(); }
}  // namespace

TEST_CASE("a loculo signed on 29/02/2024 in Liscate expires on 28/02/2054 under Unione 2020", "[term]") {
    const auto d = decide_term(reg(), deed("Liscate", PlotKind::loculo, ymd(2024, 2, 29)));
    REQUIRE(d);
    CHECK(d.term->expires_on == ymd(2054, 2, 28));
    CHECK(d.term->years == 30);
    CHECK(d.term->source == TermSource::regulation);
    CHECK(d.term->version_name == "Unione 2020");
    CHECK(d.notices.empty());
}

TEST_CASE("the term of each kind follows the version in force on the signing date", "[term]") {
    SECTION("a cappella lasts 99 years") {
        CHECK(decide_term(reg(), deed("Liscate", PlotKind::cappella, ymd(2022, 3, 1))).term->expires_on ==
              ymd(2121, 3, 1));
    }
    SECTION("a fossa lasts 20 years") {
        CHECK(decide_term(reg(), deed("Bellinzago Lombardo", PlotKind::fossa, ymd(2022, 3, 1))).term->years == 20);
    }
    SECTION("a Truccazzano loculo of 2008 lasts 30 years under Truccazzano 2001") {
        const auto d = decide_term(reg(), deed("Truccazzano", PlotKind::loculo, ymd(2008, 3, 19)));
        REQUIRE(d);
        CHECK(d.term->version_name == "Truccazzano 2001");
        CHECK(d.term->expires_on == ymd(2038, 3, 19));
    }
}

TEST_CASE("a deed signed before any version keeps its own term", "[term]") {
    auto r = deed("Liscate", PlotKind::loculo, ymd(1987, 9, 2));
    r.stated_years = 30;
    const auto d = decide_term(reg(), r);
    REQUIRE(d);
    CHECK(d.term->source == TermSource::deed);
    CHECK(d.term->expires_on == ymd(2017, 9, 2));
    CHECK(d.term->version_name.empty());

    SECTION("and without a term of its own it is refused") {
        r.stated_years.reset();
        const auto refused = decide_term(reg(), r);
        REQUIRE_FALSE(refused);
        CHECK(refused.refusal->code == RefusalCode::term_missing);
    }
}

TEST_CASE("a deed whose term differs from the version's is refused naming the version", "[term]") {
    auto r = deed("Liscate", PlotKind::loculo, ymd(2022, 1, 10));
    r.stated_years = 25;
    const auto d = decide_term(reg(), r);
    REQUIRE_FALSE(d);
    CHECK(d.refusal->code == RefusalCode::term_differs);
    CHECK(d.refusal->version_name == "Unione 2020");
    CHECK_THAT(d.refusal->message, Catch::Contains("Unione 2020") && Catch::Contains("30 anni"));
}

TEST_CASE("perpetual deeds are accepted only up to 09/02/1976", "[term]") {
    auto r = deed("Liscate", PlotKind::tomba_famiglia, ymd(1976, 2, 9));
    r.perpetual = true;
    SECTION("signed on the last day before DPR 803/1975") {
        const auto d = decide_term(reg(), r);
        REQUIRE(d);
        CHECK(d.term->perpetual);
        CHECK_FALSE(d.term->expires_on);
    }
    SECTION("signed on the day DPR 803/1975 came into force") {
        r.signed_on = ymd(1976, 2, 10);
        const auto d = decide_term(reg(), r);
        REQUIRE_FALSE(d);
        CHECK(d.refusal->code == RefusalCode::perpetual_not_allowed);
        CHECK_THAT(d.refusal->message, Catch::Contains("09/02/1976"));
    }
    SECTION("a perpetual deed cannot state a term too") {
        r.stated_years = 99;
        CHECK(decide_term(reg(), r).refusal->code == RefusalCode::perpetual_with_term);
    }
}

TEST_CASE("a register row with its own expiry keeps it and reports the difference", "[term]") {
    auto r = deed("Bellinzago Lombardo", PlotKind::loculo, ymd(1983, 3, 1));
    r.stated_years = 30;
    r.stated_expiry = ymd(2033, 3, 1);
    const auto d = decide_term(reg(), r);
    REQUIRE(d);
    CHECK(d.term->expires_on == ymd(2033, 3, 1));
    CHECK(d.term->source == TermSource::stated_expiry);
    REQUIRE(d.notices.size() == 1);
    CHECK_THAT(d.notices.front(), Catch::Contains("2013-03-01"));

    SECTION("a stated expiry equal to the computed one is no news") {
        r.stated_expiry = ymd(2013, 3, 1);
        const auto same = decide_term(reg(), r);
        CHECK(same.notices.empty());
        CHECK(same.term->source == TermSource::deed);
    }
}

TEST_CASE("no version covers Truccazzano after 2023, and the rules say so", "[term]") {
    const auto d = decide_term(reg(), deed("Truccazzano", PlotKind::loculo, ymd(2024, 1, 1)));
    REQUIRE_FALSE(d);
    CHECK(d.refusal->code == RefusalCode::no_version);
    CHECK_THAT(d.refusal->message, Catch::Contains("Truccazzano") && Catch::Contains("01/01/2024"));
}

TEST_CASE("a common-field turn starts at the burial", "[term]") {
    auto r = deed("Liscate", PlotKind::campo_comune, ymd(2022, 5, 2));
    SECTION("with the burial date") {
        r.first_burial = ymd(2022, 5, 4);
        const auto d = decide_term(reg(), r);
        REQUIRE(d);
        CHECK(d.term->term_start == ymd(2022, 5, 4));
        CHECK(d.term->expires_on == ymd(2032, 5, 4));
    }
    SECTION("without it, the turn has not started: no expiry, not perpetual") {
        const auto d = decide_term(reg(), r);
        REQUIRE(d);
        CHECK_FALSE(d.term->started());
        CHECK_FALSE(d.term->expires_on);
        CHECK_FALSE(d.term->perpetual);
        CHECK(d.term->years == 10);
        CHECK(d.term->term_start == ymd(2022, 5, 2));
    }
}

TEST_CASE("a legacy deed longer than 99 years is refused", "[term]") {
    auto r = deed("Liscate", PlotKind::cappella, ymd(1990, 1, 1));
    r.stated_years = 100;
    const auto d = decide_term(reg(), r);
    REQUIRE_FALSE(d);
    CHECK(d.refusal->code == RefusalCode::term_too_long);
    CHECK_THAT(d.refusal->message, Catch::Contains("DPR 285/1990 art. 92"));
}

TEST_CASE("an expiry explains itself", "[term]") {
    cemetery::Concession c;
    c.signed_on = c.term_start = ymd(2000, 2, 29);
    c.term_years = 30;
    c.expires_on = ymd(2030, 2, 28);
    c.term_source = TermSource::regulation;
    c.version_name = "Unione 2020";
    CHECK(cemetery::explain_expiry(c, PlotKind::loculo) ==
          "expires 2030-02-28: signed 2000-02-29, loculo, 30 years, version Unione 2020");
    c.renewals.push_back({{}, ymd(2030, 1, 10), 10, ymd(2030, 2, 28), ymd(2040, 2, 28), "R-1", "Unione 2020"});
    c.expires_on = ymd(2040, 2, 28);
    CHECK_THAT(cemetery::explain_expiry(c, PlotKind::loculo),
               Catch::StartsWith("expires 2040-02-28") && Catch::Contains("renewed on 2030-01-10 for 10 years"));
}

TEST_CASE("an expiry explains itself in Italian to the clerk", "[term]") {
    cemetery::Concession c;
    c.signed_on = c.term_start = ymd(2000, 2, 29);
    c.term_years = 30;
    c.expires_on = ymd(2030, 2, 28);
    c.term_source = TermSource::regulation;
    c.version_name = "Unione 2020";
    CHECK(cemetery::explain_expiry_in_italian(c, PlotKind::loculo) ==
          "scade il 28/02/2030: stipulata il 29/02/2000, loculo, 30 anni, versione «Unione 2020» del regolamento");
    c.renewals.push_back({{}, ymd(2030, 1, 10), 10, ymd(2030, 2, 28), ymd(2040, 2, 28), "R-1", "Unione 2020"});
    c.expires_on = ymd(2040, 2, 28);
    CHECK(cemetery::explain_expiry_in_italian(c, PlotKind::loculo) ==
          "scade il 28/02/2040: stipulata il 29/02/2000, loculo, 30 anni, versione «Unione 2020» del regolamento; "
          "rinnovata il 10/01/2030 per 10 anni (28/02/2030 → 28/02/2040, versione «Unione 2020» del regolamento)");
    c.term_source = TermSource::deed;
    CHECK_THAT(cemetery::explain_expiry_in_italian(c, PlotKind::tomba_famiglia),
               Catch::Contains("tomba di famiglia") && Catch::Contains("durata propria dell'atto"));
    c.perpetual = true;
    CHECK(cemetery::explain_expiry_in_italian(c, PlotKind::cappella) ==
          "perpetua: stipulata il 29/02/2000, cappella, concessione perpetua");
}

TEST_CASE("a loculo signed on 29/02/2000 for 30 years expires on 28/02/2030", "[term]") {
    auto r = deed("Liscate", PlotKind::loculo, ymd(2000, 2, 29));
    r.stated_years = 30;
    CHECK(decide_term(reg(), r).term->expires_on == ymd(2030, 2, 28));
}
