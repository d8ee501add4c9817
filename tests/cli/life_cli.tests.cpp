// The commands of a concession's life, run as a clerk runs them: a new wall, a
// grant at a death, the spouse's urn, an heir, a surrender, an expired place freed
// after its posting; each refusal with exit 1 and the rule on stderr.
#include "cli/run.hpp"
#include "support.hpp"
#include "term_start_files.hpp"

#include <cemetery/codice_fiscale.hpp>
#include <cemetery/csv.hpp>

#include <nlohmann/json.hpp>

#include <sstream>

using nlohmann::json;
using test::CliResult;

namespace {

const std::string sample = CEMETERY_TEST_DATA_DIR "/registro-esempio.csv";

struct Office {
    test::TempDir dir;
    std::filesystem::path db = dir.file("registro.sqlite");
    CliResult run(std::vector<std::string> args) const { return test::cemetery(db, std::move(args)); }
    CliResult ok(std::vector<std::string> args) const {
        auto r = run(std::move(args));
        INFO(r);
        REQUIRE(r.exit_code == 0);
        return r;
    }
    // A wall of 2 file × 3 numeri in Liscate's cemetery, settore N.
    void with_wall() const { ok({"plots", "add", "--comune", "Liscate", "--kind", "loculo", "--settore", "N", "--fila", "1-2", "--numero", "1-3"}); }
    // A loculo granted at a death on 2026-12-01: 2026/0001.
    void with_grant() const {
        with_wall();
        ok({"concede", "--comune", "Liscate", "--settore", "N", "--fila", "1", "--numero", "1", "--on", "2026-12-01",
            "--holder", "Pèrego,Lucia", "--deceased", "Pèrego,Giuseppe", "--born", "1941-03-03", "--died", "2026-11-28"});
    }
};

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::istringstream in(text);
    cemetery::CsvReader reader(in, ',');
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> fields;
    while (reader.next(fields)) rows.push_back(fields);
    return rows;
}

void check_refused(const CliResult& r, const std::string& says) {
    INFO(r);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(says));
    CHECK(r.out.empty());
}

// The source line of the Union's loculo rule in the shipped file: where tests change it.
const std::string unione_loculo_source =
    "fonte = \"Truccazzano (30 anni); Cusano Milanino (proroga 10 anni) — provvisorio\"";

// The shipped regulation with one passage replaced, written beside the office's register.
std::filesystem::path shipped_rules_with(const Office& office, const std::string& from, const std::string& to) {
    auto text = test::file_bytes(CEMETERY_SOURCE_DIR "/regolamento/regolamento.toml").value();
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), to);
    const auto file = office.dir.file("regolamento.toml");
    test::write_file(file, text);
    return file;
}

void check_invalid(const CliResult& r, const std::string& says) {
    INFO(r);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains(says));
}

}  // namespace

TEST_CASE("cemetery plots add lays out a wall, refused whole when a place is taken", "[cli][life]") {
    Office office;
    const auto added = office.ok(
        {"plots", "add", "--comune", "Liscate", "--kind", "loculo", "--settore", "N", "--fila", "1-2", "--numero", "1-3"});
    // The first plots of a new register make it, and say so first.
    CHECK_THAT(added.out, Catch::StartsWith("New register ") && Catch::Contains("\nAdded 6 loculo plots in Liscate"));
    check_refused(office.run({"plots", "add", "--comune", "Liscate", "--kind", "loculo", "--settore", "N", "--fila", "2",
                              "--numero", "3-5"}),
                  "already stands at sett. N, fila 2, n. 3");
    check_invalid(office.run({"plots", "add", "--comune", "Liscate", "--kind", "loculo", "--numero", "9-1"}), "numero");
    check_invalid(office.run({"plots", "add", "--comune", "Atlantide", "--kind", "loculo", "--numero", "1"}),
                  "unknown comune");
    check_invalid(office.run({"plots", "add", "--comune", "Pozzuolo Martesana", "--cemetery", "Nessuno", "--kind",
                              "loculo", "--numero", "1"}),
                  "unknown cemetery");
    const auto usage = office.run({"plots", "add", "--comune", "Liscate", "--kind", "loculi", "--numero", "1"});
    CHECK(usage.exit_code == 2);

    const auto free = office.ok({"plots", "free", "--comune", "Liscate", "--format", "csv"});
    const auto rows = csv_rows(free.out);
    REQUIRE(rows.size() == 7);
    CHECK(rows[0] == std::vector<std::string>{"comune", "cimitero", "settore", "fila", "numero", "piano", "ubicazione",
                                              "tipo", "stato", "numero_concessione"});
    CHECK(rows[1][2] == "N");
    CHECK(rows[1][8] == "libero");
    const auto j = json::parse(office.ok({"plots", "list", "--comune", "Liscate", "--format", "json"}).out);
    CHECK(j.size() == 6);
}

