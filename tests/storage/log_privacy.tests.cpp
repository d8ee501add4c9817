// Holders are living people: the change log, which is kept for ever and can
// never be edited, holds none of their data. Its entries say how many holders a
// change wrote and carry a digest of their data; the data live in the records,
// where a clerk corrects or erases them, and the chain still verifies.
#include "support.hpp"

#include "storage/fixtures.hpp"

#include <cemetery/register.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

using namespace cemetery;
using test::ymd;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// A holder with every field filled, none of it shared with the deceased.
Holder full_holder() {
    Holder h = test::holder("Brivio", "Ottavia", "BRVTTV60A41E610S");
    h.address = "via dei Gelsi 7, Liscate";
    h.phone = "+39 347 5550192";
    h.email = "ottavia.brivio@example.org";
    return h;
}

// What must be found nowhere once the holder is gone from the records.
std::vector<std::string> personal_data(const Holder& h) {
    return {h.codice_fiscale, h.address, h.phone, h.email};
}

std::string shell_ok(const std::filesystem::path& db, const std::string& sql) {
    const auto r = test::sqlite3_shell(db, sql);
    INFO(sql << "\n" << r.output);
    REQUIRE(r.status == 0);
    return r.output;
}

// Every "table.column" of the file whose text (or bytes) holds `needle`, in any case:
// every table, the search index's own tables included.
std::vector<std::string> columns_holding(const std::filesystem::path& db, const std::string& needle) {
    std::istringstream columns(shell_ok(
        db, "SELECT m.name || '|' || p.name FROM sqlite_master m, pragma_table_info(m.name) p "
            "WHERE m.type = 'table' ORDER BY 1;"));
    std::string query;
    std::string line;
    while (std::getline(columns, line)) {
        const auto bar = line.find('|');
        const std::string table = line.substr(0, bar);
        const std::string column = line.substr(bar + 1);
        if (!query.empty()) query += " UNION ALL ";
        query += "SELECT '" + table + "." + column + "' FROM \"" + table + "\" WHERE instr(lower(CAST(\"" + column +
                 "\" AS BLOB)), lower('" + needle + "')) > 0";
    }
    REQUIRE_FALSE(query.empty());
    std::istringstream found(shell_ok(db, query + ";"));
    std::vector<std::string> out;
    while (std::getline(found, line)) out.push_back(line);
    return out;
}

void check_log_names_no_holder(const Register& reg, const Holder& h) {
    for (const auto& e : reg.change_log()) {
        INFO(e.id << " " << e.action << " " << e.details);
        for (const auto& value : {h.surname, h.given_name, h.codice_fiscale, h.address, h.phone, h.email}) {
            if (!value.empty()) CHECK_THAT(lower(e.details), !Catch::Contains(lower(value)));
        }
    }
}

}  // namespace

