// Bad input never crashes the program nor half-writes the register: a damaged,
// truncated or read-only database, a regulation file of garbage, a CSV of binary
// junk or with a 10 MB line, a disk that fills up during an import, search text
// that looks like SQL or FTS syntax. Each gives a clear message and its exit code.
#include "cli/child.hpp"
#include "cli/run.hpp"
#include "support.hpp"

#include <cemetery/register.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

using test::CliResult;

namespace {

const std::string sample = CEMETERY_TEST_DATA_DIR "/registro-esempio.csv";

std::string shell(const std::filesystem::path& db, const std::string& sql) {
    const auto r = test::run_program("sqlite3", {db.string(), sql});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

// A register with the sample imported, its log folded into the file.
void make_register(const std::filesystem::path& db) {
    const auto r = test::cemetery(db, {"import", sample});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    REQUIRE_FALSE(std::filesystem::exists(db.string() + "-wal"));
}

void overwrite(const std::filesystem::path& file, std::streamoff offset, std::size_t count) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    REQUIRE(f);
    f.seekp(offset);
    const std::string junk(count, '\xA5');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

// No crash: an exit code of ours, never a signal or an abort.
void check_clean_exit(const CliResult& r, int expected) {
    INFO(r);
    CHECK(r.exit_code == expected);
    CHECK_THAT(r.err, !Catch::Contains("terminate") && !Catch::Contains("Sanitizer") && !Catch::Contains("signal"));
    CHECK_THAT(r.err, !Catch::Contains("database is locked"));
}

unsigned mode_of(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777U;
}

}  // namespace

TEST_CASE("a register with overwritten bytes ends with 4 and is not written", "[cli][bad-input]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    make_register(db);
    // The page at the root of the concession table, overwritten: every read of it fails.
    const auto root = std::stoll(shell(db, "SELECT rootpage FROM sqlite_master WHERE name = 'concession';"));
    const auto page = std::stoll(shell(db, "PRAGMA page_size;"));
    overwrite(db, (root - 1) * page, static_cast<std::size_t>(page));
    const auto before = test::file_bytes(db);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"expired", "--as-of", "2100-01-01"},
             {"show", "E-1987-031", "--comune", "Liscate"},
             {"renew", "E-1987-031", "--comune", "Liscate", "--on", "2022-01-10"},
             {"import", CEMETERY_TEST_DATA_DIR "/import/registro.utf8.puntoevirgola.lf.csv"}}) {
        CAPTURE(args);
        const auto r = test::cemetery(db, args);
        check_clean_exit(r, 4);
        CHECK_THAT(r.err, Catch::Contains("damaged"));
    }
    CHECK(test::file_bytes(db) == before);
}

TEST_CASE("a truncated register ends with 4 and is not written", "[cli][bad-input]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    make_register(db);
    std::filesystem::resize_file(db, std::filesystem::file_size(db) / 3);
    const auto before = test::file_bytes(db);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"expired", "--as-of", "2100-01-01"},
             {"search", "cazzaniga"},
             {"renew", "E-1987-031", "--comune", "Liscate", "--on", "2022-01-10"}}) {
        CAPTURE(args);
        check_clean_exit(test::cemetery(db, args), 4);
    }
    CHECK(test::file_bytes(db) == before);
}

TEST_CASE("a register in a read-only place ends with 4 and is not written", "[cli][bad-input]") {
    // File modes do not stop root: as root the register is made unwritable by
    // taking the name of its write-ahead log with a directory.
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    make_register(db);
    const auto before = test::file_bytes(db);
    if (::geteuid() != 0) {
        std::filesystem::permissions(db, std::filesystem::perms::owner_read);
        std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    } else {
        // The write-ahead log's name taken by a directory: SQLite cannot write beside the file.
        std::filesystem::create_directory(db.string() + "-wal");
    }
    const auto r = test::cemetery(db, {"renew", "E-1987-031", "--comune", "Liscate", "--on", "2022-01-10"});
    check_clean_exit(r, 4);
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all);
    std::filesystem::permissions(db, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    CHECK(test::file_bytes(db) == before);
}

TEST_CASE("a regulation file of garbage ends with 3 naming its line", "[cli][bad-input]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    make_register(db);
    const auto before = test::file_bytes(db);
    const auto toml = dir.file("regolamento.toml");
    std::string junk = "[[versione]]\nnome = \"x\"\n";
    std::mt19937 random(7);
    for (int i = 0; i < 4000; ++i) junk += static_cast<char>(random() % 256);
    test::write_file(toml, junk);
    const auto r = test::cemetery(db, {"--regolamento", toml.string(), "renew", "E-1987-031", "--comune", "Liscate",
                                       "--on", "2022-01-10"});
    check_clean_exit(r, 3);
    CHECK_THAT(r.err, Catch::Contains("regolamento.toml:"));
    CHECK(test::file_bytes(db) == before);
}

