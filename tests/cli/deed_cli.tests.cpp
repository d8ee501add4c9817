// `cemetery deed`: the deed the holders sign, of a concession or of a renewal, run as a
// real process and read back with pdftotext.
#include "cli/run.hpp"
#include "documents/tools.hpp"
#include "support.hpp"

#include <sys/stat.h>

using test::CliResult;

namespace {

// A loculo of Liscate signed under "Unione 2020", its holder with tax code and residence.
const std::string registro =
    "Comune;Cimitero;Tipo;Settore;Fila;Numero;Piano;Numero_Concessione;Data_Concessione;Durata_Anni;"
    "Concessionario_Cognome;Concessionario_Nome;Concessionario_CF;Concessionario_Indirizzo;"
    "Defunto_Cognome;Defunto_Nome;Defunto_Data_Morte;Data_Sepoltura\n"
    "Liscate;;Loculo;E;2;14;3;2021/0005;01/03/2021;30;Brambilla;Anna;BRMNNA60A41A751G;Via Roma 1, Liscate;"
    "Pèrego;Giuseppe;20/02/2021;01/03/2021\n";

const std::string tariffs = R"(
[[tariffa]]
comune = "Liscate"
tipo = "loculo"
voce = "concessione"
importo = "900.00"
dal = 2020-01-01
fonte = "delibera G.C. n. 12 del 03/12/2019"
)";

struct Office {
    test::TempDir dir;
    std::filesystem::path db = dir.file("registro.sqlite");
    std::filesystem::path rules = dir.file("regolamento.toml");

    Office() {
        test::write_file(rules, test::file_bytes(CEMETERY_SOURCE_DIR "/regolamento/regolamento.toml").value() + tariffs);
        const auto csv = dir.file("registro.csv");
        test::write_file(csv, registro);
        const auto r = run({"import", csv.string()});
        INFO(r);
        REQUIRE(r.exit_code == 0);
    }
    CliResult run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--regolamento", rules.string()});
        return test::cemetery(db, std::move(args));
    }
};

unsigned mode_of(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777u;
}

}  // namespace

TEST_CASE("cemetery deed writes the deed to sign: holder, place, expiry, rule and tariff", "[cli][documents][deed]") {
    Office office;
    const auto pdf = office.dir.file("atto.pdf");
    const auto r = office.run({"deed", "2021/0005", "--comune", "liscate", "--output", pdf.string()});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("Deed of concession 2021/0005 (Liscate) written to"));
    CHECK(mode_of(pdf) == 0600u);
    const std::string text = test::pdf_text(pdf);
    INFO(text);
    CHECK_THAT(text, Catch::Contains("Comune di Liscate"));
    CHECK_THAT(text, Catch::Contains("Atto di concessione cimiteriale n. 2021/0005"));
    CHECK_THAT(text, Catch::Contains("Brambilla Anna, codice fiscale BRMNNA60A41A751G, residente in Via Roma 1, Liscate"));
    CHECK_THAT(text, Catch::Contains("Pèrego Giuseppe"));
    CHECK_THAT(text, Catch::Contains("loculo nel cimitero di Liscate, sett. E, fila 2, n. 14, piano 3"));
    CHECK_THAT(text, Catch::Contains("scade il 01/03/2051"));
    CHECK_THAT(text, Catch::Contains("regolamento «Unione 2020»:"));
    CHECK_THAT(text, Catch::Contains("900,00 € (delibera G.C. n. 12 del 03/12/2019)"));
    CHECK_THAT(text, Catch::Contains("Il concessionario") && Catch::Contains("Il responsabile del servizio"));

    SECTION("never over an existing file") {
        const auto again = office.run({"deed", "2021/0005", "--comune", "Liscate", "--output", pdf.string()});
        CHECK(again.exit_code == 3);
        CHECK_THAT(again.err, Catch::Contains(pdf.string()) && Catch::Contains("--force"));
        CHECK(test::pdf_text(pdf) == text);
    }
}

TEST_CASE("cemetery deed --rinnovo prints a renewal's deed, by its number or the last", "[cli][documents][deed]") {
    Office office;
    const auto renewed = office.run({"renew", "2021/0005", "--comune", "Liscate", "--deed", "R-2026/1"});
    INFO(renewed);
    REQUIRE(renewed.exit_code == 0);
    const auto pdf = office.dir.file("rinnovo.pdf");
    SECTION("by the renewal deed's number") {
        const auto r = office.run(
            {"deed", "2021/0005", "--comune", "Liscate", "--rinnovo", "R-2026/1", "--output", pdf.string()});
        INFO(r);
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.err, Catch::Contains("Deed of renewal R-2026/1"));
    }
    SECTION("by --rinnovo ultimo") {
        const auto r = office.run(
            {"deed", "2021/0005", "--comune", "Liscate", "--rinnovo", "ultimo", "--output", pdf.string()});
        INFO(r);
        REQUIRE(r.exit_code == 0);
    }
    const std::string text = test::pdf_text(pdf);
    INFO(text);
    CHECK_THAT(text, Catch::Contains("Atto di rinnovo n. R-2026/1 della concessione cimiteriale n. 2021/0005"));
    CHECK_THAT(text, Catch::Contains("alla scadenza del 01/03/2051"));
    CHECK_THAT(text, Catch::Contains("la concessione scade il 01/03/2061"));
    CHECK_THAT(text, Catch::Contains("regolamento «Unione 2020»:"));
    CHECK(mode_of(pdf) == 0600u);
}

TEST_CASE("cemetery deed refuses what it cannot find, and a bad text naming its line", "[cli][documents][deed]") {
    Office office;
    const auto pdf = office.dir.file("atto.pdf");
    SECTION("an unknown deed") {
        const auto r = office.run({"deed", "2021/9999", "--comune", "Liscate", "--output", pdf.string()});
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains("no concession number \"2021/9999\" in Liscate"));
    }
    SECTION("a renewal the concession does not have") {
        const auto r = office.run(
            {"deed", "2021/0005", "--comune", "Liscate", "--rinnovo", "R-1", "--output", pdf.string()});
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains("has no renewal"));
        office.run({"renew", "2021/0005", "--comune", "Liscate", "--deed", "R-2026/1"});
        const auto other = office.run(
            {"deed", "2021/0005", "--comune", "Liscate", "--rinnovo", "R-1", "--output", pdf.string()});
        CHECK(other.exit_code == 3);
        CHECK_THAT(other.err, Catch::Contains("has no renewal deed \"R-1\" (its renewals: R-2026/1"));
    }
    SECTION("an unknown comune") {
        CHECK(office.run({"deed", "2021/0005", "--comune", "Milano", "--output", pdf.string()}).exit_code == 3);
    }
    SECTION("a template with an unknown placeholder") {
        const auto bad = office.dir.file("atto.txt");
        test::write_file(bad, "[concessione]\n= Atto\nScade il {scadenze}\n[rinnovo]\n");
        const auto r = office.run(
            {"deed", "2021/0005", "--comune", "Liscate", "--testo", bad.string(), "--output", pdf.string()});
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains(bad.string() + ":3") && Catch::Contains("unknown placeholder {scadenze}"));
    }
    SECTION("without --output") {
        CHECK(office.run({"deed", "2021/0005", "--comune", "Liscate"}).exit_code == 2);
    }
    CHECK_FALSE(std::filesystem::exists(pdf));
}
