#include "regulation_files.hpp"
#include "support.hpp"

#include <cemetery/regulation_loader.hpp>
#include <cemetery/regulation_summary.hpp>

#include <algorithm>
#include <regex>

using cemetery::parse_regulation;
using cemetery::PlotKind;
using test::ymd;

namespace {

// A small valid file; each test breaks one thing and checks the line named.
const std::string header = test::general_section;

std::string version(const std::string& name, const std::string& from, const std::string& comuni,
                    const std::string& kind = "loculo", const std::string& years = "30",
                    const std::string& extra = "") {
    return "[[versione]]\n"
           "nome = \"" + name + "\"\n"
           "in_vigore_dal = " + from + "\n"
           "comuni = [" + comuni + "]\n"
           "fonte = \"test\"\n" + extra +
           "[versione.tipi." + kind + "]\n"
           "durata_anni = " + years + "\n"
           "rinnovi = 1\n"
           "anni_rinnovo = 10\n"
           "decorrenza = \"stipula\"\n"
           "fonte = \"test\"\n";
}

cemetery::RegulationError error_of(const std::string& text) {
    auto load = parse_regulation(text, "test.toml");
    REQUIRE_FALSE(load);
    REQUIRE(load.error);
    return *load.error;
}

}  // namespace

TEST_CASE("the shipped regulation loads with the versions of domain.md", "[regulation]") {
    const auto reg = cemetery::load_regulation(test::shipped_regulation_path());
    CHECK(reg.perpetual_until.value == ymd(1976, 2, 9));
    CHECK(reg.posting_days.value == 90);
    CHECK(reg.max_period_years.value == 99);
    REQUIRE(reg.versions.size() == 2);

    const auto* unione = reg.version_for("Liscate", ymd(2021, 1, 1));
    REQUIRE(unione);
    CHECK(unione->name == "Unione 2020");
    CHECK(unione->rule_for(PlotKind::loculo)->term_years == 30);
    CHECK(unione->rule_for(PlotKind::loculo)->renewals_allowed == 1);
    CHECK(unione->rule_for(PlotKind::loculo)->renewal.for_renewal(0, 0) == 10);
    CHECK(unione->rule_for(PlotKind::ossario)->renewal.for_renewal(0, 0) == 15);
    CHECK(unione->rule_for(PlotKind::cinerario)->renewal.for_renewal(0, 0) == 15);
    CHECK(unione->rule_for(PlotKind::tomba_famiglia)->renewal.for_renewal(0, 0) == 30);
    CHECK(unione->rule_for(PlotKind::cappella)->term_years == 99);
    CHECK(unione->rule_for(PlotKind::fossa)->term_years == 20);
    CHECK(unione->rule_for(PlotKind::campo_comune)->renewals_allowed == 0);
    CHECK(unione->rule_for(PlotKind::campo_comune)->term_start == cemetery::TermStart::burial);

    SECTION("Truccazzano follows its own 2001 rules until the Union version") {
        CHECK_FALSE(reg.version_for("Truccazzano", ymd(2000, 12, 31)));
        CHECK(reg.version_for("Truccazzano", ymd(2001, 1, 1))->name == "Truccazzano 2001");
        CHECK(reg.version_for("Truccazzano", ymd(2020, 12, 31))->name == "Truccazzano 2001");
        CHECK(reg.version_for("Truccazzano", ymd(2021, 1, 1))->name == "Unione 2020");
        CHECK(reg.version_for("Truccazzano", ymd(2001, 1, 1))->rule_for(PlotKind::loculo)->renewals_allowed == 0);
    }
    SECTION("no version covers Truccazzano after it left the Union") {
        CHECK(reg.version_for("Truccazzano", ymd(2023, 12, 31)));
        CHECK_FALSE(reg.version_for("Truccazzano", ymd(2024, 1, 1)));
    }
    SECTION("comune names match whatever their case and accents") {
        CHECK(reg.version_for("pozzuolo martesana", ymd(2022, 5, 5)));
    }
    SECTION("no tariff is configured") {
        CHECK_FALSE(reg.tariff("Liscate", PlotKind::loculo, cemetery::TariffItem::renewal, ymd(2026, 1, 1)));
    }
}

