// Rule shapes that published regulations use beyond one term and one renewal length:
// a choice of term at signing, renewals of a fraction of the agreed term, and renewals
// that each have their own length.

#include "regulation_files.hpp"
#include "support.hpp"

#include <cemetery/regulation_loader.hpp>
#include <cemetery/renewal.hpp>
#include <cemetery/term.hpp>

using cemetery::Concession;
using cemetery::decide_renewal;
using cemetery::decide_term;
using cemetery::parse_regulation;
using cemetery::PlotKind;
using cemetery::RefusalCode;
using cemetery::Regulation;
using cemetery::TermRequest;
using test::ymd;

namespace {

const std::string header = test::general_section + R"([[versione]]
nome = "Scelta"
in_vigore_dal = 2010-01-01
fonte = "test"
[versione.tipi.loculo]
decorrenza = "stipula"
fonte = "art. 40"
)";  // the loculo table is line 13; the keys each test adds start on line 16

Regulation load(const std::string& kind_keys) {
    auto load = parse_regulation(header + kind_keys, "scelta.toml");
    INFO((load.error ? load.error->message : std::string{}));
    REQUIRE(load);
    return *load.regulation;
}

cemetery::RegulationError error_of(const std::string& kind_keys) {
    auto load = parse_regulation(header + kind_keys, "scelta.toml");
    REQUIRE_FALSE(load);
    REQUIRE(load.error);
    return *load.error;
}

TermRequest deed(cemetery::Date signed_on, std::optional<int> years) {
    TermRequest r;
    r.comune = "Liscate";
    r.kind = PlotKind::loculo;
    r.signed_on = signed_on;
    r.stated_years = years;
    return r;
}

Concession signed_for(const Regulation& reg, cemetery::Date signed_on, int years) {
    const auto d = decide_term(reg, deed(signed_on, years));
    INFO((d.refusal ? d.refusal->message : std::string{}));
    REQUIRE(d);
    Concession c;
    c.signed_on = c.term_start = signed_on;
    c.term_years = d.term->years;
    c.expires_on = d.term->expires_on;
    c.version_name = d.term->version_name;
    return c;
}

// Grants the next renewal on `on` and records it, as the register would.
cemetery::RenewalDecision renew(const Regulation& reg, Concession& c, cemetery::Date on) {
    auto d = decide_renewal(reg, c, PlotKind::loculo, "Liscate", on);
    if (d.allowed()) {
        c.renewals.push_back({{}, on, d.years, d.previous_expiry, d.new_expiry, "", d.version_name});
        c.expires_on = d.new_expiry;
    }
    return d;
}

const std::string choice_half = "durata_anni = [40, 30]\nrinnovi = 1\nfrazione_rinnovo = \"1/2\"\n";

}  // namespace

TEST_CASE("a choice of term loads in increasing order, the shortest as the rule's term", "[regulation][choice]") {
    const auto reg = load(choice_half);
    const auto* rule = reg.versions.front().rule_for(PlotKind::loculo);
    REQUIRE(rule);
    CHECK(rule->term_choices == std::vector<int>{30, 40});
    CHECK(rule->term_years == 30);
    CHECK(rule->renewal.is_fraction());

    SECTION("one term is no choice") {
        const auto one = load("durata_anni = 30\nrinnovi = 1\nanni_rinnovo = 10\n");
        CHECK(one.versions.front().rule_for(PlotKind::loculo)->term_choices.empty());
    }
}

TEST_CASE("a deed under a choice of term must say which, and only a term on offer is accepted", "[term][choice]") {
    const auto reg = load(choice_half);

    SECTION("40 years chosen: the deed runs 40 years from signing") {
        const auto d = decide_term(reg, deed(ymd(2020, 2, 29), 40));
        REQUIRE(d);
        CHECK(d.term->years == 40);
        CHECK(d.term->expires_on == ymd(2060, 2, 29));
    }
    SECTION("30 years chosen") {
        const auto d = decide_term(reg, deed(ymd(2021, 2, 28), 30));
        REQUIRE(d);
        CHECK(d.term->expires_on == ymd(2051, 2, 28));
    }
    SECTION("no term stated: refused, never guessed") {
        const auto d = decide_term(reg, deed(ymd(2021, 5, 1), std::nullopt));
        REQUIRE_FALSE(d);
        CHECK(d.refusal->code == RefusalCode::term_choice_missing);
        CHECK_THAT(d.refusal->message, Catch::Contains("30 o 40 anni") && Catch::Contains("art. 40"));
    }
    SECTION("a term not on offer: refused with the choices and the article") {
        const auto d = decide_term(reg, deed(ymd(2021, 5, 1), 35));
        REQUIRE_FALSE(d);
        CHECK(d.refusal->code == RefusalCode::term_differs);
        CHECK_THAT(d.refusal->message, Catch::Contains("35 anni") && Catch::Contains("30 o 40 anni") &&
                                           Catch::Contains("art. 40"));
    }
}

