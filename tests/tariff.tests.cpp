// Tariffs as data: per comune, kind, item and term, from the day a resolution sets them,
// and renewals priced as a share of the concession tariff in force.

#include "regulation_files.hpp"
#include "support.hpp"

#include <cemetery/regulation_loader.hpp>
#include <cemetery/regulation_summary.hpp>
#include <cemetery/renewal.hpp>
#include <cemetery/tariff.hpp>

#include <fstream>

using cemetery::PlotKind;
using cemetery::quote_price;
using cemetery::Regulation;
using cemetery::TariffItem;
using test::ymd;

namespace {

// Loculi for 30 or 40 years, renewable once for 10; the tariffs a test adds start on line 19.
const std::string header = test::general_section + R"([[versione]]
nome = "Scelta"
in_vigore_dal = 2010-01-01
fonte = "test"
[versione.tipi.loculo]
durata_anni = [30, 40]
rinnovi = 1
anni_rinnovo = 10
)" "decorrenza = \"stipula\"\nfonte = \"art. 40\"\n";

// A [[tariffa]] table of six keys (seven lines with its header) plus `extra`.
std::string tariff(const std::string& voce, const std::string& price, const std::string& from,
                   const std::string& extra = "", const std::string& comune = "comune = \"Liscate\"") {
    return "[[tariffa]]\n" + comune + "\ntipo = \"loculo\"\nvoce = \"" + voce + "\"\n" + price + "\ndal = " + from +
           "\nfonte = \"delibera G.C. n. 12 del " + from + "\"\n" + extra;
}

std::string amount(const std::string& euro) { return "importo = \"" + euro + "\""; }

// Written to a real file and loaded from it, as the programs do.
Regulation load(const std::string& tariffs) {
    test::TempDir dir;
    const auto file = dir.file("regolamento.toml");
    std::ofstream(file) << header + tariffs;
    auto load = cemetery::try_load_regulation(file);
    INFO((load.error ? load.error->to_string() : std::string{}));
    REQUIRE(load);
    return *load.regulation;
}

cemetery::RegulationError error_of(const std::string& tariffs) {
    auto load = cemetery::parse_regulation(header + tariffs, "tariffe.toml");
    REQUIRE_FALSE(load);
    REQUIRE(load.error);
    return *load.error;
}

std::optional<std::int64_t> price(const Regulation& reg, TariffItem item, std::optional<int> term, cemetery::Date on,
                                  const std::string& comune = "Liscate") {
    return quote_price(reg, comune, PlotKind::loculo, item, term, on).cents;
}

cemetery::Concession deed_of(int years) {
    cemetery::Concession c;
    c.signed_on = c.term_start = ymd(2000, 3, 1);
    c.term_years = years;
    c.expires_on = cemetery::add_years(c.signed_on, years);
    return c;
}

}  // namespace

TEST_CASE("a tariff for the deed's term wins over one for every term, even an older one", "[tariff]") {
    const auto reg = load(tariff("concessione", amount("900.00"), "2024-01-01") +
                          tariff("concessione", amount("1100.00"), "2020-01-01", "durata_anni = 40\n") +
                          tariff("concessione", amount("950.00"), "2025-01-01"));
    SECTION("a 40-year deed pays its own tariff") {
        CHECK(price(reg, TariffItem::concession, 40, ymd(2026, 1, 1)) == 110000);
        const auto q = quote_price(reg, "Liscate", PlotKind::loculo, TariffItem::concession, 40, ymd(2026, 1, 1));
        REQUIRE(q.tariff);
        CHECK(q.tariff->basis == "delibera G.C. n. 12 del 2020-01-01");
    }
    SECTION("a 30-year deed, and a perpetual one, pay the tariff for every term in force") {
        CHECK(price(reg, TariffItem::concession, 30, ymd(2024, 6, 1)) == 90000);
        CHECK(price(reg, TariffItem::concession, 30, ymd(2026, 1, 1)) == 95000);
        CHECK(price(reg, TariffItem::concession, std::nullopt, ymd(2026, 1, 1)) == 95000);
    }
    SECTION("before its own tariff, a 40-year deed pays the general one; before any, none is configured") {
        const auto reg2 = load(tariff("concessione", amount("900.00"), "2019-01-01") +
                               tariff("concessione", amount("1100.00"), "2020-01-01", "durata_anni = 40\n"));
        CHECK(price(reg2, TariffItem::concession, 40, ymd(2019, 12, 31)) == 90000);
        CHECK(price(reg2, TariffItem::concession, 40, ymd(2020, 1, 1)) == 110000);
        const auto none = quote_price(reg2, "Liscate", PlotKind::loculo, TariffItem::concession, 40, ymd(2018, 12, 31));
        CHECK_FALSE(none.configured());
        CHECK_FALSE(none.tariff);
    }
}