TEST_CASE("a valid small file loads", "[regulation]") {
    auto load = parse_regulation(header + version("A", "2021-01-01", "\"Liscate\""), "test.toml");
    INFO((load.error ? load.error->to_string() : std::string()));
    REQUIRE(load);
    CHECK(load.regulation->versions.front().name == "A");
}

TEST_CASE("a bad regulation file is refused naming its line", "[regulation]") {
    SECTION("an unknown plot kind") {
        // version() puts the kind's table on line 6 of the version, after 8 header lines.
        const auto e = error_of(header + version("A", "2021-01-01", "\"Liscate\"", "loculi"));
        CHECK(e.line == 14);
        CHECK_THAT(e.message, Catch::Contains("unknown plot kind \"loculi\""));
        CHECK_THAT(e.to_string(), Catch::StartsWith("test.toml:14"));
    }
    SECTION("a period over 99 years") {
        const auto e = error_of(header + version("A", "2021-01-01", "\"Liscate\"", "cappella", "120"));
        CHECK(e.line == 15);
        CHECK_THAT(e.message, Catch::Contains("over the maximum of 99 years"));
    }
    SECTION("overlapping versions for one comune") {
        const auto e = error_of(header + version("A", "2021-01-01", "\"Liscate\"") +
                                version("B", "2021-01-01", "\"Bellinzago Lombardo\", \"Liscate\""));
        CHECK(e.line == 20);
        CHECK_THAT(e.message, Catch::Contains("\"A\" and \"B\" overlap for Liscate"));
    }
    SECTION("a version whose own end runs past the next one's start") {
        const auto e = error_of(header +
                                version("A", "2001-01-01", "\"Liscate\"", "loculo", "30", "in_vigore_al = 2022-01-01\n") +
                                version("B", "2021-01-01", "\"Liscate\""));
        CHECK(e.line == 21);
        CHECK_THAT(e.message, Catch::Contains("overlap"));
    }
    SECTION("a missing field") {
        std::string text = header + version("A", "2021-01-01", "\"Liscate\"");
        text = std::regex_replace(text, std::regex("decorrenza = \"stipula\"\n"), "");
        const auto e = error_of(text);
        CHECK(e.line == 14);
        CHECK_THAT(e.message, Catch::Contains("missing field \"decorrenza\""));
    }
    SECTION("a missing setting") {
        std::string text = header + version("A", "2021-01-01", "\"Liscate\"");
        text = std::regex_replace(text, std::regex("giorni_affissione = 90\n"), "");
        const auto e = error_of(text);
        CHECK(e.line == 2);
        CHECK_THAT(e.message, Catch::Contains("giorni_affissione"));
    }
    SECTION("a misspelt key") {
        std::string text = header + version("A", "2021-01-01", "\"Liscate\"");
        text = std::regex_replace(text, std::regex("durata_anni = 30"), "durata_ani = 30");
        const auto e = error_of(text);
        CHECK(e.line == 15);
        CHECK_THAT(e.message, Catch::Contains("unknown key \"durata_ani\""));
        CHECK(e.column == 1);
        CHECK_THAT(e.message, Catch::EndsWith("(expected: durata_anni, rinnovi, anni_rinnovo, frazione_rinnovo, finestra_rinnovo, "
                                              "decorrenza, fonte, capienza, solo_al_decesso, solo_al_decesso_fonte, "
                                              "in_vita_da_anni, riparte_alla_sepoltura, riparte_alla_sepoltura_fonte, "
                                              "rinnovo_fino_a_anni_dalla_sepoltura, decorrenza_fonte, proroga_a_ogni_sepoltura, varianti)"));
    }
    SECTION("a date that is not a date") {
        const auto e = error_of(header + version("A", "\"2021-01-01\"", "\"Liscate\""));
        CHECK(e.line == 11);
        CHECK_THAT(e.message, Catch::Contains("in_vigore_dal"));
    }
    SECTION("a TOML syntax error") {
        const auto e = error_of(header + "[[versione]\n");
        CHECK(e.line == 9);
    }
    SECTION("renewal years given where no renewal is allowed") {
        std::string text = header + version("A", "2021-01-01", "\"Liscate\"");
        text = std::regex_replace(text, std::regex("rinnovi = 1"), "rinnovi = 0");
        const auto e = error_of(text);
        CHECK(e.line == 17);
    }
    SECTION("an end for a comune the version does not name") {
        const auto e = error_of(header + version("A", "2021-01-01", "\"Liscate\"", "loculo", "30",
                                                 "fino_al_per_comune = { \"Truccazzano\" = 2023-12-31 }\n"));
        CHECK(e.line == 14);
        CHECK_THAT(e.message, Catch::Contains("Truccazzano"));
    }
}

