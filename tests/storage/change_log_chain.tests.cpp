// The tamper-evident change log: every write chains its entry to the one before
// it and vouches for the record it leaves; Register::verify recomputes both and
// names what an edit behind the program's back changed.
#include "support.hpp"

#include "storage/fixtures.hpp"

#include <cemetery/import.hpp>
#include <cemetery/register.hpp>
#include <cemetery/regulation_loader.hpp>

#include <algorithm>
#include <string>

using namespace cemetery;
using test::ymd;

namespace {

std::string describe(const VerifyReport& r) {
    std::string out = "entries " + std::to_string(r.entries) + ", breaks " + std::to_string(r.chain_break_count) +
                      ", records " + std::to_string(r.records) + ", mismatches " + std::to_string(r.mismatch_count);
    for (const auto& line : r.integrity) out += "\nintegrity: " + line;
    for (const auto& f : r.foreign_keys) out += "\nreference: " + f;
    for (const auto& b : r.chain_breaks) out += "\nbreak at entry " + std::to_string(b.entry_id);
    for (const auto& m : r.mismatches) {
        out += "\n" + std::string(code(m.kind)) + " " + m.entity + " " + std::to_string(m.record_id) + " (entry " +
               std::to_string(m.entry_id) + ")";
    }
    return out;
}

void check_verifies(const Register& reg) {
    const auto report = reg.verify();
    INFO(describe(report));
    CHECK(report.ok());
    CHECK(report.entries == reg.change_log_size());
    CHECK(report.chain_break_count == 0);
    CHECK(report.mismatch_count == 0);
    CHECK(report.records > 0);
    const auto log = reg.change_log();
    REQUIRE_FALSE(log.empty());
    CHECK(report.head_id == log.back().id);
    CHECK(report.head_chain.size() == 64);
    CHECK(report.head_chain.find_first_not_of("0123456789abcdef") == std::string::npos);
}

ConcessionRequest at_death(ComuneId comune, PlotId plot, Date signed_on, std::string surname) {
    ConcessionRequest r;
    r.comune = comune;
    r.plot = plot;
    r.signed_on = signed_on;
    r.holders = {test::holder(surname, "Lucia", "")};
    r.first_deceased = test::deceased(std::move(surname), "Giuseppe", ymd(1941, 3, 3), add_days(signed_on, -2));
    r.today = signed_on;
    return r;
}

// A Liscate register with several concessions of different lives, every write
// made by the library (each entry's digest read for its one record).
struct LivedRegister {
    explicit LivedRegister(const std::filesystem::path& file) : u(file) {
        const auto p1 = u.plot(u.liscate_cimitero, PlotKind::tomba_famiglia, "1", "N", "1");
        const auto p2 = u.plot(u.liscate_cimitero, PlotKind::loculo, "2", "N", "1", "1");
        const auto p3 = u.plot(u.liscate_cimitero, PlotKind::loculo, "3", "N", "1", "1");
        const auto p4 = u.plot(u.liscate_cimitero, PlotKind::loculo, "4", "N", "1", "1");
        first = u.reg.concede(at_death(u.liscate, p1, ymd(2021, 3, 1), "Pèrego"), u.rules).concession->id;
        second = u.reg.concede(at_death(u.liscate, p2, ymd(2021, 4, 1), "D'Adda"), u.rules).concession->id;
        third = u.reg.concede(at_death(u.liscate, p3, ymd(2021, 5, 1), "Dell'Orto"), u.rules).concession->id;
        REQUIRE(u.reg.bury(first,
                           BurialRequest{test::deceased("Pèrego", "Anna", ymd(1944, 8, 8), ymd(2031, 5, 1),
                                                        ymd(2031, 5, 3)),
                                         RemainsForm::urn, ymd(2031, 5, 3)},
                           u.rules));
        REQUIRE(u.reg.renew(second, {ymd(2051, 1, 10), "R-1", ymd(2051, 1, 10)}, u.rules));
        REQUIRE(u.reg.succeed(first, SuccessionRequest{ymd(2032, 1, 10), "voltura 2032/4",
                                                       {test::holder("Rossi", "Carla", "")}, SuccessionMode::join, {}}));
        REQUIRE(u.reg.post_expired(u.liscate, ymd(2051, 6, 1), ymd(2051, 6, 1)));
        REQUIRE(u.reg.close(third, ClosingRequest{ymd(2051, 9, 1), RemainsDestination::ossuary, "det. 4/2051", ""},
                            u.rules));
        REQUIRE(u.reg.put_out_of_use(p4, ymd(2030, 1, 1), "wall condemned"));
    }
    test::UnionRegister u;
    ConcessionId first, second, third;
};

std::string shell_ok(const std::filesystem::path& db, const std::string& sql) {
    const auto r = test::sqlite3_shell(db, sql);
    INFO(sql << "\n" << r.output);
    REQUIRE(r.status == 0);
    return r.output;
}

std::int64_t entry_of(const Register& reg, const std::string& entity, std::int64_t record, const std::string& action) {
    for (const auto& e : reg.change_log(entity, record)) {
        if (e.action == action) return e.id;
    }
    FAIL("no " << action << " entry for " << entity << " " << record);
    return 0;
}

}  // namespace

