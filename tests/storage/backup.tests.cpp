// Copies of the register: Register::backup_to, the automatic copies kept before an
// import or a migration, and restore_register.
#include "support.hpp"

#include "storage/fixtures.hpp"

#include <cemetery/backup.hpp>
#include <cemetery/output_file.hpp>
#include <cemetery/register.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace cemetery;
using test::ymd;

namespace {

unsigned mode_of(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777U;
}

std::string shell_value(const std::filesystem::path& db, const std::string& sql) {
    const auto r = test::sqlite3_shell(db, sql);
    INFO(r.output);
    REQUIRE(r.status == 0);
    return r.output.substr(0, r.output.find('\n'));
}

// Overwrites `count` bytes at `offset` with 0xA5.
void overwrite(const std::filesystem::path& file, std::streamoff offset, std::size_t count) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    REQUIRE(f);
    f.seekp(offset);
    const std::string junk(count, '\xA5');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

ConcessionId add_loculo(test::UnionRegister& u, const std::string& numero, const std::string& deed) {
    const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, numero);
    return u.add_ok({.plot = plot, .number = deed, .signed_on = ymd(2021, 3, 1)});
}

}  // namespace

TEST_CASE("a copy holds what was committed, even while another program is writing", "[backup]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    test::UnionRegister u(file);
    add_loculo(u, "1", "1/2021");

    // A second connection, as another program, in the middle of a write.
    auto other = Register::open_existing(file, "other.clerk");
    Register::Batch pending(other);
    Comune extra;
    extra.name = "Melzo";
    extra.istat_code = "015142";
    extra.cadastral_code = "F119";
    extra.member_from = ymd(2016, 1, 1);
    REQUIRE(other.add_comune(extra));

    const auto copy = dir.file("copia.sqlite");
    u.reg.backup_to(copy);
    CHECK(mode_of(copy) == 0600U);
    CHECK_FALSE(std::filesystem::exists(copy.string() + "-wal"));
    CHECK(check_backup(copy));
    CHECK(shell_value(copy, "SELECT group_concat(deed_number) FROM concession;") == "1/2021");
    CHECK(shell_value(copy, "SELECT count(*) FROM comune;") == "4");
    CHECK(shell_value(copy, "PRAGMA integrity_check;") == "ok");
}

TEST_CASE("a copy of an in-memory register is a register file too", "[backup]") {
    test::TempDir dir;
    test::UnionRegister u;
    add_loculo(u, "1", "1/2021");
    const auto copy = dir.file("copia.sqlite");
    u.reg.backup_to(copy);
    auto reopened = Register::open_existing(copy);
    CHECK(reopened.count_concessions() == 1);
    CHECK(keep_backup(u.reg, "import").empty());
}

TEST_CASE("a register is not copied over itself", "[backup]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    test::UnionRegister u(file);
    CHECK_THROWS_AS(u.reg.backup_to(file), OutputRefused);
    CHECK_THROWS_AS(u.reg.backup_to(file, Overwrite::allow), OutputRefused);
    CHECK(u.reg.comuni().size() == 4);
}

TEST_CASE("automatic copies go to copie/, named by time and reason, the last five kept", "[backup]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    test::UnionRegister u(file);
    // A copy of another register in the same directory is never pruned with these.
    test::UnionRegister other(dir.file("registro-liscate.sqlite"));
    const auto others = keep_backup(other.reg, "import");

    std::vector<std::filesystem::path> made;
    for (int i = 0; i < 7; ++i) {
        add_loculo(u, std::to_string(i), std::to_string(i) + "/2021");
        made.push_back(keep_backup(u.reg, "import"));
    }
    CHECK(made.front().parent_path() == dir.path() / "copie");
    CHECK_THAT(made.front().filename().string(), Catch::StartsWith("registro-") && Catch::EndsWith("-import.sqlite"));
    const auto kept = kept_backups(file);
    REQUIRE(kept.size() == kept_backup_count);
    CHECK(kept.back() == made.back());
    CHECK(kept.front() == made[2]);
    CHECK_FALSE(std::filesystem::exists(made[0]));
    CHECK(std::filesystem::exists(others));
    CHECK(mode_of(kept.back()) == 0600U);
    CHECK(mode_of(dir.path() / "copie") == 0700U);
    CHECK(Register::open_existing(kept.back()).count_concessions() == 7);
}