TEST_CASE("the regulation is held to the limits of the law", "[regulation]") {
    SECTION("a maximum period over the 99 years of DPR 285/1990 art. 92") {
        for (const std::string years : {"100", "100000", "1000000"}) {
            std::string text = header + version("A", "2021-01-01", "\"Liscate\"");
            text = std::regex_replace(text, std::regex("durata_massima_anni = 99"), "durata_massima_anni = " + years);
            const auto e = error_of(text);
            INFO(years << ": " << e.to_string());
            CHECK(e.line == 7);
            CHECK_THAT(e.message, Catch::Contains("durata_massima_anni") && Catch::Contains("is " + years));
        }
        std::string text = header + version("A", "2021-01-01", "\"Liscate\"");
        text = std::regex_replace(text, std::regex("durata_massima_anni = 99"), "durata_massima_anni = 100");
        CHECK_THAT(error_of(text).message, Catch::Contains("DPR 285/1990 art. 92"));
    }
    SECTION("a perpetual cut-off after every concession became fixed-term") {
        std::string text = header + version("A", "2021-01-01", "\"Liscate\"");
        text = std::regex_replace(text, std::regex("perpetue_fino_al = 1976-02-09"), "perpetue_fino_al = 2999-12-31");
        const auto e = error_of(text);
        CHECK(e.line == 3);
        CHECK_THAT(e.message, Catch::Contains("perpetue_fino_al") && Catch::Contains("DPR 285/1990"));
    }
    SECTION("a cut-off a comune kept after 1976 still loads") {
        std::string text = header + version("A", "2021-01-01", "\"Liscate\"");
        text = std::regex_replace(text, std::regex("perpetue_fino_al = 1976-02-09"), "perpetue_fino_al = 1979-06-05");
        CHECK(parse_regulation(text, "test.toml"));
    }
}

TEST_CASE("the comuni a regulation names that a register does not know are found", "[regulation]") {
    auto load = parse_regulation(header + version("A", "2021-01-01", "\"Liscate\", \"Pozzuolo Martesana\"") +
                                     version("B", "2021-01-01", "\"Gorgonzola\""),
                                 "test.toml");
    REQUIRE(load);
    CHECK(cemetery::comuni_not_in(*load.regulation, {"LISCATE", "Pozzuolo Martesana", "Truccazzano"}) ==
          std::vector<std::string>{"Gorgonzola"});
    CHECK(cemetery::comuni_not_in(*load.regulation, {"liscate", "Pozzuolo martesana", "Gorgonzola"}).empty());
}

TEST_CASE("a missing regulation file is refused with its name", "[regulation]") {
    auto load = cemetery::try_load_regulation("/nonexistent/regolamento.toml");
    REQUIRE_FALSE(load);
    CHECK_THAT(load.error->to_string(), Catch::Contains("/nonexistent/regolamento.toml"));
    CHECK_THROWS_AS(cemetery::load_regulation("/nonexistent/regolamento.toml"), cemetery::RegulationFileError);
}