TEST_CASE("a renewal of half the agreed term: 15 years for a 30-year deed, 20 for a 40-year one", "[renewal][choice]") {
    const auto reg = load(choice_half);

    auto thirty = signed_for(reg, ymd(2010, 3, 1), 30);
    const auto a = renew(reg, thirty, ymd(2039, 6, 1));
    REQUIRE(a.allowed());
    CHECK(a.years == 15);
    CHECK(a.new_expiry == ymd(2055, 3, 1));

    auto forty = signed_for(reg, ymd(2010, 3, 1), 40);
    const auto b = renew(reg, forty, ymd(2049, 6, 1));
    REQUIRE(b.allowed());
    CHECK(b.years == 20);
    CHECK(b.new_expiry == ymd(2070, 3, 1));

    SECTION("and the one renewal is the last") {
        const auto again = renew(reg, forty, ymd(2069, 6, 1));
        REQUIRE_FALSE(again.allowed());
        CHECK(again.refusal->code == RefusalCode::renewals_used_up);
    }
}

TEST_CASE("a fraction that does not divide the term rounds down to whole years", "[renewal][choice]") {
    const auto reg = load("durata_anni = [25, 40]\nrinnovi = 1\nfrazione_rinnovo = \"2/3\"\n");
    auto c = signed_for(reg, ymd(2012, 1, 31), 25);  // 2/3 of 25 is 16.67
    const auto d = renew(reg, c, ymd(2036, 1, 1));
    REQUIRE(d.allowed());
    CHECK(d.years == 16);
    CHECK(d.new_expiry == ymd(2053, 1, 31));
}

TEST_CASE("each renewal its own length: a first of 20 years, a second of 10", "[renewal][choice]") {
    const auto reg = load("durata_anni = 30\nrinnovi = 2\nanni_rinnovo = [20, 10]\n");
    auto c = signed_for(reg, ymd(2010, 1, 1), 30);
    const auto first = renew(reg, c, ymd(2039, 1, 1));
    REQUIRE(first.allowed());
    CHECK(first.years == 20);
    CHECK(first.new_expiry == ymd(2060, 1, 1));
    const auto second = renew(reg, c, ymd(2059, 1, 1));
    REQUIRE(second.allowed());
    CHECK(second.years == 10);
    CHECK(second.new_expiry == ymd(2070, 1, 1));
    const auto third = renew(reg, c, ymd(2069, 1, 1));
    REQUIRE_FALSE(third.allowed());
    CHECK(third.refusal->code == RefusalCode::renewals_used_up);
}

TEST_CASE("a rule shape the text cannot mean is refused naming its line", "[regulation][choice]") {
    SECTION("the same term offered twice") {
        const auto e = error_of("durata_anni = [30, 30]\nrinnovi = 0\n");
        CHECK(e.line == 16);
        CHECK_THAT(e.message, Catch::Contains("twice"));
    }
    SECTION("an empty choice") {
        CHECK(error_of("durata_anni = []\nrinnovi = 0\n").line == 16);
    }
    SECTION("a term in the choice beyond the maximum period") {
        const auto e = error_of("durata_anni = [30, 120]\nrinnovi = 0\n");
        CHECK(e.line == 16);
        CHECK_THAT(e.message, Catch::Contains("99"));
    }
    SECTION("renewal lengths that do not match the number of renewals") {
        const auto e = error_of("durata_anni = 30\nrinnovi = 3\nanni_rinnovo = [20, 10]\n");
        CHECK(e.line == 18);
        CHECK_THAT(e.message, Catch::Contains("lists 2 periods") && Catch::Contains("\"rinnovi\" is 3"));
    }
    SECTION("a fixed length and a fraction together") {
        const auto e = error_of("durata_anni = 30\nrinnovi = 1\nanni_rinnovo = 10\nfrazione_rinnovo = \"1/2\"\n");
        CHECK(e.line == 19);
        CHECK_THAT(e.message, Catch::Contains("both given"));
    }
    SECTION("a fraction that is not one") {
        for (const std::string bad : {"\"half\"", "\"3/2\"", "\"0/2\"", "\"1/\"", "0.5"}) {
            INFO(bad);
            const auto e = error_of("durata_anni = 30\nrinnovi = 1\nfrazione_rinnovo = " + bad + "\n");
            CHECK(e.line == 18);
            CHECK_THAT(e.message, Catch::Contains("frazione_rinnovo"));
        }
    }
    SECTION("a fraction with no renewal allowed") {
        CHECK(error_of("durata_anni = 30\nrinnovi = 0\nfrazione_rinnovo = \"1/2\"\n").line == 18);
    }
    SECTION("renewals without a length") {
        const auto e = error_of("durata_anni = 30\nrinnovi = 1\n");
        CHECK_THAT(e.message, Catch::Contains("anni_rinnovo") && Catch::Contains("frazione_rinnovo"));
    }
}