TEST_CASE("every write chains its entry to the one before and vouches for the record it leaves", "[chain]") {
    test::TempDir dir;
    LivedRegister r(dir.file("registro.sqlite"));
    // The digests written one record at a time are the ones verify streams over
    // every record: a merge that gave a row to the wrong record would show here.
    check_verifies(r.u.reg);
    const auto report = r.u.reg.verify();
    // Comuni, cemeteries, plots and concessions, each with an entry.
    CHECK(report.records == static_cast<std::int64_t>(r.u.reg.comuni().size() + r.u.reg.cemeteries().size() + 4 + 3));

    SECTION("and a register opened again still verifies, and goes on chaining") {
        auto again = Register::open_existing(dir.file("registro.sqlite"));
        check_verifies(again);
        REQUIRE(again.renew(r.first, {ymd(2051, 3, 1), "R-2", ymd(2051, 3, 1)}, r.u.rules));
        check_verifies(again);
        CHECK(again.verify().head_chain != report.head_chain);
    }
}

TEST_CASE("an in-memory register verifies too", "[chain]") {
    test::UnionRegister u;
    const auto p = u.plot(u.liscate_cimitero, PlotKind::loculo, "1", "N", "1", "1");
    REQUIRE(u.reg.concede(at_death(u.liscate, p, ymd(2026, 12, 1), "Pèrego"), u.rules));
    check_verifies(u.reg);
}

TEST_CASE("an import's entries, written at commit from one streaming pass, chain and verify", "[chain][import]") {
    test::UnionRegister u;
    const auto before = u.reg.verify();
    const auto report = import_register(u.reg, u.rules, CEMETERY_TEST_DATA_DIR "/registro-esempio.csv");
    INFO(report.errors.size());
    REQUIRE(report.ok());
    REQUIRE(report.concessions_added > 0);
    check_verifies(u.reg);
    const auto after = u.reg.verify();
    CHECK(after.entries == before.entries + static_cast<std::int64_t>(report.concessions_added));
    // Plots an import writes have no entry of their own: their concession's digest covers them.
    CHECK(after.records == before.records + static_cast<std::int64_t>(report.concessions_added));

    SECTION("and a renewal after it chains on from the import's last entry") {
        const auto id = u.reg.find_concession(u.liscate, "E-1987-031");
        REQUIRE(id);
        const auto renewed = u.reg.renew(*id, {ymd(2026, 11, 26), "R-2026/14"}, u.rules);
        INFO(renewed.decision.explanation());
        REQUIRE(renewed);
        check_verifies(u.reg);
    }
}

