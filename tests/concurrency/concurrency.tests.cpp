// Two real programs writing one register at once (the driver, driver.cpp, started
// twice): nothing lost, nothing doubled, every refusal with its reason, and a
// program killed in the middle of a write leaves nothing of it behind.
//
// Each scenario takes the register's location as a parameter: today a SQLite file
// in a fresh folder; a register on a server runs the same scenarios with its own.
#include "cli/child.hpp"
#include "support.hpp"

#include <cemetery/register.hpp>

#include <chrono>
#include <csignal>
#include <random>
#include <set>
#include <sstream>
#include <thread>

using namespace std::chrono_literals;
using cemetery::Register;

namespace {

test::ChildOptions driver(std::vector<std::string> args) {
    test::ChildOptions o;
    o.program = CEMETERY_CONCURRENCY_DRIVER;
    o.args = std::move(args);
    return o;
}

// Runs the driver to its end; fails the test when it does not succeed.
void run_driver(std::vector<std::string> args) {
    test::Child child(driver(std::move(args)));
    const auto r = child.wait();
    INFO("exit " << r.exit_code << "\n" << r.out << r.err);
    REQUIRE(r.exit_code == 0);
}

// The number after `key` in the driver's "key value" lines; -1 when missing.
int value_of(const std::string& out, const std::string& key) {
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind(key + ' ', 0) == 0) return std::stoi(line.substr(key.size() + 1));
    }
    return -1;
}

std::vector<std::string> lines_starting(const std::string& out, const std::string& key) {
    std::vector<std::string> found;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind(key + ' ', 0) == 0) found.push_back(line);
    }
    return found;
}

void check_verified(const Register& reg) {
    const auto report = reg.verify();
    CHECK(report.integrity.empty());
    CHECK(report.foreign_keys.empty());
    CHECK(report.chain_break_count == 0);
    CHECK(report.mismatch_count == 0);
    CHECK(report.ok());
    CHECK(report.entries == reg.change_log_size());
}

cemetery::CemeteryId liscate_cemetery(const Register& reg) {
    const auto comune = reg.find_comune("Liscate");
    REQUIRE(comune);
    const auto cemetery = reg.find_cemetery(comune->id, "Cimitero di Liscate");
    REQUIRE(cemetery);
    return cemetery->id;
}

// How many of the plots numbered 1..up_to in `settore` the register holds.
int plots_in(const Register& reg, const std::string& settore, int up_to) {
    const auto cemetery = liscate_cemetery(reg);
    int found = 0;
    for (int i = 1; i <= up_to; ++i) {
        if (reg.find_plot(cemetery, cemetery::Location{settore, "1", std::to_string(i), ""})) ++found;
    }
    return found;
}

// --- The scenarios ---

void two_programs_renew_one_concession(const std::string& where, int each) {
    run_driver({"setup", where, "1"});
    test::Child a(driver({"renew", where, std::to_string(each), "A"}));
    test::Child b(driver({"renew", where, std::to_string(each), "B"}));
    const auto ra = a.wait();
    const auto rb = b.wait();
    INFO("A: exit " << ra.exit_code << "\n" << ra.out << ra.err << "B: exit " << rb.exit_code << "\n" << rb.out << rb.err);
    REQUIRE(ra.exit_code == 0);
    REQUIRE(rb.exit_code == 0);
    CHECK(value_of(ra.out, "renewed") == each);
    CHECK(value_of(rb.out, "renewed") == each);

    auto reg = Register::open_existing(where);
    const auto comune = reg.find_comune("Liscate");
    REQUIRE(comune);
    const auto id = reg.find_concession(comune->id, "R/2022");
    REQUIRE(id);
    const auto c = *reg.concession(*id);
    REQUIRE(c.renewals.size() == static_cast<std::size_t>(2 * each));
    std::set<std::string> deeds;
    for (std::size_t i = 0; i < c.renewals.size(); ++i) {
        const auto& r = c.renewals[i];
        deeds.insert(r.deed);
        if (i == 0) continue;
        // Each renewal adds to the one before it: none decided on what it did not see.
        CHECK(r.previous_expiry == c.renewals[i - 1].new_expiry);
        CHECK(r.granted_on > c.renewals[i - 1].granted_on);
    }
    CHECK(deeds.size() == c.renewals.size());  // none doubled
    CHECK(deeds.count("A-" + std::to_string(each)) == 1);
    CHECK(deeds.count("B-" + std::to_string(each)) == 1);
    CHECK(c.expires_on == cemetery::add_years(test::ymd(2052, 2, 1), 2 * each));
    check_verified(reg);
}

void two_programs_concede_the_same_plots(const std::string& where, int plots) {
    run_driver({"setup", where, std::to_string(plots)});
    test::Child a(driver({"concede", where, std::to_string(plots)}));
    test::Child b(driver({"concede", where, std::to_string(plots)}));
    const auto ra = a.wait();
    const auto rb = b.wait();
    INFO("A: exit " << ra.exit_code << "\n" << ra.err << "B: exit " << rb.exit_code << "\n" << rb.err);
    REQUIRE(ra.exit_code == 0);
    REQUIRE(rb.exit_code == 0);
    CHECK(value_of(ra.out, "conceded") + value_of(rb.out, "conceded") == plots);
    CHECK(value_of(ra.out, "refusals") + value_of(rb.out, "refusals") == plots);
    auto refused = lines_starting(ra.out, "refused");
    const auto refused_b = lines_starting(rb.out, "refused");
    refused.insert(refused.end(), refused_b.begin(), refused_b.end());
    CHECK(refused.size() == static_cast<std::size_t>(plots));
    for (const auto& line : refused) {
        INFO(line);
        CHECK(line.find(" plot_not_free ") != std::string::npos);  // the reason, not a failure
    }

    auto reg = Register::open_existing(where);
    CHECK(reg.count_concessions() == plots + 1);  // and R/2022
    const auto cemetery = liscate_cemetery(reg);
    for (int i = 1; i <= plots; ++i) {
        const auto plot = reg.find_plot(cemetery, cemetery::Location{"Tombe", "1", std::to_string(i), ""});
        REQUIRE(plot);
        CHECK(reg.plot_terms(plot->id).size() == 1);  // conceded once
    }
    check_verified(reg);
}