TEST_CASE("a tariff set in the file is found from its date", "[regulation]") {
    const std::string tariff = "[[tariffa]]\ncomune = \"Liscate\"\ntipo = \"loculo\"\nvoce = \"rinnovo\"\n"
                               "importo = \"1250.50\"\ndal = 2022-01-01\nfonte = \"delibera\"\n";
    auto load = parse_regulation(header + version("A", "2021-01-01", "\"Liscate\"") + tariff, "t.toml");
    REQUIRE(load);
    using cemetery::TariffItem;
    CHECK_FALSE(load.regulation->tariff("Liscate", PlotKind::loculo, TariffItem::renewal, ymd(2021, 12, 31)));
    const auto t = load.regulation->tariff("liscate", PlotKind::loculo, TariffItem::renewal, ymd(2022, 1, 1));
    REQUIRE(t);
    CHECK(t->cents == 125050);
    CHECK(cemetery::format_euro(t->cents) == "1.250,50 \u20AC");
}

TEST_CASE("what the posted list says happens if nobody comes forward is loaded with its source", "[regulation]") {
    const auto shipped = cemetery::load_regulation(test::shipped_regulation_path());
    CHECK_THAT(shipped.posting_outcome.value, Catch::Contains("ossario comune"));
    CHECK_THAT(shipped.posting_outcome.basis, Catch::Contains("art. 20"));

    SECTION("absent: nothing to say") {
        auto load = parse_regulation(header + version("A", "2021-01-01", "\"Liscate\""), "t.toml");
        REQUIRE(load);
        CHECK(load.regulation->posting_outcome.value.empty());
    }
    SECTION("a sentence without its source is refused on the [generale] line") {
        std::string text = std::regex_replace(header, std::regex("durata_massima_anni"),
                                              "esito_affissione = \"I resti vanno all'ossario comune.\"\n"
                                              "durata_massima_anni");
        const auto e = error_of(text + version("A", "2021-01-01", "\"Liscate\""));
        CHECK(e.line == 2);
        CHECK_THAT(e.message, Catch::Contains("esito_affissione_fonte"));
    }
    SECTION("a sentence that is not text is refused on its own line") {
        std::string text = std::regex_replace(header, std::regex("durata_massima_anni"),
                                              "esito_affissione = 5\nesito_affissione_fonte = \"x\"\n"
                                              "durata_massima_anni");
        const auto e = error_of(text + version("A", "2021-01-01", "\"Liscate\""));
        CHECK(e.line == 7);
        CHECK_THAT(e.message, Catch::Contains("esito_affissione"));
    }
}

// --- The life of a concession: capacity and the two flags per kind ---

TEST_CASE("the shipped regulation gives each kind a capacity and the flags of its version", "[regulation][life]") {
    const auto reg = cemetery::load_regulation(test::shipped_regulation_path());
    const auto* unione = reg.version_for("Liscate", ymd(2026, 1, 1));
    REQUIRE(unione);
    for (PlotKind kind : cemetery::all_plot_kinds) {
        INFO(cemetery::code(kind));
        REQUIRE(unione->rule_for(kind)->capacity);
        CHECK_FALSE(unione->rule_for(kind)->capacity->basis.empty());
    }
    const auto* loculo = unione->rule_for(PlotKind::loculo);
    CHECK(loculo->capacity->coffins == 1);
    CHECK(loculo->granted_only_at_death.on);
    CHECK_THAT(loculo->granted_only_at_death.basis, Catch::Contains("4/2022 art. 27 c.6"));
    CHECK_FALSE(unione->rule_for(PlotKind::tomba_famiglia)->granted_only_at_death.on);
    CHECK_FALSE(unione->rule_for(PlotKind::tomba_famiglia)->term_restarts_at_burial.on);

    const auto* truccazzano = reg.version_for("Truccazzano", ymd(2010, 1, 1));
    REQUIRE(truccazzano);
    CHECK(truccazzano->rule_for(PlotKind::tomba_famiglia)->term_restarts_at_burial.on);
    CHECK_FALSE(truccazzano->rule_for(PlotKind::loculo)->granted_only_at_death.on);
}