TEST_CASE("a load's digests, computed from what it wrote, are the ones verify reads back", "[chain][load]") {
    test::UnionRegister u;
    // Written before the load: a concession on it reads its plot back.
    const PlotId old_plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "9", "Z");
    {
        Register::Load load(u.reg, "registro.csv");
        auto new_plot = [&](PlotKind kind, const char* numero, const char* piano) {
            const auto p = load.add_plot(Plot{{}, u.liscate_cimitero, kind, Location{"B", "2", numero, piano}});
            REQUIRE(p);
            return *p.value;
        };
        // A family tomb with every field of its people filled, and more people in
        // the rows that follow it.
        Holder full = test::holder("Pèrego", "Lucia", "PRGLCU60A41E640X");
        full.address = "via Roma 1, Liscate";
        full.phone = "02 1234567";
        full.email = "lucia@example.org";
        const PlotId tomb = new_plot(PlotKind::tomba_famiglia, "1", "");
        auto family = u.concession_for({.plot = tomb, .number = "T-1", .signed_on = ymd(1990, 5, 2), .years = 99,
                                        .holders = {full, test::holder("D'Adda", "Ugo")},
                                        .deceased = {test::deceased("Pèrego", "Anna", ymd(1920, 1, 1), ymd(1990, 5, 1),
                                                                    ymd(1990, 5, 3))}});
        const auto t = load.add_concession(family, 2);
        REQUIRE(t);
        REQUIRE(load.add_people(*t.value, {test::holder("Rossi", "Carla")}, {test::deceased("Pèrego", "Luigi")}));
        REQUIRE(load.add_people(*t.value, {}, {test::deceased("Pèrego", "Ida", {}, ymd(2001, 2, 3))}));
        // Perpetual, with nobody: no term, no expiry.
        auto perpetual = u.concession_for(
            {.plot = new_plot(PlotKind::cappella, "2", ""), .number = "P-1", .signed_on = ymd(1962, 7, 1), .perpetual = true});
        const auto p = load.add_concession(perpetual, 5);
        REQUIRE(p);
        // Renewed twice, on a plot with a piano.
        auto renewed = u.concession_for({.plot = new_plot(PlotKind::loculo, "3", "2"), .number = "R-1",
                                         .signed_on = ymd(1980, 1, 15), .years = 30,
                                         .deceased = {test::deceased("Brambilla", "Ezio", {}, ymd(1980, 1, 10))}});
        renewed.renewals = {Renewal{{}, ymd(2009, 12, 1), 20, ymd(2010, 1, 14), ymd(2030, 1, 14), "R-2009/1", "2008"},
                            Renewal{{}, ymd(2029, 12, 1), 10, ymd(2030, 1, 14), ymd(2040, 1, 14), "", ""}};
        renewed.expires_on = ymd(2040, 1, 14);
        REQUIRE(load.add_concession(renewed, 6));
        // People added after another concession started: read back.
        REQUIRE(load.add_people(*p.value, {full}, {test::deceased("Pèrego", "Rosa")}));
        // On the plot from before the load: read back.
        REQUIRE(load.add_concession(
            u.concession_for({.plot = old_plot, .number = "V-1", .signed_on = ymd(2001, 3, 3), .years = 40}), 8));
        load.commit();
    }
    CHECK(u.reg.count_concessions() == 4);
    check_verifies(u.reg);
    const auto tomb = u.reg.find_concession(u.liscate, "T-1");
    REQUIRE(tomb);
    CHECK(u.reg.concession(*tomb)->deceased.size() == 3);
    CHECK(u.reg.concession(*tomb)->holders.size() == 3);
    // The chapel's digest was read back, and is the record as the load left it.
    const auto chapel = u.reg.find_concession(u.liscate, "P-1");
    REQUIRE(chapel);
    CHECK(u.reg.concession(*chapel)->holders.size() == 1);
}

TEST_CASE("the change log still refuses to be edited or shortened", "[chain]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    LivedRegister r(file);
    const auto size = r.u.reg.change_log_size();
    CHECK(test::sqlite3_shell(file, "UPDATE change_log SET details = '{}' WHERE id = 3;").status != 0);
    CHECK(test::sqlite3_shell(file, "UPDATE change_log SET chain = NULL;").status != 0);
    CHECK(test::sqlite3_shell(file, "DELETE FROM change_log WHERE id = 3;").status != 0);
    CHECK(r.u.reg.change_log_size() == size);
    check_verifies(r.u.reg);
}