TEST_CASE("restoring puts a copy back and keeps the register it replaced", "[backup]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    test::UnionRegister u(file);
    add_loculo(u, "1", "1/2021");
    const auto copy = dir.file("copia.sqlite");
    u.reg.backup_to(copy);
    add_loculo(u, "2", "2/2021");
    REQUIRE(u.reg.count_concessions() == 2);

    const auto result = restore_register(copy, file);
    INFO(result.problem.value_or(""));
    REQUIRE(result);
    // The program that had the register open sees the restored one.
    CHECK(u.reg.count_concessions() == 1);
    CHECK(Register::open_existing(result.replaced_copy).count_concessions() == 2);
    CHECK(shell_value(file, "PRAGMA integrity_check;") == "ok");
    // And writes to it as before.
    add_loculo(u, "3", "3/2021");
    CHECK(u.reg.count_concessions() == 2);
}

TEST_CASE("a damaged or foreign copy is refused and the register is left as it was", "[backup]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    {
        test::UnionRegister u(file);
        add_loculo(u, "1", "1/2021");
    }
    const auto before = test::file_bytes(file);
    const auto copy = dir.file("copia.sqlite");

    SECTION("bytes overwritten in the middle") {
        Register::open_existing(file).backup_to(copy);
        // The root page of the concession table.
        const auto root = std::stoll(shell_value(copy, "SELECT rootpage FROM sqlite_master WHERE name = 'concession';"));
        overwrite(copy, (root - 1) * 4096 + 8, 3000);
        const auto result = restore_register(copy, file);
        REQUIRE_FALSE(result);
        CHECK_THAT(*result.problem, Catch::Contains("damaged"));
    }
    SECTION("a truncated copy") {
        Register::open_existing(file).backup_to(copy);
        std::filesystem::resize_file(copy, std::filesystem::file_size(copy) / 2);
        CHECK_FALSE(restore_register(copy, file));
    }
    SECTION("not a SQLite file") {
        std::ofstream(copy) << "Comune;Tipo\nLiscate;Loculo\n";
        CHECK_FALSE(restore_register(copy, file));
    }
    SECTION("another program's SQLite file") {
        REQUIRE(test::sqlite3_shell(copy, "CREATE TABLE t (x); INSERT INTO t VALUES (1);").status == 0);
        const auto result = restore_register(copy, file);
        REQUIRE_FALSE(result);
        CHECK_THAT(*result.problem, Catch::Contains("not a copy of a register"));
    }
    SECTION("a copy from a newer program") {
        Register::open_existing(file).backup_to(copy);
        REQUIRE(test::sqlite3_shell(copy, "PRAGMA user_version = 999;").status == 0);
        const auto result = restore_register(copy, file);
        REQUIRE_FALSE(result);
        CHECK_THAT(*result.problem, Catch::Contains("newer"));
    }
    SECTION("no such file") {
        CHECK_FALSE(restore_register(dir.file("nessuna.sqlite"), file));
    }
    CHECK(test::file_bytes(file) == before);
    CHECK(kept_backups(file).empty());
}

TEST_CASE("a damaged register is replaced by a good copy and kept byte for byte", "[backup]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    const auto copy = dir.file("copia.sqlite");
    {
        test::UnionRegister u(file);
        add_loculo(u, "1", "1/2021");
        u.reg.backup_to(copy);
    }
    overwrite(file, 0, 100);  // the header: SQLite no longer knows the file
    const auto damaged = test::file_bytes(file);
    CHECK_THROWS_AS(Register::open_existing(file), DatabaseError);

    const auto result = restore_register(copy, file);
    INFO(result.problem.value_or(""));
    REQUIRE(result);
    CHECK(test::file_bytes(result.replaced_copy) == damaged);
    CHECK(mode_of(file) == 0600U);
    CHECK(Register::open_existing(file).count_concessions() == 1);
}