TEST_CASE("cemetery concede grants a free loculo to a person who just died", "[cli][life]") {
    Office office;
    office.with_wall();
    const auto r = office.ok({"concede", "--comune", "Liscate", "--kind", "loculo", "--settore", "N", "--fila", "1",
                              "--numero", "1", "--on", "2026-12-01", "--holder", "Pèrego,Lucia", "--deceased",
                              "Pèrego,Giuseppe", "--died", "2026-11-28"});
    CHECK_THAT(r.out, Catch::StartsWith("Granted 2026/0001 (Liscate)"));
    CHECK_THAT(r.out, Catch::Contains("expires 2056-12-01 (30 years, version Unione 2020)"));
    const auto show = json::parse(office.ok({"show", "2026/0001", "--comune", "Liscate", "--format", "json"}).out);
    CHECK(show["scadenza"] == "2056-12-01");
    CHECK(show["defunti"].size() == 1);
    const auto rows = csv_rows(office.ok({"plots", "list", "--comune", "Liscate", "--on", "2026-12-01", "--format", "csv"}).out);
    CHECK(rows[1][8] == "occupato");
    CHECK(rows[1][9] == "2026/0001");

    SECTION("the plot is no longer free") {
        check_refused(office.run({"concede", "--comune", "Liscate", "--settore", "N", "--fila", "1", "--numero", "1",
                                  "--on", "2026-12-01", "--holder", "Rossi,Ugo", "--deceased", "Rossi,Ada"}),
                      "plot_not_free");
    }
    SECTION("a loculo is granted only at a death") {
        check_refused(office.run({"concede", "--comune", "Liscate", "--settore", "N", "--fila", "1", "--numero", "2",
                                  "--on", "2026-12-01", "--holder", "Rossi,Ugo"}),
                      "RR Lombardia 4/2022 art. 27 c.6");
    }
    SECTION("no place there") {
        check_invalid(office.run({"concede", "--comune", "Liscate", "--settore", "N", "--fila", "7", "--numero", "1",
                                  "--holder", "Rossi,Ugo", "--deceased", "Rossi,Ada"}),
                      "no plot at");
    }
    SECTION("the kind typed is not the plot's") {
        check_invalid(office.run({"concede", "--comune", "Liscate", "--kind", "ossario", "--settore", "N", "--fila", "1",
                                  "--numero", "2", "--holder", "Rossi,Ugo", "--deceased", "Rossi,Ada"}),
                      "is a loculo");
    }
    SECTION("a holder without a surname") {
        check_invalid(office.run({"concede", "--comune", "Liscate", "--settore", "N", "--fila", "1", "--numero", "2",
                                  "--holder", ",Ugo", "--deceased", "Rossi,Ada"}),
                      "--holder");
    }
    SECTION("death before birth") {
        check_refused(office.run({"concede", "--comune", "Liscate", "--settore", "N", "--fila", "1", "--numero", "2",
                                  "--on", "2026-12-01", "--holder", "Rossi,Ugo", "--deceased", "Rossi,Ada", "--born",
                                  "1950-01-01", "--died", "1940-01-01"}),
                      "death before birth");
    }
    SECTION("a deed signed after today, or a death still to come") {
        check_refused(office.run({"concede", "--comune", "Liscate", "--settore", "N", "--fila", "1", "--numero", "2",
                                  "--on", "9999-12-31", "--holder", "Rossi,Ugo", "--deceased", "Rossi,Ada"}),
                      "after_today");
        check_refused(office.run({"concede", "--comune", "Liscate", "--settore", "N", "--fila", "1", "--numero", "2",
                                  "--on", "2026-12-01", "--holder", "Rossi,Ugo", "--deceased", "Rossi,Ada", "--died",
                                  "2999-01-01"}),
                      "after today");
    }
}

TEST_CASE("cemetery concede in Truccazzano after 2023 is refused: no rules are known", "[cli][life]") {
    Office office;
    office.ok({"plots", "add", "--comune", "Truccazzano", "--cemetery", "Truccazzano", "--kind", "loculo", "--numero", "1"});
    check_refused(office.run({"concede", "--comune", "Truccazzano", "--cemetery", "Truccazzano", "--numero", "1", "--on",
                              "2026-12-01", "--holder", "Bassi,Ugo", "--deceased", "Bassi,Aldo"}),
                  "nessuna versione del regolamento si applica a Truccazzano il 01/12/2026");
}

TEST_CASE("cemetery bury adds the spouse's urn, and refuses a second coffin", "[cli][life]") {
    Office office;
    office.with_grant();
    const auto r = office.ok({"bury", "2026/0001", "--comune", "Liscate", "--deceased", "Pèrego,Anna", "--born",
                              "1944-08-08", "--died", "2026-11-29", "--buried", "2026-12-01", "--remains", "urna"});
    CHECK_THAT(r.out, Catch::StartsWith("Buried Pèrego Anna (urna) under 2026/0001"));
    check_refused(office.run({"bury", "2026/0001", "--comune", "Liscate", "--deceased", "Bassi,Aldo", "--buried",
                              "2026-12-01"}),
                  "capacity_exceeded");
    check_refused(office.run({"bury", "2026/0001", "--comune", "Liscate", "--deceased", "Bassi,Aldo", "--died",
                              "2026-12-01", "--buried", "2026-11-30", "--remains", "cassetta"}),
                  "burial before death");
    // Nothing is recorded before it happens: a burial years ahead.
    check_refused(office.run({"bury", "2026/0001", "--comune", "Liscate", "--deceased", "Bassi,Aldo", "--died",
                              "2031-05-01", "--buried", "2031-05-03", "--remains", "cassetta"}),
                  "after today");
    check_invalid(office.run({"bury", "2099/0001", "--comune", "Liscate", "--deceased", "Bassi,Aldo"}),
                  "no concession number");
    CHECK(office.run({"bury", "2026/0001", "--comune", "Liscate", "--deceased", "Bassi,Aldo", "--remains", "bara"})
              .exit_code == 2);
}

TEST_CASE("cemetery bury in a Truccazzano family tomb says the term restarts", "[cli][life]") {
    Office office;
    office.ok({"plots", "add", "--comune", "Truccazzano", "--cemetery", "Truccazzano", "--kind", "tomba_famiglia",
               "--numero", "4"});
    office.ok({"concede", "--comune", "Truccazzano", "--cemetery", "Truccazzano", "--numero", "4", "--on", "2005-03-01",
               "--deed", "T-2005-004", "--holder", "Bassi,Ugo", "--deceased", "Bassi,Aldo", "--died", "2005-02-26"});
    const auto r = office.ok({"bury", "T-2005-004", "--comune", "Truccazzano", "--deceased", "Bassi,Rina", "--died",
                              "2012-07-12", "--buried", "2012-07-15"});
    CHECK_THAT(r.out, Catch::Contains("expires 2042-07-15"));
    CHECK_THAT(r.out, Catch::Contains("Note: the term restarts at this burial"));
    CHECK_THAT(office.ok({"history", "T-2005-004", "--comune", "Truccazzano"}).out,
               Catch::Contains("Decorrenza ripartita il 15/07/2012"));
}

