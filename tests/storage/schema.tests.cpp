#include "support.hpp"

#include "storage/fixtures.hpp"
#include "term_start_files.hpp"
#include "variant_files.hpp"

#include <cemetery/register.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace cemetery;
using test::ymd;

namespace {

// The first line the sqlite3 program printed, without its newline.
std::string first_line(const std::string& output) { return output.substr(0, output.find('\n')); }

std::string shell_value(const std::filesystem::path& db, const std::string& sql) {
    const auto r = test::sqlite3_shell(db, sql);
    INFO(r.output);
    REQUIRE(r.status == 0);
    return first_line(r.output);
}

}  // namespace

TEST_CASE("a new register file is created at the program's schema version", "[schema]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    REQUIRE_FALSE(std::filesystem::exists(file));
    {
        auto reg = Register::open(file);
        CHECK(reg.file() == file);
        CHECK(Register::schema_version() >= 1);
        CHECK_FALSE(Register::schema_name().empty());
        CHECK(reg.count_concessions() == 0);
        CHECK(reg.comuni().empty());
    }
    CHECK(std::filesystem::exists(file));
    CHECK(shell_value(file, "PRAGMA user_version;") == std::to_string(Register::schema_version()));
}

TEST_CASE("a register reopened keeps what was written and its schema version", "[schema]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    ConcessionId id;
    std::int64_t log_size = 0;
    {
        test::UnionRegister u(file);
        const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "14");
        id = u.add_ok({.plot = plot,
                       .number = "7/2021",
                       .signed_on = ymd(2021, 3, 1),
                       .holders = {test::holder("Cazzaniga", "Elsa")},
                       .deceased = {test::deceased("Pèrego", "Giuseppe", ymd(1930, 1, 1), ymd(2021, 2, 20),
                                                   ymd(2021, 3, 2))}});
        log_size = u.reg.change_log_size();
    }
    SECTION("opened with open()") {
        auto reg = Register::open(file);
        const auto c = reg.concession(id);
        REQUIRE(c);
        CHECK(c->deed_number == "7/2021");
        CHECK(c->expires_on == ymd(2051, 3, 1));
        REQUIRE(c->deceased.size() == 1);
        CHECK(c->deceased[0].surname == "Pèrego");
        CHECK(reg.comuni().size() == 4);
        CHECK(reg.change_log_size() == log_size);
    }
    SECTION("opened with open_existing()") {
        auto reg = Register::open_existing(file);
        CHECK(reg.count_concessions() == 1);
        CHECK(reg.find_comune("Liscate"));
        CHECK(reg.change_log_size() == log_size);
    }
    CHECK(shell_value(file, "PRAGMA user_version;") == std::to_string(Register::schema_version()));
}

TEST_CASE("open_existing refuses a missing file and creates nothing", "[schema]") {
    test::TempDir dir;
    const auto file = dir.file("manca.sqlite");
    CHECK_THROWS_AS(Register::open_existing(file), DatabaseError);
    CHECK_FALSE(std::filesystem::exists(file));
}

TEST_CASE("a register written by a newer program is refused, naming both schema versions, and left unchanged",
          "[schema]") {
    test::TempDir dir;
    const auto file = dir.file("futuro.sqlite");
    const int newer = Register::schema_version() + 1;

    SECTION("a register file a newer program migrated") {
        { auto reg = Register::open(file); }
        REQUIRE(test::sqlite3_shell(file, "PRAGMA user_version = " + std::to_string(newer) + ";").status == 0);
    }
    SECTION("a database in rollback-journal mode, as another program might leave it") {
        REQUIRE(test::sqlite3_shell(file, "CREATE TABLE t (x); PRAGMA user_version = " + std::to_string(newer) + ";")
                    .status == 0);
    }
    REQUIRE(shell_value(file, "PRAGMA user_version;") == std::to_string(newer));
    const std::string before = test::file_bytes(file);
    REQUIRE_FALSE(before.empty());

    auto refused_as_too_new = [&](auto open) {
        try {
            open();
            FAIL("a database newer than the program was opened");
        } catch (const DatabaseError& e) {
            CHECK(e.kind() == DatabaseError::Kind::too_new);
            const std::string message = e.what();
            CHECK_THAT(message, Catch::Contains("schema " + std::to_string(newer)));
            CHECK_THAT(message, Catch::Contains("up to " + std::to_string(Register::schema_version())));
            CHECK_THAT(message, Catch::Contains(std::string(Register::schema_name())));
            CHECK_THAT(message, Catch::Contains(file.string()));
        }
        const bool unchanged = test::file_bytes(file) == before;
        CHECK(unchanged);
    };
    refused_as_too_new([&] { (void)Register::open(file); });
    refused_as_too_new([&] { (void)Register::open_existing(file); });
    CHECK(shell_value(file, "PRAGMA user_version;") == std::to_string(newer));
}

