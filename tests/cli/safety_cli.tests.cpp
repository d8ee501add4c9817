// Ordinary mistakes that must never lose a register: an export written onto the
// register, a backup over an older one, a mistyped --db, safety copies rotated
// away by failed imports, exports readable by anyone.
#include "cli/run.hpp"
#include "support.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

const std::string sample = CEMETERY_TEST_DATA_DIR "/registro-esempio.csv";
const std::string more = CEMETERY_TEST_DATA_DIR "/import/registro.utf8.puntoevirgola.lf.csv";

unsigned mode_of(const fs::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777U;
}

std::string sql(const fs::path& db, const std::string& statement) {
    const auto r = test::run_program("sqlite3", {db.string(), statement});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

// A register with the sample imported and its list posted, so that close works later.
fs::path sample_register(const test::TempDir& dir) {
    const auto db = dir.file("registro.sqlite");
    const auto r = test::cemetery(db, {"import", sample});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    return db;
}

std::vector<fs::path> copies(const fs::path& dir) {
    std::vector<fs::path> out;
    if (!fs::exists(dir / "copie")) return out;
    for (const auto& e : fs::directory_iterator(dir / "copie")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("no export is ever written over the register, its side files or its copies", "[cli][safety]") {
    test::TempDir dir;
    const auto db = sample_register(dir);
    REQUIRE(test::cemetery(db, {"import", more}).exit_code == 0);  // a copy in copie/
    const auto kept = copies(dir.path());
    REQUIRE(kept.size() == 1);
    const auto concessions = sql(db, "SELECT count(*) FROM concession;");
    const auto kept_bytes = test::file_bytes(kept.front());

    const std::vector<fs::path> targets = {db, fs::path(db.string() + "-wal"), fs::path(db.string() + "-shm"),
                                           kept.front(), dir.path() / "copie" / "scadute.csv",
                                           dir.path() / "." / "registro.sqlite"};
    const std::vector<std::vector<std::string>> commands = {
        {"expired", "--as-of", "2026-12-31", "--format", "csv"},
        {"expired", "--as-of", "2026-12-31", "--format", "json"},
        {"expired", "--as-of", "2026-12-31", "--format", "xlsx"},
        {"expired", "--as-of", "2026-12-31", "--format", "pdf", "--comune", "Liscate"},
        {"expiring", "--days", "3650", "--format", "csv"},
        {"expiring", "--days", "3650", "--format", "xlsx"},
        {"search", "cazzaniga", "--format", "xlsx"},
        {"notices", "--comune", "Liscate", "--as-of", "2026-12-31"},
        {"demo", "--concessions", "5", "--csv"},
    };
    for (const auto& target : targets) {
        for (auto args : commands) {
            if (args.front() == "demo") {
                args.push_back(target.string());
            } else {
                args.insert(args.end(), {"--output", target.string(), "--force"});
            }
            const auto r = test::cemetery(db, args);
            INFO(args.front() << " " << target << "\n" << r);
            CHECK(r.exit_code == 3);
            CHECK_THAT(r.err, Catch::Contains("never written over"));
        }
        const auto backup = test::cemetery(db, {"backup", target.string(), "--force"});
        INFO(backup);
        CHECK(backup.exit_code == 3);
    }
    CHECK(sql(db, "PRAGMA integrity_check;") == "ok\n");
    CHECK(sql(db, "SELECT count(*) FROM concession;") == concessions);
    CHECK(test::file_bytes(kept.front()) == kept_bytes);
    CHECK(copies(dir.path()).size() == 1);
}

TEST_CASE("the rejects of an import never replace the register nor the file being imported", "[cli][safety]") {
    test::TempDir dir;
    const auto db = sample_register(dir);
    const auto input = dir.file("da-importare.csv");
    fs::copy_file(more, input);
    const auto input_bytes = test::file_bytes(input);
    const auto before = sql(db, "SELECT count(*) FROM concession;");
    for (const auto& rejects : {input, db}) {
        const auto r = test::cemetery(db, {"import", input.string(), "--skip-invalid", "--rejects", rejects.string(), "--force"});
        INFO(r);
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains("never written over"));
    }
    CHECK(test::file_bytes(input) == input_bytes);
    CHECK(sql(db, "SELECT count(*) FROM concession;") == before);
}

TEST_CASE("an export replaces an existing file only with --force", "[cli][safety]") {
    test::TempDir dir;
    const auto db = sample_register(dir);
    const auto target = dir.file("scadute.csv");
    test::write_file(target, "the clerk's own notes\n");
    const auto refused = test::cemetery(db, {"expired", "--as-of", "2026-12-31", "--format", "csv", "--output", target.string()});
    INFO(refused);
    CHECK(refused.exit_code == 3);
    CHECK_THAT(refused.err, Catch::Contains("already exists") && Catch::Contains("--force"));
    CHECK(test::file_bytes(target) == "the clerk's own notes\n");
    const auto forced = test::cemetery(
        db, {"expired", "--as-of", "2026-12-31", "--format", "csv", "--output", target.string(), "--force"});
    INFO(forced);
    CHECK(forced.exit_code == 0);
    CHECK_THAT(test::file_bytes(target).value_or(""), Catch::StartsWith("comune,"));
}

TEST_CASE("backup FILE refuses an existing file unless --force", "[cli][safety][backup]") {
    test::TempDir dir;
    const auto db = sample_register(dir);
    const auto copy = dir.file("copia-di-ieri.sqlite");
    REQUIRE(test::cemetery(db, {"backup", copy.string()}).exit_code == 0);
    const auto yesterday = test::file_bytes(copy);
    REQUIRE(test::cemetery(db, {"import", more}).exit_code == 0);

    const auto refused = test::cemetery(db, {"backup", copy.string()});
    INFO(refused);
    CHECK(refused.exit_code == 3);
    CHECK_THAT(refused.err, Catch::Contains("already exists") && Catch::Contains("--force"));
    CHECK(test::file_bytes(copy) == yesterday);

    const auto forced = test::cemetery(db, {"backup", copy.string(), "--force"});
    INFO(forced);
    CHECK(forced.exit_code == 0);
    CHECK(sql(copy, "SELECT count(*) FROM concession;") == sql(db, "SELECT count(*) FROM concession;"));
}

TEST_CASE("files with personal data are written for their owner only", "[cli][safety]") {
    test::TempDir dir;
    const auto db = sample_register(dir);
    const std::vector<std::pair<std::string, std::vector<std::string>>> outputs = {
        {"scadute.csv", {"expired", "--as-of", "2030-12-31", "--format", "csv", "--output"}},
        {"scadute.json", {"expired", "--as-of", "2030-12-31", "--format", "json", "--output"}},
        {"scadute.xlsx", {"expired", "--as-of", "2030-12-31", "--format", "xlsx", "--output"}},
        {"albo.pdf", {"expired", "--as-of", "2030-12-31", "--format", "pdf", "--comune", "Liscate", "--output"}},
        {"in-scadenza.csv", {"expiring", "--days", "3650", "--format", "csv", "--output"}},
        {"ricerca.xlsx", {"search", "cazzaniga", "--format", "xlsx", "--output"}},
        {"avvisi.pdf", {"notices", "--comune", "Liscate", "--as-of", "2030-12-31", "--output"}},
        {"demo.csv", {"demo", "--concessions", "5", "--csv"}},
    };
    for (auto [name, args] : outputs) {
        args.push_back(dir.file(name).string());
        const auto r = test::cemetery(db, args);
        INFO(name << "\n" << r);
        REQUIRE(r.exit_code == 0);
        CHECK(mode_of(dir.file(name)) == 0600U);
    }
    // The rows an import rejects carry tax codes and phones too.
    const auto bad = dir.file("con-errori.csv");
    test::write_file(bad, "Comune;Tipo;Numero;Numero_Concessione;Data_Concessione;Concessionario_Cognome;Concessionario_Telefono\n"
                          "Liscate;Loculo;1;X-1;31/02/1990;Rossi;02 1234567\n");
    const auto r = test::cemetery(db, {"import", bad.string(), "--skip-invalid", "--rejects", dir.file("scartate.csv").string()});
    INFO(r);
    CHECK(mode_of(dir.file("scartate.csv")) == 0600U);
}

TEST_CASE("commands that read refuse a register that is not there, and make none", "[cli][safety]") {
    test::TempDir dir;
    const auto typo = dir.path() / "regsitro" / "registro.sqlite";
    const std::vector<std::vector<std::string>> readers = {
        {"expired", "--as-of", "2026-12-31"},
        {"expired", "--as-of", "2026-12-31", "--format", "pdf", "--comune", "Liscate", "--output", dir.file("albo.pdf").string()},
        {"expiring", "--days", "30"},
        {"search", "rossi"},
        {"show", "E-1987-031", "--comune", "Liscate"},
        {"renew", "E-1987-031", "--comune", "Liscate"},
        {"notices", "--comune", "Liscate", "--output", dir.file("avvisi.pdf").string()},
        {"verify"},
        {"history", "E-1987-031", "--comune", "Liscate"},
        {"plots", "list", "--comune", "Liscate"},
        {"post", "--comune", "Liscate"},
        {"backup", dir.file("copia.sqlite").string()},
    };
    for (const auto& db : {typo, dir.file("registro.sqlite")}) {
        for (const auto& args : readers) {
            const auto r = test::cemetery(db, args);
            INFO(db << " " << args.front() << "\n" << r);
            CHECK(r.exit_code == 4);
            CHECK_THAT(r.err, Catch::Contains("no register at " + db.string()));
        }
    }
    CHECK_FALSE(fs::exists(dir.path() / "regsitro"));
    CHECK_FALSE(fs::exists(dir.file("registro.sqlite")));
    CHECK_FALSE(fs::exists(dir.file("albo.pdf")));
    CHECK_FALSE(fs::exists(dir.file("copia.sqlite")));
}

TEST_CASE("an empty file where the register should be is refused, never made into a register", "[cli][safety]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    test::write_file(db, "");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"expired", "--as-of", "2026-12-31"}, {"import", sample}, {"init"}, {"demo"},
          {"plots", "add", "--comune", "Liscate", "--kind", "loculo", "--numero", "1-3"}}) {
        const auto r = test::cemetery(db, args);
        INFO(args.front() << "\n" << r);
        CHECK(r.exit_code != 0);
        CHECK_THAT(r.err, Catch::Contains("registro.sqlite"));
    }
    CHECK(fs::file_size(db) == 0);
}