TEST_CASE("capacity and flags are read from a kind's table", "[regulation][life]") {
    const auto text = header + version("V", "2021-01-01", "\"Liscate\"") +
                      "capienza = { feretri = 2, cassette = 3, fonte = \"art. 5\" }\n"
                      "solo_al_decesso = true\n"
                      "solo_al_decesso_fonte = \"RR 4/2022 art. 27\"\n"
                      "riparte_alla_sepoltura = false\n";
    auto load = parse_regulation(text, "test.toml");
    INFO((load.error ? load.error->to_string() : std::string()));
    REQUIRE(load);
    const auto* rule = load.regulation->versions.front().rule_for(PlotKind::loculo);
    REQUIRE(rule->capacity);
    CHECK(rule->capacity->coffins == 2);
    CHECK(rule->capacity->boxes == 3);
    CHECK(rule->capacity->urns == 0);
    CHECK(rule->capacity->basis == "art. 5");
    CHECK(rule->granted_only_at_death.on);
    CHECK(rule->granted_only_at_death.basis == "RR 4/2022 art. 27");
    CHECK_FALSE(rule->term_restarts_at_burial.on);
}

TEST_CASE("a kind without capacity or flags loads with none", "[regulation][life]") {
    auto load = parse_regulation(header + version("V", "2021-01-01", "\"Liscate\""), "test.toml");
    REQUIRE(load);
    const auto* rule = load.regulation->versions.front().rule_for(PlotKind::loculo);
    CHECK_FALSE(rule->capacity);
    CHECK_FALSE(rule->granted_only_at_death.on);
    CHECK_FALSE(rule->term_restarts_at_burial.on);
}

TEST_CASE("bad capacity or flags are refused naming their line", "[regulation][life]") {
    const auto base = header + version("V", "2021-01-01", "\"Liscate\"");
    const int line = static_cast<int>(std::count(base.begin(), base.end(), '\n')) + 1;  // the added line
    std::string added;
    std::string says;
    SECTION("a flag without its source") {
        added = "solo_al_decesso = true\n";
        says = "solo_al_decesso_fonte";
    }
    SECTION("a source without its flag") {
        added = "riparte_alla_sepoltura_fonte = \"x\"\n";
        says = "riparte_alla_sepoltura";
    }
    SECTION("a flag that is not true or false") {
        added = "solo_al_decesso = \"si\"\n";
        says = "true or false";
    }
    SECTION("a capacity without coffins") {
        added = "capienza = { urne = 1, fonte = \"x\" }\n";
        says = "feretri";
    }
    SECTION("a capacity that holds nothing") {
        added = "capienza = { feretri = 0, fonte = \"x\" }\n";
        says = "holds nothing";
    }
    SECTION("a capacity without its source") {
        added = "capienza = { feretri = 1 }\n";
        says = "fonte";
    }
    SECTION("a negative capacity") {
        added = "capienza = { feretri = -1, fonte = \"x\" }\n";
        says = "feretri";
    }
    SECTION("an unknown key in the capacity") {
        added = "capienza = { feretri = 1, bare = 2, fonte = \"x\" }\n";
        says = "bare";
    }
    const auto error = error_of(base + added);
    INFO(error.to_string());
    CHECK(error.line == line);
    CHECK_THAT(error.message, Catch::Contains(says));
}

// --- Where the file is wrong: line and column, for the person who edits it ---

TEST_CASE("a regulation path that is a folder is refused as a folder, not read as an empty file", "[regulation]") {
    test::TempDir dir;
    auto load = cemetery::try_load_regulation(dir.path());
    REQUIRE_FALSE(load);
    CHECK(load.error->line == 0);
    CHECK(load.error->to_string() == dir.path().string() + ": is a folder, not a regulation file");
    CHECK_THROWS_AS(cemetery::load_regulation(dir.path()), cemetery::RegulationFileError);
}