TEST_CASE("renewals that depend on the term chosen: the 30-year deed once, the 50-year one never",
          "[renewal][choice]") {
    // Written in the order the text gives them, 50 first: each count goes with its term.
    const auto reg = load("durata_anni = [50, 30]\nrinnovi = [0, 1]\nanni_rinnovo = 10\n");
    const auto* rule = reg.versions.front().rule_for(PlotKind::loculo);
    REQUIRE(rule);
    CHECK(rule->renewals_for(30) == 1);
    CHECK(rule->renewals_for(50) == 0);
    CHECK_FALSE(rule->renewals_for(40).has_value());
    CHECK(rule->renewals_allowed == 1);

    SECTION("a 30-year deed is renewed once, for 10 years, then no more") {
        auto c = signed_for(reg, ymd(2012, 2, 29), 30);
        const auto first = renew(reg, c, ymd(2042, 2, 28));
        REQUIRE(first.allowed());
        CHECK(first.years == 10);
        CHECK(first.renewals_allowed == 1);
        CHECK(first.new_expiry == ymd(2052, 2, 28));
        const auto again = renew(reg, c, ymd(2052, 2, 28));
        REQUIRE_FALSE(again.allowed());
        CHECK(again.refusal->code == RefusalCode::renewals_used_up);
        CHECK_THAT(again.refusal->message, Catch::Contains("consente 1 rinnovo per") && Catch::Contains("di 30 anni"));
    }
    SECTION("a 50-year deed is refused, naming its term and the rule") {
        auto c = signed_for(reg, ymd(2012, 2, 29), 50);
        const auto d = renew(reg, c, ymd(2062, 2, 28));
        REQUIRE_FALSE(d.allowed());
        CHECK(d.refusal->code == RefusalCode::kind_not_renewable);
        CHECK_THAT(d.refusal->message, Catch::Contains("non consente rinnovi per") && Catch::Contains("di 50 anni") &&
                                           Catch::Contains("art. 40"));
    }
    SECTION("a deed of a term the rule does not offer (signed under an older version) is not decided") {
        Concession c;
        c.signed_on = c.term_start = ymd(2005, 3, 1);
        c.term_years = 40;
        c.expires_on = ymd(2045, 3, 1);
        const auto d = renew(reg, c, ymd(2045, 3, 1));
        REQUIRE_FALSE(d.allowed());
        CHECK(d.refusal->code == RefusalCode::kind_not_renewable);
        CHECK_THAT(d.refusal->message, Catch::Contains("alla durata scelta (30 anni: 1 rinnovo; 50 anni: 0 rinnovi)") &&
                                           Catch::Contains("questo atto di 40 anni"));
    }
}