TEST_CASE("only commands that make a register create one, and they say so", "[cli][safety]") {
    test::TempDir dir;
    SECTION("init") {
        const auto db = dir.file("nuovo.sqlite");
        const auto r = test::cemetery(db, {"init"});
        INFO(r);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("New register " + db.string()));
        CHECK(sql(db, "SELECT count(*) FROM comune;") == "4\n");
        CHECK(mode_of(db) == 0600U);
        const auto again = test::cemetery(db, {"init"});
        INFO(again);
        CHECK(again.exit_code == 3);
        CHECK_THAT(again.err, Catch::Contains("already exists"));
    }
    SECTION("import") {
        const auto db = dir.file("nuovo.sqlite");
        const auto r = test::cemetery(db, {"import", sample});
        INFO(r);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("New register"));
        // A new register has nothing to keep a copy of.
        CHECK(copies(dir.path()).empty());
    }
    SECTION("a dry run checks against the Union's comuni and makes nothing") {
        const auto db = dir.file("nuovo.sqlite");
        const auto r = test::cemetery(db, {"import", sample, "--dry-run"});
        INFO(r);
        CHECK(r.exit_code == 0);
        CHECK_FALSE(fs::exists(db));
    }
    SECTION("plots add") {
        const auto db = dir.file("nuovo.sqlite");
        const auto r = test::cemetery(db, {"plots", "add", "--comune", "Liscate", "--kind", "loculo", "--settore", "N",
                                           "--numero", "1-3"});
        INFO(r);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("New register"));
    }
    SECTION("never in a folder that a --db path names but does not exist") {
        const auto db = dir.path() / "regsitro" / "registro.sqlite";
        const auto r = test::cemetery(db, {"import", sample});
        INFO(r);
        CHECK(r.exit_code == 4);
        CHECK_THAT(r.err, Catch::Contains("does not exist"));
        CHECK_FALSE(fs::exists(dir.path() / "regsitro"));
    }
}

