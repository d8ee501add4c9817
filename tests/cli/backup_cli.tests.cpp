// `cemetery backup` and `cemetery restore`, and the copy every import keeps first.
#include "cli/run.hpp"
#include "support.hpp"

#include <sys/stat.h>

#include <filesystem>

using test::CliResult;

namespace {

const std::string sample = CEMETERY_TEST_DATA_DIR "/registro-esempio.csv";
const std::string more = CEMETERY_TEST_DATA_DIR "/import/registro.utf8.puntoevirgola.lf.csv";

unsigned mode_of(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777U;
}

std::size_t copies_in(const std::filesystem::path& dir) {
    if (!std::filesystem::exists(dir)) return 0;
    std::size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) n += e.path().extension() == ".sqlite" ? 1 : 0;
    return n;
}

std::string count_concessions(const std::filesystem::path& db) {
    const auto r = test::run_program("sqlite3", {db.string(), "SELECT count(*) FROM concession;"});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

}  // namespace

TEST_CASE("backup writes a whole copy readable by its owner only, and restore puts it back", "[cli][backup]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    REQUIRE(test::cemetery(db, {"import", sample}).exit_code == 0);
    const auto copy = dir.file("copia del registro.sqlite");
    const auto made = test::cemetery(db, {"backup", copy.string()});
    INFO(made);
    REQUIRE(made.exit_code == 0);
    CHECK(mode_of(copy) == 0600U);
    CHECK_FALSE(std::filesystem::exists(copy.string() + "-wal"));
    const auto before = count_concessions(db);
    CHECK(count_concessions(copy) == before);

    REQUIRE(test::cemetery(db, {"import", more}).exit_code == 0);
    REQUIRE(count_concessions(db) != before);

    const auto restored = test::cemetery(db, {"restore", copy.string()});
    INFO(restored);
    CHECK(restored.exit_code == 0);
    CHECK_THAT(restored.out, Catch::Contains("copie"));
    CHECK(count_concessions(db) == before);
    CHECK(test::run_program("sqlite3", {db.string(), "PRAGMA integrity_check;"}).out == "ok\n");
    // The program goes on working on the restored register.
    CHECK(test::cemetery(db, {"renew", "E-1987-031", "--comune", "Liscate", "--on", "2022-01-10"}).exit_code == 0);
}

TEST_CASE("restore refuses a damaged copy with 3 and leaves the register alone", "[cli][backup]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    REQUIRE(test::cemetery(db, {"import", sample}).exit_code == 0);
    const auto copy = dir.file("copia.sqlite");
    REQUIRE(test::cemetery(db, {"backup", copy.string()}).exit_code == 0);
    std::filesystem::resize_file(copy, std::filesystem::file_size(copy) / 2);
    const auto before = test::file_bytes(db);
    const auto r = test::cemetery(db, {"restore", copy.string()});
    INFO(r);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("not changed"));
    CHECK(test::file_bytes(db) == before);
}

TEST_CASE("every import keeps a copy of the register first; a dry run does not", "[cli][backup]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    const auto copie = dir.path() / "copie";
    REQUIRE(test::cemetery(db, {"import", sample, "--dry-run"}).exit_code == 0);
    CHECK(copies_in(copie) == 0);
    REQUIRE(test::cemetery(db, {"init"}).exit_code == 0);
    REQUIRE(test::cemetery(db, {"import", sample}).exit_code == 0);
    REQUIRE(copies_in(copie) == 1);
    REQUIRE(test::cemetery(db, {"import", more}).exit_code == 0);
    CHECK(copies_in(copie) == 2);
    // The newest copy is the register as it was before the second import.
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(copie)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    CHECK_THAT(files.back().filename().string(), Catch::EndsWith("-import.sqlite"));
    CHECK(mode_of(files.back()) == 0600U);
    const auto one = test::run_program("sqlite3", {files.back().string(), "SELECT count(*) FROM concession;"});
    const auto only_sample = dir.file("solo.sqlite");
    REQUIRE(test::cemetery(only_sample, {"import", sample}).exit_code == 0);
    CHECK(one.out == count_concessions(only_sample));
}