TEST_CASE("a resolution changes the tariff on its first day, not the day before", "[tariff]") {
    const auto reg = load(tariff("rinnovo", amount("450.00"), "2021-01-01") +
                          tariff("rinnovo", amount("480,50"), "2025-03-01"));
    CHECK(price(reg, TariffItem::renewal, 30, ymd(2025, 2, 28)) == 45000);
    CHECK(price(reg, TariffItem::renewal, 30, ymd(2025, 3, 1)) == 48050);
    CHECK_FALSE(price(reg, TariffItem::renewal, 30, ymd(2020, 12, 31)));
    // Another comune, another kind, another item: none set.
    CHECK_FALSE(price(reg, TariffItem::renewal, 30, ymd(2025, 3, 1), "Bellinzago Lombardo"));
    CHECK_FALSE(price(reg, TariffItem::concession, 30, ymd(2025, 3, 1)));
}

TEST_CASE("a renewal priced as a share of the concession is rounded to the cent, half a cent up", "[tariff]") {
    const std::string share = "frazione_della_concessione = \"2/3\"";
    SECTION("two thirds of 900,00 € are 600,00 €, with both resolutions") {
        const auto reg = load(tariff("concessione", amount("900.00"), "2025-01-01") +
                              tariff("rinnovo", share, "2025-02-01"));
        const auto q = quote_price(reg, "Liscate", PlotKind::loculo, TariffItem::renewal, 30, ymd(2025, 6, 1));
        REQUIRE(q.configured());
        CHECK(*q.cents == 60000);
        REQUIRE(q.concession);
        CHECK(q.concession->cents == 90000);
        CHECK(q.explanation() == "600,00 \u20AC (2/3 of the concession tariff 900,00 \u20AC from 2025-01-01: delibera G.C. "
                                 "n. 12 del 2025-01-01; from 2025-02-01: delibera G.C. n. 12 del 2025-02-01)");
    }
    SECTION("the share follows the concession tariff in force on the renewal day, and the deed's term") {
        const auto reg = load(tariff("concessione", amount("900.00"), "2025-01-01") +
                              tariff("concessione", amount("1000.00"), "2026-01-01") +
                              tariff("concessione", amount("1200.00"), "2025-01-01", "durata_anni = 40\n") +
                              tariff("rinnovo", share, "2025-01-01"));
        CHECK(price(reg, TariffItem::renewal, 30, ymd(2025, 12, 31)) == 60000);
        CHECK(price(reg, TariffItem::renewal, 30, ymd(2026, 1, 1)) == 66667);  // 666,666… → 666,67
        CHECK(price(reg, TariffItem::renewal, 40, ymd(2026, 1, 1)) == 80000);
    }
    SECTION("half a cent goes up, less than half goes down") {
        CHECK(cemetery::share_of(90001, {1, 2}) == 45001);  // 450,005 → 450,01
        CHECK(cemetery::share_of(90003, {1, 3}) == 30001);  // 300,01 exactly
        CHECK(cemetery::share_of(100, {1, 3}) == 33);       // 0,333… → 0,33
        CHECK(cemetery::share_of(100, {2, 3}) == 67);       // 0,666… → 0,67
        CHECK(cemetery::share_of(1, {1, 2}) == 1);          // 0,005 → 0,01
    }
    SECTION("with no concession tariff in force, the renewal is not configured, and says why") {
        const auto reg = load(tariff("concessione", amount("900.00"), "2026-01-01") +
                              tariff("rinnovo", share, "2025-01-01"));
        const auto q = quote_price(reg, "Liscate", PlotKind::loculo, TariffItem::renewal, 30, ymd(2025, 12, 31));
        CHECK_FALSE(q.configured());
        CHECK(q.share_without_concession());
        CHECK(q.explanation() == "the renewal costs 2/3 of the concession tariff (from 2025-01-01: delibera G.C. n. 12 "
                                 "del 2025-01-01), and no concession tariff is in force on 2025-12-31");
        CHECK(price(reg, TariffItem::renewal, 30, ymd(2026, 1, 1)) == 60000);
    }
}

