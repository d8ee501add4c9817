// `cemetery import` as a clerk runs it on a register from an older program (issue 3,
// "Importing a register: the file"): all or nothing, every problem named as
// FILE:LINE: field: reason, the register byte for byte unchanged after a refusal.
#include "cli/run.hpp"
#include "support.hpp"

#include <cemetery/csv.hpp>
#include <cemetery/text.hpp>

#include <algorithm>
#include <sstream>
#include <unistd.h>

using test::CliResult;

namespace {

const std::string data_dir = CEMETERY_TEST_DATA_DIR;
const std::string sample = data_dir + "/registro-esempio.csv";
const std::string errors_file = data_dir + "/import/errori.csv";      // lines 3, 4 and 5 are wrong
const std::string scattered = data_dir + "/import/sparsa.csv";        // the tomb on lines 2 and 5; 5 is wrong
const std::string another = data_dir + "/import/registro.utf8.puntoevirgola.lf.csv";

struct Office {
    test::TempDir dir;
    std::filesystem::path db = dir.file("registro.sqlite");

    CliResult run(std::vector<std::string> args) const { return test::cemetery(db, std::move(args)); }

    void with_sample() const {
        const auto r = run({"import", sample});
        INFO(r);
        REQUIRE(r.exit_code == 0);
    }

    // The deeds on the expired list of 2100, when every concession that is not
    // perpetual has expired: what the register holds, read through the program.
    [[nodiscard]] std::vector<std::string> deeds() const {
        const auto r = run({"expired", "--as-of", "2100-01-01", "--format", "csv"});
        INFO(r);
        REQUIRE(r.exit_code == 0);
        std::istringstream in(r.out);
        cemetery::CsvReader reader(in, ',');
        std::vector<std::string> fields;
        std::vector<std::string> deeds;
        reader.next(fields);
        while (reader.next(fields)) deeds.push_back(fields.at(4));
        std::sort(deeds.begin(), deeds.end());
        return deeds;
    }
};

// The register file and its write-ahead log as they are on disk, with no program running.
struct OnDisk {
    std::optional<std::string> db;
    std::optional<std::string> wal;
    friend bool operator==(const OnDisk&, const OnDisk&) = default;
};

OnDisk on_disk(const std::filesystem::path& db) {
    return {test::file_bytes(db), test::file_bytes(db.string() + "-wal")};
}

}  // namespace

TEST_CASE("the sample register imports with a summary and the stated-expiry warning", "[cli][import]") {
    Office office;
    const auto r = office.run({"import", sample});
    INFO(r);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("7 rows") && Catch::Contains("Windows-1252") &&
                          Catch::Contains("6 concessions, 7 deceased") && Catch::Contains("1 warnings"));
    REQUIRE(r.err_lines().size() == 1);
    CHECK_THAT(r.err_lines()[0], Catch::StartsWith(sample + ":8: warning: Scadenza: \"01/03/2033\": "));
    CHECK(office.deeds() == std::vector<std::string>{"E-1983-140", "E-1987-031", "E-2002-077", "E-2004-112",
                                                     "E-2008-019"});
}

TEST_CASE("import errors end with 3, each printed as FILE:LINE: field: reason", "[cli][import]") {
    Office office;
    const auto r = office.run({"import", errors_file});
    INFO(r);
    CHECK(r.exit_code == 3);
    const auto lines = r.err_lines();
    REQUIRE(lines.size() == 3);
    CHECK_THAT(lines[0], Catch::StartsWith(errors_file + ":3: Comune: \"Milano\": not a comune"));
    CHECK_THAT(lines[1], Catch::StartsWith(errors_file + ":4: Data_Concessione: \"31/02/1985\": not a date"));
    CHECK_THAT(lines[2], Catch::StartsWith(errors_file + ":5: Concessionario_CF: \"DDACRL60A41G965X\": check letter"));
    CHECK_THAT(r.out, Catch::Contains("3 errors") && Catch::Contains("Nothing was imported"));
    CHECK(office.deeds().empty());  // lines 2 and 6 were good, and are not written either
}

