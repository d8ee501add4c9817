// The `cemetery` program as clerks and scripts use it (issue 3, "The command line"):
// every command, every exit code, the exact CSV and JSON that scripts read.
#include "cli/run.hpp"
#include "support.hpp"

#include <cemetery/csv.hpp>
#include <cemetery/demo_register.hpp>
#include <cemetery/regulation_loader.hpp>
#include <cemetery/union_data.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>

using nlohmann::json;
using test::CliResult;

namespace {

const std::string sample = CEMETERY_TEST_DATA_DIR "/registro-esempio.csv";
const std::string more = CEMETERY_TEST_DATA_DIR "/import/registro.utf8.puntoevirgola.lf.csv";

const std::string list_header =
    "comune,cimitero,ubicazione,tipo,numero_concessione,decorrenza,scadenza,concessionari,defunti";

// Two more concessions for the lists: a Liscate loculo expiring on the same day as
// E-1987-031, with two holders, and one in Truccazzano's own cemetery.
const std::string two_more =
    "Comune;Cimitero;Tipo;Settore;Fila;Numero;Piano;Numero_Concessione;Data_Concessione;Durata_Anni;"
    "Concessionario_Cognome;Concessionario_Nome;Defunto_Cognome;Defunto_Nome;Defunto_Data_Morte;Data_Sepoltura\n"
    "Liscate;;Loculo;E;2;13;3;E-1987-030;02/09/1987;30;Cazzaniga;Elsa;Cazzaniga;Rina;31/08/1987;02/09/1987\n"
    "Liscate;;Loculo;E;2;13;3;E-1987-030;02/09/1987;30;Cazzaniga;Bruno;;;;\n"
    "Truccazzano;;Loculo;A;1;1;1;T-1980-001;01/06/1980;30;;;Bassi;Aldo;30/05/1980;01/06/1980\n";

// A clerk's office: a register file of its own in a temporary directory.
struct Office {
    test::TempDir dir;
    std::filesystem::path db = dir.file("registro.sqlite");

    CliResult run(std::vector<std::string> args) const { return test::cemetery(db, std::move(args)); }

    // Imports files through the program, which must accept them.
    void import(const std::string& file) const {
        const auto r = run({"import", file});
        INFO(r);
        REQUIRE(r.exit_code == 0);
    }
    void with_sample() const { import(sample); }
    // The sample, the same register in another file and two_more: ten expired by 2100.
    void with_lists() const {
        import(sample);
        import(more);
        const auto extra = dir.file("altri.csv");
        test::write_file(extra, two_more);
        import(extra.string());
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

json parse_json(const CliResult& r) {
    INFO(r);
    REQUIRE(r.exit_code == 0);
    json j;
    REQUIRE_NOTHROW(j = json::parse(r.out));
    return j;
}

std::vector<std::string> keys_of(const json& object) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : object.items()) keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    return keys;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator)) parts.push_back(part);
    return parts;
}

// A usage error is caught before the register is opened: nothing is created.
void check_usage_error(const Office& office, const std::vector<std::string>& args) {
    const auto r = office.run(args);
    INFO(r);
    CHECK(r.exit_code == 2);
    CHECK_FALSE(r.err.empty());
    CHECK_FALSE(std::filesystem::exists(office.db));
}

}  // namespace

// --- Every command --------------------------------------------------------------

TEST_CASE("a list needs a register; init makes one with the Union's comuni", "[cli]") {
    Office office;
    const auto missing = office.run({"expired", "--as-of", "2020-12-31", "--format", "csv"});
    INFO(missing);
    CHECK(missing.exit_code == 4);
    CHECK(missing.out.empty());
    CHECK_FALSE(std::filesystem::exists(office.db));
    REQUIRE(office.run({"init"}).exit_code == 0);
    const auto r = office.run({"expired", "--as-of", "2020-12-31", "--format", "csv"});
    INFO(r);
    CHECK(r.exit_code == 0);
    CHECK(r.out_lines() == std::vector<std::string>{list_header});
    const auto comune = office.run({"expired", "--comune", "Truccazzano", "--as-of", "2020-12-31"});
    CHECK(comune.exit_code == 0);
}