TEST_CASE("a regulation path where nothing is says so", "[regulation]") {
    auto load = cemetery::try_load_regulation("/nonexistent/regolamento.toml");
    REQUIRE_FALSE(load);
    CHECK(load.error->to_string() == "/nonexistent/regolamento.toml: no such file");
}

TEST_CASE("terms, renewal lists and fractions that are wrong are refused at their line and column",
          "[regulation]") {
    // The kind's table: `durata_anni` on line 16, `rinnovi` 17, the renewal's length 18.
    const std::string kind_table = "[versione.tipi.loculo]\n"
                                   "decorrenza = \"stipula\"\n"
                                   "fonte = \"test\"\n";
    const std::string top = header + "[[versione]]\nnome = \"A\"\nin_vigore_dal = 2021-01-01\nfonte = \"test\"\n";
    auto error = [&](const std::string& lines) { return error_of(top + kind_table + lines).to_string(); };
    CHECK(error("durata_anni = [30, 30]\nrinnovi = 0\n") ==
          "test.toml:16:15: \"durata_anni\" lists a period twice in version \"A\", kind loculo");
    CHECK(error("durata_anni = []\nrinnovi = 0\n") ==
          "test.toml:16:15: \"durata_anni\" must list at least one period in years");
    CHECK(error("durata_anni = [30, 120]\nrinnovi = 0\n") ==
          "test.toml:16:20: \"durata_anni\" is 120 years: over the maximum of 99 years (DPR 285/1990 art. 92)");
    CHECK(error("durata_anni = \"30\"\nrinnovi = 0\n") == "test.toml:16:15: \"durata_anni\" must be a whole number");
    CHECK_THAT(error("durata_anni = 30\nrinnovi = 2\nanni_rinnovo = [20, 10, 5]\n"),
               Catch::StartsWith("test.toml:18:16: \"anni_rinnovo\" lists 3 periods but \"rinnovi\" is 2"));
    CHECK(error("durata_anni = 30\nrinnovi = 1\nanni_rinnovo = [10, 0]\n") ==
          "test.toml:18:21: \"anni_rinnovo\" must be at least 1");
    CHECK_THAT(error("durata_anni = 30\nrinnovi = 1\nanni_rinnovo = 10\nfrazione_rinnovo = \"1/2\"\n"),
               Catch::StartsWith("test.toml:19:20: \"anni_rinnovo\" and \"frazione_rinnovo\" both given"));
    CHECK(error("durata_anni = 30\nrinnovi = 1\nfrazione_rinnovo = \"meta\"\n") ==
          "test.toml:18:20: \"frazione_rinnovo\" must be a fraction of the term such as \"1/2\" or \"2/3\"");
    CHECK(error("durata_anni = 30\nrinnovi = 1\nfrazione_rinnovo = 0.5\n") ==
          "test.toml:18:20: \"frazione_rinnovo\" must be a fraction of the term such as \"1/2\" or \"2/3\"");
    CHECK(error("durata_anni = 30\nrinnovi = 1\nfrazione_rinnovo = \"3/2\"\n") ==
          "test.toml:18:20: \"frazione_rinnovo\" must be a fraction between 0 and 1, such as \"1/2\"");
    CHECK(error("durata_anni = 30\nrinnovi = 0\nfrazione_rinnovo = \"1/2\"\n") ==
          "test.toml:18:20: \"frazione_rinnovo\" given but \"rinnovi\" is 0 in version \"A\", kind loculo");
    // Missing: named on the kind's table, where it belongs.
    CHECK(error("durata_anni = 30\nrinnovi = 1\n") ==
          "test.toml:13:1: missing field \"anni_rinnovo\" (or \"frazione_rinnovo\", or "
          "\"rinnovo_fino_a_anni_dalla_sepoltura\") in version \"A\", kind loculo");
}