TEST_CASE("a failed import leaves the register byte for byte as it was", "[cli][import]") {
    Office office;
    office.with_sample();
    // The program has ended, so SQLite has checkpointed its log into the file: what is
    // on disk is the whole register. A refused import must not change one byte of it.
    const auto before = on_disk(office.db);
    REQUIRE(before.db);

    SECTION("errors found while checking the rows, good rows around them") {
        const auto r = office.run({"import", errors_file});
        INFO(r);
        REQUIRE(r.exit_code == 3);
        CHECK(on_disk(office.db) == before);
    }
    SECTION("a conflict with the register found while writing, after other concessions went in") {
        // Two good concessions first, then one on the plot the sample's E-1987-031 holds.
        const auto file = office.dir.file("conflitto.csv");
        test::write_file(file,
                         "Comune;Tipo;Settore;Fila;Numero;Piano;Numero_Concessione;Data_Concessione;Durata_Anni\n"
                         "Liscate;Loculo;E;2;20;1;E-1990-001;01/02/1990;30\n"
                         "Liscate;Loculo;E;2;21;1;E-1990-002;01/02/1990;30\n"
                         "Liscate;Loculo;E;2;14;3;E-1995-003;01/02/1995;30\n");
        const auto r = office.run({"import", file.string()});
        INFO(r);
        REQUIRE(r.exit_code == 3);
        REQUIRE(r.err_lines().size() == 1);
        CHECK_THAT(r.err_lines()[0], Catch::StartsWith(file.string() + ":4: Numero: \"14\": "));
        CHECK(on_disk(office.db) == before);
    }
    SECTION("a dry run of a good file") {
        const auto r = office.run({"import", another, "--dry-run"});
        INFO(r);
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("Dry run: nothing was written"));
        CHECK(on_disk(office.db) == before);
    }
    SECTION("while a good import does change it: the comparison can fail") {
        REQUIRE(office.run({"import", another}).exit_code == 0);
        CHECK_FALSE(on_disk(office.db) == before);
    }
}

TEST_CASE("importing the same file twice adds nothing the second time", "[cli][import]") {
    Office office;
    office.with_sample();
    const auto deeds = office.deeds();
    const auto again = office.run({"import", sample});
    INFO(again);
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.out, Catch::Contains("0 concessions, 0 deceased, 0 plots added"));
    CHECK(office.deeds() == deeds);
    const auto show = office.run({"show", "E-1968-004", "--comune", "Liscate"});
    CHECK_THAT(show.out, Catch::Contains("Viganò Luigi"));
    CHECK(show.out.find("Viganò Luigi") == show.out.rfind("Viganò Luigi"));  // once, not twice
}

TEST_CASE("import --skip-invalid writes the good concessions and the rejected rows to --rejects", "[cli][import]") {
    Office office;
    const auto rejects = office.dir.file("scarti.csv");
    const auto r = office.run({"import", scattered, "--skip-invalid", "--rejects", rejects.string()});
    INFO(r);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("2 concessions") && Catch::Contains("2 rows rejected"));
    CHECK_THAT(r.err, Catch::Contains(scattered + ":5: Data_Sepoltura: "));
    // The family tomb E-1968-004 is skipped whole, though its first row was good.
    CHECK(office.deeds() == std::vector<std::string>{"E-1987-031", "E-2004-112"});
    CHECK(office.run({"show", "E-1968-004", "--comune", "Liscate"}).exit_code == 3);

    const auto written = test::file_bytes(rejects);
    REQUIRE(written);
    std::istringstream in(*written);
    cemetery::CsvReader reader(in, ';');
    std::vector<std::string> fields;
    REQUIRE(reader.next(fields));
    CHECK(fields.size() == 21);
    CHECK(fields.front() == "Comune");
    CHECK(fields.back() == "Errore");
    std::vector<std::string> reasons;
    while (reader.next(fields)) {
        REQUIRE(fields.size() == 21);
        CHECK(fields[7] == "E-1968-004");
        reasons.push_back(fields.back());
    }
    REQUIRE(reasons.size() == 2);
    CHECK_THAT(reasons[0], Catch::StartsWith("riga 2: ") && Catch::Contains("line 5"));
    CHECK_THAT(reasons[1], Catch::StartsWith("riga 5: Data_Sepoltura: burial before death"));

    SECTION("the corrected rejects then go in, and the rest is not added twice") {
        std::string corrected = *written;
        const auto at = corrected.find("18/11/1979");
        REQUIRE(at != std::string::npos);
        corrected.replace(at, 10, "22/11/1979");
        const auto file = office.dir.file("corretti.csv");
        test::write_file(file, corrected);
        const auto again = office.run({"import", file.string()});
        INFO(again);
        CHECK(again.exit_code == 0);  // the Errore column is ignored, with a warning
        CHECK_THAT(again.err, Catch::Contains("Errore"));
        CHECK(office.run({"show", "E-1968-004", "--comune", "Liscate"}).exit_code == 0);
    }
}

