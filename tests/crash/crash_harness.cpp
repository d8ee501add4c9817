// The crash-safety harness (CTest label `crash`): kills the `cemetery` program
// with SIGKILL at random moments, as a power cut or a killed terminal would, and
// checks what is left after every kill:
//   - during an import of a generated register (200,000 rows by default): the
//     database passes PRAGMA integrity_check and the import is wholly present or
//     wholly absent;
//   - during a loop of renewals: integrity_check is ok and every renewal the program
//     reported as done is in the register.
// The import's kill moments are drawn from its timeline, measured at run time by
// one whole import: its duration, and the moment its write-ahead log starts to
// grow (the first page written). Kills are stratified: a part spread over the
// reading and checking before that moment, the rest over the writing and the
// commit after it, so that every run kills the import while it writes, and some
// kills land in the last stretch, the commit itself.
//
//   crash_harness CEMETERY_PROGRAM [--rows N] [--kills N] [--seed N]
#include "cli/child.hpp"

#include <sqlite3.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::duration;
using std::chrono::milliseconds;

namespace {

struct Options {
    fs::path program;
    std::size_t rows = 200000;
    int kills = 50;
    unsigned seed = 0;
};

[[noreturn]] void fail(const std::string& message) {
    std::cerr << "crash_harness: FAILED: " << message << '\n';
    std::exit(1);
}

// One connection of our own, read-only as far as the checks go.
class Db {
public:
    explicit Db(const fs::path& file) {
        if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            fail(file.string() + ": cannot open: " + sqlite3_errmsg(db_));
        }
        sqlite3_busy_timeout(db_, 10000);
    }
    ~Db() { sqlite3_close(db_); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    std::string text(const std::string& sql, const std::vector<std::string>& params = {}) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) fail(sql + ": " + sqlite3_errmsg(db_));
        for (std::size_t i = 0; i < params.size(); ++i) {
            sqlite3_bind_text(s, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT);
        }
        std::string out;
        const int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            const auto* t = sqlite3_column_text(s, 0);
            out = t ? reinterpret_cast<const char*>(t) : "";
        } else if (rc != SQLITE_DONE) {
            std::string message = sqlite3_errmsg(db_);
            sqlite3_finalize(s);
            fail(sql + ": " + message);
        }
        sqlite3_finalize(s);
        return out;
    }
    long long number(const std::string& sql, const std::vector<std::string>& params = {}) {
        return std::stoll(text(sql, params));
    }

private:
    sqlite3* db_ = nullptr;
};

test::ChildExit run(const Options& o, const fs::path& db, std::vector<std::string> args) {
    test::Child child({o.program, std::move(args), db, std::nullopt});
    return child.wait();
}

void require_ok(const test::ChildExit& r, const std::string& what) {
    if (r.exit_code != 0) fail(what + ": exit " + std::to_string(r.exit_code) + "\n" + r.out + r.err);
}

void check_integrity(const fs::path& db, const std::string& when) {
    Db d(db);
    const auto result = d.text("PRAGMA integrity_check");
    if (result != "ok") fail(when + ": integrity_check: " + result);
}

struct Counts {
    long long concessions = 0, deceased = 0, log = 0;
    bool operator==(const Counts&) const = default;
};

Counts counts(const fs::path& db) {
    Db d(db);
    return {d.number("SELECT count(*) FROM concession"), d.number("SELECT count(*) FROM deceased"),
            d.number("SELECT count(*) FROM change_log")};
}

std::string describe(const Counts& c) {
    return std::to_string(c.concessions) + " concessions, " + std::to_string(c.deceased) + " deceased, " +
           std::to_string(c.log) + " log entries";
}

void copy_register(const fs::path& from, const fs::path& to) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::error_code ignored;
        fs::remove(fs::path(to.string() + suffix), ignored);
    }
    fs::copy_file(from, to);
}

// When the import first wrote to the write-ahead log, and when it ended, in seconds
// from its start.
struct Timeline {
    double first_write = 0, end = 0;
};