TEST_CASE("verify names the record an edit behind the program's back changed", "[chain]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    LivedRegister r(file);
    REQUIRE(r.u.reg.verify().ok());

    std::string entity = "concession";
    std::int64_t record = r.second.value();
    RecordMismatch::Kind kind = RecordMismatch::Kind::changed;
    SECTION("a concession's expiry moved") {
        shell_ok(file, "UPDATE concession SET expires_on = '2099-12-31' WHERE id = " + std::to_string(record) + ";");
    }
    SECTION("a holder's phone number of a concession between two others") {
        shell_ok(file, "UPDATE holder SET phone = '333 000' WHERE concession_id = " + std::to_string(record) + ";");
    }
    SECTION("a renewal removed") {
        shell_ok(file, "DELETE FROM renewal WHERE concession_id = " + std::to_string(record) + ";");
    }
    SECTION("a deceased's burial date in the family tomb") {
        record = r.first.value();
        shell_ok(file, "UPDATE deceased SET buried_on = '2031-05-04' WHERE surname = 'Pèrego' AND given_name = 'Anna';");
    }
    SECTION("a closing's act") {
        record = r.third.value();
        shell_ok(file, "UPDATE closing SET act = 'det. 5/2051';");
    }
    SECTION("a plot's place, under a concession") {
        entity = "plot";
        record = r.u.reg.concession(r.second)->plot.value();
        shell_ok(file, "UPDATE plot SET numero = '99' WHERE id = " + std::to_string(record) + ";");
    }
    SECTION("a plot taken out of use no longer is") {
        entity = "plot";
        record = r.u.reg.concession(r.third)->plot.value() + 1;
        shell_ok(file, "DELETE FROM plot_out_of_use;");
    }
    SECTION("a comune's name") {
        entity = "comune";
        record = r.u.liscate.value();
        shell_ok(file, "UPDATE comune SET name = 'Liscate di Sopra' WHERE id = " + std::to_string(record) + ";");
    }
    SECTION("a concession written with no entry") {
        kind = RecordMismatch::Kind::unlogged;
        const auto plot = r.u.plot(r.u.liscate_cimitero, PlotKind::loculo, "9", "Z");
        shell_ok(file, "INSERT INTO concession (id, comune_id, plot_id, deed_number, signed_on, term_start, term_years, "
                       "expires_on, term_source) VALUES (500, " + std::to_string(r.u.liscate.value()) + ", " +
                           std::to_string(plot.value()) + ", 'X-1', '2020-01-01', '2020-01-01', 30, '2050-01-01', 'deed');");
        record = 500;
    }
    const auto report = r.u.reg.verify();
    INFO(describe(report));
    CHECK(report.chain_break_count == 0);
    // The plot's row is also in its concession's digest.
    const std::int64_t expected = entity == "plot" && kind == RecordMismatch::Kind::changed &&
                                          record == r.u.reg.concession(r.second)->plot.value()
                                      ? 2
                                      : 1;
    REQUIRE(report.mismatch_count == expected);
    const auto named = std::find_if(report.mismatches.begin(), report.mismatches.end(),
                                    [&](const RecordMismatch& m) { return m.entity == entity; });
    REQUIRE(named != report.mismatches.end());
    CHECK(named->record_id == record);
    CHECK(named->kind == kind);
    if (entity == "concession" && kind == RecordMismatch::Kind::changed) {
        CHECK(named->comune == "Liscate");
        CHECK(named->deed_number == r.u.reg.concession(ConcessionId{record})->deed_number);
        CHECK(named->entry_id == r.u.reg.change_log("concession", record).back().id);
    }
    CHECK_FALSE(report.ok());
}