TEST_CASE("a dry run checks everything, writes nothing and still names every error", "[cli][import]") {
    Office office;
    SECTION("a good file") {
        const auto r = office.run({"import", sample, "--dry-run"});
        INFO(r);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("6 concessions") && Catch::Contains("Dry run"));
        CHECK_FALSE(std::filesystem::exists(office.db));  // not even a new, empty register
    }
    SECTION("a wrong file") {
        const auto r = office.run({"import", errors_file, "--dry-run"});
        INFO(r);
        CHECK(r.exit_code == 3);
        CHECK(r.err_lines().size() == 3);
        CHECK_FALSE(std::filesystem::exists(office.db));
    }
}

TEST_CASE("the command line reads every encoding and separator the issue names", "[cli][import]") {
    const std::string file = GENERATE(as<std::string>{}, "registro.utf8-bom.virgola.lf.csv",
                                      "registro.utf8.tab.crlf.csv", "registro.windows1252.puntoevirgola.crlf.csv",
                                      "registro.utf8.puntoevirgola.lf.csv", "registro.intestazione-mista.csv");
    CAPTURE(file);
    Office office;
    const auto r = office.run({"import", data_dir + "/import/" + file});
    INFO(r);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("4 concessions, 4 deceased"));
    CHECK(r.err.empty());
    CHECK(office.deeds() == std::vector<std::string>{"B-2022-005", "L-1985-020", "T-2010-033"});
    const auto search = office.run({"search", "perego", "--format", "csv"});
    CHECK_THAT(search.out, Catch::Contains("Pèrego Ambrogio | Dell'Orto Maria, detta Mariuccia"));
}

TEST_CASE("a file that cannot be imported ends with 3", "[cli][import]") {
    Office office;
    SECTION("a missing file") {
        const auto r = office.run({"import", office.dir.file("manca.csv").string()});
        INFO(r);
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains("manca.csv"));
    }
    SECTION("a quote never closed") {
        const auto file = office.dir.file("rotto.csv");
        test::write_file(file, "Comune;Tipo;Numero;Numero_Concessione;Data_Concessione\n"
                               "Liscate;Loculo;14;\"E-1;02/09/1987\n");
        const auto r = office.run({"import", file.string()});
        INFO(r);
        CHECK(r.exit_code == 3);
    }
    SECTION("a header without a required column") {
        const auto file = office.dir.file("senza-data.csv");
        test::write_file(file, "Comune;Tipo;Numero;Numero_Concessione\nLiscate;Loculo;14;E-1\n");
        const auto r = office.run({"import", file.string()});
        INFO(r);
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::StartsWith(file.string() + ":1: ") && Catch::Contains("Data_Concessione"));
    }
    SECTION("an empty file") {
        const auto file = office.dir.file("vuoto.csv");
        test::write_file(file, "");
        const auto r = office.run({"import", file.string()});
        INFO(r);
        CHECK(r.exit_code == 3);
    }
}

// --- Files the program must refuse, and say why -----------------------------------

TEST_CASE("a file mixing UTF-8 and Windows-1252 is refused naming each line not in UTF-8", "[cli][import]") {
    Office office;
    office.with_sample();
    const auto before = on_disk(office.db);
    const auto file = office.dir.file("misto.csv");
    std::string text = "Comune;Tipo;Settore;Numero;Numero_Concessione;Data_Concessione;Durata_Anni;Defunto_Cognome\n";
    for (int i = 0; i < 10; ++i) {
        const std::string surname = i == 3 || i == 7 ? "Vigan\xF2" : "Viganò";
        text += "Liscate;Loculo;Z;" + std::to_string(i) + ";Z-" + std::to_string(i) + ";02/09/1987;30;" + surname + "\n";
    }
    test::write_file(file, text);
    const auto r = office.run({"import", file.string()});
    INFO(r);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains(file.string() + ":5: ") && Catch::Contains(file.string() + ":9: "));
    CHECK_THAT(r.err, Catch::Contains("the rest of the file is UTF-8"));
    CHECK_THAT(r.out, Catch::Contains("Nothing was imported"));
    CHECK(on_disk(office.db) == before);

    // Not a row to skip: the whole file is refused, and no rejects file is left.
    const auto rejects = office.dir.file("scarti.csv");
    const auto skipping = office.run({"import", file.string(), "--skip-invalid", "--rejects", rejects.string()});
    INFO(skipping);
    CHECK(skipping.exit_code == 3);
    CHECK_THAT(skipping.out, Catch::Contains("Nothing was imported"));
    CHECK_FALSE(std::filesystem::exists(rejects));
    CHECK_FALSE(std::filesystem::exists(rejects.string() + ".part"));
    CHECK(on_disk(office.db) == before);
}

