#include "support.hpp"

#include "storage/fixtures.hpp"

#include <cemetery/register.hpp>

#include <pwd.h>
#include <unistd.h>

#include <string>
#include <vector>

using namespace cemetery;
using test::ymd;

namespace {

std::string os_user() {
    const passwd* pw = getpwuid(geteuid());
    REQUIRE(pw);
    return pw->pw_name;
}

std::string describe(const ChangeLogEntry& e) {
    return std::to_string(e.id) + " " + e.at + " " + e.user + " " + e.entity + " " + std::to_string(e.record_id) +
           " " + e.action + " " + e.details;
}

std::vector<std::string> describe(const std::vector<ChangeLogEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(describe(e));
    return out;
}

// "2026-11-26T09:12:03Z", on a day near today.
void check_timestamp(const std::string& at) {
    INFO("at: " << at);
    REQUIRE(at.size() == 20);
    CHECK(at[10] == 'T');
    CHECK(at[13] == ':');
    CHECK(at[16] == ':');
    CHECK(at[19] == 'Z');
    const auto day = parse_iso_date(at.substr(0, 10));
    REQUIRE(day);
    CHECK(*day >= add_days(today(), -1));
    CHECK(*day <= add_days(today(), 1));
}

void check_entry(const ChangeLogEntry& e, const std::string& user, const std::string& entity, std::int64_t record_id,
                 const std::string& action, const std::vector<std::string>& in_details) {
    INFO(describe(e));
    CHECK(e.id > 0);
    CHECK(e.user == user);
    CHECK(e.entity == entity);
    CHECK(e.record_id == record_id);
    CHECK(e.action == action);
    REQUIRE_FALSE(e.details.empty());
    CHECK(e.details.front() == '{');
    CHECK(e.details.back() == '}');
    for (const auto& part : in_details) CHECK_THAT(e.details, Catch::Contains(part));
    check_timestamp(e.at);
}

}  // namespace

TEST_CASE("every write leaves one entry in the change log, saying who, when, which record and what", "[change_log]") {
    auto reg = Register::in_memory("m.rossi");
    CHECK(reg.change_log_size() == 0);
    CHECK(reg.change_log().empty());

    Comune liscate;
    liscate.name = "Liscate";
    liscate.istat_code = "015122";
    liscate.cadastral_code = "E610";
    liscate.member_from = ymd(2016, 1, 1);
    const auto comune = reg.add_comune(liscate);
    REQUIRE(comune);
    REQUIRE(reg.change_log_size() == 1);
    check_entry(reg.change_log().back(), "m.rossi", "comune", comune.value->value(), "insert",
                {"\"name\":\"Liscate\"", "\"istat_code\":\"015122\"", "\"cadastral_code\":\"E610\""});

    const auto cemetery = reg.add_cemetery(*comune.value, "Liscate");
    REQUIRE(cemetery);
    REQUIRE(reg.change_log_size() == 2);
    check_entry(reg.change_log().back(), "m.rossi", "cemetery", cemetery.value->value(), "insert",
                {"\"name\":\"Liscate\"", "\"comune_id\":" + std::to_string(comune.value->value())});

    const auto plot = reg.add_plot(Plot{{}, *cemetery.value, PlotKind::loculo, {"A", "2", "30", "1"}});
    REQUIRE(plot);
    REQUIRE(reg.change_log_size() == 3);
    check_entry(reg.change_log().back(), "m.rossi", "plot", plot.value->value(), "insert",
                {"\"kind\":\"loculo\"", "\"numero\":\"30\"", "\"piano\":\"1\""});

    const auto entries = reg.change_log();
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].id < entries[1].id);
    CHECK(entries[1].id < entries[2].id);
}