TEST_CASE("a renewal decision carries the price of the deed's term", "[tariff][renewal]") {
    const auto reg = load(tariff("concessione", amount("900.00"), "2025-01-01") +
                          tariff("concessione", amount("1200.00"), "2025-01-01", "durata_anni = 40\n") +
                          tariff("rinnovo", "frazione_della_concessione = \"1/2\"", "2025-01-01"));
    const auto thirty = cemetery::decide_renewal(reg, deed_of(30), PlotKind::loculo, "Liscate", ymd(2029, 6, 1));
    REQUIRE(thirty.allowed());
    CHECK(thirty.price.cents == 45000);
    const auto forty = cemetery::decide_renewal(reg, deed_of(40), PlotKind::loculo, "Liscate", ymd(2039, 6, 1));
    REQUIRE(forty.allowed());
    CHECK(forty.price.cents == 60000);
}

TEST_CASE("one resolution for several comuni", "[tariff]") {
    const auto reg = load(tariff("concessione", amount("900.00"), "2025-01-01", "",
                                 "comuni = [\"Liscate\", \"Bellinzago Lombardo\"]"));
    CHECK(price(reg, TariffItem::concession, 30, ymd(2025, 1, 1)) == 90000);
    CHECK(price(reg, TariffItem::concession, 30, ymd(2025, 1, 1), "bellinzago lombardo") == 90000);
    CHECK_FALSE(price(reg, TariffItem::concession, 30, ymd(2025, 1, 1), "Pozzuolo Martesana"));
}

TEST_CASE("two tariffs of one reach from the same day are refused, naming the line", "[tariff]") {
    SECTION("the same comune, kind, item and term") {
        const auto e = error_of(tariff("concessione", amount("900.00"), "2025-01-01", "durata_anni = 40\n") +
                                tariff("concessione", amount("950.00"), "2025-01-01", "durata_anni = 40\n"));
        CHECK(e.line == 27);  // the second [[tariffa]]
        CHECK_THAT(e.message, Catch::Contains("two [[tariffa]] entries for Liscate, loculo, concessione, 40 anni from "
                                              "2025-01-01 (the other on line 19)"));
    }
    SECTION("a comune in a list and the same comune alone") {
        const auto e = error_of(tariff("rinnovo", amount("450.00"), "2025-01-01", "", "comuni = [\"Bellinzago Lombardo\", \"Liscate\"]") +
                                tariff("rinnovo", amount("460.00"), "2025-01-01", "", "comune = \"LISCATE\""));
        CHECK(e.line == 26);
        CHECK_THAT(e.message, Catch::Contains("LISCATE, loculo, rinnovo from 2025-01-01"));
    }
    SECTION("a tariff for one term and one for every term from one day are both kept") {
        const auto reg = load(tariff("concessione", amount("900.00"), "2025-01-01") +
                              tariff("concessione", amount("1100.00"), "2025-01-01", "durata_anni = 40\n"));
        CHECK(price(reg, TariffItem::concession, 30, ymd(2025, 1, 1)) == 90000);
        CHECK(price(reg, TariffItem::concession, 40, ymd(2025, 1, 1)) == 110000);
    }
}