TEST_CASE("cemetery succeed records an heir with the act", "[cli][life]") {
    Office office;
    office.with_grant();
    const auto r = office.ok({"succeed", "2026/0001", "--comune", "Liscate", "--on", "2032-01-10", "--act",
                              "voltura 2032/4", "--heir", "D'Adda,Carla"});
    CHECK_THAT(r.out, Catch::Contains("holders D'Adda Carla"));
    const auto show = json::parse(office.ok({"show", "2026/0001", "--comune", "Liscate", "--format", "json"}).out);
    REQUIRE(show["concessionari"].size() == 1);
    CHECK(show["concessionari"][0]["cognome"] == "D'Adda");
    office.ok({"succeed", "2026/0001", "--comune", "Liscate", "--on", "2032-02-10", "--act", "voltura 2032/5", "--heir",
               "D'Adda,Ugo", "--join"});
    CHECK(json::parse(office.ok({"show", "2026/0001", "--comune", "Liscate", "--format", "json"}).out)["concessionari"]
              .size() == 2);
    CHECK(office.run({"succeed", "2026/0001", "--comune", "Liscate", "--heir", "X,Y"}).exit_code == 2);  // no --act
    const auto history = office.ok({"history", "2026/0001", "--comune", "Liscate"}).out;
    CHECK_THAT(history, Catch::Contains("Subentro il 10/01/2032, atto voltura 2032/4: Pèrego Lucia → D'Adda Carla"));
}

TEST_CASE("cemetery surrender with the remains moved frees the place", "[cli][life]") {
    Office office;
    office.with_grant();
    const auto r = office.ok({"surrender", "2026/0001", "--comune", "Liscate", "--on", "2030-03-01", "--act",
                              "prot. 88/2030", "--reason", "moved to Milano", "--remains-moved", "famiglia"});
    CHECK_THAT(r.out, Catch::Contains("surrendered on 2030-03-01"));
    const auto rows = csv_rows(office.ok({"plots", "list", "--comune", "Liscate", "--on", "2030-03-01", "--format", "csv"}).out);
    CHECK(rows[1][8] == "libero");
    check_refused(office.run({"revoke", "2026/0001", "--comune", "Liscate", "--on", "2030-04-01", "--act", "a",
                              "--reason", "b"}),
                  "già stato liberato");
    const auto show = json::parse(office.ok({"show", "2026/0001", "--comune", "Liscate", "--as-of", "2030-03-02",
                                             "--format", "json"}).out);
    CHECK(show["stato"] == "rinunciata");
}

TEST_CASE("cemetery forfeit without the remains moved keeps the place occupied until closed", "[cli][life]") {
    Office office;
    office.with_grant();
    const auto r = office.ok({"forfeit", "2026/0001", "--comune", "Liscate", "--on", "2030-03-01", "--act", "det. 5/2030",
                              "--reason", "no upkeep after warning"});
    CHECK_THAT(r.out, Catch::Contains("Note: the place stays occupied"));
    auto state = [&](const std::string& on) {
        return csv_rows(office.ok({"plots", "list", "--comune", "Liscate", "--on", on, "--format", "csv"}).out)[1][8];
    };
    CHECK(state("2030-06-01") == "occupato");
    office.ok({"close", "2026/0001", "--comune", "Liscate", "--on", "2030-06-01", "--remains", "ossario"});
    CHECK(state("2030-06-01") == "libero");
}

TEST_CASE("cemetery post and close free an expired loculo only after its posting days", "[cli][life]") {
    Office office;
    office.ok({"import", sample});
    check_refused(office.run({"close", "E-1987-031", "--comune", "Liscate", "--on", "2027-03-01", "--remains", "ossario"}),
                  "non è mai stata affissa");
    const auto posted = office.ok({"post", "--comune", "Liscate", "--as-of", "2026-12-01", "--on", "2026-12-01"});
    CHECK_THAT(posted.out, Catch::Contains("90 days of posting, places can be freed from 2027-03-01"));
    check_refused(office.run({"close", "E-1987-031", "--comune", "Liscate", "--on", "2027-02-28", "--remains", "ossario"}),
                  "si può chiudere dal 01/03/2027 (RR Lombardia 6/2004 art. 20 c.4-5)");
    check_refused(office.run({"close", "E-1987-031", "--comune", "Liscate", "--on", "2027-03-01", "--remains", "nessuno"}),
                  "dire dove vanno i resti");
    const auto closed = office.ok({"close", "E-1987-031", "--comune", "Liscate", "--on", "2027-03-01", "--remains",
                                   "ossario", "--act", "det. 12/2027"});
    CHECK_THAT(closed.out, Catch::Contains("the place is free"));
    const auto expired = office.ok({"expired", "--comune", "Liscate", "--as-of", "2027-03-02", "--format", "csv"}).out;
    CHECK_THAT(expired, !Catch::Contains("E-1987-031"));
    check_refused(office.run({"close", "E-1987-031", "--comune", "Liscate", "--on", "2027-04-01", "--remains", "ossario"}),
                  "già stato liberato");
    const auto history = json::parse(office.ok({"history", "E-1987-031", "--comune", "Liscate", "--format", "json"}).out);
    std::vector<std::string> actions;
    for (const auto& e : history) actions.push_back(e["azione"]);
    CHECK(actions == std::vector<std::string>{"insert", "post", "close"});
}

