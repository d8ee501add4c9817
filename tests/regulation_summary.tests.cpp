#include "regulation_files.hpp"
#include "rules_fixture.hpp"

#include <cemetery/regulation_summary.hpp>

using cemetery::PlotKind;
using cemetery::RulePeriod;
using test::ymd;

namespace {

const std::string header = test::general_section;

cemetery::Regulation parse(const std::string& text) {
    auto load = cemetery::parse_regulation(text, "test.toml");
    INFO((load.error ? load.error->to_string() : std::string()));
    REQUIRE(load);
    return std::move(*load.regulation);
}

const cemetery::KindSummary& kind_of(const RulePeriod& period, PlotKind kind) {
    const auto it = std::find_if(period.kinds.begin(), period.kinds.end(),
                                 [&](const cemetery::KindSummary& k) { return k.kind == kind; });
    REQUIRE(it != period.kinds.end());
    return *it;
}

}  // namespace

TEST_CASE("Liscate has one period of rules, the Union's from 2021, with no end", "[regulation-summary]") {
    const auto periods = cemetery::rule_periods(test::shipped_regulation(), "Liscate");
    REQUIRE(periods.size() == 1);
    CHECK(periods[0].from == ymd(2021, 1, 1));
    CHECK_FALSE(periods[0].until);
    REQUIRE(periods[0].version);
    CHECK(periods[0].version->name == "Unione 2020");
    REQUIRE(periods[0].kinds.size() == cemetery::all_plot_kinds.size());

    const auto& loculo = kind_of(periods[0], PlotKind::loculo);
    REQUIRE(loculo.rule);
    REQUIRE(loculo.terms.size() == 1);
    CHECK(loculo.terms[0].term_years == 30);
    CHECK(loculo.terms[0].renewal_years == std::vector<int>{10});
    CHECK_THAT(loculo.rule->basis, Catch::Contains("Cusano Milanino"));
    CHECK(loculo.tariffs.empty());  // none configured: never invented

    const auto& campo = kind_of(periods[0], PlotKind::campo_comune);
    CHECK(campo.rule->term_start == cemetery::TermStart::burial);
    CHECK(campo.terms[0].renewal_years.empty());
}

TEST_CASE("Truccazzano's periods: its own rules, the Union's, then none after it left", "[regulation-summary]") {
    const auto periods = cemetery::rule_periods(test::shipped_regulation(), "truccazzano");
    REQUIRE(periods.size() == 3);
    CHECK(periods[0].version->name == "Truccazzano 2001");
    CHECK(periods[0].from == ymd(2001, 1, 1));
    CHECK(periods[0].until == ymd(2020, 12, 31));
    CHECK(kind_of(periods[0], PlotKind::loculo).terms[0].renewal_years.empty());
    CHECK(periods[1].version->name == "Unione 2020");
    CHECK(periods[1].from == ymd(2021, 1, 1));
    CHECK(periods[1].until == ymd(2023, 12, 31));
    CHECK_FALSE(periods[2].version);
    CHECK(periods[2].from == ymd(2024, 1, 1));
    CHECK_FALSE(periods[2].until);
    CHECK(periods[2].kinds.empty());

    SECTION("a day finds the period version_for finds") {
        for (const auto day : {ymd(2000, 12, 31), ymd(2001, 1, 1), ymd(2020, 12, 31), ymd(2021, 1, 1), ymd(2023, 12, 31),
                               ymd(2024, 1, 1), ymd(2030, 6, 1)}) {
            INFO(cemetery::to_iso(day));
            const auto on = cemetery::rules_on(test::shipped_regulation(), "Truccazzano", day);
            const auto* version = test::shipped_regulation().version_for("Truccazzano", day);
            CHECK((on ? on->version : nullptr) == version);
        }
    }
    SECTION("after 2023 the day is in a period without a version; before 2001 in none") {
        const auto after = cemetery::rules_on(test::shipped_regulation(), "Truccazzano", ymd(2024, 6, 1));
        REQUIRE(after);
        CHECK_FALSE(after->version);
        CHECK(after->from == ymd(2024, 1, 1));
        CHECK_FALSE(cemetery::rules_on(test::shipped_regulation(), "Truccazzano", ymd(2000, 12, 31)));
    }
}

TEST_CASE("a comune no version names has no periods", "[regulation-summary]") {
    CHECK(cemetery::rule_periods(test::shipped_regulation(), "Gorgonzola").empty());
    CHECK_FALSE(cemetery::rules_on(test::shipped_regulation(), "Gorgonzola", ymd(2026, 1, 1)));
}