TEST_CASE("a file saved as UTF-16 is refused saying how to save it", "[cli][import]") {
    Office office;
    const auto file = office.dir.file("unicode.csv");
    const std::string text = "Comune;Tipo;Numero;Numero_Concessione;Data_Concessione;Durata_Anni\r\n"
                             "Liscate;Loculo;14;E-1;02/09/1987;30\r\n";
    std::string bytes = "\xFF\xFE";
    for (const char c : text) bytes += std::string(1, c) + '\0';
    test::write_file(file, bytes);
    const auto r = office.run({"import", file.string()});
    INFO(r);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains(file.string()) && Catch::Contains("UTF-16") &&
                          Catch::Contains("save it as UTF-8 or Windows-1252"));
    CHECK(office.deeds().empty());
}

TEST_CASE("a directory given as the file to import is refused as a directory", "[cli][import]") {
    Office office;
    const auto folder = office.dir.file("cartella");
    std::filesystem::create_directory(folder);
    const auto r = office.run({"import", folder.string()});
    INFO(r);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains(folder.string()) && Catch::Contains("directory"));
    CHECK_THAT(r.err, !Catch::Contains("no such file"));
}

TEST_CASE("a rejects file that cannot be written stops the import before anything is written", "[cli][import]") {
    Office office;
    SECTION("a folder that does not exist") {
        const auto rejects = office.dir.file("manca") / "scarti.csv";
        const auto r = office.run({"import", scattered, "--skip-invalid", "--rejects", rejects.string()});
        INFO(r);
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains(rejects.string()));
        CHECK_THAT(r.err, Catch::Contains("nothing was imported"));
        // The two good concessions are not written without their rejects: not even a register is made.
        CHECK_FALSE(std::filesystem::exists(office.db));
    }
    SECTION("a read-only folder") {
        if (::geteuid() == 0) {
            WARN("running as root: folder permissions do not stop root");
            return;
        }
        const auto locked = office.dir.file("chiusa");
        std::filesystem::create_directory(locked);
        std::filesystem::permissions(locked, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
        const auto rejects = locked / "scarti.csv";
        const auto r = office.run({"import", scattered, "--skip-invalid", "--rejects", rejects.string()});
        std::filesystem::permissions(locked, std::filesystem::perms::owner_all);
        INFO(r);
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains(rejects.string()));
        CHECK_FALSE(std::filesystem::exists(office.db));
    }
}

TEST_CASE("import --tolleranza-giorni lets dates that many days after today through", "[cli][import]") {
    Office office;
    const auto today = cemetery::today();
    const auto file = office.dir.file("domani.csv");
    test::write_file(file, "Comune;Tipo;Numero;Numero_Concessione;Data_Concessione;Defunto_Cognome;Defunto_Data_Morte;"
                           "Data_Sepoltura\n"
                           "Liscate;Loculo;14;E-1;" + cemetery::to_italian(today) + ";Cazzaniga;" +
                           cemetery::to_italian(today) + ";" + cemetery::to_italian(cemetery::add_days(today, 1)) + "\n");
    const auto refused = office.run({"import", file.string()});
    INFO(refused);
    CHECK(refused.exit_code == 3);
    CHECK_THAT(refused.err, Catch::Contains(file.string() + ":2: Data_Sepoltura: ") && Catch::Contains("after today"));
    CHECK(office.run({"import", file.string(), "--tolleranza-giorni", "-1"}).exit_code == 2);
    const auto accepted = office.run({"import", file.string(), "--tolleranza-giorni", "1"});
    INFO(accepted);
    CHECK(accepted.exit_code == 0);
    CHECK(office.deeds() == std::vector<std::string>{"E-1"});
}

