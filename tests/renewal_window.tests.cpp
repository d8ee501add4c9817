// When a renewal may be asked for, as regulations bound it: from N months before the
// expiry, only after it, up to N months after it, not once the concession is posted.

#include "regulation_files.hpp"
#include "support.hpp"

#include <cemetery/regulation_loader.hpp>
#include <cemetery/renewal.hpp>

using cemetery::Concession;
using cemetery::decide_renewal;
using cemetery::parse_regulation;
using cemetery::PlotKind;
using cemetery::Posting;
using cemetery::RefusalCode;
using cemetery::Regulation;
using test::ymd;

namespace {

const std::string header = test::general_section + R"([[versione]]
nome = "Finestra"
in_vigore_dal = 2010-01-01
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 1
anni_rinnovo = 10
decorrenza = "stipula"
fonte = "art. 40"
)";  // the keys each test adds start on line 19

Regulation with_window(const std::string& window) {
    auto load = parse_regulation(header + "finestra_rinnovo = { " + window + " }\n", "finestra.toml");
    INFO((load.error ? load.error->message : std::string{}));
    REQUIRE(load);
    return *load.regulation;
}

cemetery::RegulationError error_of(const std::string& keys) {
    auto load = parse_regulation(header + keys, "finestra.toml");
    REQUIRE_FALSE(load);
    REQUIRE(load.error);
    return *load.error;
}

// A loculo whose 30 years end on `expiry`.
Concession expiring(cemetery::Date expiry) {
    Concession c;
    c.signed_on = c.term_start = cemetery::add_years(expiry, -30);
    c.term_years = 30;
    c.expires_on = expiry;
    c.version_name = "Finestra";
    return c;
}

cemetery::RenewalDecision renew_on(const Regulation& reg, cemetery::Date expiry, cemetery::Date on,
                                   const std::vector<Posting>& postings = {}) {
    return decide_renewal(reg, expiring(expiry), PlotKind::loculo, "Liscate", on, std::nullopt, postings);
}

}  // namespace

TEST_CASE("not earlier than 12 months before the expiry: refused the day before, with the day it opens",
          "[renewal][window]") {
    const auto reg = with_window("mesi_prima = 12, fonte = \"art. 42 c.1\"");
    const auto early = renew_on(reg, ymd(2051, 3, 31), ymd(2050, 3, 30));
    REQUIRE_FALSE(early.allowed());
    CHECK(early.refusal->code == RefusalCode::renewal_window_not_open);
    CHECK_THAT(early.refusal->message, Catch::Contains("31/03/2050") && Catch::Contains("art. 42 c.1"));
    CHECK(early.refusal->basis == "art. 42 c.1");
    CHECK(renew_on(reg, ymd(2051, 3, 31), ymd(2050, 3, 31)).allowed());
    SECTION("and with no end, any day after the expiry") {
        CHECK(renew_on(reg, ymd(2051, 3, 31), ymd(2055, 1, 1)).allowed());
    }
}

TEST_CASE("a window counted in months ends on the last day of a shorter month", "[renewal][window]") {
    const auto reg = with_window("mesi_prima = 1, mesi_dopo = 6, fonte = \"art. 42\"");
    SECTION("a month before 31 March is 29 February in a leap year, 28 otherwise") {
        CHECK_FALSE(renew_on(reg, ymd(2052, 3, 31), ymd(2052, 2, 28)).allowed());
        CHECK(renew_on(reg, ymd(2052, 3, 31), ymd(2052, 2, 29)).allowed());
        CHECK_FALSE(renew_on(reg, ymd(2051, 3, 31), ymd(2051, 2, 27)).allowed());
        CHECK(renew_on(reg, ymd(2051, 3, 31), ymd(2051, 2, 28)).allowed());
    }
    SECTION("six months after 31 August is 28 February") {
        CHECK(renew_on(reg, ymd(2040, 8, 31), ymd(2041, 2, 28)).allowed());
        const auto late = renew_on(reg, ymd(2040, 8, 31), ymd(2041, 3, 1));
        REQUIRE_FALSE(late.allowed());
        CHECK(late.refusal->code == RefusalCode::renewal_window_closed);
        CHECK_THAT(late.refusal->message, Catch::Contains("28/02/2041") && Catch::Contains("troppo tardi"));
    }
}