TEST_CASE("a choice of terms and a renewal of half the term give the years of each", "[regulation-summary]") {
    const auto reg = parse(header + R"([[versione]]
nome = "Scelta"
in_vigore_dal = 2021-01-01
fonte = "test"
[versione.tipi.loculo]
durata_anni = [40, 30]
rinnovi = 2
frazione_rinnovo = "1/2"
decorrenza = "stipula"
fonte = "art. 12"
[versione.tipi.ossario]
durata_anni = 30
rinnovi = 2
anni_rinnovo = [20, 10]
decorrenza = "stipula"
fonte = "art. 13"
)");
    const auto day = cemetery::rules_on(reg, "Liscate", ymd(2026, 11, 26));
    REQUIRE(day);
    const auto& loculo = kind_of(*day, PlotKind::loculo);
    REQUIRE(loculo.terms.size() == 2);
    CHECK(loculo.terms[0].term_years == 30);
    CHECK(loculo.terms[0].renewal_years == std::vector<int>{15, 15});
    CHECK(loculo.terms[1].term_years == 40);
    CHECK(loculo.terms[1].renewal_years == std::vector<int>{20, 20});
    CHECK(kind_of(*day, PlotKind::ossario).terms[0].renewal_years == std::vector<int>{20, 10});

    SECTION("the kinds the version leaves without a rule are named") {
        CHECK_FALSE(kind_of(*day, PlotKind::cappella).rule);
        CHECK(cemetery::kinds_without_rule(*day->version) ==
              std::vector<PlotKind>{PlotKind::cinerario, PlotKind::tomba_famiglia, PlotKind::cappella, PlotKind::fossa,
                                    PlotKind::campo_comune});
    }
}

TEST_CASE("days between a version's end and the next version are a period without rules", "[regulation-summary]") {
    const auto reg = parse(header + R"([[versione]]
nome = "A"
in_vigore_dal = 2001-01-01
in_vigore_al = 2010-12-31
comuni = ["Liscate", "Pozzuolo Martesana"]
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 0
decorrenza = "stipula"
fonte = "a"
[[versione]]
nome = "B"
in_vigore_dal = 2015-01-01
comuni = ["Liscate", "LISCATE"]
fonte = "test"
[versione.tipi.loculo]
durata_anni = 20
rinnovi = 0
decorrenza = "stipula"
fonte = "b"
)");
    const auto periods = cemetery::rule_periods(reg, "Liscate");
    REQUIRE(periods.size() == 3);
    CHECK(periods[0].version->name == "A");
    CHECK(periods[0].until == ymd(2010, 12, 31));
    CHECK_FALSE(periods[1].version);
    CHECK(periods[1].from == ymd(2011, 1, 1));
    CHECK(periods[1].until == ymd(2014, 12, 31));
    CHECK(periods[2].version->name == "B");
    CHECK_FALSE(periods[2].until);

    SECTION("a comune whose last version ends has an open period without rules") {
        const auto pozzuolo = cemetery::rule_periods(reg, "Pozzuolo Martesana");
        REQUIRE(pozzuolo.size() == 2);
        CHECK_FALSE(pozzuolo[1].version);
        CHECK(pozzuolo[1].from == ymd(2011, 1, 1));
        CHECK_FALSE(pozzuolo[1].until);
    }
    SECTION("the comuni named are listed once each, as the file writes them first") {
        CHECK(cemetery::named_comuni(reg) == std::vector<std::string>{"Liscate", "Pozzuolo Martesana"});
    }
}

TEST_CASE("a period lists every tariff in force during it; a day only the one in force then", "[regulation-summary]") {
    auto tariff = [](const std::string& voce, const std::string& amount, const std::string& from) {
        return "[[tariffa]]\ncomune = \"Liscate\"\ntipo = \"loculo\"\nvoce = \"" + voce + "\"\nimporto = \"" + amount +
               "\"\ndal = " + from + "\nfonte = \"delibera " + from + "\"\n";
    };
    const auto reg = parse(header + R"([[versione]]
nome = "A"
in_vigore_dal = 2021-01-01
comuni = ["Liscate"]
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 1
anni_rinnovo = 10
decorrenza = "stipula"
fonte = "a"
)" + tariff("concessione", "900.00", "2019-01-01") +
                           tariff("concessione", "1000.00", "2023-01-01") + tariff("rinnovo", "300.00", "2024-01-01"));
    const auto periods = cemetery::rule_periods(reg, "Liscate");
    REQUIRE(periods.size() == 1);
    const auto& all = kind_of(periods[0], PlotKind::loculo).tariffs;
    REQUIRE(all.size() == 3);
    CHECK(all[0].cents == 90000);  // set before the period began, still in force at its start
    CHECK(all[1].cents == 100000);
    CHECK(all[2].item == cemetery::TariffItem::renewal);
    CHECK(kind_of(periods[0], PlotKind::ossario).tariffs.empty());

    const auto day = cemetery::rules_on(reg, "Liscate", ymd(2023, 6, 1));
    REQUIRE(day);
    const auto& on_day = kind_of(*day, PlotKind::loculo).tariffs;
    REQUIRE(on_day.size() == 1);
    CHECK(on_day[0].cents == 100000);
    CHECK(on_day[0].basis == "delibera 2023-01-01");
}

TEST_CASE("the general settings come with their sources; unset ones are none", "[regulation-summary]") {
    const auto shipped = cemetery::general_settings(test::shipped_regulation());
    CHECK(shipped.perpetual_until.value == ymd(1976, 2, 9));
    CHECK_THAT(shipped.perpetual_until.basis, Catch::Contains("DPR 803/1975"));
    CHECK(shipped.posting_days.value == 90);
    CHECK(shipped.max_period_years.value == 99);
    REQUIRE(shipped.perpetual_revocation_years);
    CHECK(shipped.perpetual_revocation_years->value == 50);
    REQUIRE(shipped.posting_outcome);

    const auto small = cemetery::general_settings(parse(header + R"([[versione]]
nome = "A"
in_vigore_dal = 2021-01-01
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 0
decorrenza = "stipula"
fonte = "a"
)"));
    CHECK_FALSE(small.perpetual_revocation_years);
    CHECK_FALSE(small.posting_outcome);
}
