// Renewals capped by the last burial: "rinnovabile solo per gli anni necessari perché
// l'ultima salma sepolta raggiunga 20 anni" (rinnovo_fino_a_anni_dalla_sepoltura).

#include "regulation_files.hpp"
#include "support.hpp"

#include <cemetery/regulation_loader.hpp>
#include <cemetery/renewal.hpp>

using namespace cemetery;
using test::ymd;

namespace {

const std::string file = test::general_section + R"([[versione]]
nome = "Ventennio"
in_vigore_dal = 2000-01-01
comuni = ["Liscate"]
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 2
anni_rinnovo = 10
rinnovo_fino_a_anni_dalla_sepoltura = { anni = 20, fonte = "art. 50: fino ai 20 anni dell'ultima salma" }
decorrenza = "stipula"
fonte = "art. 49"
[versione.tipi.ossario]
durata_anni = 30
rinnovi = 1
rinnovo_fino_a_anni_dalla_sepoltura = { anni = 40, fonte = "art. 51" }
decorrenza = "stipula"
fonte = "art. 49"

[[versione]]
nome = "Vigilia"
in_vigore_dal = 2000-01-01
comuni = ["Melzo"]
scadenza = "giorno_prima"
scadenza_fonte = "art. 41"
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 1
anni_rinnovo = 10
rinnovo_fino_a_anni_dalla_sepoltura = { anni = 20, fonte = "art. 50" }
decorrenza = "stipula"
fonte = "art. 49"
)";

const Regulation& reg() {
    static const Regulation r = [] {
        auto load = parse_regulation(file, "tetto.toml");
        INFO((load.error ? load.error->to_string() : std::string{}));
        REQUIRE(load);
        return *load.regulation;
    }();
    return r;
}

// A concession expiring on `expiry`, with the burials given.
Concession buried(Date expiry, std::vector<Date> burials) {
    Concession c;
    c.signed_on = c.term_start = add_years(expiry, -30);
    c.term_years = 30;
    c.expires_on = expiry;
    c.version_name = "Ventennio";
    for (Date b : burials) {
        Deceased d;
        d.surname = "Brambilla";
        d.given_name = "Rosa";
        d.buried_on = b;
        c.deceased.push_back(d);
    }
    return c;
}

RenewalDecision renew(const Concession& c, PlotKind kind = PlotKind::loculo, std::string comune = "Liscate",
                      Date on = ymd(2029, 6, 1)) {
    return decide_renewal(reg(), c, kind, comune, on);
}

}  // namespace

TEST_CASE("a renewal lasts the whole years the last burial needs to reach 20 years, rounded up", "[renewal][burial_cap]") {
    // Expiry 01/03/2030; the last of two burials on 10/06/2015 reaches 20 years on 10/06/2035.
    const auto d = renew(buried(ymd(2030, 3, 1), {ymd(2001, 4, 4), ymd(2015, 6, 10)}));
    REQUIRE(d.allowed());
    CHECK(d.years == 6);
    CHECK(d.new_expiry == ymd(2036, 3, 1));
    CHECK(d.burial_reaches_on == ymd(2035, 6, 10));
    CHECK_THAT(d.explanation(), Catch::Contains("compie i suoi anni il 10/06/2035 (art. 50"));
    SECTION("boundary: reached on an anniversary of the expiry needs no extra year") {
        CHECK(renew(buried(ymd(2030, 3, 1), {ymd(2015, 3, 1)})).years == 5);
        CHECK(renew(buried(ymd(2030, 3, 1), {ymd(2015, 3, 2)})).years == 6);
    }
    SECTION("never longer than the rule's own renewal") {
        const auto capped = renew(buried(ymd(2030, 3, 1), {ymd(2025, 1, 1)}));
        REQUIRE(capped.allowed());
        CHECK(capped.years == 10);
        CHECK(capped.new_expiry == ymd(2040, 3, 1));
    }
    SECTION("29 February: reached on 29/02/2032, one day after an expiry of 28/02/2032") {
        const auto leap = decide_renewal(reg(), buried(ymd(2032, 2, 28), {ymd(2012, 2, 29)}), PlotKind::loculo, "Liscate",
                                         ymd(2031, 6, 1));
        REQUIRE(leap.allowed());
        CHECK(leap.years == 1);
        CHECK(leap.new_expiry == ymd(2033, 2, 28));
    }
}