TEST_CASE("a refused import keeps no copy, and the copy before a restore outlives routine ones", "[cli][safety][backup]") {
    test::TempDir dir;
    const auto db = sample_register(dir);
    const auto bad = dir.file("sbagliato.csv");
    test::write_file(bad, "Comune;Tipo;Numero;Numero_Concessione;Data_Concessione\nLiscate;Loculo;1;X-1;31/02/1990\n");
    for (int i = 0; i < 7; ++i) {
        const auto r = test::cemetery(db, {"import", bad.string()});
        REQUIRE(r.exit_code == 3);
    }
    CHECK(copies(dir.path()).empty());

    const auto copy = dir.file("copia.sqlite");
    REQUIRE(test::cemetery(db, {"backup", copy.string()}).exit_code == 0);
    REQUIRE(test::cemetery(db, {"restore", copy.string()}).exit_code == 0);
    const auto before_restore = copies(dir.path());
    REQUIRE(before_restore.size() == 1);
    CHECK_THAT(before_restore.front().filename().string(), Catch::EndsWith("-before-restore.sqlite"));

    // Seven imports that write: the routine copies rotate among themselves.
    for (int i = 0; i < 7; ++i) {
        const auto one = dir.file("uno-" + std::to_string(i) + ".csv");
        test::write_file(one, "Comune;Tipo;Settore;Numero;Numero_Concessione;Data_Concessione;Durata_Anni\n"
                              "Liscate;Loculo;Q;" + std::to_string(i) + ";Q-" + std::to_string(i) + ";01/02/1990;30\n");
        const auto r = test::cemetery(db, {"import", one.string()});
        INFO(r);
        REQUIRE(r.exit_code == 0);
    }
    const auto now = copies(dir.path());
    CHECK(std::count(now.begin(), now.end(), before_restore.front()) == 1);
    CHECK(std::count_if(now.begin(), now.end(), [](const fs::path& p) {
              return p.filename().string().ends_with("-import.sqlite");
          }) == 5);
}