TEST_CASE("a family tomb's rows in another order give the same register, as `show` and `history` print it",
          "[cli][import][restart]") {
    // A Truccazzano family tomb under "Truccazzano 2001": 30 years, the term
    // restarting at each later burial; a loculo's row between its rows.
    const std::string header = "Comune;Tipo;Settore;Numero;Numero_Concessione;Data_Concessione;Durata_Anni;"
                               "Concessionario_Cognome;Concessionario_Nome;Defunto_Cognome;Defunto_Nome;"
                               "Defunto_Data_Nascita;Defunto_Data_Morte;Data_Sepoltura\n";
    const std::string tomb = "Truccazzano;Tomba di famiglia;T;5;T-2005-001;10/03/2005;;Brambilla;Carlo;Brambilla;";
    const std::string ada = tomb + "Ada;01/01/1930;08/03/2005;10/03/2005\n";
    const std::string bruno = tomb + "Bruno;01/01/1932;02/05/2012;05/05/2012\n";
    const std::string carla = tomb + "Carla;01/01/1935;28/08/2018;01/09/2018\n";
    const std::string loculo = "Liscate;Loculo;E;14;E-1987-031;02/09/1987;30;Cazzaniga;Elsa;Cazzaniga;Ercole;"
                               "12/12/1901;30/08/1987;02/09/1987\n";
    test::TempDir files;
    const auto first = files.file("registro-a.csv");
    const auto second = files.file("registro-b.csv");
    test::write_file(first, header + ada + bruno + loculo + carla);
    test::write_file(second, header + carla + loculo + bruno + ada);

    // The shipped rules (from the deed's signing), and the same with Truccazzano's
    // family tombs counted from the first burial, which the first row read used to decide.
    std::string rules = *test::file_bytes(test::shipped_regulation_path());
    const auto from_burial = files.file("regolamento-sepoltura.toml");
    const auto tomb_rule = rules.find("[versione.tipi.tomba_famiglia]");
    const auto signing = rules.find("decorrenza = \"stipula\"", tomb_rule);
    REQUIRE(signing != std::string::npos);
    test::write_file(from_burial, rules.replace(signing, 22, "decorrenza = \"sepoltura\""));

    for (const auto& regulation : {test::shipped_regulation_path(), from_burial}) {
        INFO(regulation.string());
        Office in_order;
        Office reversed;
        auto run = [&](const Office& office, std::vector<std::string> args) {
            args.insert(args.begin(), {"--regolamento", regulation.string()});
            return office.run(std::move(args));
        };
        // What a clerk reads of the tomb: `show` (without the day it is read on) and
        // the restarted terms `history` lists after the change log.
        auto seen = [&](const Office& office) {
            const auto show = run(office, {"show", "T-2005-001", "--comune", "Truccazzano"});
            INFO(show);
            REQUIRE(show.exit_code == 0);
            const auto history = run(office, {"history", "T-2005-001", "--comune", "Truccazzano"});
            INFO(history);
            REQUIRE(history.exit_code == 0);
            std::vector<std::string> lines;
            for (const auto& line : show.out_lines()) {
                if (line.find("Stato al") == std::string::npos) lines.push_back(line);
            }
            for (const auto& line : history.out_lines()) {
                if (line.rfind("Decorrenza ripartita", 0) == 0) lines.push_back(line);
            }
            return lines;
        };
        for (const auto& [office, file] : {std::pair{&in_order, first}, std::pair{&reversed, second}}) {
            const auto r = run(*office, {"import", file.string()});
            INFO(r);
            REQUIRE(r.exit_code == 0);
            CHECK_THAT(r.out, Catch::Contains("2 concessions, 4 deceased") && Catch::Contains("0 warnings"));
        }
        const auto a = seen(in_order);
        CHECK(seen(reversed) == a);
        const std::string all = cemetery::join(a, "\n");
        INFO(all);
        CHECK_THAT(all, Catch::Contains("Decorrenza:     01/09/2018") && Catch::Contains("Scadenza:       01/09/2048"));
        CHECK_THAT(all, Catch::Contains("Decorrenza ripartita il 05/05/2012 (Brambilla Bruno): scadenza 10/03/2035 → "
                                        "05/05/2042") &&
                            Catch::Contains("Decorrenza ripartita il 01/09/2018 (Brambilla Carla): scadenza 05/05/2042 "
                                            "→ 01/09/2048"));

        // The other order imported again into the first register changes nothing.
        const auto again = run(in_order, {"import", second.string()});
        INFO(again);
        CHECK(again.exit_code == 0);
        CHECK_THAT(again.out, Catch::Contains("0 concessions, 0 deceased"));
        CHECK(seen(in_order) == a);
    }
}
