// `cemetery verify`: a register edited with the sqlite3 shell, as an insider
// could, is caught and the edited concession or change-log entry named.
#include "cli/run.hpp"
#include "support.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

using test::CliResult;

namespace {

bool have_sqlite3_shell() {
    const auto r = test::run_program("sqlite3", {"-version"});
    return r.exit_code == 0;
}

CliResult shell(const std::filesystem::path& db, const std::string& sql) {
    auto r = test::run_program("sqlite3", {"-bail", db.string(), sql});
    INFO(sql << "\n" << r);
    REQUIRE(r.exit_code == 0);
    return r;
}

// A demo register of 300 concessions, verified clean.
struct Demo {
    test::TempDir dir;
    std::filesystem::path db = dir.file("registro.sqlite");
    Demo() {
        const auto made = test::cemetery(db, {"demo", "--concessions", "300"});
        INFO(made);
        REQUIRE(made.exit_code == 0);
        const auto clean = test::cemetery(db, {"verify"});
        INFO(clean);
        REQUIRE(clean.exit_code == 0);
        CHECK_THAT(clean.out, Catch::Contains("chain intact"));
        CHECK_THAT(clean.out, Catch::Contains("all match"));
        CHECK_THAT(clean.out, Catch::Contains("Chain head: entry "));
    }
};

}  // namespace

TEST_CASE("verify catches a concession's expiry changed with the sqlite3 shell, and names it", "[cli][verify]") {
    if (!have_sqlite3_shell()) {
        WARN("skipped: the sqlite3 shell is not installed (scripts/install-deps installs it)");
        return;
    }
    Demo demo;
    // Concession 5, or the first fixed-term one after it (a perpetual deed has no expiry to move).
    const auto id = shell(demo.db, "SELECT min(id) FROM concession WHERE id >= 5 AND perpetual = 0;").out_lines().front();
    const auto deed = shell(demo.db, "SELECT deed_number FROM concession WHERE id = " + id + ";").out_lines().front();
    shell(demo.db, "UPDATE concession SET expires_on = '2099-12-31' WHERE id = " + id);

    const auto r = test::cemetery(demo.db, {"verify"});
    INFO(r);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.out, Catch::Contains("concession " + id + " ("));
    CHECK_THAT(r.out, Catch::Contains(", deed " + deed + ")"));
    CHECK_THAT(r.out, Catch::Contains("1 do not"));
    CHECK_THAT(r.out, Catch::Contains("chain intact"));
    CHECK_THAT(r.err, Catch::Contains("does not match its change log"));

    const auto j = test::cemetery(demo.db, {"verify", "--format", "json"});
    INFO(j);
    CHECK(j.exit_code == 3);
    const auto report = nlohmann::json::parse(j.out);
    CHECK(report["ok"] == false);
    CHECK(report["discordanze_totale"] == 1);
    REQUIRE(report["discordanze"].size() == 1);
    CHECK(report["discordanze"][0]["tipo"] == "changed");
    CHECK(report["discordanze"][0]["id"] == std::stoll(id));
    CHECK(report["discordanze"][0]["numero_concessione"] == deed);
    CHECK(report["capo_catena"]["hash"].get<std::string>().size() == 64);
}

TEST_CASE("verify names the change-log entry an insider edited after dropping the append-only trigger",
          "[cli][verify]") {
    if (!have_sqlite3_shell()) {
        WARN("skipped: the sqlite3 shell is not installed (scripts/install-deps installs it)");
        return;
    }
    Demo demo;
    // The trigger stops the shell first, as it stops everyone.
    const auto refused = test::run_program("sqlite3", {demo.db.string(), "UPDATE change_log SET details = '{}' WHERE id = 7"});
    CHECK(refused.exit_code != 0);
    CHECK_THAT(refused.err, Catch::Contains("append-only"));

    shell(demo.db, "DROP TRIGGER change_log_no_update; UPDATE change_log SET details = '{\"note\":\"nothing\"}' WHERE id = 7");
    const auto r = test::cemetery(demo.db, {"verify"});
    INFO(r);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.out, Catch::Contains("1 do not match the chain"));
    CHECK_THAT(r.out, Catch::Contains("entry 7 of "));

    const auto j = nlohmann::json::parse(test::cemetery(demo.db, {"verify", "--format", "json"}).out);
    CHECK(j["catena_interrotta_totale"] == 1);
    CHECK(j["catena_interrotta"][0]["voce"] == 7);
}

TEST_CASE("verify of a register that is not there exits 4 and creates nothing", "[cli][verify]") {
    test::TempDir dir;
    const auto db = dir.file("nessuno.sqlite");
    const auto r = test::cemetery(db, {"verify"});
    INFO(r);
    CHECK(r.exit_code == 4);
    CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("verify of a file that is not a register exits 4", "[cli][verify]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    test::write_file(db, std::string(8192, 'x'));
    const auto r = test::cemetery(db, {"verify"});
    INFO(r);
    CHECK(r.exit_code == 4);
}