TEST_CASE("a concession's change-log entries name no holder: how many, and a digest of their data", "[log_privacy]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.liscate_cimitero, PlotKind::tomba_famiglia, "1");
    const Holder brivio = full_holder();
    const auto id = u.add_ok({.plot = plot,
                              .number = "7/2021",
                              .signed_on = ymd(2021, 3, 1),
                              .holders = {brivio},
                              .deceased = {test::deceased("Pèrego", "Giuseppe", ymd(1930, 1, 1), ymd(2021, 2, 20),
                                                          ymd(2021, 3, 2))}});
    const auto insert = u.reg.change_log("concession", id.value()).back();
    CHECK(insert.action == "insert");
    CHECK_THAT(insert.details, Catch::Contains("\"holders\":{\"count\":1,\"digest\":\""));
    // The deceased are no living people: the burial register is a public record (DPR 285/1990 art. 52).
    CHECK_THAT(insert.details, Catch::Contains("\"surname\":\"Pèrego\""));

    Holder sala = test::holder("Sala", "Marta", "SLAMRT70C45F205V");
    sala.phone = "02 9550123";
    REQUIRE(u.reg.add_people(id, {sala}, {}));
    CHECK_THAT(u.reg.change_log().back().details, Catch::Contains("\"holders\":{\"count\":1,\"digest\":\""));
    const auto version = u.reg.concession(id)->row_version;
    REQUIRE(u.reg.replace_holders(id, {sala}, version));
    CHECK_THAT(u.reg.change_log().back().details, Catch::Contains("\"before\":{\"count\":2,\"digest\":\""));
    CHECK_THAT(u.reg.change_log().back().details, Catch::Contains("\"after\":{\"count\":1,\"digest\":\""));
    REQUIRE(u.reg.succeed(id, SuccessionRequest{ymd(2032, 1, 10), "voltura 2032/4", {brivio}, SuccessionMode::join, {}}));
    const auto succession = u.reg.change_log("concession", id.value()).back();
    CHECK(succession.action == "succession");
    CHECK_THAT(succession.details, Catch::Contains("\"holders_before\":1"));
    CHECK_THAT(succession.details, Catch::Contains("\"holders_after\":2"));

    check_log_names_no_holder(u.reg, brivio);
    check_log_names_no_holder(u.reg, sala);
    // The same holders give the same digest, other holders another.
    const auto entries = u.reg.change_log("concession", id.value());
    const auto digest_in = [](const std::string& details, const std::string& key) {
        const auto at = details.find("\"" + key + "\":{\"count\"");
        REQUIRE(at != std::string::npos);
        const auto d = details.find("\"digest\":\"", at) + 10;
        return details.substr(d, 64);
    };
    CHECK(digest_in(entries[0].details, "holders") != digest_in(entries[1].details, "holders"));
    CHECK(digest_in(entries[2].details, "after") == digest_in(entries[1].details, "holders"));
    CHECK(u.reg.verify().ok());
}

TEST_CASE("a holder's contacts erased in the records are nowhere in the register file, which still verifies",
          "[log_privacy]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    const Holder brivio = full_holder();
    {
        test::UnionRegister u(file);
        const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "3", "N", "1", "1");
        ConcessionRequest r;
        r.comune = u.liscate;
        r.plot = plot;
        r.signed_on = ymd(2026, 12, 1);
        r.holders = {brivio};
        r.first_deceased = test::deceased("Pèrego", "Giuseppe", ymd(1941, 3, 3), ymd(2026, 11, 28));
        const auto granted = u.reg.concede(r, u.rules);
        REQUIRE(granted);
        const auto id = granted.concession->id;
        // A renewal and a burial in between: the record's history goes on around the holder.
        REQUIRE(u.reg.bury(id,
                           BurialRequest{test::deceased("Pèrego", "Anna", ymd(1944, 8, 8), ymd(2031, 5, 1),
                                                        ymd(2031, 5, 3)),
                                         RemainsForm::urn, ymd(2031, 5, 3)},
                           u.rules));
        // The holder asks for her contacts to be erased, and her tax code was wrong.
        Holder erased = test::holder(brivio.surname, brivio.given_name);
        REQUIRE(u.reg.replace_holders(id, {erased}, u.reg.concession(id)->row_version));
        const auto report = u.reg.verify();
        CHECK(report.ok());
    }
    for (const auto& value : personal_data(brivio)) {
        INFO(value);
        CHECK(columns_holding(file, value).empty());
    }
    // The file's bytes too, free pages included: the register writes with secure_delete.
    REQUIRE_FALSE(std::filesystem::exists(file.string() + "-wal"));
    const std::string bytes = lower(test::file_bytes(file));
    for (const auto& value : personal_data(brivio)) {
        INFO(value);
        CHECK(bytes.find(lower(value)) == std::string::npos);
    }
    auto reg = Register::open_existing(file);
    CHECK(reg.verify().ok());
}

TEST_CASE("people an import adds to a concession already in the register: the entry counts its holders",
          "[log_privacy][load]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.liscate_cimitero, PlotKind::tomba_famiglia, "1");
    const auto id = u.add_ok({.plot = plot, .number = "T-1", .signed_on = ymd(1990, 5, 2), .years = 99});
    const Holder brivio = full_holder();
    {
        Register::Load load(u.reg, "registro.csv");
        REQUIRE(load.add_people(id, {brivio}, {test::deceased("Pèrego", "Luigi")}));
        load.commit();
    }
    const auto entry = u.reg.change_log("concession", id.value()).back();
    CHECK(entry.action == "add_people");
    CHECK_THAT(entry.details, Catch::Contains("\"holders\":{\"count\":1,\"digest\":\""));
    CHECK_THAT(entry.details, Catch::Contains("Luigi"));
    check_log_names_no_holder(u.reg, brivio);
    CHECK(u.reg.verify().ok());
}