TEST_CASE("the register file is --db, else $CEMETERY_DB, else the user's data directory", "[cli]") {
    test::TempDir dir;
    SECTION("--db wins over $CEMETERY_DB") {
        test::CliRun run;
        run.db = dir.file("env.sqlite");
        run.args = {"--db", dir.file("option.sqlite").string(), "import", sample};
        const auto r = test::run_cli(run);
        INFO(r);
        CHECK(r.exit_code == 0);
        CHECK(std::filesystem::exists(dir.file("option.sqlite")));
        CHECK_FALSE(std::filesystem::exists(dir.file("env.sqlite")));
    }
    SECTION("without either, $XDG_DATA_HOME/cemetery/registro.sqlite") {
        test::CliRun run;
        run.env = {{"XDG_DATA_HOME", dir.path().string()}};
        run.args = {"import", sample};
        const auto r = test::run_cli(run);
        INFO(r);
        CHECK(r.exit_code == 0);
        CHECK(std::filesystem::exists(dir.path() / "cemetery" / "registro.sqlite"));
    }
}

TEST_CASE("search finds the deceased whatever the accents, in every format", "[cli]") {
    Office office;
    office.with_sample();
    SECTION("a table for people") {
        const auto r = office.run({"search", "vigano"});
        INFO(r);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("Viganò Angela") && Catch::Contains("Viganò Luigi") &&
                              Catch::Contains("E-1968-004"));
    }
    SECTION("CSV with at least the keys the issue names") {
        const auto r = office.run({"search", "Viganò", "--format", "csv"});
        INFO(r);
        REQUIRE(r.exit_code == 0);
        const auto rows = csv_rows(r.out);
        REQUIRE(rows.size() == 2);  // the header and the one family tomb
        for (const char* key : {"comune", "cimitero", "ubicazione", "tipo", "numero_concessione", "scadenza",
                                "defunti", "concessionari"}) {
            CAPTURE(key);
            CHECK(std::find(rows[0].begin(), rows[0].end(), key) != rows[0].end());
        }
        const auto deed = std::find(rows[0].begin(), rows[0].end(), "numero_concessione") - rows[0].begin();
        CHECK(rows[1][static_cast<std::size_t>(deed)] == "E-1968-004");
    }
    SECTION("JSON that parses") {
        const auto j = parse_json(office.run({"search", "cereda", "--format", "json"}));
        REQUIRE(j.is_array());
        REQUIRE(j.size() == 1);
        CHECK(j[0]["numero_concessione"] == "E-2002-077");
        CHECK(j[0]["comune"] == "Bellinzago Lombardo");
    }
    SECTION("only in one comune") {
        const auto r = office.run({"search", "vigano", "--comune", "Bellinzago Lombardo", "--format", "csv"});
        INFO(r);
        CHECK(r.exit_code == 0);
        CHECK(csv_rows(r.out).size() == 1);  // the header only
    }
}

TEST_CASE("search says through which holder a concession was found, and how many there are past the limit",
          "[cli]") {
    Office office;
    office.with_sample();
    SECTION("a holder's name in JSON") {
        // Viganò Piero holds the family tomb of Angela and Luigi.
        const auto j = parse_json(office.run({"search", "piero", "--format", "json"}));
        REQUIRE(j.size() == 1);
        CHECK(j[0]["numero_concessione"] == "E-1968-004");
        CHECK(j[0]["trovato_tramite"] == "concessionario");
        CHECK(j[0]["concessionario_trovato"] == "Viganò Piero");
        const auto by_deceased = parse_json(office.run({"search", "angela", "--format", "json"}));
        REQUIRE(by_deceased.size() == 1);
        CHECK(by_deceased[0]["trovato_tramite"] == "defunto");
        CHECK(by_deceased[0]["concessionario_trovato"].is_null());
    }
    SECTION("the count when the limit cuts the list") {
        const auto all = parse_json(office.run({"search", "e", "--format", "json"}));
        REQUIRE(all.size() > 1);
        const auto r = office.run({"search", "e", "--limit", "1"});
        INFO(r);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.err, Catch::Contains("1 of " + std::to_string(all.size()) + " results shown"));
        CHECK(office.run({"search", "angela"}).err.empty());
    }
}