TEST_CASE("a renewal the last burial does not need is refused, with the day it reaches its years",
          "[renewal][burial_cap]") {
    const auto d = renew(buried(ymd(2030, 3, 1), {ymd(2010, 3, 1)}));
    REQUIRE_FALSE(d.allowed());
    CHECK(d.refusal->code == RefusalCode::renewal_not_needed);
    CHECK_THAT(d.refusal->message, Catch::Contains("l'ultima sepoltura, del 01/03/2010, compie 20 anni il 01/03/2030, "
                                                   "entro la scadenza attuale del 01/03/2030") &&
                                       Catch::Contains("art. 50"));
    SECTION("one day later it needs a year") {
        const auto one = renew(buried(ymd(2030, 3, 1), {ymd(2010, 3, 2)}));
        REQUIRE(one.allowed());
        CHECK(one.years == 1);
        CHECK(one.new_expiry == ymd(2031, 3, 1));
    }
    SECTION("nobody buried") {
        const auto none = renew(buried(ymd(2030, 3, 1), {}));
        REQUIRE_FALSE(none.allowed());
        CHECK(none.refusal->code == RefusalCode::renewal_not_needed);
        CHECK_THAT(none.refusal->message, Catch::Contains("non è registrata alcuna sepoltura"));
    }
}

TEST_CASE("without a renewal length the years needed are the whole renewal", "[renewal][burial_cap]") {
    // An ossario: the last burial of 05/05/2020 reaches 40 years on 05/05/2060.
    const auto d = renew(buried(ymd(2030, 3, 1), {ymd(2020, 5, 5)}), PlotKind::ossario);
    REQUIRE(d.allowed());
    CHECK(d.years == 31);
    CHECK(d.new_expiry == ymd(2061, 3, 1));
}

TEST_CASE("under giorno_prima the burial's years and the renewal count the same way", "[renewal][burial_cap][scadenza]") {
    // Expiry 28/02/2030; buried 01/03/2015: its 20 years end on 28/02/2035, the renewal's 5th year too.
    auto c = buried(ymd(2030, 2, 28), {ymd(2015, 3, 1)});
    c.version_name = "Vigilia";
    const auto d = renew(c, PlotKind::loculo, "Melzo");
    REQUIRE(d.allowed());
    CHECK(d.years == 5);
    CHECK(d.new_expiry == ymd(2035, 2, 28));
}

TEST_CASE("rinnovo_fino_a_anni_dalla_sepoltura is refused where it cannot apply", "[regulation][burial_cap]") {
    const auto error_of = [](const std::string& keys) {
        auto load = parse_regulation(test::general_section +
                                         "[[versione]]\nnome = \"V\"\nin_vigore_dal = 2000-01-01\nfonte = \"t\"\n"
                                         "[versione.tipi.loculo]\ndurata_anni = 30\ndecorrenza = \"stipula\"\n"
                                         "fonte = \"t\"\n" + keys,
                                     "tetto.toml");
        REQUIRE_FALSE(load);
        return *load.error;
    };  // the keys start on line 17
    const auto zero = error_of("rinnovi = 0\nrinnovo_fino_a_anni_dalla_sepoltura = { anni = 20, fonte = \"a\" }\n");
    CHECK(zero.line == 18);
    CHECK_THAT(zero.message, Catch::Contains("given but \"rinnovi\" is 0"));
    const auto long_ = error_of("rinnovi = 1\nrinnovo_fino_a_anni_dalla_sepoltura = { anni = 100, fonte = \"a\" }\n");
    CHECK(long_.line == 18);
    CHECK_THAT(long_.message, Catch::Contains("over the maximum of 99 years"));
    const auto unknown = error_of("rinnovi = 1\nrinnovo_fino_a_anni_dalla_sepoltura = { anni = 20, mesi = 2, fonte = \"a\" }\n");
    CHECK(unknown.line == 18);
    CHECK_THAT(unknown.message, Catch::Contains("unknown key \"mesi\""));
}