TEST_CASE("renewals per term given in a shape the text cannot mean are refused naming the line", "[regulation][choice]") {
    SECTION("a count for each term where one term is offered") {
        const auto e = error_of("durata_anni = 30\nrinnovi = [1]\nanni_rinnovo = 10\n");
        CHECK(e.line == 17);
        CHECK_THAT(e.message, Catch::Contains("offers one term"));
    }
    SECTION("more or fewer counts than terms") {
        const auto e = error_of("durata_anni = [30, 50]\nrinnovi = [1, 0, 2]\nanni_rinnovo = 10\n");
        CHECK(e.line == 17);
        CHECK_THAT(e.message, Catch::Contains("lists 3 counts") && Catch::Contains("offers 2 terms"));
    }
    SECTION("a count that is not a whole number") {
        const auto e = error_of("durata_anni = [30, 50]\nrinnovi = [1, \"no\"]\nanni_rinnovo = 10\n");
        CHECK(e.line == 17);
        CHECK_THAT(e.message, Catch::Contains("whole number"));
    }
    SECTION("no term renewable and a length beside it") {
        const auto e = error_of("durata_anni = [30, 50]\nrinnovi = [0, 0]\nanni_rinnovo = 10\n");
        CHECK(e.line == 18);
        CHECK_THAT(e.message, Catch::Contains("\"rinnovi\" is 0"));
    }
    SECTION("a length per renewal that does not match the most renewals a term has") {
        const auto e = error_of("durata_anni = [30, 50]\nrinnovi = [2, 1]\nanni_rinnovo = [20, 10, 5]\n");
        CHECK(e.line == 18);
        CHECK_THAT(e.message, Catch::Contains("\"rinnovi\" is 2 at most"));
    }
}

TEST_CASE("what the text leaves unsaid is written as such: the term decided, the renewal refused, never guessed",
          "[renewal][choice]") {
    SECTION("rinnovi = \"non_indicati\": a page that gives the term only") {
        const auto reg = load("durata_anni = 99\nrinnovi = \"non_indicati\"\n");
        auto c = signed_for(reg, ymd(2016, 2, 29), 99);
        CHECK(*c.expires_on == ymd(2115, 2, 28));
        const auto d = renew(reg, c, ymd(2115, 2, 1));
        REQUIRE_FALSE(d.allowed());
        CHECK(d.refusal->code == RefusalCode::renewal_not_stated);
        CHECK_THAT(d.refusal->message, Catch::Contains("non dice se e per quanto si rinnova") && Catch::Contains("art. 40"));
    }
    SECTION("anni_rinnovo = \"non_indicata\": renewable twice, for how long not said; the count still counts") {
        const auto reg = load("durata_anni = 35\nrinnovi = 2\nanni_rinnovo = \"non_indicata\"\n");
        auto c = signed_for(reg, ymd(2010, 1, 1), 35);
        const auto d = renew(reg, c, ymd(2045, 1, 1));
        REQUIRE_FALSE(d.allowed());
        CHECK(d.refusal->code == RefusalCode::renewal_not_stated);
        CHECK_THAT(d.refusal->message, Catch::Contains("consente 2 rinnovi") && Catch::Contains("non ne dice la durata"));
        c.renewals.push_back({{}, ymd(2044, 1, 1), 10, ymd(2045, 1, 1), ymd(2055, 1, 1), "", "Scelta"});
        c.renewals.push_back({{}, ymd(2054, 1, 1), 10, ymd(2055, 1, 1), ymd(2065, 1, 1), "", "Scelta"});
        c.expires_on = ymd(2065, 1, 1);
        CHECK(renew(reg, c, ymd(2064, 6, 1)).refusal->code == RefusalCode::renewals_used_up);
    }
    SECTION("nothing may say more than the text beside them") {
        auto e = error_of("durata_anni = 99\nrinnovi = \"non_indicati\"\nanni_rinnovo = 10\n");
        CHECK(e.line == 18);
        CHECK_THAT(e.message, Catch::Contains("\"anni_rinnovo\" given but \"rinnovi\" is \"non_indicati\""));
        e = error_of("durata_anni = 99\nrinnovi = \"non_indicati\"\nfinestra_rinnovo = { mesi_prima = 6, fonte = \"a\" }\n");
        CHECK(e.line == 18);
        e = error_of("durata_anni = 99\nrinnovi = \"nessuno\"\n");
        CHECK(e.line == 17);
        CHECK_THAT(e.message, Catch::Contains("\"non_indicati\""));
        e = error_of("durata_anni = 35\nrinnovi = 1\nanni_rinnovo = \"boh\"\n");
        CHECK(e.line == 18);
        CHECK_THAT(e.message, Catch::Contains("\"non_indicata\""));
        e = error_of("durata_anni = 35\nrinnovi = 1\nanni_rinnovo = \"non_indicata\"\nfrazione_rinnovo = \"1/2\"\n");
        CHECK_THAT(e.message, Catch::Contains("both given"));
    }
}