TEST_CASE("a tariff's new keys are checked with their line", "[tariff]") {
    const auto check = [](const std::string& tariffs, int line, const std::string& says) {
        const auto e = error_of(tariffs);
        INFO(e.to_string());
        CHECK(e.line == line);
        CHECK_THAT(e.message, Catch::Contains(says));
    };
    check(tariff("rinnovo", amount("450.00") + "\nfrazione_della_concessione = \"2/3\"", "2025-01-01"), 24,
          "\"importo\" and \"frazione_della_concessione\" both given");
    check(tariff("concessione", "frazione_della_concessione = \"2/3\"", "2025-01-01"), 23,
          "\"frazione_della_concessione\" is for voce = \"rinnovo\" only");
    check(tariff("rinnovo", "frazione_della_concessione = \"3/2\"", "2025-01-01"), 23, "between 0 and 1");
    check(tariff("rinnovo", "frazione_della_concessione = \"due terzi\"", "2025-01-01"), 23,
          "\"frazione_della_concessione\" must be a fraction of the concession tariff");
    check(tariff("rinnovo", "dal_mese = 1", "2025-01-01"), 23, "unknown key \"dal_mese\"");
    check(tariff("concessione", amount("900.00"), "2025-01-01", "durata_anni = 120\n"), 26,
          "over the maximum of 99 years");
    check(tariff("concessione", amount("900.00"), "2025-01-01", "comuni = [\"Liscate\"]\n"), 26,
          "\"comune\" and \"comuni\" both given");
}

TEST_CASE("a day of the rules prices each term, said once where every term costs the same", "[tariff]") {
    SECTION("one concession tariff for every term, a renewal at two thirds") {
        const auto reg = load(tariff("concessione", amount("900.00"), "2025-01-01") +
                              tariff("rinnovo", "frazione_della_concessione = \"2/3\"", "2025-01-01"));
        const auto day = cemetery::rules_on(reg, "Liscate", ymd(2025, 6, 1));
        REQUIRE(day);
        const auto& loculo = day->kinds.front();
        REQUIRE(loculo.kind == PlotKind::loculo);
        REQUIRE(loculo.prices.size() == 2);
        CHECK(loculo.prices[0].item == TariffItem::concession);
        CHECK_FALSE(loculo.prices[0].term_years);
        CHECK(loculo.prices[0].cents == 90000);
        CHECK(loculo.prices[1].item == TariffItem::renewal);
        CHECK(loculo.prices[1].cents == 60000);
    }
    SECTION("a term with its own tariff: a price per term") {
        const auto reg = load(tariff("concessione", amount("900.00"), "2025-01-01") +
                              tariff("concessione", amount("1100.00"), "2025-01-01", "durata_anni = 40\n"));
        const auto day = cemetery::rules_on(reg, "Liscate", ymd(2025, 6, 1));
        REQUIRE(day);
        const auto& prices = day->kinds.front().prices;
        REQUIRE(prices.size() == 3);
        CHECK(prices[0].term_years == 30);
        CHECK(prices[0].cents == 90000);
        CHECK(prices[1].term_years == 40);
        CHECK(prices[1].cents == 110000);
        CHECK(prices[2].item == TariffItem::renewal);
        CHECK_FALSE(prices[2].configured());
        // A period lists every tariff in force during it, those for every term first.
        const auto periods = cemetery::rule_periods(reg, "Liscate");
        REQUIRE(periods.size() == 1);
        const auto& all = periods.front().kinds.front().tariffs;
        REQUIRE(all.size() == 2);
        CHECK_FALSE(all[0].term_years);
        CHECK(all[1].term_years == 40);
    }
}