TEST_CASE("show prints one concession with the explanation of its expiry", "[cli]") {
    Office office;
    office.with_sample();
    const auto r = office.run({"show", "E-1987-031", "--comune", "Liscate", "--as-of", "2020-01-01"});
    INFO(r);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("E-1987-031") && Catch::Contains("02/09/2017") &&
                          Catch::Contains("scaduta") && Catch::Contains("Cazzaniga Ercole"));
    // The explanation in the clerk's language, like the rest of the card.
    CHECK_THAT(r.out, Catch::Contains("Perché:         scade il 02/09/2017: stipulata il 02/09/1987, loculo, 30 anni, "
                                      "durata propria dell'atto"));
}

TEST_CASE("show --format json carries the keys the issue lists", "[cli]") {
    Office office;
    office.with_sample();
    SECTION("a perpetual family tomb: scadenza is null") {
        const auto j = parse_json(office.run({"show", "E-1968-004", "--comune", "Liscate", "--format", "json"}));
        for (const char* key : {"comune", "numero_concessione", "tipo", "decorrenza", "scadenza", "perpetua", "stato",
                                "rinnovi", "concessionari", "defunti", "spiegazione_scadenza"}) {
            CAPTURE(key);
            CHECK(j.contains(key));
        }
        CHECK(j["comune"] == "Liscate");
        CHECK(j["numero_concessione"] == "E-1968-004");
        CHECK(j["tipo"] == "tomba_famiglia");
        CHECK(j["decorrenza"] == "1968-04-15");
        CHECK(j["scadenza"].is_null());
        CHECK(j["perpetua"] == true);
        CHECK(j["stato"] == "perpetua");
        CHECK(j["rinnovi"] == json::array());
        REQUIRE(j["defunti"].size() == 2);
        CHECK(j["defunti"][1]["nome"] == "Luigi");
        CHECK(j["concessionari"].size() == 1);
        CHECK(j["spiegazione_scadenza"] == "perpetua: stipulata il 15/04/1968, tomba di famiglia, concessione perpetua");
    }
    SECTION("a renewed loculo lists its renewal as {data, anni, scadenza}") {
        REQUIRE(office.run({"renew", "E-1987-031", "--comune", "Liscate", "--on", "2022-01-10"}).exit_code == 0);
        const auto j = parse_json(
            office.run({"show", "E-1987-031", "--comune", "Liscate", "--as-of", "2022-01-10", "--format", "json"}));
        CHECK(j["scadenza"] == "2027-09-02");
        CHECK(j["perpetua"] == false);
        CHECK(j["stato"] == "in corso");
        REQUIRE(j["rinnovi"].size() == 1);
        CHECK(j["rinnovi"][0]["data"] == "2022-01-10");
        CHECK(j["rinnovi"][0]["anni"] == 10);
        CHECK(j["rinnovi"][0]["scadenza"] == "2027-09-02");
    }
    SECTION("the status is that of --as-of, and of today without it") {
        const auto then = parse_json(
            office.run({"show", "E-2002-077", "--comune", "Bellinzago Lombardo", "--as-of", "2022-11-11",
                        "--format", "json"}));
        CHECK(then["stato"] == "in corso");  // valid through its expiry day
        const auto after = parse_json(
            office.run({"show", "E-2002-077", "--comune", "Bellinzago Lombardo", "--as-of", "2022-11-12",
                        "--format", "json"}));
        CHECK(after["stato"] == "scaduta");
        const auto now =
            parse_json(office.run({"show", "E-2002-077", "--comune", "Bellinzago Lombardo", "--format", "json"}));
        CHECK(now["al"] == cemetery::to_iso(cemetery::today()));
    }
}

TEST_CASE("renew prints the new expiry, counted from the old one", "[cli]") {
    Office office;
    office.with_sample();
    // Expired on 02/09/2017, renewed late under Unione 2020: +10 years from the expiry.
    const auto r = office.run({"renew", "E-1987-031", "--comune", "liscate", "--on", "2022-01-10", "--deed", "R-7"});
    INFO(r);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("2027-09-02"));
    CHECK_THAT(r.out, Catch::Contains("tariffa non configurata"));
}

