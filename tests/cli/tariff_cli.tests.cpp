// Tariffs as the clerk sees them on the command line: a new concession and a renewal
// print the amount and the resolution it comes from, or "tariffa non configurata".
#include "cli/run.hpp"
#include "support.hpp"

using test::CliResult;

namespace {

// Liscate's concession of a loculo, and its renewal at two thirds of it.
const std::string concession_tariff = R"(
[[tariffa]]
comune = "Liscate"
tipo = "loculo"
voce = "concessione"
importo = "900.00"
dal = 2025-01-01
fonte = "delibera G.C. n. 12 del 03/12/2024"
)";
const std::string renewal_share = R"(
[[tariffa]]
comuni = ["Liscate", "Bellinzago Lombardo"]
tipo = "loculo"
voce = "rinnovo"
frazione_della_concessione = "2/3"
dal = 2025-01-01
fonte = "delibera G.C. n. 40 del 10/12/2024"
)";

struct Office {
    test::TempDir dir;
    std::filesystem::path db = dir.file("registro.sqlite");
    std::filesystem::path rules = dir.file("regolamento.toml");

    // The shipped regulation with these tariffs added.
    explicit Office(const std::string& tariffs) {
        test::write_file(rules, test::file_bytes(CEMETERY_SOURCE_DIR "/regolamento/regolamento.toml").value() + tariffs);
    }
    CliResult run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--regolamento", rules.string()});
        return test::cemetery(db, std::move(args));
    }
    CliResult ok(std::vector<std::string> args) const {
        auto r = run(std::move(args));
        INFO(r);
        REQUIRE(r.exit_code == 0);
        return r;
    }
    // A loculo of Liscate granted on 2026-12-01 at a death: 2026/0001.
    CliResult grant() const {
        ok({"plots", "add", "--comune", "Liscate", "--kind", "loculo", "--settore", "N", "--fila", "1", "--numero", "1"});
        return ok({"concede", "--comune", "Liscate", "--settore", "N", "--fila", "1", "--numero", "1", "--on",
                   "2026-12-01", "--holder", "Pèrego,Lucia", "--deceased", "Pèrego,Giuseppe", "--died", "2026-11-28"});
    }
};

}  // namespace

TEST_CASE("concede and renew print the amount and the resolution it comes from", "[cli][tariff]") {
    Office office(concession_tariff + renewal_share);
    const auto granted = office.grant();
    CHECK_THAT(granted.out, Catch::Contains("\nTariff: 900,00 \u20AC dal 01/01/2025 — fonte: delibera G.C. n. 12 del "
                                            "03/12/2024\n"));
    const auto renewed = office.ok({"renew", "2026/0001", "--comune", "Liscate", "--on", "2026-12-02"});
    CHECK_THAT(renewed.out, Catch::Contains("\nTariff: 600,00 \u20AC (2/3 di 900,00 \u20AC, tariffa di concessione dal "
                                            "01/01/2025 — fonte: delibera G.C. n. 12 del 03/12/2024; arrotondato al "
                                            "centesimo) dal 01/01/2025 — fonte: delibera G.C. n. 40 del 10/12/2024\n"));

    const auto show = office.ok({"regolamento", "show", "--comune", "Liscate", "--on", "2026-12-02"});
    CHECK_THAT(show.out, Catch::Contains("\n    tariffa concessione: 900,00 \u20AC dal 01/01/2025 — fonte: delibera G.C. "
                                         "n. 12 del 03/12/2024\n    tariffa rinnovo: 600,00 \u20AC (2/3 di 900,00"));
    // An ossario has no tariff: said, never invented.
    CHECK_THAT(show.out, Catch::Contains("\n  celletta ossario (ossario): 30 anni") && Catch::Contains("    tariffa: non configurata\n"));
    const auto check = office.ok({"regolamento", "check", office.rules.string()});
    CHECK_THAT(check.out, Catch::Contains("tariffa rinnovo: 2/3 della tariffa di concessione dal 01/01/2025 — fonte: "
                                          "delibera G.C. n. 40 del 10/12/2024"));
}

TEST_CASE("a renewal priced as a share with no concession tariff in force says so", "[cli][tariff]") {
    Office office(renewal_share);
    const auto granted = office.grant();
    CHECK_THAT(granted.out, Catch::Contains("\nTariff: tariffa non configurata\n"));
    const auto renewed = office.ok({"renew", "2026/0001", "--comune", "Liscate", "--on", "2026-12-02"});
    CHECK_THAT(renewed.out, Catch::Contains("\nTariff: tariffa non configurata: il rinnovo costa 2/3 della tariffa di "
                                            "concessione (dal 01/01/2025 — fonte: delibera G.C. n. 40 del 10/12/2024), "
                                            "e nessuna tariffa di concessione è in vigore il 02/12/2026\n"));
}

TEST_CASE("two tariffs of one reach from one day stop every command at the second one's line", "[cli][tariff]") {
    Office office(concession_tariff + concession_tariff);
    const auto r = office.run({"regolamento", "check", office.rules.string()});
    INFO(r);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("two [[tariffa]] entries for Liscate, loculo, concessione from 2025-01-01"));
}