TEST_CASE("cemetery revoke of a pre-1976 perpetual tomb waits 50 years from its last burial and needs the shortage",
          "[cli][life][perpetual]") {
    Office office;
    const auto csv = office.dir.file("perpetue.csv");
    test::write_file(csv,
                     "comune;tipo;settore;numero;numero_concessione;data_concessione;perpetua;"
                     "concessionario_cognome;concessionario_nome;defunto_cognome;defunto_nome;defunto_data_morte;"
                     "data_sepoltura\n"
                     "Liscate;Tomba di famiglia;F;8;P-1962-004;02/04/1962;sì;Colombo;Aldo;Colombo;Ines;10/01/1963;"
                     "12/01/1963\n"
                     "Liscate;Tomba di famiglia;F;8;P-1962-004;02/04/1962;sì;Colombo;Aldo;Colombo;Carlo;01/06/1979;"
                     "04/06/1979\n");
    office.ok({"import", csv.string()});
    const std::vector<std::string> revoke = {"revoke",  "P-1962-004", "--comune", "Liscate", "--act",
                                             "delibera G.C. 12/2029", "--reason", "ampliamento impossibile",
                                             "--remains-moved", "ossario"};
    auto on = [&](const std::string& day, bool shortage) {
        auto args = revoke;
        args.insert(args.end(), {"--on", day});
        if (shortage) args.push_back("--grave-shortage");
        return office.run(args);
    };
    check_refused(on("2029-06-03", true), "non prima del 04/06/2029 (DPR 285/1990 art. 92 c.2)");
    check_refused(on("2029-06-04", false), "grave insufficienza di posti");
    const auto r = on("2029-06-04", true);
    INFO(r);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("revoked on 2029-06-04"));
}

TEST_CASE("cemetery renew of a closed concession is refused, and show and search say how it ended", "[cli][life]") {
    Office office;
    office.ok({"import", sample});
    office.ok({"post", "--comune", "Liscate", "--as-of", "2026-01-02", "--on", "2026-01-02"});
    office.ok({"close", "E-1987-031", "--comune", "Liscate", "--on", "2026-06-01", "--remains", "ossario", "--act",
               "det. 12/2026"});
    // Its remains went to the ossuary: no renewal brings the place back, dated before the closing or not.
    for (int attempt = 0; attempt < 2; ++attempt) {
        check_refused(office.run({"renew", "E-1987-031", "--comune", "Liscate", "--on", "2022-01-10", "--deed", "R-7"}),
                      "liberato il 01/06/2026");
    }
    check_refused(office.run({"bury", "E-1987-031", "--comune", "Liscate", "--deceased", "Rossi,Ida", "--born",
                              "1940-01-01", "--died", "2017-01-01", "--buried", "2017-01-03"}),
                  "liberato il 01/06/2026");
    const auto table = office.ok({"show", "E-1987-031", "--comune", "Liscate", "--as-of", "2026-06-02"}).out;
    CHECK_THAT(table, Catch::Contains("Stato al 02/06/2026: chiusa"));
    CHECK_THAT(table, Catch::Contains("Fine:           Chiusa il 01/06/2026 (resti: ossario, atto det. 12/2026)"));
    const auto j = json::parse(office.ok({"show", "E-1987-031", "--comune", "Liscate", "--format", "json"}).out);
    CHECK(j["stato"] == "chiusa");
    CHECK(j["rinnovi"].empty());
    CHECK(j["scadenza"] == "2017-09-02");
    REQUIRE(j["chiusura"].is_object());
    CHECK(j["chiusura"]["data"] == "2026-06-01");
    CHECK(j["chiusura"]["resti"] == "ossario");
    CHECK(j["chiusura"]["atto"] == "det. 12/2026");
    CHECK(j["cessazione"].is_null());
    const auto found = json::parse(office.ok({"search", "E-1987-031", "--format", "json"}).out);
    REQUIRE(found.size() == 1);
    CHECK(found[0]["stato"] == "chiusa");
}

TEST_CASE("cemetery show of a surrendered concession says when, by which act and why", "[cli][life]") {
    Office office;
    office.with_grant();
    office.ok({"surrender", "2026/0001", "--comune", "Liscate", "--on", "2030-03-01", "--act", "prot. 88/2030",
               "--reason", "trasferimento a Milano", "--remains-moved", "famiglia"});
    const auto table = office.ok({"show", "2026/0001", "--comune", "Liscate", "--as-of", "2030-03-02"}).out;
    CHECK_THAT(table, Catch::Contains("Rinunciata il 01/03/2030, atto prot. 88/2030, motivo trasferimento a Milano"));
    CHECK_THAT(table, Catch::Contains("Chiusa il 01/03/2030 (resti: famiglia"));
    const auto j = json::parse(office.ok({"show", "2026/0001", "--comune", "Liscate", "--format", "json"}).out);
    REQUIRE(j["cessazione"].is_object());
    CHECK(j["cessazione"]["tipo"] == "rinunciata");
    CHECK(j["cessazione"]["data"] == "2030-03-01");
    CHECK(j["cessazione"]["atto"] == "prot. 88/2030");
    CHECK(j["cessazione"]["motivo"] == "trasferimento a Milano");
    CHECK(j["chiusura"]["data"] == "2030-03-01");
    check_refused(office.run({"succeed", "2026/0001", "--comune", "Liscate", "--on", "2029-01-10", "--act", "voltura 1",
                              "--heir", "D'Adda,Carla"}),
                  "rinunciata il 01/03/2030");
}