TEST_CASE("a concession and its renewal each leave one entry", "[change_log]") {
    test::UnionRegister u;
    // The Union itself: four comuni and eight cemeteries.
    CHECK(u.reg.change_log_size() == 12);
    CHECK(u.reg.change_log("comune").size() == 4);
    CHECK(u.reg.change_log("cemetery").size() == 8);

    const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "30");
    CHECK(u.reg.change_log_size() == 13);

    const auto id = u.add_ok({.plot = plot,
                              .number = "21/2021",
                              .signed_on = ymd(2021, 3, 1),
                              .holders = {test::holder("Sala", "Marta")},
                              .deceased = {test::deceased("Sala", "Pietro")}});
    REQUIRE(u.reg.change_log_size() == 14);
    check_entry(u.reg.change_log().back(), "test.clerk", "concession", id.value(), "insert",
                {"\"deed_number\":\"21/2021\"", "\"expires_on\":\"2051-03-01\"", "\"version_name\":\"Unione 2020\"",
                 "\"holders\":{\"count\":1,", "\"given_name\":\"Pietro\""});

    REQUIRE(u.reg.renew(id, {ymd(2051, 2, 1), "R-7", ymd(2051, 2, 1)}, u.rules));
    REQUIRE(u.reg.change_log_size() == 15);
    check_entry(u.reg.change_log().back(), "test.clerk", "concession", id.value(), "renew",
                {"\"previous_expiry\":\"2051-03-01\"", "\"new_expiry\":\"2061-03-01\"", "\"years\":10",
                 "\"deed\":\"R-7\"", "\"version_name\":\"Unione 2020\"", "\"granted_on\":\"2051-02-01\""});

    SECTION("the log of one record holds its own entries, in order") {
        const auto entries = u.reg.change_log("concession", id.value());
        REQUIRE(entries.size() == 2);
        CHECK(entries[0].action == "insert");
        CHECK(entries[1].action == "renew");
        CHECK(entries[0].id < entries[1].id);
        CHECK(u.reg.change_log("plot", plot.value()).size() == 1);
        CHECK(u.reg.change_log("concession", id.value() + 1).empty());
        CHECK(u.reg.change_log("holder").empty());
    }
}

TEST_CASE("entries name the operating-system user unless the program gives one", "[change_log]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    SECTION("in memory, no user given") {
        auto reg = Register::in_memory();
        CHECK(reg.user() == os_user());
        test::UnionRegister u(std::move(reg));
        REQUIRE(u.reg.change_log_size() == 12);
        for (const auto& e : u.reg.change_log()) CHECK(e.user == os_user());
    }
    SECTION("on a file, no user given, then reopened by a named user") {
        {
            test::UnionRegister u(file, "");
            CHECK(u.reg.user() == os_user());
        }
        auto reg = Register::open_existing(file, "ufficio.liscate");
        CHECK(reg.user() == "ufficio.liscate");
        const auto liscate = reg.find_comune("Liscate");
        REQUIRE(liscate);
        REQUIRE(reg.add_cemetery(liscate->id, "Nuovo cimitero"));
        const auto entries = reg.change_log();
        REQUIRE(entries.size() == 13);
        for (std::size_t i = 0; i + 1 < entries.size(); ++i) CHECK(entries[i].user == os_user());
        CHECK(entries.back().user == "ufficio.liscate");
    }
}

TEST_CASE("the change log never shrinks", "[change_log]") {
    test::UnionRegister u;
    std::vector<std::string> seen = describe(u.reg.change_log());
    // After every step the log holds what it held before, unchanged, and maybe more.
    auto check_grew_by = [&](std::size_t n) {
        const auto now = describe(u.reg.change_log());
        REQUIRE(now.size() == seen.size() + n);
        CHECK(std::vector<std::string>(now.begin(), now.begin() + static_cast<std::ptrdiff_t>(seen.size())) == seen);
        seen = now;
    };

    const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "1");
    check_grew_by(1);
    const auto id = u.add_ok({.plot = plot, .number = "1/2021", .signed_on = ymd(2021, 1, 4)});
    check_grew_by(1);
    CHECK_FALSE(u.add({.plot = plot, .number = "2/2021", .signed_on = ymd(2021, 2, 4)}));
    check_grew_by(0);
    {
        Register::Batch batch(u.reg);
        u.plot(u.liscate_cimitero, PlotKind::loculo, "2");
        u.plot(u.liscate_cimitero, PlotKind::loculo, "3");
    }
    check_grew_by(0);
    {
        Register::Batch batch(u.reg);
        u.plot(u.liscate_cimitero, PlotKind::loculo, "2");
        u.plot(u.liscate_cimitero, PlotKind::loculo, "3");
        batch.commit();
    }
    check_grew_by(2);
    REQUIRE(u.reg.renew(id, {ymd(2050, 1, 4), "", ymd(2050, 1, 4)}, u.rules));
    check_grew_by(1);
    CHECK_FALSE(u.reg.renew(id, {ymd(2060, 1, 4), "", ymd(2060, 1, 4)}, u.rules));
    check_grew_by(0);
}