TEST_CASE("a regulation naming a comune the register does not know is refused, naming it", "[cli][safety]") {
    test::TempDir dir;
    const auto db = sample_register(dir);
    auto text = test::file_bytes(CEMETERY_SOURCE_DIR "/regolamento/regolamento.toml").value();
    const std::string from = "comuni = [\"Truccazzano\"]";
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), "comuni = [\"Gorgonzola\"]");
    const auto file = dir.file("regolamento.toml");
    test::write_file(file, text);
    const auto r = test::cemetery(db, {"--regolamento", file.string(), "renew", "E-1987-031", "--comune", "Liscate",
                                       "--on", "2022-01-10"});
    INFO(r);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("\"Gorgonzola\"") && Catch::Contains("does not know"));
    CHECK(sql(db, "SELECT count(*) FROM renewal;") == "0\n");
}

TEST_CASE("a concession whose date cannot be read is named and left out, and its list still comes out",
          "[cli][safety]") {
    test::TempDir dir;
    const auto db = sample_register(dir);
    // What an older program, or a hand behind the program's back, could leave.
    sql(db, "UPDATE concession SET expires_on = '10029-12-31' WHERE deed_number = 'E-1987-031';");

    const auto list = test::cemetery(db, {"expired", "--as-of", "2026-12-02"});
    INFO(list);
    CHECK(list.exit_code == 3);
    CHECK_THAT(list.out, Catch::Contains("E-2002-077") && !Catch::Contains("E-1987-031"));
    CHECK_THAT(list.err, Catch::Contains("Liscate E-1987-031") && Catch::Contains("\"10029-12-31\" is not a date"));

    const auto albo = dir.file("albo.pdf");
    const auto pdf = test::cemetery(db, {"expired", "--as-of", "2026-12-02", "--format", "pdf", "--comune",
                                         "Bellinzago Lombardo", "--output", albo.string()});
    INFO(pdf);
    CHECK(pdf.exit_code == 0);  // the damaged row is another comune's
    CHECK(fs::exists(albo));

    const auto notices = test::cemetery(db, {"notices", "--comune", "Liscate", "--as-of", "2026-12-02", "--output",
                                             dir.file("avvisi.pdf").string()});
    INFO(notices);
    CHECK(notices.exit_code == 3);
    CHECK_THAT(notices.err, Catch::Contains("E-1987-031"));

    // Never read as "no expiry", which would make it look perpetual.
    const auto show = test::cemetery(db, {"show", "E-1987-031", "--comune", "Liscate"});
    INFO(show);
    CHECK(show.exit_code == 4);
    CHECK_THAT(show.err, Catch::Contains("E-1987-031") && Catch::Contains("10029-12-31"));
    CHECK_THAT(show.out, !Catch::Contains("perpetua"));
}