TEST_CASE("cemetery renew refuses the same renewal twice, a deed used in the comune, a date ahead, and a renewal "
          "ending before its date",
          "[cli][life]") {
    Office office;
    office.ok({"import", sample});
    SECTION("the same renewal twice, and its deed for another concession") {
        office.ok({"renew", "E-1987-031", "--comune", "Liscate", "--on", "2022-01-10", "--deed", "R-7"});
        check_refused(office.run({"renew", "E-1987-031", "--comune", "Liscate", "--on", "2022-01-10", "--deed", "R-7"}),
                      "10/01/2022");
        check_refused(office.run({"renew", "E-1987-031", "--comune", "Liscate", "--on", "2021-06-01"}),
                      "10/01/2022");
        const auto j = json::parse(office.ok({"show", "E-1987-031", "--comune", "Liscate", "--format", "json"}).out);
        CHECK(j["rinnovi"].size() == 1);
    }
    SECTION("a renewal dated centuries ahead") {
        check_refused(office.run({"renew", "E-1987-031", "--comune", "Liscate", "--on", "2351-01-01"}),
                      "è dopo oggi");
    }
    SECTION("a renewal that would end before it is granted") {
        // Expired in 1990 (a 30-year deed of 1960); 10 more years from there end in 2000.
        const auto csv = office.dir.file("vecchia.csv");
        test::write_file(csv,
                         "comune;tipo;settore;fila;numero;piano;numero_concessione;data_concessione;durata_anni;"
                         "concessionario_cognome;concessionario_nome\n"
                         "Liscate;Loculo;C;1;2;1;L-1960-001;05/05/1960;30;Sironi;Marta\n");
        office.ok({"import", csv.string()});
        const auto r = office.run({"renew", "L-1960-001", "--comune", "Liscate", "--on", "2026-11-26"});
        check_refused(r, "05/05/2000");
        CHECK_THAT(r.err, Catch::Contains("05/05/1990") && Catch::Contains("26/11/2026"));
    }
}

TEST_CASE("cemetery renew refuses a renewal deed already recorded for another concession of the comune",
          "[cli][life]") {
    Office office;
    office.ok({"import", sample});
    office.ok({"renew", "E-1987-031", "--comune", "Liscate", "--on", "2022-01-10", "--deed", "R-7"});
    const auto csv = office.dir.file("altra.csv");
    test::write_file(csv,
                     "comune;tipo;settore;fila;numero;piano;numero_concessione;data_concessione;durata_anni;"
                     "concessionario_cognome;concessionario_nome\n"
                     "Liscate;Loculo;Z;1;9;1;L-1995-900;01/02/1995;30;Sala;Marta\n");
    office.ok({"import", csv.string()});
    check_refused(office.run({"renew", "L-1995-900", "--comune", "Liscate", "--on", "2024-06-01", "--deed", "R-7"}),
                  "R-7");
    office.ok({"renew", "L-1995-900", "--comune", "Liscate", "--on", "2024-06-01", "--deed", "R-8"});
}

TEST_CASE("a regulation offering loculi for 30 or 40 years: the deed says which, and renews for half of it",
          "[cli][life][choice]") {
    Office office;
    const auto rules = shipped_rules_with(
        office, "durata_anni = 30\n  rinnovi = 1\n  anni_rinnovo = 10\n  decorrenza = \"stipula\"\n  " + unione_loculo_source,
        "durata_anni = [30, 40]\n  rinnovi = 1\n  frazione_rinnovo = \"1/2\"\n  decorrenza = \"stipula\"\n"
        "  fonte = \"art. 40: loculi per 30 o 40 anni, rinnovabili per metà\"");
    const auto with_rules = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--regolamento", rules.string()});
        return args;
    };
    office.with_wall();
    const std::vector<std::string> grant = {"concede", "--comune", "Liscate", "--settore", "N", "--fila", "1",
                                            "--numero", "1", "--on", "2026-12-01", "--holder", "Pèrego,Lucia",
                                            "--deceased", "Pèrego,Giuseppe", "--died", "2026-11-28"};

    SECTION("without --anni the grant is refused with the choices and the article") {
        check_refused(office.run(with_rules(grant)), "30 o 40 anni");
        CHECK(office.ok({"plots", "list", "--comune", "Liscate", "--format", "csv"}).out.find("2026/0001") ==
              std::string::npos);
    }
    SECTION("a term not on offer is refused") {
        auto args = with_rules(grant);
        args.insert(args.end(), {"--anni", "35"});
        check_refused(office.run(args), "art. 40");
    }
    SECTION("40 years chosen: expires in 2066, and one renewal of 20 years") {
        auto args = with_rules(grant);
        args.insert(args.end(), {"--anni", "40"});
        const auto r = office.ok(args);
        CHECK_THAT(r.out, Catch::Contains("expires 2066-12-01 (40 years"));
        const auto renewed = office.ok(with_rules({"renew", "2026/0001", "--comune", "Liscate", "--on", "2026-12-02"}));
        CHECK_THAT(renewed.out, Catch::Contains("2086-12-01"));
        const auto show = json::parse(office.ok({"show", "2026/0001", "--comune", "Liscate", "--format", "json"}).out);
        CHECK(show["scadenza"] == "2086-12-01");
    }
    SECTION("an imported row gives its term as Durata_Anni: 35 is refused naming line and field, 40 is taken") {
        const std::string head =
            "Comune;Cimitero;Tipo;Settore;Fila;Numero;Piano;Numero_Concessione;Data_Concessione;Durata_Anni;"
            "Concessionario_Cognome;Concessionario_Nome;Defunto_Cognome;Defunto_Nome;Defunto_Data_Morte;"
            "Data_Sepoltura\n";
        const std::string forty = "Liscate;;Loculo;N;2;1;;L-2021-001;01/03/2021;40;Rossi;Ugo;Rossi;Ada;27/02/2021;01/03/2021\n";
        const auto csv = office.dir.file("scelte.csv");
        test::write_file(csv, head + forty +
                                  "Liscate;;Loculo;N;2;2;;L-2021-002;02/03/2021;35;Bassi;Ugo;Bassi;Ada;27/02/2021;02/03/2021\n");
        const auto refused = office.run(with_rules({"import", csv.string()}));
        INFO(refused);
        CHECK(refused.exit_code == 3);
        CHECK_THAT(refused.err, Catch::Contains("scelte.csv:3: Durata_Anni") && Catch::Contains("30 o 40 anni"));
        CHECK(office.run({"show", "L-2021-001", "--comune", "Liscate"}).exit_code != 0);

        test::write_file(csv, head + forty);
        office.ok(with_rules({"import", csv.string()}));
        const auto show = json::parse(office.ok({"show", "L-2021-001", "--comune", "Liscate", "--format", "json"}).out);
        CHECK(show["scadenza"] == "2061-03-01");
    }
}