TEST_CASE("a file that is not a database is refused and left unchanged", "[schema]") {
    test::TempDir dir;
    const auto file = dir.file("appunti.sqlite");
    {
        std::ofstream out(file, std::ios::binary);
        for (int i = 0; i < 64; ++i) out << "Registro delle concessioni, riga " << i << ": non un database.\n";
    }
    const std::string before = test::file_bytes(file);

    auto refused_as_not_a_database = [&](auto open) {
        try {
            open();
            FAIL("a text file was opened as a register");
        } catch (const DatabaseError& e) {
            CHECK(e.kind() == DatabaseError::Kind::not_a_database);
            CHECK_THAT(std::string(e.what()), Catch::Contains(file.string()));
        }
        const bool unchanged = test::file_bytes(file) == before;
        CHECK(unchanged);
    };
    refused_as_not_a_database([&] { (void)Register::open(file); });
    refused_as_not_a_database([&] { (void)Register::open_existing(file); });
}

TEST_CASE("a new register file is readable and writable by its owner only", "[schema]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    const mode_t mask_before = ::umask(022);
    ::umask(mask_before);

    { auto reg = Register::open(file); }

    const auto perms = std::filesystem::status(file).permissions();
    CHECK(perms == (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    // The program's own umask is given back for the files it writes later.
    const mode_t mask_after = ::umask(mask_before);
    CHECK(mask_after == mask_before);
}

TEST_CASE("the database enforces its references: a concession on a plot that does not exist is refused",
          "[schema]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "1");
    Concession c = u.concession_for({.plot = plot, .number = "1/2022", .signed_on = ymd(2022, 5, 1)});

    SECTION("a plot that does not exist") {
        c.plot = PlotId{plot.value() + 1000};
        const auto added = u.reg.add_concession(c);
        REQUIRE_FALSE(added);
        REQUIRE(added.conflict);
        CHECK(added.conflict->code == ConflictCode::missing_reference);
    }
    SECTION("a cemetery of a comune that does not exist") {
        const auto added = u.reg.add_cemetery(ComuneId{999}, "Cimitero fantasma");
        REQUIRE_FALSE(added);
        REQUIRE(added.conflict);
        CHECK(added.conflict->code == ConflictCode::missing_reference);
    }
    SECTION("a plot in a cemetery that does not exist") {
        const auto added = u.reg.add_plot(Plot{{}, CemeteryId{999}, PlotKind::loculo, {"A", "1", "1", ""}});
        REQUIRE_FALSE(added);
        REQUIRE(added.conflict);
        CHECK(added.conflict->code == ConflictCode::missing_reference);
    }
    CHECK(u.reg.count_concessions() == 0);
    CHECK(u.reg.cemeteries().size() == 8);
}

TEST_CASE("a register file is kept in WAL journal mode", "[schema]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    SECTION("when created") { auto reg = Register::open(file); }
    SECTION("when a register switched to rollback-journal mode by another program is opened again") {
        { auto reg = Register::open(file); }
        REQUIRE(shell_value(file, "PRAGMA journal_mode = DELETE;") == "delete");
        auto reg = Register::open_existing(file);
        CHECK(reg.comuni().empty());
    }
    CHECK(shell_value(file, "PRAGMA journal_mode;") == "wal");
}

TEST_CASE("a register of schema 1 is brought up to date with its concessions and its rules", "[schema]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    // The sample register as the first release of the program wrote it.
    std::filesystem::copy_file(CEMETERY_TEST_DATA_DIR "/registro-v1.sqlite", file);
    REQUIRE(shell_value(file, "PRAGMA user_version;") == "1");
    {
        auto reg = Register::open(file);
        CHECK(reg.count_concessions() == 6);
        const auto liscate = reg.find_comune("Liscate");
        REQUIRE(liscate);
        const auto id = reg.find_concession(liscate->id, "E-1987-031");
        REQUIRE(id);
        const auto rec = reg.record(*id);
        REQUIRE(rec);
        CHECK(rec->concession.expires_on == ymd(2017, 9, 2));

        SECTION("a second concession on the same plot at the same time is still refused") {
            Concession c = rec->concession;
            c.deed_number = "E-1990-001";
            c.holders.clear();
            c.deceased.clear();
            const auto added = reg.add_concession(c);
            REQUIRE_FALSE(added);
            CHECK(added.conflict->code == ConflictCode::plot_overlap);
        }
        SECTION("a concession on a plot of another comune is still refused") {
            Concession c = rec->concession;
            c.deed_number = "E-1990-002";
            c.comune = reg.find_comune("Bellinzago Lombardo")->id;
            c.holders.clear();
            c.deceased.clear();
            const auto added = reg.add_concession(c);
            REQUIRE_FALSE(added);
            CHECK(added.conflict->code == ConflictCode::wrong_comune);
        }
    }
    CHECK(shell_value(file, "PRAGMA user_version;") == std::to_string(Register::schema_version()));
    CHECK(shell_value(file, "PRAGMA integrity_check;") == "ok");
    // The register as it was is kept beside it before the migration.
    std::vector<std::filesystem::path> copies;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path() / "copie")) copies.push_back(entry.path());
    REQUIRE(copies.size() == 1);
    CHECK(shell_value(copies.front(), "PRAGMA user_version;") == "1");
    CHECK(shell_value(copies.front(), "SELECT count(*) FROM concession;") == "6");
    // The rewritten CHECKs refuse what the old ones refused.
    CHECK(test::sqlite3_shell(file, "UPDATE plot SET kind = 'garage' WHERE id = 1;").status != 0);
    CHECK(test::sqlite3_shell(file, "UPDATE concession SET ending = 'lost' WHERE id = 1;").status != 0);
    CHECK(test::sqlite3_shell(file, "UPDATE concession SET term_source = 'guess' WHERE id = 1;").status != 0);
    CHECK(test::sqlite3_shell(file, "UPDATE plot SET kind = 'ossario' WHERE id = 1;").status == 0);
}