TEST_CASE("a concession removed behind the program's back is named as missing", "[chain]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    LivedRegister r(file);
    const auto id = std::to_string(r.second.value());
    shell_ok(file, "PRAGMA foreign_keys = OFF; DELETE FROM holder WHERE concession_id = " + id +
                       "; DELETE FROM deceased WHERE concession_id = " + id + "; DELETE FROM renewal WHERE concession_id = " +
                       id + "; DELETE FROM posting WHERE concession_id = " + id + "; DELETE FROM concession WHERE id = " +
                       id + ";");
    const auto report = r.u.reg.verify();
    INFO(describe(report));
    REQUIRE(report.mismatch_count == 1);
    CHECK(report.mismatches.front().kind == RecordMismatch::Kind::missing);
    CHECK(report.mismatches.front().record_id == r.second.value());
}

TEST_CASE("verify names the change-log entry an insider edited, after dropping the append-only trigger", "[chain]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    LivedRegister r(file);
    const auto renewal = entry_of(r.u.reg, "concession", r.second.value(), "renew");
    const auto size = r.u.reg.change_log_size();

    std::int64_t broken = renewal;
    SECTION("its details rewritten") {
        shell_ok(file, "DROP TRIGGER change_log_no_update; UPDATE change_log SET details = "
                       "replace(details, 'R-1', 'R-9') WHERE id = " + std::to_string(renewal) + ";");
    }
    SECTION("its user changed") {
        shell_ok(file, "DROP TRIGGER change_log_no_update; UPDATE change_log SET user = 'someone' WHERE id = " +
                           std::to_string(renewal) + ";");
    }
    SECTION("removed: the entry after it no longer follows") {
        shell_ok(file, "DROP TRIGGER change_log_no_delete; DELETE FROM change_log WHERE id = " +
                           std::to_string(renewal) + ";");
        broken = renewal + 1;
    }
    SECTION("an entry added at the end with a made-up chain") {
        broken = size + 1;
        shell_ok(file, "INSERT INTO change_log (id, at, user, entity, record_id, action, details, chain) VALUES (" +
                           std::to_string(broken) + ", '2026-12-01T10:00:00Z', 'x', 'concession', 1, 'renew', '{}', '" +
                           std::string(64, 'a') + "');");
    }
    const auto report = r.u.reg.verify();
    INFO(describe(report));
    REQUIRE(report.chain_break_count == 1);
    CHECK(report.chain_breaks.front().entry_id == broken);
    CHECK_FALSE(report.ok());
}

TEST_CASE("a register of schema 1 migrated to the chain verifies, with one new entry: the chain's new format",
          "[chain][schema]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    std::filesystem::copy_file(CEMETERY_TEST_DATA_DIR "/registro-v1.sqlite", file);
    const auto entries_before = std::stoll(shell_ok(file, "SELECT count(*) FROM change_log;"));
    {
        auto reg = Register::open(file);
        check_verifies(reg);
        // Schema 6 chained the log again, and said so in an entry of its own.
        CHECK(reg.change_log_size() == entries_before + 1);
        CHECK(reg.change_log().back().action == "redact_personal_data");
        const auto report = reg.verify();
        CHECK(report.records == 4 + 8 + 6);  // comuni, cemeteries, concessions: plots only under their concessions
    }
    CHECK(shell_ok(file, "PRAGMA user_version;") == std::to_string(Register::schema_version()) + "\n");
    CHECK(shell_ok(file, "SELECT count(*) FROM change_log WHERE chain IS NULL;") == "0\n");
    // The append-only triggers are back.
    CHECK(test::sqlite3_shell(file, "UPDATE change_log SET details = '{}' WHERE id = 1;").status != 0);
    CHECK(test::sqlite3_shell(file, "DELETE FROM change_log WHERE id = 1;").status != 0);

    SECTION("and what is written after the migration chains on") {
        auto reg = Register::open_existing(file);
        const auto rules = load_regulation(test::shipped_regulation_path());
        const auto id = reg.find_concession(reg.find_comune("Liscate")->id, "E-1987-031");
        REQUIRE(id);
        const auto renewed = reg.renew(*id, {ymd(2026, 11, 26), "R-2026/14"}, rules);
        INFO(renewed.decision.explanation());
        REQUIRE(renewed);
        check_verifies(reg);
        CHECK(reg.change_log_size() == entries_before + 2);
    }
}