TEST_CASE("a regulation that closes renewals at the posting, or six months after the expiry: renew refuses with the day",
          "[cli][life][window]") {
    Office office;
    office.ok({"import", sample});  // E-1987-031, a Liscate loculo expired on 2017-09-02
    const auto rules_with = [&](const std::string& window) {
        const auto file = shipped_rules_with(office, unione_loculo_source,
                                             unione_loculo_source + "\n  finestra_rinnovo = { " + window + " }");
        return std::vector<std::string>{"--regolamento", file.string()};
    };
    const auto renew = [&](const std::vector<std::string>& rules) {
        auto args = rules;
        args.insert(args.end(), {"renew", "E-1987-031", "--comune", "Liscate", "--on", "2026-12-01"});
        return office.run(args);
    };

    SECTION("once posted") {
        const auto rules = rules_with("non_dopo_affissione = true, fonte = \"art. 43: non dopo l'affissione\"");
        office.ok({"post", "--comune", "Liscate", "--as-of", "2026-11-30", "--on", "2026-11-30"});
        const auto refused = renew(rules);
        check_refused(refused, "affisso il 30/11/2026");
        CHECK_THAT(refused.err, Catch::Contains("art. 43"));
        const auto show = json::parse(office.ok({"show", "E-1987-031", "--comune", "Liscate", "--format", "json"}).out);
        CHECK(show["rinnovi"].empty());
    }
    SECTION("not posted, the same rule lets it renew") {
        const auto rules = rules_with("non_dopo_affissione = true, fonte = \"art. 43\"");
        const auto renewed = renew(rules);
        INFO(renewed);
        CHECK(renewed.exit_code == 0);
    }
    SECTION("six months after the expiry") {
        check_refused(renew(rules_with("mesi_dopo = 6, fonte = \"art. 42\"")), "02/03/2018");
    }
}

TEST_CASE("a comune that reads perpetual deeds after its cut-off as 99 years: the import says so and dates them",
          "[cli][life][perpetual]") {
    Office office;
    const auto rules = shipped_rules_with(office, "\n[[versione]]",
                                          "\n[[perpetue]]\ncomuni = [\"Liscate\"]\ntipi = [\"cappella\"]\n"
                                          "fino_al = 1976-02-09\nleggi_come_anni = 99\n"
                                          "fonte = \"perpetue dopo il 1976 intese per 99 anni\"\n\n[[versione]]");
    const auto csv = office.dir.file("perpetue.csv");
    test::write_file(csv,
                     "comune;tipo;settore;numero;numero_concessione;data_concessione;perpetua;"
                     "concessionario_cognome;concessionario_nome\n"
                     "Liscate;Cappella;C;1;P-1984-001;29/02/1984;sì;Colombo;Aldo\n");
    const auto imported = office.ok({"--regolamento", rules.string(), "import", csv.string()});
    CHECK_THAT(imported.out + imported.err, Catch::Contains("vale 99 anni"));
    const auto show = json::parse(office.ok({"show", "P-1984-001", "--comune", "Liscate", "--format", "json"}).out);
    CHECK(show["perpetua"] == false);
    CHECK(show["scadenza"] == "2083-02-28");

    SECTION("under the shipped file the same row is refused") {
        Office other;
        const auto refused = other.run({"import", csv.string()});
        INFO(refused);
        CHECK(refused.exit_code == 3);
        CHECK_THAT(refused.err, Catch::Contains("perpetue.csv:2"));
    }
}

TEST_CASE("cemetery concede in life where the rule sets an age: --applicant-born, else the holder's codice fiscale",
          "[cli][life][applicant_age]") {
    Office office;
    office.with_wall();
    const auto rules = shipped_rules_with(office, unione_loculo_source,
                                          unione_loculo_source +
                                              "\n  in_vita_da_anni = { anni = 65, fonte = \"art. 41: in vita dai 65 anni\" }");
    const auto grant = [&](std::string numero, std::string holder, std::vector<std::string> more) {
        std::vector<std::string> args{"--regolamento", rules.string(), "concede", "--comune", "Liscate", "--settore", "N",
                                      "--fila", "1", "--numero", std::move(numero), "--on", "2026-12-01", "--holder",
                                      std::move(holder)};
        args.insert(args.end(), more.begin(), more.end());
        return office.run(args);
    };
    check_refused(grant("1", "Pèrego,Lucia", {"--applicant-born", "1961-12-02"}),
                  "il richiedente, nato il 02/12/1961, la soddisfa solo dal 02/12/2026");
    check_refused(grant("1", "Pèrego,Lucia", {}), "serve la data di nascita del richiedente");
    const auto granted = grant("1", "Pèrego,Lucia", {"--applicant-born", "1961-12-01"});
    INFO(granted);
    CHECK(granted.exit_code == 0);
    CHECK_THAT(granted.out, Catch::Contains("expires 2056-12-01"));

    SECTION("from the codice fiscale: a woman born on 02/12/1961 is 64 on 01/12/2026") {
        std::string code = "PRGLCU61T42F205";
        code += *cemetery::codice_fiscale_check_letter(code);
        check_refused(grant("2", "Pèrego,Lucia," + code, {}),
                      "nato il 02/12/1961 (dal codice fiscale di Pèrego Lucia), la soddisfa solo dal 02/12/2026");
    }
    SECTION("a date that is not one") {
        const auto bad = grant("2", "Pèrego,Lucia", {"--applicant-born", "02/12/1961"});
        INFO(bad);
        CHECK(bad.exit_code != 0);
        CHECK_THAT(bad.err, Catch::Contains("--applicant-born"));
    }
}