TEST_CASE("a renewal the rules refuse ends with 1 and the reason on stderr", "[cli]") {
    Office office;
    office.with_sample();
    SECTION("a second renewal where Unione 2020 allows one") {
        REQUIRE(office.run({"renew", "E-1987-031", "--comune", "Liscate", "--on", "2022-01-10"}).exit_code == 0);
        const auto r = office.run({"renew", "E-1987-031", "--comune", "Liscate", "--on", "2023-01-10"});
        INFO(r);
        CHECK(r.exit_code == 1);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Catch::Contains("Unione 2020") && Catch::Contains("1 rinnovo"));
        const auto j =
            parse_json(office.run({"show", "E-1987-031", "--comune", "Liscate", "--format", "json"}));
        CHECK(j["rinnovi"].size() == 1);
        CHECK(j["scadenza"] == "2027-09-02");
    }
    SECTION("Truccazzano after it left the Union: no rules are known, so no guess") {
        const auto r = office.run({"renew", "E-2008-019", "--comune", "Truccazzano", "--on", "2024-06-01"});
        INFO(r);
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Catch::Contains("Truccazzano") && Catch::Contains("01/06/2024"));
    }
    SECTION("a perpetual concession") {
        const auto r = office.run({"renew", "E-1968-004", "--comune", "Liscate", "--on", "2022-01-10"});
        INFO(r);
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Catch::Contains("perpetua"));
    }
}

TEST_CASE("expired --format csv has the exact header, sorted rows and RFC 4180 quoting", "[cli]") {
    Office office;
    office.with_lists();
    const auto r = office.run({"expired", "--as-of", "2100-01-01", "--format", "csv"});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.substr(0, list_header.size() + 2) == list_header + "\r\n");
    const auto rows = csv_rows(r.out);
    REQUIRE(rows.size() == 11);
    CHECK(rows[0] == split(list_header, ','));

    SECTION("sorted by comune, cemetery, expiry, deed number") {
        std::vector<std::string> deeds;
        for (std::size_t i = 1; i < rows.size(); ++i) deeds.push_back(rows[i][4]);
        CHECK(deeds == std::vector<std::string>{"E-2002-077", "E-1983-140", "B-2022-005",  // Bellinzago
                                                "L-1985-020", "E-1987-030", "E-1987-031",  // Liscate
                                                "E-2004-112",                              // Pozzuolo: Trecella
                                                "E-2008-019", "T-2010-033",                // Truccazzano: Albignano
                                                "T-1980-001"});                            // ... then Truccazzano
        for (std::size_t i = 2; i < rows.size(); ++i) {
            CAPTURE(i);
            CHECK(std::tie(rows[i - 1][0], rows[i - 1][1], rows[i - 1][6], rows[i - 1][4]) <
                  std::tie(rows[i][0], rows[i][1], rows[i][6], rows[i][4]));
        }
    }
    SECTION("ISO dates, codes for the kind, several names joined with \" | \"") {
        const auto& row = rows[5];  // E-1987-030
        CHECK(row == std::vector<std::string>{"Liscate", "Liscate", "sett. E, fila 2, n. 13, piano 3", "loculo",
                                              "E-1987-030", "1987-09-02", "2017-09-02",
                                              "Cazzaniga Elsa | Cazzaniga Bruno", "Cazzaniga Rina"});
        CHECK(rows[4][8] == "Pèrego Ambrogio | Dell'Orto Maria, detta Mariuccia");
    }
    SECTION("a name with quotes is quoted and its quotes doubled") {
        CHECK_THAT(r.out, Catch::Contains(",\"Cereda Giovanni \"\"Nanni\"\"\"\r\n"));
        CHECK(rows[1][8] == "Cereda Giovanni \"Nanni\"");
    }
    SECTION("perpetual concessions are never on the list") {
        for (const auto& row : rows) {
            CHECK(row[4] != "E-1968-004");
            CHECK(row[4] != "P-1971-010");
        }
    }
}