void two_programs_write_the_log(const std::string& where, int each) {
    run_driver({"setup", where, "1"});
    const auto before = Register::open_existing(where).change_log_size();
    test::Child a(driver({"plots", where, std::to_string(each), "A"}));
    test::Child b(driver({"plots", where, std::to_string(each), "B"}));
    const auto ra = a.wait();
    const auto rb = b.wait();
    INFO("A: exit " << ra.exit_code << "\n" << ra.err << "B: exit " << rb.exit_code << "\n" << rb.err);
    REQUIRE(ra.exit_code == 0);
    REQUIRE(rb.exit_code == 0);

    auto reg = Register::open_existing(where);
    CHECK(reg.change_log_size() == before + 2 * each);
    CHECK(plots_in(reg, "A", each) == each);
    CHECK(plots_in(reg, "B", each) == each);
    check_verified(reg);
}

// A program killed with SIGKILL half-way through a batch of 10 plots, after two
// whole ones, while another program waits for the register.
void a_writer_killed_in_a_transaction(const std::string& where, const test::TempDir& dir) {
    constexpr int batch = 10;
    run_driver({"setup", where, "1"});
    const auto before = Register::open_existing(where).change_log_size();
    const auto marker = dir.file("inside-batch-3");
    test::Child killed(driver({"batches", where, "K", std::to_string(batch), "2", marker.string()}));
    const auto waited_from = std::chrono::steady_clock::now();
    while (!std::filesystem::exists(marker)) {
        REQUIRE_FALSE(killed.ended());
        REQUIRE(std::chrono::steady_clock::now() - waited_from < 20s);
        std::this_thread::sleep_for(10ms);
    }
    test::Child other(driver({"plots", where, "50", "B"}));
    std::this_thread::sleep_for(300ms);
    CHECK_FALSE(other.ended());  // waiting for the killed program's transaction
    killed.signal(SIGKILL);
    CHECK(killed.wait().exit_code == 128 + SIGKILL);
    const auto r = other.wait();
    INFO("exit " << r.exit_code << "\n" << r.out << r.err);
    REQUIRE(r.exit_code == 0);

    auto reg = Register::open_existing(where);
    CHECK(plots_in(reg, "K", 3 * batch) == 2 * batch);  // the two batches committed, nothing of the third
    CHECK(plots_in(reg, "B", 50) == 50);
    CHECK(reg.change_log_size() == before + 2 * batch + 50);
    check_verified(reg);
}

// The same, killed at whatever moment it has reached in a stream of batches.
void a_writer_killed_at_any_moment(const std::string& where) {
    constexpr int batch = 10;
    run_driver({"setup", where, "1"});
    const auto before = Register::open_existing(where).change_log_size();
    test::Child killed(driver({"batches", where, "K", std::to_string(batch), "-1", "-"}));
    test::Child other(driver({"plots", where, "100", "B"}));
    {
        // Killed once it has written a few batches, at a moment of its own.
        auto watch = Register::open_existing(where, "watch");
        const auto waited_from = std::chrono::steady_clock::now();
        while (plots_in(watch, "K", 3 * batch) < 3 * batch) {
            REQUIRE_FALSE(killed.ended());
            REQUIRE(std::chrono::steady_clock::now() - waited_from < 20s);
            std::this_thread::sleep_for(5ms);
        }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::random_device{}() % 50));
    killed.signal(SIGKILL);
    CHECK(killed.wait().exit_code == 128 + SIGKILL);
    const auto r = other.wait();
    INFO("exit " << r.exit_code << "\n" << r.out << r.err);
    REQUIRE(r.exit_code == 0);

    auto reg = Register::open_existing(where);
    const auto grown = reg.change_log_size() - before - 100;
    INFO("the killed program's plots in the register: " << grown);
    CHECK(grown % batch == 0);  // whole batches only
    CHECK(plots_in(reg, "K", static_cast<int>(grown) + batch) == grown);
    check_verified(reg);
}

}  // namespace

TEST_CASE("two programs renewing one concession 30 times each record 60 renewals, none lost, none doubled",
          "[concurrency]") {
    test::TempDir dir;
    two_programs_renew_one_concession(dir.file("registro.sqlite").string(), 30);
}

TEST_CASE("two programs conceding the same 200 free plots in the same order make 200 concessions, every other try "
          "refused because the plot is taken",
          "[concurrency]") {
    test::TempDir dir;
    two_programs_concede_the_same_plots(dir.file("registro.sqlite").string(), 200);
}

TEST_CASE("two programs writing 500 changes each leave 1000 entries in the change log, and its chain verifies",
          "[concurrency]") {
    test::TempDir dir;
    two_programs_write_the_log(dir.file("registro.sqlite").string(), 500);
}

TEST_CASE("a program killed in the middle of a write leaves nothing of it, the program waiting goes on, "
          "the register verifies",
          "[concurrency]") {
    test::TempDir dir;
    a_writer_killed_in_a_transaction(dir.file("registro.sqlite").string(), dir);
}

TEST_CASE("a program killed at any moment of a stream of batches leaves whole batches only", "[concurrency]") {
    test::TempDir dir;
    a_writer_killed_at_any_moment(dir.file("registro.sqlite").string());
}