TEST_CASE("a regulation whose terms run from the request, the death, and are extended at every burial",
          "[cli][life][decorrenza]") {
    Office office;
    const auto rules = office.dir.file("regolamento.toml");
    test::write_file(rules, test::general_section + test::term_start_versions);
    const auto with_rules = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--regolamento", rules.string()});
        return args;
    };
    const auto place = [&](const std::string& kind, const std::string& numero) {
        office.ok({"plots", "add", "--comune", "Liscate", "--kind", kind, "--settore", "P", "--numero", numero});
        return std::vector<std::string>{"--comune", "Liscate", "--kind", kind, "--settore", "P", "--numero", numero};
    };
    const auto concede = [&](const std::vector<std::string>& where, std::vector<std::string> rest) {
        std::vector<std::string> args = {"concede"};
        args.insert(args.end(), where.begin(), where.end());
        args.insert(args.end(), {"--holder", "Pèrego,Lucia"});
        args.insert(args.end(), rest.begin(), rest.end());
        return with_rules(args);
    };

    SECTION("concede --richiesta: the term runs from the request") {
        const auto loculo = place("loculo", "1");
        check_refused(office.run(concede(loculo, {"--on", "2024-03-11"})), "request_date_missing");
        check_refused(office.run(concede(loculo, {"--on", "2024-03-11", "--richiesta", "2024-03-12"})),
                      "request_after_signing");
        const auto r = office.ok(concede(loculo, {"--on", "2024-03-11", "--richiesta", "2024-02-29"}));
        CHECK_THAT(r.out, Catch::Contains("expires 2054-02-28"));
    }
    SECTION("concede --pagamento: not paid, not started; paid, from the payment") {
        CHECK_THAT(office.ok(concede(place("ossario", "2"), {"--on", "2025-06-02"})).out, Catch::Contains("not started"));
        CHECK_THAT(office.ok(concede(place("ossario", "3"), {"--on", "2025-06-02", "--pagamento", "2025-06-20"})).out,
                   Catch::Contains("expires 2045-06-20"));
    }
    SECTION("bury extends a cappella's term; --rinuncia-proroga is refused where the rule does not allow it") {
        office.ok(concede(place("cappella", "4"), {"--on", "2021-03-01", "--deed", "C-1"}));
        check_refused(office.run(with_rules({"bury", "C-1", "--comune", "Liscate", "--deceased", "Bassi,Aldo", "--died",
                                             "2026-11-18", "--buried", "2026-11-20", "--rinuncia-proroga"})),
                      "extension_not_declinable");
        const auto r = office.ok(with_rules({"bury", "C-1", "--comune", "Liscate", "--deceased", "Bassi,Aldo", "--died",
                                             "2026-11-18", "--buried", "2026-11-20"}));
        CHECK_THAT(r.out, Catch::Contains("expires 2076-11-20"));
    }
    SECTION("bury --rinuncia-proroga where the rule allows it: a tomb not started runs from the death") {
        const auto r = office.ok(concede(place("tomba_famiglia", "5"), {"--on", "2021-03-01", "--deed", "T-1"}));
        CHECK_THAT(r.out, Catch::Contains("not started"));
        const auto b = office.ok(with_rules({"bury", "T-1", "--comune", "Liscate", "--deceased", "Bassi,Aldo", "--died",
                                             "2026-11-18", "--buried", "2026-11-20", "--rinuncia-proroga"}));
        CHECK_THAT(b.out, Catch::Contains("expires 2066-11-18"));
        CHECK_THAT(b.out, Catch::Contains("the term starts on 2026-11-18"));
        // A later burial, declined: the term stays.
        const auto c = office.ok(with_rules({"bury", "T-1", "--comune", "Liscate", "--deceased", "Bassi,Rina", "--died",
                                             "2026-11-25", "--buried", "2026-11-27", "--rinuncia-proroga"}));
        CHECK_THAT(c.out, Catch::Contains("expires 2066-11-18"));
    }
}