namespace {

// A tomba di famiglia in Liscate granted under the small regulation whose term starts
// at the death, with nobody dead yet: a term not started, stored on `reg`.
ConcessionId grant_not_started(Register& reg, const std::string& numero) {
    const auto liscate = reg.find_comune("Liscate");
    REQUIRE(liscate);
    const auto cemetery = reg.find_cemetery(liscate->id, "Liscate");
    REQUIRE(cemetery);
    Plot p;
    p.cemetery = cemetery->id;
    p.kind = PlotKind::tomba_famiglia;
    p.location = Location{"Z", "1", numero, ""};
    const auto plot = reg.add_plot(p);
    REQUIRE(plot);
    ConcessionRequest r;
    r.comune = liscate->id;
    r.plot = *plot.value;
    r.signed_on = ymd(2026, 1, 12);
    r.holders = {test::holder("Pèrego", "Lucia")};
    r.today = r.signed_on;
    const auto out = reg.concede(r, test::term_start_regulation());
    INFO(out.reason());
    REQUIRE(out);
    CHECK_FALSE(out.concession->expires_on);
    return out.concession->id;
}

// Checks the CHECKs schema 7 loosened: still no term at all, nor a perpetual with an expiry.
void check_term_rules_hold(const std::filesystem::path& file, ConcessionId id) {
    const auto where = " WHERE id = " + std::to_string(id.value()) + ";";
    CHECK(test::sqlite3_shell(file, "UPDATE concession SET term_years = NULL" + where).status != 0);
    CHECK(test::sqlite3_shell(file, "UPDATE concession SET perpetual = 1, term_years = NULL, expires_on = '2090-01-01'" +
                                        where)
              .status != 0);
}

}  // namespace