// Runs the whole import once, watching the -wal file: SQLite appends pages to it
// only once the transaction spills or commits, so its first growth marks the
// start of writing.
Timeline measure_import(const Options& o, const fs::path& work, const fs::path& csv) {
    const fs::path wal = work.string() + "-wal";
    const auto started = Clock::now();
    test::Child child({o.program, {"import", csv.string()}, work, std::nullopt});
    std::optional<double> first_write;
    while (!child.ended()) {
        std::error_code ec;
        if (!first_write && fs::file_size(wal, ec) > 64 * 1024 && !ec) {
            first_write = duration<double>(Clock::now() - started).count();
        }
        std::this_thread::sleep_for(milliseconds(1));
    }
    const double end = duration<double>(Clock::now() - started).count();
    require_ok(child.wait(), "import");
    return {first_write.value_or(end), end};
}

// Starts the program and kills it after `wait`; returns whether it had ended by itself.
bool kill_after(test::Child& child, duration<double> wait) {
    const auto deadline = Clock::now() + wait;
    while (Clock::now() < deadline) {
        if (child.ended()) return true;
        std::this_thread::sleep_for(milliseconds(2));
    }
    child.signal(SIGKILL);
    return child.wait().exit_code == 0;
}

void import_kills(const Options& o, const fs::path& dir, std::mt19937& random) {
    const fs::path base = dir / "base.sqlite";
    const fs::path csv = dir / "registro.csv";
    const fs::path work = dir / "registro.sqlite";
    // The generator's concessions average about 1.3 rows (family tombs, co-holders).
    const auto concessions = std::to_string(std::max<std::size_t>(1, o.rows * 10 / 13));
    const auto t0 = Clock::now();
    require_ok(run(o, base, {"demo", "--csv", csv.string(), "--concessions", concessions, "--synthetic-comuni", "40"}),
               "demo --csv");
    const Counts empty = counts(base);
    std::cout << "generated " << csv.filename().string() << " (" << fs::file_size(csv) / 1024 << " KiB) in "
              << duration<double>(Clock::now() - t0).count() << " s\n";

    // The whole import once: its timeline and what "wholly present" is.
    copy_register(base, work);
    const Timeline t = measure_import(o, work, csv);
    const Counts full = counts(work);
    std::cout << "import: " << t.end << " s, first write at " << t.first_write << " s, " << describe(full) << '\n';
    if (full == empty) fail("the import added nothing");

    // Two fifths of the kills before the first write, the rest from there to a
    // little past the measured end (a run may be slower than the measured one),
    // one kill drawn in each equal slice of its span.
    const int before = o.kills * 2 / 5;
    const int writing = o.kills - before;
    auto kill_moment = [&](int i) {
        std::uniform_real_distribution<double> within(0.0, 1.0);
        if (i < before) return t.first_write * (i + within(random)) / before;
        const double span = t.end * 1.05 - t.first_write;
        return t.first_write + span * ((i - before) + within(random)) / writing;
    };

    int present = 0, absent = 0, present_killed = 0;
    for (int i = 0; i < o.kills; ++i) {
        copy_register(base, work);
        const double at = kill_moment(i);
        test::Child child({o.program, {"import", csv.string()}, work, std::nullopt});
        const bool finished = kill_after(child, duration<double>(at));
        const std::string label = "import kill " + std::to_string(i + 1) + " at " + std::to_string(at) + " s";
        check_integrity(work, label);
        const Counts now = counts(work);
        if (now == full) {
            ++present;
            if (!finished) ++present_killed;
        } else if (now == empty && !finished) {
            ++absent;
        } else {
            fail(label + ": partial import: " + describe(now) + " (before: " + describe(empty) + ", whole: " +
                 describe(full) + ")");
        }
    }
    std::cout << "import: " << o.kills << " kills (" << before << " before the first write, " << writing
              << " after it): " << present << " wholly present (" << present_killed << " of them killed after the commit), "
              << absent << " wholly absent, integrity ok\n";
}