TEST_CASE("a fraction that leaves a term on offer with no whole year of renewal is refused", "[regulation]") {
    const std::string top = header + "[[versione]]\nnome = \"A\"\nin_vigore_dal = 2021-01-01\nfonte = \"test\"\n"
                                     "[versione.tipi.loculo]\ndecorrenza = \"stipula\"\nfonte = \"test\"\n";
    // 1/40 of 30 years is 0 whole years: a renewal that adds nothing.
    const auto e = error_of(top + "durata_anni = [30, 40]\nrinnovi = 1\nfrazione_rinnovo = \"1/40\"\n");
    CHECK(e.to_string() == "test.toml:18:20: \"frazione_rinnovo\" \"1/40\" of a 30-year term is less than a year in "
                           "version \"A\", kind loculo");
    CHECK(parse_regulation(top + "durata_anni = [30, 40]\nrinnovi = 1\nfrazione_rinnovo = \"1/30\"\n", "test.toml"));
}

TEST_CASE("\"fino al 06/06/1979\" and \"dal 06/06/1979\": the shared day loads and belongs to the newer version",
          "[regulation][boundary]") {
    const auto a_until_for_comune = version("A", "1960-01-01", "\"Pozzuolo Martesana\", \"Liscate\"", "loculo", "30",
                                            "[versione.fino_al_per_comune]\n\"Pozzuolo Martesana\" = 1979-06-06\n");
    const auto a_until = version("A", "1960-01-01", "\"Pozzuolo Martesana\"", "loculo", "30", "in_vigore_al = 1979-06-06\n");
    const auto b = version("B", "1979-06-06", "\"Pozzuolo Martesana\"", "loculo", "40");
    for (const auto& a : {a_until_for_comune, a_until}) {
        auto load = parse_regulation(header + a + b, "test.toml");
        INFO((load.error ? load.error->to_string() : std::string()));
        REQUIRE(load);
        const auto& reg = *load.regulation;
        CHECK(reg.version_for("Pozzuolo Martesana", ymd(1979, 6, 5))->name == "A");
        CHECK(reg.version_for("Pozzuolo Martesana", ymd(1979, 6, 6))->name == "B");
        CHECK(reg.version_for("Pozzuolo Martesana", ymd(1979, 6, 7))->name == "B");

        const auto periods = cemetery::rule_periods(reg, "Pozzuolo Martesana");
        REQUIRE(periods.size() == 2);
        CHECK(periods[0].version->name == "A");
        CHECK(periods[0].until == ymd(1979, 6, 5));
        CHECK(periods[1].from == ymd(1979, 6, 6));

        const auto shared = cemetery::shared_boundary_days(reg, "Pozzuolo Martesana");
        REQUIRE(shared.size() == 1);
        CHECK(shared[0].day == ymd(1979, 6, 6));
        CHECK(shared[0].ending->name == "A");
        CHECK(shared[0].starting->name == "B");
    }
    SECTION("another comune of the older version keeps it, with no shared day") {
        auto load = parse_regulation(header + a_until_for_comune + b, "test.toml");
        REQUIRE(load);
        CHECK(load.regulation->version_for("Liscate", ymd(1979, 6, 6))->name == "A");
        CHECK(cemetery::shared_boundary_days(*load.regulation, "Liscate").empty());
    }
    SECTION("versions that follow without sharing a day have none") {
        auto load = parse_regulation(header +
                                         version("A", "1960-01-01", "\"Pozzuolo Martesana\"", "loculo", "30",
                                                 "in_vigore_al = 1979-06-05\n") +
                                         b,
                                     "test.toml");
        REQUIRE(load);
        CHECK(cemetery::shared_boundary_days(*load.regulation, "Pozzuolo Martesana").empty());
    }
    SECTION("two shared days are an overlap, named on the newer version's line") {
        const auto e = error_of(header +
                                version("A", "1960-01-01", "\"Pozzuolo Martesana\"", "loculo", "30",
                                        "in_vigore_al = 1979-06-07\n") +
                                b);
        CHECK(e.line == 21);
        CHECK_THAT(e.message, Catch::Contains("\"A\" and \"B\" overlap for Pozzuolo Martesana from 1979-06-06 to "
                                              "1979-06-07"));
    }
}