TEST_CASE("a register of schema 6 takes terms not started once migrated", "[schema][not-started]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    {
        // A register as schema 6 wrote it: schema 7 only edits two tables' text, so
        // undoing the edit and the version number gives back the older file (and schema
        // 8 only adds a column).
        test::UnionRegister u(file);
    }
    const auto undo = test::sqlite3_shell(
        file,
        "ALTER TABLE concession DROP COLUMN variant;"
        "PRAGMA writable_schema = ON;"
        "UPDATE sqlite_schema SET sql = replace(sql, "
        "'OR (perpetual = 0 AND (expires_on IS NOT NULL OR term_years IS NOT NULL)))', "
        "'OR (perpetual = 0 AND expires_on IS NOT NULL))') WHERE type = 'table' AND name = 'concession';"
        "UPDATE sqlite_schema SET sql = replace(sql, 'previous_expiry TEXT,', 'previous_expiry TEXT NOT NULL,') "
        "WHERE type = 'table' AND name = 'term_restart';"
        "PRAGMA writable_schema = OFF;"
        "PRAGMA user_version = 6;");
    INFO(undo.output);
    REQUIRE(undo.status == 0);
    REQUIRE(shell_value(file, "SELECT instr(sql, 'previous_expiry TEXT NOT NULL') > 0 FROM sqlite_schema "
                              "WHERE name = 'term_restart';") == "1");
    // Schema 6 refuses a concession with neither expiry nor perpetuity.
    REQUIRE(test::sqlite3_shell(file, "INSERT INTO concession (comune_id) VALUES (2);").status != 0);
    ConcessionId waiting;
    {
        auto reg = Register::open(file);
        waiting = grant_not_started(reg, "2");
        const auto id = grant_not_started(reg, "1");
        // The burial that starts it is kept with no previous expiry.
        const auto out =
            reg.bury(id,
                     BurialRequest{test::deceased("Pèrego", "Giuseppe", ymd(1941, 3, 3), ymd(2026, 2, 1), ymd(2026, 2, 4)),
                                   RemainsForm::coffin, ymd(2026, 2, 4)},
                     test::term_start_regulation());
        INFO(out.reason());
        REQUIRE(out);
        REQUIRE(reg.life(id).restarts.size() == 1);
        CHECK_FALSE(reg.life(id).restarts.front().previous_expiry);
    }
    CHECK(shell_value(file, "PRAGMA user_version;") == std::to_string(Register::schema_version()));
    CHECK(shell_value(file, "PRAGMA integrity_check;") == "ok");
    check_term_rules_hold(file, waiting);
}

TEST_CASE("a register of schema 5 written by that program takes terms not started once migrated",
          "[schema][not-started]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    std::filesystem::copy_file(CEMETERY_TEST_DATA_DIR "/registro-v5.sqlite", file);
    REQUIRE(shell_value(file, "PRAGMA user_version;") == "5");
    ConcessionId id;
    {
        auto reg = Register::open(file);
        CHECK(reg.count_concessions() == 7);
        id = grant_not_started(reg, "1");
        CHECK(reg.concession(id)->status_on(ymd(2100, 1, 1)) == ConcessionStatus::not_started);
        CHECK(reg.verify().ok());
    }
    CHECK(shell_value(file, "PRAGMA integrity_check;") == "ok");
    check_term_rules_hold(file, id);
}