void renewal_kills(const Options& o, const fs::path& dir, std::mt19937& random) {
    const fs::path db = dir / "rinnovi.sqlite";
    require_ok(run(o, db, {"demo", "--concessions", "12000"}), "demo");
    // The expired concessions, in the order of the list: candidates for a renewal.
    const auto today = [] {
        const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
        const std::chrono::year_month_day ymd{now};
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                      static_cast<unsigned>(ymd.day()));
        return std::string(text);
    }();
    std::vector<std::pair<std::string, std::string>> deeds;  // comune, deed
    {
        sqlite3* raw = nullptr;
        if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) fail("cannot open " + db.string());
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(raw,
                           "SELECT m.name, c.deed_number FROM concession c JOIN comune m ON m.id = c.comune_id "
                           "JOIN plot p ON p.id = c.plot_id WHERE p.kind <> 'campo_comune' AND c.perpetual = 0 AND c.ending = 'none' AND c.expires_on < ?1 AND m.member_until IS NULL "
                           "AND NOT EXISTS (SELECT 1 FROM renewal r WHERE r.concession_id = c.id) ORDER BY c.id",
                           -1, &s, nullptr);
        sqlite3_bind_text(s, 1, today.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(s) == SQLITE_ROW) {
            deeds.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)),
                               reinterpret_cast<const char*>(sqlite3_column_text(s, 1)));
        }
        sqlite3_finalize(s);
        sqlite3_close(raw);
    }
    if (deeds.size() < 100) fail("the demo register has only " + std::to_string(deeds.size()) + " expired concessions");

    std::vector<std::pair<std::string, std::string>> reported;
    std::size_t next = 0;
    int refused = 0, killed_during = 0;
    for (int i = 0; i < o.kills; ++i) {
        std::uniform_real_distribution<double> when(0.0, 0.5);
        const auto deadline = Clock::now() + duration<double>(when(random));
        // Renewals one after another until the moment comes; the one running then is killed.
        while (next < deeds.size()) {
            const auto& [comune, deed] = deeds[next++];
            test::Child child({o.program, {"renew", deed, "--comune", comune, "--on", today}, db, std::nullopt});
            bool ended = false;
            while (!(ended = child.ended()) && Clock::now() < deadline) std::this_thread::sleep_for(milliseconds(1));
            if (!ended) {
                child.signal(SIGKILL);
                child.wait();
                ++killed_during;
                break;
            }
            const auto r = child.wait();
            if (r.exit_code == 0) {
                reported.emplace_back(comune, deed);
            } else if (r.exit_code == 1) {
                ++refused;  // the rules allow no renewal for it: nothing written
            } else {
                fail("renew " + deed + ": exit " + std::to_string(r.exit_code) + "\n" + r.err);
            }
        }
        const std::string label = "renewal kill " + std::to_string(i + 1);
        check_integrity(db, label);
        Db d(db);
        for (const auto& [comune, deed] : reported) {
            const auto n = d.number(
                "SELECT count(*) FROM renewal r JOIN concession c ON c.id = r.concession_id "
                "JOIN comune m ON m.id = c.comune_id WHERE m.name = ?1 AND c.deed_number = ?2",
                {comune, deed});
            if (n != 1) fail(label + ": the renewal of " + deed + " (" + comune + ") reported as done is missing");
        }
        if (next >= deeds.size()) fail("ran out of concessions to renew");
    }
    std::cout << "renewals: " << o.kills << " kills (" << killed_during << " mid-renewal), " << reported.size()
              << " renewals reported and all present, " << refused << " refused by the rules, integrity ok\n";
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (argc < 2) {
        std::cerr << "usage: crash_harness CEMETERY_PROGRAM [--rows N] [--kills N] [--seed N]\n";
        return 2;
    }
    o.program = fs::absolute(argv[1]);
    o.seed = std::random_device{}();
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const std::string value = argv[i + 1];
        if (name == "--rows") o.rows = std::stoul(value);
        else if (name == "--kills") o.kills = std::stoi(value);
        else if (name == "--seed") o.seed = static_cast<unsigned>(std::stoul(value));
        else {
            std::cerr << "crash_harness: unknown option " << name << '\n';
            return 2;
        }
    }
    std::cout << std::unitbuf << "seed " << o.seed << " (rerun with --seed " << o.seed << ")\n";
    std::mt19937 random(o.seed);
    std::string pattern = (fs::temp_directory_path() / "cemetery-crash-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) fail("mkdtemp");
    const fs::path dir = pattern;
    try {
        import_kills(o, dir, random);
        renewal_kills(o, dir, random);
    } catch (const std::exception& e) {
        fail(e.what());
    }
    fs::remove_all(dir);
    std::cout << "crash_harness: passed\n";
    return 0;
}