TEST_CASE("no single period over durata_massima_anni: 99 loads, 100 is refused at its line, a term or a renewal",
          "[regulation][maximum]") {
    SECTION("a term of 99 years and a renewal of 99 load: the maximum is per period") {
        const auto text = header + std::regex_replace(version("A", "2021-01-01", "\"Liscate\"", "cappella", "99"),
                                                      std::regex("anni_rinnovo = 10"), "anni_rinnovo = 99");
        auto load = parse_regulation(text, "test.toml");
        INFO((load.error ? load.error->to_string() : std::string()));
        REQUIRE(load);
        const auto* rule = load.regulation->versions.front().rule_for(PlotKind::cappella);
        REQUIRE(rule);
        CHECK(rule->term_years == 99);
        CHECK(rule->renewal.years == std::vector<int>{99});
    }
    SECTION("a term of 100") {
        const auto e = error_of(header + version("A", "2021-01-01", "\"Liscate\"", "cappella", "100"));
        CHECK(e.line == 15);
        CHECK_THAT(e.message, Catch::Contains("\"durata_anni\" is 100 years: over the maximum of 99 years"));
    }
    SECTION("a renewal of 100") {
        const auto e = error_of(header + std::regex_replace(version("A", "2021-01-01", "\"Liscate\"", "cappella", "99"),
                                                            std::regex("anni_rinnovo = 10"), "anni_rinnovo = 100"));
        CHECK(e.line == 17);
        CHECK_THAT(e.message, Catch::Contains("\"anni_rinnovo\" is 100 years: over the maximum of 99 years"));
    }
}

TEST_CASE("in_vita_da_anni is read with its age, whether the year counts, and its source", "[regulation][applicant_age]") {
    const auto with = [](const std::string& value) {
        return header + version("A", "2021-01-01", "\"Liscate\"") + "in_vita_da_anni = " + value + "\n";
    };  // the value is on line 20
    SECTION("read") {
        auto load = parse_regulation(with("{ anni = 65, nell_anno = true, fonte = \"art. 41\" }"), "test.toml");
        INFO((load.error ? load.error->to_string() : std::string()));
        REQUIRE(load);
        const auto& age = load.regulation->versions.front().rule_for(PlotKind::loculo)->granted_in_life_from_age;
        REQUIRE(age);
        CHECK(age->years == 65);
        CHECK(age->in_the_year);
        CHECK(age->basis == "art. 41");
    }
    SECTION("nell_anno is false unless said") {
        auto load = parse_regulation(with("{ anni = 65, fonte = \"art. 41\" }"), "test.toml");
        REQUIRE(load);
        CHECK_FALSE(load.regulation->versions.front().rule_for(PlotKind::loculo)->granted_in_life_from_age->in_the_year);
    }
    SECTION("refused at its line") {
        for (const auto& [value, says] : std::vector<std::pair<std::string, std::string>>{
                 {"{ anni = 65 }", "missing field \"fonte\""},
                 {"{ fonte = \"art. 41\" }", "missing field \"anni\""},
                 {"{ anni = 0, fonte = \"art. 41\" }", "\"anni\" must be at least 1"},
                 {"{ anni = 650, fonte = \"art. 41\" }", "no applicant is that old"},
                 {"{ anni = 65, nell_anno = 1, fonte = \"art. 41\" }", "\"nell_anno\" must be true or false"},
                 {"{ anni = 65, eta = 1, fonte = \"art. 41\" }", "unknown key \"eta\""},
                 {"65", "must be a table"}}) {
            INFO(value);
            const auto e = error_of(with(value));
            CHECK(e.line == 20);
            CHECK_THAT(e.message, Catch::Contains(says));
        }
    }
}
