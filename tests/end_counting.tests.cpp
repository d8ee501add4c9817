// How a version counts the last day of its periods (scadenza): on the anniversary, the
// civil-code count, or the day before it ("giorno_prima"), applied to the term, to each
// renewal (by the version deciding the renewal) and to a term restarted at a burial.

#include "regulation_files.hpp"
#include "support.hpp"

#include <cemetery/burial.hpp>
#include <cemetery/regulation_loader.hpp>
#include <cemetery/renewal.hpp>
#include <cemetery/term.hpp>

using namespace cemetery;
using test::ymd;

namespace {

// Liscate: the civil count from 2000, the day before from 2020. Melzo: the day before from 2000.
const std::string file = test::general_section + R"([[versione]]
nome = "Civile 2000"
in_vigore_dal = 2000-01-01
comuni = ["Liscate"]
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 2
anni_rinnovo = 2
decorrenza = "stipula"
fonte = "art. 40"

[[versione]]
nome = "Vigilia"
in_vigore_dal = 2000-01-01
comuni = ["Melzo"]
scadenza = "giorno_prima"
scadenza_fonte = "art. 41: la concessione scade il giorno precedente l'anniversario"
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 2
anni_rinnovo = 2
decorrenza = "stipula"
fonte = "art. 40"
[versione.tipi.tomba_famiglia]
durata_anni = 30
rinnovi = 0
decorrenza = "stipula"
fonte = "art. 43"
capienza = { feretri = 4, fonte = "art. 44" }
riparte_alla_sepoltura = true
riparte_alla_sepoltura_fonte = "art. 45"

[[versione]]
nome = "Vigilia 2020"
in_vigore_dal = 2020-01-01
comuni = ["Liscate"]
scadenza = "giorno_prima"
scadenza_fonte = "art. 41"
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 2
anni_rinnovo = 2
decorrenza = "stipula"
fonte = "art. 40"
)";

const Regulation& reg() {
    static const Regulation r = [] {
        auto load = parse_regulation(file, "scadenza.toml");
        INFO((load.error ? load.error->to_string() : std::string{}));
        REQUIRE(load);
        return *load.regulation;
    }();
    return r;
}

Date term_end(const std::string& comune, Date signed_on, PlotKind kind = PlotKind::loculo) {
    TermRequest req;
    req.comune = comune;
    req.kind = kind;
    req.signed_on = signed_on;
    const auto d = decide_term(reg(), req);
    INFO((d.refusal ? d.refusal->message : std::string{}));
    REQUIRE(d);
    return *d.term->expires_on;
}

Concession expiring(Date signed_on, Date expiry, std::string version) {
    Concession c;
    c.signed_on = c.term_start = signed_on;
    c.term_years = 30;
    c.expires_on = expiry;
    c.version_name = std::move(version);
    return c;
}

RegulationError error_of(const std::string& version_keys) {
    auto load = parse_regulation(test::general_section + "[[versione]]\nnome = \"V\"\nin_vigore_dal = 2000-01-01\n" +
                                     version_keys + "fonte = \"t\"\n[versione.tipi.loculo]\ndurata_anni = 30\n"
                                                    "rinnovi = 0\ndecorrenza = \"stipula\"\nfonte = \"t\"\n",
                                 "scadenza.toml");
    REQUIRE_FALSE(load);
    return *load.error;
}

}  // namespace

TEST_CASE("a version that says nothing counts to the anniversary, as the civil code", "[scadenza]") {
    CHECK(term_end("Liscate", ymd(2000, 3, 1)) == ymd(2030, 3, 1));
    CHECK(term_end("Liscate", ymd(2000, 2, 29)) == ymd(2030, 2, 28));
    const auto* v = reg().version_for("Liscate", ymd(2000, 3, 1));
    REQUIRE(v);
    CHECK(v->end_counting.value == EndCounting::same_day);
    CHECK(v->end_counting.basis.empty());
}

TEST_CASE("under giorno_prima a 30-year term ends the day before its anniversary", "[scadenza]") {
    CHECK(term_end("Melzo", ymd(2000, 3, 1)) == ymd(2030, 2, 28));
    CHECK(term_end("Melzo", ymd(2000, 1, 1)) == ymd(2029, 12, 31));
    SECTION("29 February: the anniversary is 28 February, the term ends on the 27th") {
        CHECK(term_end("Melzo", ymd(2000, 2, 29)) == ymd(2030, 2, 27));
    }
    SECTION("the version in force on the signing decides") {
        CHECK(term_end("Liscate", ymd(2019, 12, 31)) == ymd(2049, 12, 31));
        CHECK(term_end("Liscate", ymd(2020, 1, 1)) == ymd(2049, 12, 31));
        CHECK(term_end("Liscate", ymd(2020, 1, 2)) == ymd(2050, 1, 1));
    }
}