TEST_CASE("a concession is on the expired list from the day after its expiry", "[cli]") {
    Office office;
    office.with_sample();
    auto deeds_on = [&](const std::string& as_of) {
        const auto r = office.run({"expired", "--comune", "Bellinzago Lombardo", "--as-of", as_of, "--format", "csv"});
        INFO(r);
        REQUIRE(r.exit_code == 0);
        std::vector<std::string> deeds;
        const auto rows = csv_rows(r.out);
        for (std::size_t i = 1; i < rows.size(); ++i) deeds.push_back(rows[i][4]);
        return deeds;
    };
    CHECK(deeds_on("2022-11-11").empty());  // E-2002-077 expires on 11/11/2022: still valid that day
    CHECK(deeds_on("2022-11-12") == std::vector<std::string>{"E-2002-077"});
}

TEST_CASE("expired --format json is an array of objects with the CSV's keys", "[cli]") {
    Office office;
    office.with_lists();
    const auto csv = csv_rows(office.run({"expired", "--as-of", "2100-01-01", "--format", "csv"}).out);
    const auto j = parse_json(office.run({"expired", "--as-of", "2100-01-01", "--format", "json"}));
    REQUIRE(j.is_array());
    REQUIRE(j.size() == csv.size() - 1);
    for (std::size_t i = 0; i < j.size(); ++i) {
        CAPTURE(i);
        CHECK(keys_of(j[i]) == sorted(split(list_header, ',')));
        CHECK(j[i]["numero_concessione"] == csv[i + 1][4]);
        CHECK(j[i]["scadenza"] == csv[i + 1][6]);
    }
    CHECK(j[4]["concessionari"] == json{"Cazzaniga Elsa", "Cazzaniga Bruno"});
    CHECK(j[0]["defunti"] == json{"Cereda Giovanni \"Nanni\""});

    SECTION("an empty list is an empty array") {
        const auto none = parse_json(office.run({"expired", "--as-of", "1990-01-01", "--format", "json"}));
        CHECK(none == json::array());
    }
}

TEST_CASE("expiring lists what expires within N days, in the list's formats", "[cli]") {
    Office office;
    office.with_sample();
    const auto r = office.run({"expiring", "--days", "10", "--from", "2022-11-01", "--format", "csv"});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    const auto rows = csv_rows(r.out);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == split(list_header, ','));
    CHECK(rows[1][4] == "E-2002-077");
    CHECK(rows[1][6] == "2022-11-11");

    CHECK(csv_rows(office.run({"expiring", "--days", "9", "--from", "2022-11-01", "--format", "csv"}).out).size() == 1);
    const auto j = parse_json(office.run({"expiring", "--days", "10", "--from", "2022-11-01", "--format", "json"}));
    REQUIRE(j.size() == 1);
    CHECK(keys_of(j[0]) == sorted(split(list_header, ',')));
    const auto table = office.run({"expiring", "--days", "10", "--from", "2022-11-01"});
    CHECK(table.exit_code == 0);
    CHECK_THAT(table.out, Catch::Contains("11/11/2022"));
}

TEST_CASE("the --comune option takes the name whatever its case and accents", "[cli]") {
    Office office;
    office.with_sample();
    const auto exact = office.run({"expired", "--comune", "Pozzuolo Martesana", "--as-of", "2100-01-01", "--format", "csv"});
    REQUIRE(exact.exit_code == 0);
    REQUIRE(csv_rows(exact.out).size() == 2);  // E-2004-112
    for (const char* written : {"pozzuolo martesana", "POZZUOLO MARTESANA", "Pòzzuolo Martesanà"}) {
        CAPTURE(written);
        const auto r = office.run({"expired", "--comune", written, "--as-of", "2100-01-01", "--format", "csv"});
        INFO(r);
        CHECK(r.exit_code == 0);
        CHECK(r.out == exact.out);
    }
    const auto show = office.run({"show", "E-2004-112", "--comune", "POZZUOLO martesana"});
    CHECK(show.exit_code == 0);
}