TEST_CASE("only after the expiry: the expiry day itself is too early", "[renewal][window]") {
    const auto reg = with_window("solo_dopo_scadenza = true, fonte = \"art. 42 c.2\"");
    const auto same_day = renew_on(reg, ymd(2040, 12, 31), ymd(2040, 12, 31));
    REQUIRE_FALSE(same_day.allowed());
    CHECK(same_day.refusal->code == RefusalCode::renewal_window_not_open);
    CHECK_THAT(same_day.refusal->message, Catch::Contains("01/01/2041"));
    CHECK(renew_on(reg, ymd(2040, 12, 31), ymd(2041, 1, 1)).allowed());
}

TEST_CASE("not once the concession is on a posted list of expired ones", "[renewal][window]") {
    const auto reg = with_window("non_dopo_affissione = true, fonte = \"art. 43\"");
    const std::vector<Posting> posted = {{ymd(2041, 1, 10), ymd(2041, 1, 1)}};
    CHECK(renew_on(reg, ymd(2040, 8, 31), ymd(2041, 1, 9), posted).allowed());
    const auto after = renew_on(reg, ymd(2040, 8, 31), ymd(2041, 1, 10), posted);
    REQUIRE_FALSE(after.allowed());
    CHECK(after.refusal->code == RefusalCode::renewal_after_posting);
    CHECK_THAT(after.refusal->message, Catch::Contains("10/01/2041") && Catch::Contains("art. 43"));
    SECTION("a list posted before this expiry, of an earlier one since renewed, does not count") {
        const std::vector<Posting> earlier = {{ymd(2040, 8, 31), ymd(2040, 8, 31)}};
        CHECK(renew_on(reg, ymd(2040, 8, 31), ymd(2041, 1, 10), earlier).allowed());
    }
    SECTION("without the rule, a posted concession may still be renewed") {
        const auto open = with_window("mesi_prima = 6, fonte = \"art. 42\"");
        CHECK(renew_on(open, ymd(2040, 8, 31), ymd(2041, 1, 10), posted).allowed());
    }
}

TEST_CASE("a renewal window the text cannot mean is refused naming its line", "[regulation][window]") {
    SECTION("no renewal to bound") {
        const auto text = header;
        auto load = parse_regulation(
            std::string(text).replace(text.find("rinnovi = 1\nanni_rinnovo = 10"), 29, "rinnovi = 0") +
                "finestra_rinnovo = { mesi_prima = 6, fonte = \"x\" }\n",
            "finestra.toml");
        REQUIRE_FALSE(load);
        CHECK(load.error->line == 18);
        CHECK_THAT(load.error->message, Catch::Contains("\"rinnovi\" is 0"));
    }
    SECTION("opening both before and only after the expiry") {
        const auto e = error_of("finestra_rinnovo = { mesi_prima = 6, solo_dopo_scadenza = true, fonte = \"x\" }\n");
        CHECK(e.line == 19);
        CHECK_THAT(e.message, Catch::Contains("both given"));
    }
    SECTION("bounding nothing") {
        CHECK_THAT(error_of("finestra_rinnovo = { fonte = \"x\" }\n").message, Catch::Contains("bounds nothing"));
    }
    SECTION("without its source") {
        CHECK_THAT(error_of("finestra_rinnovo = { mesi_prima = 6 }\n").message, Catch::Contains("fonte"));
    }
    SECTION("a misspelt key") {
        CHECK_THAT(error_of("finestra_rinnovo = { mesi_primma = 6, fonte = \"x\" }\n").message,
                   Catch::Contains("mesi_primma"));
    }
    SECTION("months beyond the longest period") {
        CHECK_THAT(error_of("finestra_rinnovo = { mesi_dopo = 1200, fonte = \"x\" }\n").message,
                   Catch::Contains("longer than 99 years"));
    }
}