namespace {

// The shipped regulation with a provisional loculo for the Union (variant_files.hpp).
const Regulation& variant_regulation() {
    static const test::TempDir dir;
    static const Regulation reg = [] {
        std::ifstream in(test::shipped_regulation_path(), std::ios::binary);
        const std::string shipped((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return test::load_written(dir.file("regolamento.toml"), shipped + test::provisional_loculo);
    }();
    return reg;
}

}  // namespace

TEST_CASE("a register of schema 7 records deeds' variants once migrated, its deeds keeping the ordinary rule",
          "[schema][variant]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    ConcessionId before;
    {
        test::UnionRegister u(file);
        before = u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "14"),
                           .number = "7/2021",
                           .signed_on = ymd(2021, 3, 1),
                           .holders = {test::holder("Cazzaniga", "Elsa")},
                           .deceased = {test::deceased("Pèrego", "Giuseppe", ymd(1930, 1, 1), ymd(2021, 2, 20),
                                                       ymd(2021, 3, 2))}});
    }
    // A register as schema 7 wrote it: schema 8 only adds the column.
    const auto undo = test::sqlite3_shell(file, "ALTER TABLE concession DROP COLUMN variant; PRAGMA user_version = 7;");
    INFO(undo.output);
    REQUIRE(undo.status == 0);
    const std::string has_column = "SELECT count(*) FROM pragma_table_info('concession') WHERE name = 'variant';";
    REQUIRE(shell_value(file, has_column) == "0");
    ConcessionId provisional;
    {
        auto reg = Register::open(file);
        CHECK(Register::schema_version() == 8);
        const auto old = reg.concession(before);
        REQUIRE(old);
        CHECK_FALSE(old->variant);  // the ordinary rule, as before
        CHECK(old->expires_on == ymd(2051, 3, 1));
        CHECK(reg.verify().ok());

        const auto liscate = reg.find_comune("Liscate");
        REQUIRE(liscate);
        Plot p;
        p.cemetery = reg.find_cemetery(liscate->id, "Liscate")->id;
        p.kind = PlotKind::loculo;
        p.location = Location{"P", "1", "1", ""};
        const auto plot = reg.add_plot(p);
        REQUIRE(plot);
        ConcessionRequest r;
        r.comune = liscate->id;
        r.plot = *plot.value;
        r.signed_on = ymd(2026, 1, 12);
        r.holders = {test::holder("Pèrego", "Lucia")};
        r.today = r.signed_on;
        r.variant = "provvisorio";
        const auto out = reg.concede(r, variant_regulation());
        INFO(out.reason());
        REQUIRE(out);
        provisional = out.concession->id;
    }
    CHECK(shell_value(file, "PRAGMA user_version;") == "8");
    CHECK(shell_value(file, has_column) == "1");
    CHECK(shell_value(file, "PRAGMA integrity_check;") == "ok");
    {
        auto reg = Register::open_existing(file);
        const auto c = reg.concession(provisional);
        REQUIRE(c);
        CHECK(c->variant == "provvisorio");
        CHECK(c->term_years == 2);
        CHECK(c->expires_on == ymd(2028, 1, 12));
        CHECK_FALSE(reg.concession(before)->variant);
        CHECK(reg.verify().ok());
    }
    const auto where = " WHERE id = " + std::to_string(provisional.value()) + ";";
    // The column takes a code as the regulation writes it, or nothing.
    CHECK(test::sqlite3_shell(file, "UPDATE concession SET variant = 'Provvisorio'" + where).status != 0);
    CHECK(test::sqlite3_shell(file, "UPDATE concession SET variant = ''" + where).status != 0);
    // The change log vouches for the variant: a deed read back to the ordinary rule behind
    // the program's back no longer matches its digest.
    REQUIRE(test::sqlite3_shell(file, "UPDATE concession SET variant = NULL" + where).status == 0);
    CHECK_FALSE(Register::open_existing(file).verify().ok());
}