TEST_CASE("expired --output writes the list to a file, the same bytes as on the screen", "[cli]") {
    Office office;
    office.with_sample();
    const auto screen = office.run({"expired", "--as-of", "2100-01-01", "--format", "csv"});
    const auto out = office.dir.file("scadute.csv");
    const auto r = office.run({"expired", "--as-of", "2100-01-01", "--format", "csv", "--output", out.string()});
    INFO(r);
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("5 concessions"));
    CHECK(test::file_bytes(out) == screen.out);
    CHECK_FALSE(std::filesystem::exists(out.string() + ".part"));
}

TEST_CASE("the dates --as-of and --from default to today", "[cli]") {
    Office office;
    office.with_lists();
    const std::string today = cemetery::to_iso(cemetery::today());
    SECTION("expired") {
        const auto implicit = office.run({"expired", "--format", "csv"});
        const auto explicit_today = office.run({"expired", "--as-of", today, "--format", "csv"});
        REQUIRE(implicit.exit_code == 0);
        CHECK(implicit.out == explicit_today.out);
        // The list does depend on the date, so the comparison means something.
        CHECK(implicit.out != office.run({"expired", "--as-of", "2000-01-01", "--format", "csv"}).out);
        CHECK(implicit.out != office.run({"expired", "--as-of", "2100-01-01", "--format", "csv"}).out);
    }
    SECTION("expiring") {
        const auto implicit = office.run({"expiring", "--days", "36500", "--format", "csv"});
        const auto explicit_today = office.run({"expiring", "--days", "36500", "--from", today, "--format", "csv"});
        REQUIRE(implicit.exit_code == 0);
        CHECK(implicit.out == explicit_today.out);
        CHECK(implicit.out != office.run({"expiring", "--days", "36500", "--from", "2000-01-01", "--format", "csv"}).out);
    }
}

TEST_CASE("demo fills a new register with generated concessions", "[cli]") {
    Office office;
    const auto r = office.run({"demo", "--concessions", "300"});
    INFO(r);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("300 concessions"));
    const auto expired = office.run({"expired", "--as-of", "2100-01-01", "--format", "csv"});
    CHECK(csv_rows(expired.out).size() > 100);
    // A new concession finds room: every cemetery has free plots of every kind.
    CHECK_THAT(r.out, Catch::Contains("free plots"));
    for (const char* kind : {"loculo", "ossario", "cinerario", "tomba_famiglia", "cappella", "fossa", "campo_comune"}) {
        CAPTURE(kind);
        const auto free = office.run({"plots", "free", "--comune", "Pozzuolo Martesana", "--cemetery", "Trecella",
                                      "--kind", kind, "--format", "csv"});
        REQUIRE(free.exit_code == 0);
        CHECK(csv_rows(free.out).size() >= 3);  // the header and two places or more
    }

    SECTION("but not a register that already holds concessions") {
        const auto again = office.run({"demo", "--concessions", "300"});
        INFO(again);
        CHECK(again.exit_code == 3);
        CHECK_THAT(again.err, Catch::Contains("300"));
    }
}

TEST_CASE("the demo data written as a register export and imported gives the same expired lists", "[cli]") {
    test::TempDir dir;
    const auto file = dir.file("demo.csv");
    const auto regulation = cemetery::load_regulation(test::shipped_regulation_path());
    const auto data = cemetery::load_union_data(CEMETERY_SOURCE_DIR "/data/unione.toml");
    cemetery::DemoOptions options;
    options.seed = 77;
    options.concessions = 300;
    options.today = cemetery::today();  // as the demo command does
    {
        std::ofstream out(file, std::ios::binary);
        cemetery::write_demo_register(out, regulation, data, options);
        REQUIRE(out);
    }
    const auto a = dir.file("a.sqlite");
    const auto b = dir.file("b.sqlite");
    const auto imported = test::cemetery(a, {"import", file.string()});
    INFO(imported);
    REQUIRE(imported.exit_code == 0);
    const auto demo = test::cemetery(b, {"demo", "--seed", "77", "--concessions", "300"});
    INFO(demo);
    REQUIRE(demo.exit_code == 0);

    for (const char* as_of : {"1990-01-01", "2020-12-31", "2100-01-01"}) {
        CAPTURE(as_of);
        const auto from_a = test::cemetery(a, {"expired", "--as-of", as_of, "--format", "csv"});
        const auto from_b = test::cemetery(b, {"expired", "--as-of", as_of, "--format", "csv"});
        REQUIRE(from_a.exit_code == 0);
        CHECK(from_a.out == from_b.out);
    }
    CHECK(csv_rows(test::cemetery(a, {"expired", "--as-of", "2100-01-01", "--format", "csv"}).out).size() > 100);
    const auto expiring_a = test::cemetery(a, {"expiring", "--days", "3650", "--from", "2020-01-01", "--format", "json"});
    const auto expiring_b = test::cemetery(b, {"expiring", "--days", "3650", "--from", "2020-01-01", "--format", "json"});
    CHECK(expiring_a.out == expiring_b.out);
}