TEST_CASE("under giorno_prima a renewal starts the day after the expiry and ends the day before that day's anniversary",
          "[scadenza][renewal]") {
    const auto c = expiring(ymd(2000, 3, 1), ymd(2030, 2, 28), "Vigilia");
    const auto d = decide_renewal(reg(), c, PlotKind::loculo, "Melzo", ymd(2030, 1, 10));
    REQUIRE(d.allowed());
    CHECK(d.previous_expiry == ymd(2030, 2, 28));
    CHECK(d.new_expiry == ymd(2032, 2, 29));  // not 28/02/2032: no day is lost between the periods

    SECTION("the second renewal goes on from there") {
        auto renewed = c;
        renewed.renewals.push_back({{}, ymd(2030, 1, 10), 2, ymd(2030, 2, 28), ymd(2032, 2, 29), "", "Vigilia"});
        renewed.expires_on = ymd(2032, 2, 29);
        const auto again = decide_renewal(reg(), renewed, PlotKind::loculo, "Melzo", ymd(2032, 1, 10));
        REQUIRE(again.allowed());
        CHECK(again.new_expiry == ymd(2034, 2, 28));
    }
    SECTION("a renewal dated its new last day is granted, the day after refused") {
        CHECK(decide_renewal(reg(), c, PlotKind::loculo, "Melzo", ymd(2032, 2, 29)).allowed());
        const auto late = decide_renewal(reg(), c, PlotKind::loculo, "Melzo", ymd(2032, 3, 1));
        REQUIRE_FALSE(late.allowed());
        CHECK(late.refusal->code == RefusalCode::renewal_ends_before);
    }
}

TEST_CASE("a renewal counts as the version in force on the renewal date, not the one that gave the term",
          "[scadenza][renewal]") {
    // Signed in Liscate under the civil count (to 01/03/2030), renewed under "Vigilia 2020".
    const auto c = expiring(ymd(2000, 3, 1), ymd(2030, 3, 1), "Civile 2000");
    const auto d = decide_renewal(reg(), c, PlotKind::loculo, "Liscate", ymd(2029, 6, 1));
    REQUIRE(d.allowed());
    CHECK(d.version_name == "Vigilia 2020");
    CHECK(d.new_expiry == ymd(2032, 3, 1));  // from 02/03/2030, the day before 02/03/2032

    SECTION("under the civil count the renewal adds its years to the expiry, as before") {
        const auto m = decide_renewal(reg(), expiring(ymd(1990, 3, 1), ymd(2020, 3, 1), ""), PlotKind::loculo, "Liscate",
                                      ymd(2019, 6, 1));
        REQUIRE(m.allowed());
        CHECK(m.version_name == "Civile 2000");
        CHECK(m.new_expiry == ymd(2022, 3, 1));
    }
}

TEST_CASE("under giorno_prima a term restarted at a burial ends the day before the burial's anniversary",
          "[scadenza][burial]") {
    Concession c = expiring(ymd(2005, 3, 1), term_end("Melzo", ymd(2005, 3, 1), PlotKind::tomba_famiglia), "Vigilia");
    REQUIRE(c.expires_on == ymd(2035, 2, 28));
    const auto restart = term_restart_at(reg(), c, PlotKind::tomba_famiglia, RemainsCount{1, 0, 0}, cemetery::BurialEvent{ymd(2012, 7, 15), {}, {}, false});
    REQUIRE(restart);
    CHECK(restart->new_expiry == ymd(2042, 7, 14));
    SECTION("on 29 February") {
        const auto leap = term_restart_at(reg(), c, PlotKind::tomba_famiglia, RemainsCount{1, 0, 0}, cemetery::BurialEvent{ymd(2012, 2, 29), {}, {}, false});
        REQUIRE(leap);
        CHECK(leap->new_expiry == ymd(2042, 2, 27));
    }
}

TEST_CASE("scadenza is read with its source, and nothing else is accepted", "[scadenza][regulation]") {
    SECTION("an unknown way of counting") {
        const auto e = error_of("scadenza = \"vigilia\"\nscadenza_fonte = \"art. 41\"\n");
        CHECK(e.line == 12);
        CHECK_THAT(e.message, Catch::Contains("\"giorno_prima\""));
    }
    SECTION("without its source") {
        const auto e = error_of("scadenza = \"giorno_prima\"\n");
        CHECK(e.line == 12);
        CHECK_THAT(e.message, Catch::Contains("scadenza_fonte"));
    }
    SECTION("a source without the setting") {
        const auto e = error_of("scadenza_fonte = \"art. 41\"\n");
        CHECK(e.line == 12);
        CHECK_THAT(e.message, Catch::Contains("without \"scadenza\""));
    }
    SECTION("stesso_giorno said outright, with its source") {
        auto load = parse_regulation(test::general_section + "[[versione]]\nnome = \"V\"\nin_vigore_dal = 2000-01-01\n"
                                                             "scadenza = \"stesso_giorno\"\nscadenza_fonte = \"art. 41\"\n"
                                                             "fonte = \"t\"\n[versione.tipi.loculo]\ndurata_anni = 30\n"
                                                             "rinnovi = 0\ndecorrenza = \"stipula\"\nfonte = \"t\"\n",
                                     "scadenza.toml");
        REQUIRE(load);
        CHECK(load.regulation->versions.front().end_counting.value == EndCounting::same_day);
        CHECK(load.regulation->versions.front().end_counting.basis == "art. 41");
    }
}