TEST_CASE("the database refuses to change or remove a change-log entry", "[change_log]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    std::vector<std::string> before;
    {
        test::UnionRegister u(file);
        const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "1");
        u.add_ok({.plot = plot, .number = "1/2021", .signed_on = ymd(2021, 1, 4)});
        before = describe(u.reg.change_log());
    }
    REQUIRE(before.size() == 14);

    std::string sql;
    SECTION("an UPDATE of every entry") { sql = "UPDATE change_log SET user = 'intruso';"; }
    SECTION("an UPDATE of one entry's details") {
        sql = "UPDATE change_log SET details = '{}' WHERE entity = 'concession';";
    }
    SECTION("a DELETE of every entry") { sql = "DELETE FROM change_log;"; }
    SECTION("a DELETE of one entry") { sql = "DELETE FROM change_log WHERE id = 1;"; }
    SECTION("a DELETE inside a transaction that commits") {
        sql = "BEGIN; DELETE FROM change_log WHERE entity = 'plot'; COMMIT;";
    }
    const auto shell = test::sqlite3_shell(file, sql);
    INFO(sql << "\n" << shell.output);
    CHECK(shell.status != 0);
    CHECK_THAT(shell.output, Catch::Contains("append-only"));

    const auto count = test::sqlite3_shell(file, "SELECT count(*) FROM change_log;");
    REQUIRE(count.status == 0);
    CHECK(count.output == std::to_string(before.size()) + "\n");
    auto reg = Register::open_existing(file);
    CHECK(describe(reg.change_log()) == before);
}

TEST_CASE("a refused write leaves no entry in the change log", "[change_log]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "1");
    const auto id = u.add_ok({.plot = plot, .number = "1/2021", .signed_on = ymd(2021, 1, 4)});
    REQUIRE(u.reg.renew(id, {ymd(2050, 1, 4), "", ymd(2050, 1, 4)}, u.rules));
    const auto later_plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "2");
    const auto early = u.add_ok({.plot = later_plot, .number = "9/2005", .signed_on = ymd(2005, 1, 1), .years = 30});
    u.add_ok({.plot = later_plot, .number = "2/2040", .signed_on = ymd(2040, 1, 1)});
    const auto free_plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "3");
    const auto before = describe(u.reg.change_log());

    SECTION("a comune already there") {
        Comune again;
        again.name = "LISCATE";
        again.istat_code = "015999";
        again.cadastral_code = "Z999";
        again.member_from = ymd(2016, 1, 1);
        CHECK_FALSE(u.reg.add_comune(again));
    }
    SECTION("a cemetery already there") { CHECK_FALSE(u.reg.add_cemetery(u.truccazzano, "Albignano")); }
    SECTION("a cemetery of no comune") { CHECK_FALSE(u.reg.add_cemetery(ComuneId{999}, "Altrove")); }
    SECTION("a plot where one stands") {
        CHECK_FALSE(u.reg.add_plot(Plot{{}, u.liscate_cimitero, PlotKind::loculo, {"A", "1", "1", ""}}));
    }
    SECTION("a deed number already used in the comune") {
        CHECK_FALSE(u.add({.plot = free_plot, .number = "1/2021", .signed_on = ymd(2021, 5, 4)}));
    }
    SECTION("a concession overlapping another") {
        CHECK_FALSE(u.add({.plot = plot, .number = "5/2030", .signed_on = ymd(2030, 1, 1)}));
    }
    SECTION("a concession on a plot of another comune") {
        Concession c = u.concession_for({.plot = plot, .number = "5/2099", .signed_on = ymd(2099, 1, 1)});
        c.comune = u.bellinzago;
        CHECK_FALSE(u.reg.add_concession(c));
    }
    SECTION("a deceased buried before death") {
        CHECK_FALSE(u.add({.plot = free_plot, .number = "6/2022", .signed_on = ymd(2022, 1, 1),
                           .deceased = {test::deceased("Sala", "Ugo", {}, ymd(2022, 1, 1), ymd(2021, 12, 30))}}));
    }
    SECTION("a concession on a plot that does not exist") {
        Concession c = u.concession_for({.plot = free_plot, .number = "7/2022", .signed_on = ymd(2022, 1, 1)});
        c.plot = PlotId{free_plot.value() + 100};
        CHECK_FALSE(u.reg.add_concession(c));
    }
    SECTION("a renewal the rules refuse") { CHECK_FALSE(u.reg.renew(id, {ymd(2060, 1, 4), "", ymd(2060, 1, 4)}, u.rules)); }
    SECTION("a renewal into a later concession on the plot") {
        const auto outcome = u.reg.renew(early, {ymd(2034, 6, 1), "", ymd(2034, 6, 1)}, u.rules);
        CHECK_FALSE(outcome);
        CHECK(outcome.conflict);
    }
    SECTION("a renewal of a concession that does not exist") {
        CHECK_FALSE(u.reg.renew(ConcessionId{999}, {ymd(2034, 6, 1), ""}, u.rules));
    }
    CHECK(describe(u.reg.change_log()) == before);
}