TEST_CASE("terms not started: the list, a payment recorded later, a deed declining the extension",
          "[cli][life][not-started]") {
    Office office;
    const auto rules = office.dir.file("regolamento.toml");
    test::write_file(rules, test::general_section + test::term_start_versions);
    const auto with_rules = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--regolamento", rules.string()});
        return args;
    };
    const auto place = [&](const std::string& kind, const std::string& numero) {
        office.ok({"plots", "add", "--comune", "Liscate", "--kind", kind, "--settore", "P", "--numero", numero});
        return std::vector<std::string>{"--comune", "Liscate", "--kind", kind, "--settore", "P", "--numero", numero};
    };
    const auto concede = [&](const std::vector<std::string>& where, std::vector<std::string> rest) {
        std::vector<std::string> args = {"concede"};
        args.insert(args.end(), where.begin(), where.end());
        args.insert(args.end(), {"--holder", "Pèrego,Lucia,PRGLCU60A41F205K"});
        args.insert(args.end(), rest.begin(), rest.end());
        return with_rules(args);
    };
    office.ok(concede(place("ossario", "1"), {"--on", "2025-06-02", "--deed", "O-1"}));
    office.ok(concede(place("tomba_famiglia", "2"), {"--on", "2025-03-01", "--deed", "T-1"}));
    office.ok(concede(place("ossario", "3"), {"--on", "2025-06-02", "--deed", "O-2", "--pagamento", "2025-06-02"}));

    SECTION("not-started: table, csv and json, with what each waits for, no tax codes") {
        const auto table = office.ok(with_rules({"not-started", "--comune", "Liscate"}));
        CHECK_THAT(table.out, Catch::Contains("Attende"));
        CHECK_THAT(table.out, Catch::Contains("il pagamento"));
        CHECK_THAT(table.out, Catch::Contains("il decesso"));
        CHECK_THAT(table.out, Catch::Contains("02/06/2025"));
        CHECK_THAT(table.out, Catch::Contains("Pèrego Lucia"));
        CHECK(table.out.find("O-2") == std::string::npos);
        CHECK(table.out.find("PRGLCU60A41F205K") == std::string::npos);
        // Signing order: the tomb signed first.
        CHECK(table.out.find("T-1") < table.out.find("O-1"));

        const auto csv = csv_rows(office.ok(with_rules({"not-started", "--format", "csv"})).out);
        REQUIRE(csv.size() == 3);
        CHECK(csv[0] == std::vector<std::string>{"comune", "cimitero", "ubicazione", "tipo", "numero_concessione",
                                                 "stipula", "durata_anni", "attende", "concessionari", "defunti"});
        CHECK(csv[1][4] == "T-1");
        CHECK(csv[1][7] == "decesso");
        CHECK(csv[2][4] == "O-1");
        CHECK(csv[2][3] == "ossario");
        CHECK(csv[2][5] == "2025-06-02");
        CHECK(csv[2][6] == "20");
        CHECK(csv[2][7] == "pagamento");

        const auto j = json::parse(office.ok(with_rules({"not-started", "--format", "json"})).out);
        REQUIRE(j.size() == 2);
        CHECK(j[1]["numero_concessione"] == "O-1");
        CHECK(j[1]["attende"] == "pagamento");
        CHECK(j[1]["durata_anni"] == 20);
        CHECK(j[1]["concessionari"] == json::array({"Pèrego Lucia"}));
        CHECK(j.dump().find("PRGLCU60A41F205K") == std::string::npos);

        CHECK(json::parse(office.ok(with_rules({"not-started", "--comune", "Bellinzago Lombardo", "--format", "json"})).out)
                  .empty());
    }
    SECTION("pay: the term starts at the payment, kept in the history; refused with its reason") {
        check_refused(office.run(with_rules({"pay", "O-1", "--comune", "Liscate", "--on", "2025-06-01"})),
                      "non può precedere la stipula dell'atto (02/06/2025) [before_signing]");
        check_refused(office.run(with_rules({"pay", "O-1", "--comune", "Liscate", "--on", "2099-01-01"})),
                      "[after_today]");
        check_refused(office.run(with_rules({"pay", "T-1", "--comune", "Liscate", "--on", "2025-06-20"})),
                      "decorre dal decesso, non dal pagamento");
        check_refused(office.run(with_rules({"pay", "O-2", "--comune", "Liscate", "--on", "2025-06-20"})),
                      "il pagamento è già registrato");
        const auto paid = office.ok(with_rules({"pay", "O-1", "--comune", "Liscate", "--on", "2025-06-20"}));
        CHECK_THAT(paid.out, Catch::Contains("expires 2045-06-20"));
        check_refused(office.run(with_rules({"pay", "O-1", "--comune", "Liscate", "--on", "2025-06-21"})),
                      "[payment_recorded]");
        const auto history = office.ok({"history", "O-1", "--comune", "Liscate"});
        CHECK_THAT(history.out, Catch::Contains("pay"));
        CHECK_THAT(history.out, Catch::Contains("Pagamento registrato il 20/06/2025: decorrenza dal 20/06/2025, "
                                                "scadenza 20/06/2045 (art. 11 c.2)"));
        const auto left = csv_rows(office.ok(with_rules({"not-started", "--format", "csv"})).out);
        REQUIRE(left.size() == 2);
        CHECK(left[1][4] == "T-1");
        const auto missing = office.run(with_rules({"pay", "X-9", "--comune", "Liscate", "--on", "2025-06-20"}));
        CHECK(missing.exit_code != 0);
        CHECK(missing.exit_code != 1);
    }
    SECTION("concede --rinuncia-proroga: granted where declinable, refused where not") {
        const auto tomb = office.ok(concede(place("tomba_famiglia", "4"),
                                            {"--on", "2021-03-01", "--deceased", "Bassi,Aldo", "--died", "2021-02-26",
                                             "--buried", "2021-03-01", "--rinuncia-proroga"}));
        // 40 years from the death, not from the burial.
        CHECK_THAT(tomb.out, Catch::Contains("expires 2061-02-26"));
        const auto extended = office.ok(concede(place("tomba_famiglia", "5"),
                                                {"--on", "2021-03-01", "--deceased", "Bassi,Rina", "--died",
                                                 "2021-02-26", "--buried", "2021-03-01"}));
        CHECK_THAT(extended.out, Catch::Contains("expires 2061-03-01"));
        check_refused(office.run(concede(place("cappella", "6"), {"--on", "2021-03-01", "--deceased", "Bassi,Ugo",
                                                                  "--died", "2021-02-26", "--rinuncia-proroga"})),
                      "[extension_not_declinable]");
        check_refused(office.run(concede(place("tomba_famiglia", "7"), {"--on", "2021-03-01", "--rinuncia-proroga"})),
                      "l'atto non indica un defunto");
    }
}