// --- Exit codes -----------------------------------------------------------------

TEST_CASE("wrong usage ends with 2 and touches no register", "[cli]") {
    Office office;
    SECTION("an unknown option") { check_usage_error(office, {"--bogus", "expired"}); }
    SECTION("an unknown command") { check_usage_error(office, {"export"}); }
    SECTION("no command") { check_usage_error(office, {}); }
    SECTION("an option without its argument") { check_usage_error(office, {"expired", "--as-of"}); }
    SECTION("a date not in ISO form") { check_usage_error(office, {"expired", "--as-of", "31/12/2020"}); }
    SECTION("an impossible date") { check_usage_error(office, {"expiring", "--days", "5", "--from", "2021-02-29"}); }
    SECTION("an unknown format") { check_usage_error(office, {"expired", "--format", "xml"}); }
    SECTION("show has no csv") { check_usage_error(office, {"show", "E-1", "--comune", "Liscate", "--format", "csv"}); }
    SECTION("show without --comune") { check_usage_error(office, {"show", "E-1987-031"}); }
    SECTION("expiring without --days") { check_usage_error(office, {"expiring"}); }
    SECTION("renew on a date that is not one") {
        check_usage_error(office, {"renew", "E-1", "--comune", "Liscate", "--on", "ieri"});
    }
    SECTION("--skip-invalid without --rejects") { check_usage_error(office, {"import", sample, "--skip-invalid"}); }
}

TEST_CASE("an unknown comune or deed number ends with 3", "[cli]") {
    Office office;
    office.with_sample();
    SECTION("show in a comune outside the Union") {
        const auto r = office.run({"show", "E-1987-031", "--comune", "Milano"});
        INFO(r);
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains("Milano") && Catch::Contains("Liscate"));
    }
    SECTION("a list for a comune outside the Union") {
        const auto r = office.run({"expired", "--comune", "Gorgonzola"});
        CHECK(r.exit_code == 3);
        CHECK(r.out.empty());
    }
    SECTION("a deed number the comune does not have") {
        const auto r = office.run({"show", "E-1987-031", "--comune", "Bellinzago Lombardo"});
        INFO(r);
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains("E-1987-031"));
    }
    SECTION("renewing a deed that does not exist") {
        const auto r = office.run({"renew", "X-0", "--comune", "Liscate", "--on", "2022-01-10"});
        CHECK(r.exit_code == 3);
    }
}

TEST_CASE("a file that is not a register ends with 4 and is left alone", "[cli]") {
    Office office;
    const std::string garbage = "this is a spreadsheet, not a register\n" + std::string(5000, 'x');
    test::write_file(office.db, garbage);
    const auto r = office.run({"expired", "--as-of", "2020-12-31"});
    INFO(r);
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains(office.db.string()));
    CHECK(test::file_bytes(office.db) == garbage);
    CHECK(office.run({"import", sample}).exit_code == 4);
    CHECK(test::file_bytes(office.db) == garbage);
}