TEST_CASE("a register whose log holds holders' data loses it at its migration, and verifies", "[log_privacy][schema]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    // Written by the program of schema 5: an import, a concession granted with a
    // holder's tax code, a succession (the holders before and after, by name).
    std::filesystem::copy_file(CEMETERY_TEST_DATA_DIR "/registro-v5.sqlite", file);
    REQUIRE(shell_ok(file, "PRAGMA user_version;") == "5\n");
    const std::vector<std::string> in_old_log = {"PRGLCU60A41E640L", "DDACRL70A41E610X", "Lucia", "Carla"};
    for (const auto& value : in_old_log) {
        INFO(value);
        REQUIRE(std::stoi(shell_ok(file, "SELECT count(*) FROM change_log WHERE instr(details, '" + value + "');")) > 0);
    }
    const auto old_head = shell_ok(file, "SELECT id || ' ' || chain FROM change_log ORDER BY id DESC LIMIT 1;");
    const auto old_head_id = std::stoll(old_head);
    const auto old_head_chain = old_head.substr(old_head.find(' ') + 1, 64);
    const auto holder_entries =
        std::stoll(shell_ok(file, "SELECT count(*) FROM change_log WHERE instr(details, '\"holders') "
                                  "OR action = 'replace_holders';"));
    {
        auto reg = Register::open(file);
        const auto report = reg.verify();
        CHECK(report.ok());
        CHECK(report.entries == old_head_id + 1);
        const auto log = reg.change_log();
        for (const auto& e : log) {
            INFO(e.id << " " << e.action << " " << e.details);
            for (const auto& value : in_old_log) CHECK_THAT(e.details, !Catch::Contains(value));
        }
        // One entry says what the migration did, and the head an office may have noted before it.
        const auto& last = log.back();
        CHECK(last.entity == "change_log");
        CHECK(last.action == "redact_personal_data");
        CHECK_THAT(last.details, Catch::Contains("\"previous_head\":{\"chain\":\"" + old_head_chain +
                                                 "\",\"id\":" + std::to_string(old_head_id) + "}"));
        CHECK_THAT(last.details, Catch::Contains("\"entries_redacted\":" + std::to_string(holder_entries)));
        CHECK_THAT(last.details, Catch::Contains("\"chain_breaks_before\":0"));
        CHECK(report.head_id == last.id);
        CHECK(report.head_chain != old_head_chain);
        // The deceased stay, by name.
        CHECK(std::any_of(log.begin(), log.end(),
                          [](const ChangeLogEntry& e) { return e.details.find("Giuseppe") != std::string::npos; }));
    }
    // The append-only triggers are back.
    CHECK(test::sqlite3_shell(file, "UPDATE change_log SET details = '{}' WHERE id = 1;").status != 0);
    CHECK(test::sqlite3_shell(file, "DELETE FROM change_log WHERE id = 1;").status != 0);
    // The copy kept before the migration still holds them: it is the office's to dispose of.
    std::vector<std::filesystem::path> copies;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path() / "copie")) copies.push_back(entry.path());
    REQUIRE(copies.size() == 1);
    CHECK(shell_ok(copies.front(), "PRAGMA user_version;") == "5\n");
}

TEST_CASE("a log edited before its migration keeps the evidence: the migration's entry counts the breaks",
          "[log_privacy][schema]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    std::filesystem::copy_file(CEMETERY_TEST_DATA_DIR "/registro-v5.sqlite", file);
    shell_ok(file, "DROP TRIGGER change_log_no_update; UPDATE change_log SET user = 'someone' WHERE id = 14;");
    auto reg = Register::open(file);
    const auto last = reg.change_log().back();
    REQUIRE(last.action == "redact_personal_data");
    CHECK_THAT(last.details, Catch::Contains("\"chain_breaks_before\":1"));
    CHECK_THAT(last.details, Catch::Contains("\"first_break_before\":14"));
}
