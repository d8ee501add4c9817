// Variants of a kind through the command line: a provisional loculo granted with
// `concede --variante`, shown by `show`, listed by `regolamento show`, and brought in
// by an import's Variante column; a variant the rules do not define is refused.
#include "cli/run.hpp"
#include "support.hpp"
#include "variant_files.hpp"

#include <nlohmann/json.hpp>

using nlohmann::json;
using test::CliResult;

namespace {

struct Desk {
    test::TempDir dir;
    std::filesystem::path db = dir.file("registro.sqlite");
    std::filesystem::path rules = dir.file("regolamento.toml");
    Desk() { test::write_file(rules, *test::file_bytes(test::shipped_regulation_path()) + test::provisional_loculo); }
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
    CliResult grant(const std::string& numero, std::vector<std::string> more) const {
        std::vector<std::string> args{"concede", "--comune", "Liscate", "--settore", "N", "--fila", "1", "--numero",
                                      numero, "--on", "2026-12-01", "--holder", "Pèrego,Lucia"};
        args.insert(args.end(), more.begin(), more.end());
        return run(args);
    }
};

}  // namespace

TEST_CASE("cemetery concede --variante grants a provisional loculo for its 2 years, and show names it",
          "[cli][variant]") {
    Desk desk;
    desk.ok({"plots", "add", "--comune", "Liscate", "--kind", "loculo", "--settore", "N", "--fila", "1", "--numero",
             "1-3"});
    const auto granted = desk.grant("1", {"--variante", "provvisorio"});
    INFO(granted);
    REQUIRE(granted.exit_code == 0);
    CHECK_THAT(granted.out, Catch::Contains("expires 2028-12-01") && Catch::Contains("2 years") &&
                                Catch::Contains("variant provvisorio (loculo provvisorio)"));

    const auto shown = desk.ok({"show", "2026/0001", "--comune", "Liscate"});
    CHECK_THAT(shown.out, Catch::Contains("Variante:       loculo provvisorio (provvisorio)") &&
                              Catch::Contains("Scadenza:       01/12/2028"));
    const auto j = json::parse(desk.ok({"show", "2026/0001", "--comune", "Liscate", "--format", "json"}).out);
    CHECK(j["variante"] == "provvisorio");
    CHECK(j["nome_variante"] == "loculo provvisorio");

    SECTION("a variant the version does not define is refused, listing those it does") {
        const auto wrong = desk.grant("2", {"--variante", "provvisoria", "--deceased", "Pèrego,Giuseppe", "--died",
                                            "2026-11-28"});
        INFO(wrong);
        CHECK(wrong.exit_code == 1);
        CHECK_THAT(wrong.err, Catch::Contains("non prevede la variante «provvisoria» per loculo") &&
                                  Catch::Contains("prevede «provvisorio» (loculo provvisorio)"));
        CHECK(desk.run({"show", "2026/0002", "--comune", "Liscate"}).exit_code != 0);  // nothing written
    }
    SECTION("the ordinary rule still applies without --variante, and show says nothing of variants") {
        const auto ordinary = desk.grant("2", {"--deceased", "Pèrego,Giuseppe", "--died", "2026-11-28"});
        INFO(ordinary);
        REQUIRE(ordinary.exit_code == 0);
        CHECK_THAT(ordinary.out, Catch::Contains("expires 2056-12-01"));
        const auto plain = desk.ok({"show", "2026/0002", "--comune", "Liscate"});
        CHECK_THAT(plain.out, !Catch::Contains("Variante"));
        CHECK(json::parse(desk.ok({"show", "2026/0002", "--comune", "Liscate", "--format", "json"}).out)["variante"]
                  .is_null());
    }
}

TEST_CASE("cemetery regolamento show and check list each variant under its kind", "[cli][variant][regolamento]") {
    Desk desk;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"regolamento", "show", "--comune", "Liscate"},
          std::vector<std::string>{"regolamento", "check", desk.rules.string()}}) {
        const auto r = desk.run(args);
        INFO(r);
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("variante \"provvisorio\" (loculo provvisorio): 2 anni, dalla stipula; "
                                          "non rinnovabile") &&
                              Catch::Contains("fonte: prova: sepoltura provvisoria in loculo per un massimo di 2 anni"));
    }
}

TEST_CASE("an import's Variante column brings provisional loculi in; a bad value names file, line and field",
          "[cli][variant][import]") {
    Desk desk;
    const std::string header = "Comune;Tipo;Settore;Numero;Numero_Concessione;Data_Concessione;Variante;"
                               "Concessionario_Cognome;Concessionario_Nome\n";
    const auto file = desk.dir.file("registro.csv");
    SECTION("good rows") {
        test::write_file(file, header + "Liscate;Loculo;P;1;P-1;10/03/2024;provvisorio;Pèrego;Lucia\n"
                                        "Liscate;Loculo;P;2;P-2;10/03/2024;;Pèrego;Carlo\n");
        const auto r = desk.run({"import", file.string()});
        INFO(r);
        REQUIRE(r.exit_code == 0);
        const auto p1 = json::parse(desk.ok({"show", "P-1", "--comune", "Liscate", "--format", "json"}).out);
        CHECK(p1["variante"] == "provvisorio");
        CHECK(p1["scadenza"] == "2026-03-10");
        const auto p2 = json::parse(desk.ok({"show", "P-2", "--comune", "Liscate", "--format", "json"}).out);
        CHECK(p2["variante"].is_null());
        CHECK(p2["scadenza"] == "2054-03-10");
    }
    SECTION("a value that is no variant's code, and one the version does not define") {
        test::write_file(file, header + "Liscate;Loculo;P;1;P-1;10/03/2024;provvisorio;Pèrego;Lucia\n"
                                        "Liscate;Loculo;P;2;P-2;10/03/2024;Provvisorio!;Pèrego;Carlo\n"
                                        "Liscate;Loculo;P;3;P-3;10/03/2024;feti;Pèrego;Anna\n");
        const auto r = desk.run({"import", file.string()});
        INFO(r);
        CHECK(r.exit_code == 3);
        const auto lines = r.err_lines();
        REQUIRE(lines.size() == 2);
        CHECK_THAT(lines[0], Catch::StartsWith(file.string() + ":3: Variante: \"Provvisorio!\": not the code of a variant"));
        CHECK_THAT(lines[1], Catch::StartsWith(file.string() + ":4: Variante: \"feti\": ") &&
                                 Catch::Contains("non prevede la variante «feti» per loculo"));
        CHECK(desk.run({"show", "P-1", "--comune", "Liscate"}).exit_code != 0);  // nothing imported
    }
}
