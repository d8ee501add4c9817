// A load writes its change-log entries into a scratch file on a second thread and
// copies them in at commit (storage/log_build.hpp). The entries copied in must be
// the ones the load would have written itself, go on from the register's last
// entry, vouch for every record (Register::verify), including one completed by
// rows after another, and leave no scratch file behind.
#include "support.hpp"

#include "storage/fixtures.hpp"
#include "storage/scratch_fixtures.hpp"

#include <cemetery/register.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

using namespace cemetery;
using test::ymd;

namespace {

void check_verifies(const Register& reg) {
    const auto report = reg.verify();
    std::string named;
    for (const auto& m : report.mismatches) {
        named += std::string(code(m.kind)) + " " + m.entity + " " + std::to_string(m.record_id) + "; ";
    }
    INFO(named);
    CHECK(report.ok());
    CHECK(report.chain_break_count == 0);
    CHECK(report.mismatch_count == 0);
    CHECK(report.entries == reg.change_log_size());
}

// Every entry but its time and chain (which covers the time).
std::string entries(const std::filesystem::path& file) {
    const auto r = test::sqlite3_shell(
        file, "SELECT id, user, entity, record_id, action, details, state_digest FROM change_log ORDER BY id;");
    REQUIRE(r.status == 0);
    return r.output;
}

}  // namespace

TEST_CASE("a load's change-log entries built aside are the ones it would write itself", "[load][change_log]") {
    std::string aside;
    {
        test::ScratchRegister f;
        test::first_load(f.u, false);
        CHECK(test::files_in(f.scratch).empty());
        check_verifies(f.u.reg);
        aside = entries(f.file);
    }
    std::string itself;
    {
        test::TempDir dir;
        test::TemporaryDirectory tmpdir(dir.file("not-there"));  // no scratch file: written by the load
        const auto file = dir.file("registro.sqlite");
        test::UnionRegister u(file);
        test::first_load(u, false);
        check_verifies(u.reg);
        itself = entries(file);
    }
    CHECK(aside == itself);
    // The load's two concessions, the tomb completed after the loculo included.
    CHECK(aside.find("\"deed_number\":\"T-7\"") != std::string::npos);
    CHECK(aside.find("\"deed_number\":\"L-8\"") != std::string::npos);
}

TEST_CASE("a load into a register that holds concessions goes on from its last entry", "[load][change_log]") {
    test::ScratchRegister f;
    auto& u = f.u;
    test::first_load(u, false);
    const auto before = u.reg.change_log_size();
    const auto tomb = u.reg.find_concession(u.liscate, "T-7");
    REQUIRE(tomb);
    {
        Register::Load load(u.reg, "aggiunte.csv");
        const auto plot = load.add_plot(Plot{{}, u.liscate_cimitero, PlotKind::loculo, Location{"C", "1", "3", ""}});
        REQUIRE(plot);
        REQUIRE(load.add_concession(u.concession_for({.plot = *plot.value, .number = "L-9", .signed_on = ymd(2024, 6, 1),
                                                      .years = 30, .deceased = {test::deceased("Sala", "Carla")}}),
                                    2));
        REQUIRE(load.add_people(*tomb, {}, {test::deceased("Sala", "Dario")}));
        load.commit();
    }
    CHECK(test::files_in(f.scratch).empty());
    check_verifies(u.reg);
    // One entry for the new concession, one for the people added to the tomb.
    CHECK(u.reg.change_log_size() == before + 2);
    const auto out = test::sqlite3_shell(
        f.file, "SELECT action, details FROM change_log ORDER BY id DESC LIMIT 2;");
    REQUIRE(out.status == 0);
    CHECK(out.output.find("add_people") < out.output.find("\"deed_number\":\"L-9\""));
}

TEST_CASE("a load removes the change-log scratch files of programs that were stopped", "[load][change_log]") {
    test::ScratchRegister f;
    // No process has an id over the kernel's largest (pid_max, at most 2^22).
    const std::string abandoned = "cemetery-log-999999999-Ab12Cd";
    const std::string running = "cemetery-log-" + std::to_string(getpid()) + "-Ef34Gh";
    for (const auto& name : {abandoned, running}) std::ofstream(f.scratch / name) << "x";
    test::first_load(f.u, false);
    CHECK(test::files_in(f.scratch) == std::vector<std::string>{running});
    check_verifies(f.u.reg);
}