TEST_CASE("a register written by a newer program ends with 4 and is not changed", "[cli]") {
    Office office;
    office.with_sample();
    const auto set = test::run_program("sqlite3", {office.db.string(), "PRAGMA user_version = 999;"});
    INFO(set);
    REQUIRE(set.exit_code == 0);
    const auto before = test::file_bytes(office.db);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"expired", "--as-of", "2100-01-01"},
             {"import", CEMETERY_TEST_DATA_DIR "/import/registro.utf8.puntoevirgola.lf.csv"},
             {"renew", "E-1987-031", "--comune", "Liscate", "--on", "2022-01-10"}}) {
        CAPTURE(args);
        const auto r = office.run(args);
        INFO(r);
        CHECK(r.exit_code == 4);
        CHECK_THAT(r.err, Catch::Contains("newer"));
        CHECK(r.out.empty());
    }
    CHECK(test::file_bytes(office.db) == before);
    CHECK(test::run_program("sqlite3", {office.db.string(), "PRAGMA user_version;"}).out == "999\n");
}

TEST_CASE("a register the user may not write ends with 4", "[cli]") {
    if (::geteuid() == 0) {
        WARN("running as root: file permissions do not stop root, so this test cannot fail here");
        return;
    }
    Office office;
    office.with_sample();
    SECTION("a read-only file") {
        std::filesystem::permissions(office.db, std::filesystem::perms::owner_read);
        const auto before = test::file_bytes(office.db);
        const auto r = office.run({"renew", "E-1987-031", "--comune", "Liscate", "--on", "2022-01-10"});
        INFO(r);
        CHECK(r.exit_code == 4);
        CHECK(test::file_bytes(office.db) == before);
        std::filesystem::permissions(office.db, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    }
    SECTION("a new register in a read-only directory") {
        const auto locked = office.dir.file("chiusa");
        std::filesystem::create_directory(locked);
        std::filesystem::permissions(locked, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
        const auto r = test::cemetery(locked / "registro.sqlite", {"expired", "--as-of", "2020-12-31"});
        INFO(r);
        CHECK(r.exit_code == 4);
        std::filesystem::permissions(locked, std::filesystem::perms::owner_all);
    }
}

TEST_CASE("search takes the words as typed, quoted or not", "[cli][search_words]") {
    Office office;
    office.with_sample();
    const auto quoted = office.run({"search", "viganò ang", "--format", "csv"});
    const auto typed = office.run({"search", "viganò", "ang", "--format", "csv"});
    INFO(quoted);
    INFO(typed);
    REQUIRE(quoted.exit_code == 0);
    REQUIRE(typed.exit_code == 0);
    CHECK(typed.out == quoted.out);
    CHECK(csv_rows(typed.out).size() == 2);  // both words narrow it: the family tomb only
    // A second word that matches nothing leaves nothing, as in the desktop's field.
    const auto none = office.run({"search", "viganò", "zzz", "--format", "csv"});
    CHECK(csv_rows(none.out).size() == 1);
}

TEST_CASE("a table fits the terminal: long columns cut with an ellipsis, csv and json whole", "[cli][table_width]") {
    Office office;
    office.with_lists();
    test::CliRun narrow;
    narrow.db = office.db;
    narrow.args = {"expired", "--as-of", "2100-01-01"};
    narrow.env = {{"COLUMNS", "80"}};
    const auto cut = test::run_cli(narrow);
    INFO(cut);
    REQUIRE(cut.exit_code == 0);
    const auto code_points = [](const std::string& line) {
        return std::count_if(line.begin(), line.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    };
    const auto lines = cut.out_lines();
    REQUIRE(lines.size() > 3);
    for (const auto& line : lines) {
        CAPTURE(line);
        CHECK(code_points(line) <= 80);
    }
    CHECK_THAT(cut.out, Catch::Contains("…"));

    // Without a terminal (a pipe, a file) nothing is cut; csv keeps every letter.
    const auto whole = office.run({"expired", "--as-of", "2100-01-01"});
    REQUIRE(whole.exit_code == 0);
    CHECK_THAT(whole.out, !Catch::Contains("…"));
    bool wider = false;
    for (const auto& line : whole.out_lines()) wider = wider || code_points(line) > 80;
    CHECK(wider);
    narrow.args = {"expired", "--as-of", "2100-01-01", "--format", "csv"};
    const auto csv = test::run_cli(narrow);
    CHECK_THAT(csv.out, !Catch::Contains("…"));
}