TEST_CASE("a CSV of binary junk or with a 10 MB line ends with 3 and imports nothing", "[cli][bad-input]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    make_register(db);
    const auto before = shell(db, "SELECT count(*), (SELECT count(*) FROM change_log) FROM concession;");
    const auto csv = dir.file("registro.csv");
    SECTION("binary junk") {
        std::string junk;
        std::mt19937 random(11);
        for (int i = 0; i < 200000; ++i) junk += static_cast<char>(random() % 256);
        test::write_file(csv, junk);
    }
    SECTION("binary junk after a good header") {
        std::ifstream in(sample, std::ios::binary);
        std::string header;
        std::getline(in, header);
        std::string junk = header + "\n";
        std::mt19937 random(13);
        for (int i = 0; i < 100000; ++i) junk += static_cast<char>(random() % 256);
        test::write_file(csv, junk);
    }
    SECTION("a line of 10 MB") {
        std::ifstream in(sample, std::ios::binary);
        std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        text += "Liscate;;Loculo;E;2;99;3;E-1999-001;02/09/1999;30;;;" + std::string(10 * 1024 * 1024, 'x') + ";\n";
        test::write_file(csv, text);
    }
    const auto r = test::cemetery(db, {"import", csv.string()});
    check_clean_exit(r, 3);
    CHECK_THAT(r.err, Catch::Contains("registro.csv"));
    CHECK(shell(db, "SELECT count(*), (SELECT count(*) FROM change_log) FROM concession;") == before);
    CHECK(shell(db, "PRAGMA integrity_check;") == "ok\n");
}

TEST_CASE("a disk that fills up during an import ends with 4 and imports nothing", "[cli][bad-input]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    const auto csv = dir.file("demo.csv");
    REQUIRE(test::cemetery(db, {"init"}).exit_code == 0);  // a new register, the Union's comuni in it
    const auto made = test::cemetery(db, {"demo", "--csv", csv.string(), "--concessions", "3000"});
    INFO(made);
    REQUIRE(made.exit_code == 0);
    const auto before = test::file_bytes(db);
    // Room for the copy kept before the import (the size of the register), not for
    // the import's write-ahead log.
    test::ChildOptions options;
    options.program = test::cli_path();
    options.args = {"import", csv.string()};
    options.db = db;
    options.max_file_bytes = static_cast<long long>(std::filesystem::file_size(db)) + 512 * 1024;
    test::Child child(options);
    const auto r = child.wait();
    INFO("exit " << r.exit_code << "\n" << r.out << r.err);
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("disk"));
    CHECK_THAT(r.err, !Catch::Contains("terminate"));
    CHECK(shell(db, "SELECT count(*) FROM concession;") == "0\n");
    CHECK(shell(db, "PRAGMA integrity_check;") == "ok\n");
    CHECK(test::file_bytes(db) == before);
}

TEST_CASE("search text that looks like SQL or FTS syntax is only text", "[cli][bad-input]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    make_register(db);
    const auto before = test::file_bytes(db);
    for (const std::string& text : std::vector<std::string>{"'; DROP TABLE concession; --", "\" OR 1=1 --", "cazz*", "NEAR(cazzaniga elsa", "deceased:ercole",
          "^cazz", "a AND OR NOT", "\"unclosed", "(((", "*", "-", "{holders}: x", "cazzaniga NOT", "\x01\xff\xfe",
          "%_%", "\\", std::string(5000, 'a')}) {
        CAPTURE(text);
        const auto r = test::cemetery(db, {"search", text});
        check_clean_exit(r, 0);
    }
    const auto found = test::cemetery(db, {"search", "cazzaniga\" OR \"x"});
    check_clean_exit(found, 0);
    CHECK(test::file_bytes(db) == before);
    CHECK(shell(db, "SELECT count(*) FROM concession;") != "0\n");
}

TEST_CASE("a register the program creates is readable by its owner only, its log too", "[cli][bad-input]") {
    test::TempDir dir;
    const auto db = dir.file("nuovo.sqlite");
    const mode_t old = ::umask(022);
    const auto r = test::cemetery(db, {"import", sample});
    ::umask(old);
    INFO(r);
    REQUIRE(r.exit_code == 0);
    CHECK(mode_of(db) == 0600U);
    // While a program has it open, its -wal and -shm beside it, whatever the umask.
    const mode_t loose = ::umask(022);
    {
        auto open = cemetery::Register::open_existing(db);
        REQUIRE(open.count_concessions() > 0);
        REQUIRE(std::filesystem::exists(db.string() + "-wal"));
        CHECK(mode_of(db.string() + "-wal") == 0600U);
        CHECK(mode_of(db.string() + "-shm") == 0600U);
    }
    ::umask(loose);
}
