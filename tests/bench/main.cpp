// cemetery_bench: the register at a city's scale, measured against SQLite itself.
//
//   cemetery_bench [--dir D] [--concessions N] [--runs N] [--skip-import] [--skip-gui]
//
// Generates (or reuses, from --dir) a demo register of N concessions over 100
// comuni, then measures what clerks wait for: search as they type, expired lists,
// a renewal, an import, the register's size, the desktop program's start and the
// command line's start. Prints one table: median, p95, the sqlite3 shell doing the
// same where that means something, the ratio, and whether the target is met.
#include "bench_register.hpp"
#include "figures.hpp"
#include "process.hpp"

#include <cemetery/dates.hpp>
#include <cemetery/register.hpp>
#include <cemetery/regulation_loader.hpp>
#include <cemetery/text.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using bench::Figure;

namespace {

struct Options {
    fs::path dir;
    std::size_t concessions = 1000000;
    int runs = 20;
    bool skip_import = false;
    bool skip_gui = false;
};

struct Programs {
    fs::path cemetery;
    fs::path gui;
    fs::path self;
};

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

std::string mib(long kib) { return std::to_string((kib + 512) / 1024) + " MiB"; }

// What a clerk types: 1 to 4 letters of a surname as the list follows, and full names.
const std::vector<std::string> typed_searches = {
    "r", "ro", "ros", "ross", "b", "bi", "bia", "bian", "c", "co", "col", "colo", "m", "ma", "mau", "maur",
    "g", "ga", "gal", "galb", "rossi", "bianchi", "colombo", "brambilla", "sironi", "della torre", "cantù",
    "mario rossi", "giuseppe colombo", "maria brambilla"};

// Seconds of a sqlite3 shell reading `script` on `db`, the best of three.
double shell_seconds(const fs::path& db, const fs::path& script_file, const std::string& script) {
    { std::ofstream(script_file, std::ios::trunc) << script; }
    std::vector<double> times;
    for (int i = 0; i < 3; ++i) {
        times.push_back(bench::run_checked({"sqlite3", "-bail", "-init", script_file.string(), db.string(), ".quit"})
                            .seconds);
    }
    return *std::min_element(times.begin(), times.end());
}

std::vector<Figure> measure_search(const Options& o, cemetery::Register& reg, const fs::path& db) {
    std::vector<double> ours_all;
    std::vector<double> theirs_all;
    std::vector<double> ratios;
    std::string worst_query;
    double worst_p95 = 0;
    const fs::path script_file = o.dir / "search.sql";
    // The shell's start-up and opening of the file, measured on an empty script.
    const double empty = shell_seconds(db, script_file, ".output /dev/null\n");
    for (const auto& q : typed_searches) {
        (void)reg.search(q);  // warm: the clerk's second letter finds the pages in memory
        std::vector<double> ours;
        for (int r = 0; r < o.runs; ++r) {
            const auto start = std::chrono::steady_clock::now();
            const auto hits = reg.search(q);
            ours.push_back(ms_since(start));
            if (hits.empty()) std::cerr << "warning: no hit for \"" << q << "\"\n";
        }
        std::string script = ".output /dev/null\n";
        // The library's own statement, its parameters written in: the shell runs what search() runs.
        const std::string sql = reg.search_statement(q) + ";\n";
        for (int r = 0; r < o.runs + 1; ++r) script += sql;  // +1: the shell's own warm-up
        const double total = shell_seconds(db, script_file, script);
        const double theirs = std::max(0.001, (total - empty) * 1000.0 / (o.runs + 1));
        theirs_all.push_back(theirs);
        const double m = bench::median(ours);
        ratios.push_back(m / theirs);
        if (const double p = bench::percentile(ours, 95); p > worst_p95) {
            worst_p95 = p;
            worst_query = q;
        }
        ours_all.insert(ours_all.end(), ours.begin(), ours.end());
    }
    fs::remove(script_file);
    auto f = bench::figure_of("search as you type, first 100 rows (Register::search)", ours_all);
    f.reference = bench::median(theirs_all);
    f.ratio = f.median / *f.reference;
    const double worst_ratio = *std::max_element(ratios.begin(), ratios.end());
    f.target = "p95 ≤ 5 ms, ≤ 1.3× sqlite3";
    f.met = f.p95 <= 5.0 && f.ratio <= 1.3 && worst_ratio <= 1.3;
    std::ostringstream note;
    note.precision(2);
    note << std::fixed << typed_searches.size() << " queries × " << o.runs << " runs; slowest \"" << worst_query
         << "\" p95 " << worst_p95 << " ms; worst per-query ratio " << worst_ratio << "×; sqlite3 = shell process on "
         << "the same SELECT repeated, minus its start-up on an empty script, per query";
    f.note = note.str();
    return {f};
}

Figure measure_expired_one(const Options& o, cemetery::Register& reg) {
    const auto today = cemetery::today();
    const auto comuni = reg.comuni();
    std::vector<double> times;
    std::size_t rows = 0;
    std::int64_t concessions = 0;
    const std::size_t sample = std::min<std::size_t>(comuni.size(), 10);
    for (std::size_t i = 0; i < sample; ++i) concessions += reg.count_concessions(comuni[i].id);
    for (int r = 0; r < o.runs; ++r) {
        for (std::size_t i = 0; i < sample; ++i) {
            std::size_t n = 0;
            const auto start = std::chrono::steady_clock::now();
            reg.each_expired(comuni[i].id, today, [&n](const cemetery::ListRow&) { ++n; });
            times.push_back(ms_since(start));
            if (r == 0) rows += n;
        }
    }
    auto f = bench::figure_of("expired concessions of one comune (Register::each_expired)", times);
    f.target = "≤ 50 ms";
    f.met = f.p95 <= 50.0;
    f.note = std::to_string(sample) + " comuni × " + std::to_string(o.runs) + " runs; on average " +
             std::to_string(sample ? concessions / static_cast<std::int64_t>(sample) : 0) + " concessions, " +
             std::to_string(sample ? rows / sample : 0) + " expired rows each";
    return f;
}

std::vector<Figure> measure_expired_csv(const Options& o, const Programs& p, const fs::path& db) {
    const int runs = std::max(3, std::min(o.runs, 5));
    const fs::path out = o.dir / "expired.csv";
    std::vector<double> times;
    long peak = 0;
    for (int r = 0; r < runs; ++r) {
        const auto run = bench::run_checked(
            {p.cemetery.string(), "--db", db.string(), "expired", "--format", "csv", "--output", out.string(), "--force"});
        times.push_back(run.seconds);
        peak = std::max(peak, run.peak_rss_kib);
    }
    std::size_t lines = 0;
    {
        std::ifstream in(out);
        std::string line;
        while (std::getline(in, line)) ++lines;
    }
    // Streamed means its memory does not grow with the list: compare with one comune's.
    const auto one = bench::run_checked({p.cemetery.string(), "--db", db.string(), "expired", "--comune", "Liscate",
                                         "--format", "csv", "--output", out.string(), "--force"});
    fs::remove(out);
    auto f = bench::figure_of("all comuni's expired concessions to CSV (`cemetery expired`, a process)", times);
    f.unit = "s";
    f.target = "≤ 2 s, memory flat";
    const bool flat = peak <= one.peak_rss_kib + 32 * 1024;
    f.met = f.p95 <= 2.0 && flat;
    f.note = std::to_string(lines ? lines - 1 : 0) + " rows, " + std::to_string(runs) + " runs; peak RSS " + mib(peak) +
             " (one comune: " + mib(one.peak_rss_kib) + (flat ? ", flat)" : ", grows with the list)");
    return {f};
}

Figure measure_renew(const Options& o, const fs::path& db) {
    const fs::path copy = o.dir / "renew-copy.sqlite";
    bench::copy_database(db, copy);
    const auto regulation = cemetery::load_regulation(cemetery::shipped_regulation_path());
    const auto today = cemetery::today();
    std::vector<double> times;
    int refused = 0;
    {
        auto reg = cemetery::Register::open_existing(copy, "bench");
        std::vector<cemetery::ConcessionId> candidates;
        const std::size_t wanted = static_cast<std::size_t>(std::max(o.runs, 50));
        reg.each_expired(std::nullopt, today, [&](const cemetery::ListRow& row) {
            // Spread over the whole file, not one comune's pages.
            if (candidates.size() < wanted * 20 && row.concession.value() % 7 == 0) candidates.push_back(row.concession);
        });
        for (std::size_t i = 0; i < candidates.size() && times.size() < wanted; ++i) {
            const auto start = std::chrono::steady_clock::now();
            const auto outcome = reg.renew(candidates[i], {today, "BENCH-" + std::to_string(i)}, regulation);
            const double ms = ms_since(start);
            if (outcome) {
                times.push_back(ms);
            } else {
                ++refused;
            }
        }
    }
    bench::remove_database(copy);
    auto f = bench::figure_of("renew one concession, durable commit (Register::renew)", times);
    f.target = "p95 ≤ 20 ms";
    f.met = !times.empty() && f.p95 <= 20.0;
    f.note = std::to_string(times.size()) + " renewals written (" + std::to_string(refused) +
             " refused by the rules, not timed); synchronous=FULL, WAL, on a copy of the file";
    return f;
}

// The import, timed once (it takes the longest), into a fresh file holding only the
// comuni; the sqlite3 shell's .import of the same CSV into one plain table beside it.
std::vector<Figure> measure_import(const Options& o, const Programs& p, const bench::BenchFiles& files) {
    const fs::path fresh = o.dir / "import-run.sqlite";
    bench::copy_database(files.comuni_db, fresh);
    std::cerr << "importing " << files.csv.string() << "...\n";
    const auto run = bench::run_checked({p.cemetery.string(), "--db", fresh.string(), "import", files.csv.string()});
    std::cerr << "  " << run.seconds << " s, peak " << mib(run.peak_rss_kib) << '\n';
    if (!fs::exists(files.register_db)) {
        // The first run's import becomes the register the other measures read.
        bench::copy_database(fresh, files.register_db);
    }
    bench::remove_database(fresh);
    const fs::path plain = o.dir / "plain-import.sqlite";
    bench::remove_database(plain);
    const auto shell = bench::run_checked({"sqlite3", plain.string(), "-cmd", ".mode csv", "-cmd", ".separator ;",
                                           ".import " + files.csv.string() + " t"});
    bench::remove_database(plain);
    auto f = bench::figure_of("import the register CSV (`cemetery import`, a process)", {run.seconds});
    f.unit = "s";
    f.reference = shell.seconds;
    f.ratio = run.seconds / shell.seconds;
    f.target = "≤ 20 s, ≤ 3× sqlite3 .import";
    f.met = run.seconds <= 20.0 && *f.ratio <= 3.0;
    f.note = "1 run; peak RSS " + mib(run.peak_rss_kib) + "; sqlite3 = `.import` into one plain table, 1 run";
    return {f};
}

Figure measure_size(const cemetery::Register& reg, const fs::path& db) {
    auto bytes = static_cast<double>(fs::file_size(db));
    if (const fs::path wal(db.string() + "-wal"); fs::exists(wal)) bytes += static_cast<double>(fs::file_size(wal));
    const auto n = reg.count_concessions();
    Figure f;
    f.operation = "database size per concession, indexes included";
    f.unit = "B";
    f.median = f.p95 = n ? bytes / static_cast<double>(n) : 0;
    f.target = "≤ 1024 B";
    f.met = f.median <= 1024;
    std::ostringstream note;
    note.precision(2);
    note << std::fixed << bytes / (1024.0 * 1024 * 1024) << " GiB for " << n << " concessions (change log included)";
    f.note = note.str();
    return f;
}

// The desktop program under a virtual X server; the benchmark runs itself inside it
// (--child-rss) to read the program's own peak memory rather than the X server's.
std::vector<Figure> measure_gui(const Options& o, const Programs& p, const fs::path& db) {
    std::vector<Figure> figures;
    const int runs = std::max(3, std::min(o.runs, 5));
    long peak = 0;
    for (const std::string query : {"", "rossi"}) {
        std::vector<double> times;
        for (int r = 0; r < runs; ++r) {
            std::vector<std::string> argv = {"xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", p.self.string(),
                                             "--child-rss", p.gui.string(), "--db", db.string(), "--first-paint-ms"};
            if (!query.empty()) {
                argv.push_back("--query");
                argv.push_back(query);
            }
            const auto run = bench::run_checked(argv);
            std::istringstream lines(run.out);
            double ms = -1;
            long rss = 0;
            std::string word;
            while (lines >> word) {
                if (word == "peak_rss_kib") {
                    lines >> rss;
                } else if (ms < 0) {
                    ms = std::atof(word.c_str());
                }
            }
            times.push_back(ms);
            peak = std::max(peak, rss);
        }
        auto f = bench::figure_of(query.empty() ? "desktop program, start to first painted list"
                                                : "desktop program, first painted list, \"" + query + "\" typed",
                                  times);
        f.target = "≤ 1000 ms";
        f.met = f.p95 <= 1000.0;
        f.note = std::to_string(runs) + " runs under xvfb-run (`cemetery-gui --first-paint-ms`)";
        figures.push_back(f);
    }
    // The longest list a clerk can ask for is one letter: jump through all of it.
    const std::string longest = "a";
    const auto scrolled = bench::run_checked({"xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", p.self.string(),
                                              "--child-rss", p.gui.string(), "--db", db.string(), "--first-paint-ms",
                                              "--query", longest, "--scroll-list"});
    long scrolled_rss = 0;
    long rows = 0;
    {
        std::istringstream lines(scrolled.out);
        std::string word;
        while (lines >> word) {
            if (word == "peak_rss_kib") lines >> scrolled_rss;
            if (word == "rows") lines >> rows;
        }
    }
    Figure memory;
    memory.operation = "desktop program, peak resident memory, scrolling the longest list";
    memory.unit = "MiB";
    memory.median = memory.p95 = static_cast<double>(scrolled_rss) / 1024.0;
    memory.target = "≤ 150 MB";
    memory.met = static_cast<double>(scrolled_rss) * 1024.0 <= 150e6;
    memory.note = "\"" + longest + "\" typed: " + std::to_string(rows) + " rows, jumped through in 10 stops (" +
                  "--scroll-list) in " + std::to_string(static_cast<int>(scrolled.seconds)) +
                  " s; first paint only: " + mib(peak) + "; ru_maxrss of cemetery-gui itself";
    figures.push_back(memory);
    return figures;
}

Figure measure_cli_search(const Options& o, const Programs& p, const fs::path& db) {
    std::vector<double> times;
    long peak = 0;
    for (int r = 0; r < o.runs; ++r) {
        const auto run = bench::run_checked({p.cemetery.string(), "--db", db.string(), "search", "rossi"});
        times.push_back(run.seconds * 1000.0);
        peak = std::max(peak, run.peak_rss_kib);
    }
    auto f = bench::figure_of("`cemetery search rossi` as a fresh process", times);
    f.target = "≤ 100 ms";
    f.met = f.p95 <= 100.0;
    f.note = std::to_string(o.runs) + " runs; peak RSS " + mib(peak);
    return f;
}

// --child-rss PROGRAM ARGS...: runs the program, echoes its output and its peak memory.
int child_rss(int argc, char** argv) {
    std::vector<std::string> args(argv + 2, argv + argc);
    const auto run = bench::run_process(args);
    std::cout << run.out << "peak_rss_kib " << run.peak_rss_kib << std::endl;
    std::cerr << run.err;
    return run.exit_code;
}

void usage() {
    std::cerr << "usage: cemetery_bench [--dir D] [--concessions N] [--runs N] [--skip-import] [--skip-gui]\n"
                 "  --dir D          where the generated register is cached (default: build/bench)\n"
                 "  --concessions N  size of the register (default 1000000; 20000 for a quick check)\n"
                 "  --runs N         repetitions of each measure (default 20; processes at most 5)\n"
                 "  --skip-import    reuse the cached register without timing an import\n"
                 "  --skip-gui       do not start the desktop program\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 2 && std::string(argv[1]) == "--child-rss") return child_rss(argc, argv);

    Programs programs;
    programs.self = fs::canonical("/proc/self/exe");
    const fs::path bin = programs.self.parent_path();
    programs.cemetery = bin / "cemetery";
    programs.gui = bin / "cemetery-gui";

    Options o;
    o.dir = bin.parent_path() / "bench";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                usage();
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--dir") {
            o.dir = value();
        } else if (a == "--concessions") {
            o.concessions = std::stoul(value());
        } else if (a == "--runs") {
            o.runs = std::max(1, std::stoi(value()));
        } else if (a == "--skip-import") {
            o.skip_import = true;
        } else if (a == "--skip-gui") {
            o.skip_gui = true;
        } else {
            usage();
            return a == "--help" || a == "-h" ? 0 : 2;
        }
    }

    try {
        fs::create_directories(o.dir);
        o.dir = fs::canonical(o.dir);
        const auto files = bench::bench_files(o.dir, o.concessions);
        bench::make_demo_export(files, programs.cemetery, o.concessions);

        std::vector<Figure> figures;
        std::vector<Figure> import_figures;
        if (!o.skip_import || !fs::exists(files.register_db)) import_figures = measure_import(o, programs, files);

        std::cerr << "measuring on " << files.register_db.string() << "...\n";
        {
            auto reg = cemetery::Register::open_existing(files.register_db, "bench");
            for (auto& f : measure_search(o, reg, files.register_db)) figures.push_back(f);
            figures.push_back(measure_expired_one(o, reg));
            figures.push_back(measure_size(reg, files.register_db));
        }
        for (auto& f : measure_expired_csv(o, programs, files.register_db)) figures.push_back(f);
        figures.push_back(measure_renew(o, files.register_db));
        figures.insert(figures.end(), import_figures.begin(), import_figures.end());
        if (!o.skip_gui && fs::exists(programs.gui)) {
            for (auto& f : measure_gui(o, programs, files.register_db)) figures.push_back(f);
        }
        figures.push_back(measure_cli_search(o, programs, files.register_db));

        std::ostringstream table;
        table << "cemetery_bench: " << o.concessions << " concessions over 100 comuni, " << sysconf(_SC_NPROCESSORS_ONLN)
              << " cores, " << cemetery::to_iso(cemetery::today()) << ", " << files.register_db.string() << "\n\n";
        bench::print_table(table, figures);
        std::cout << table.str();
        std::ofstream(o.dir / ("results-" + std::to_string(o.concessions) + ".md")) << table.str();
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "cemetery_bench: " << e.what() << '\n';
        return 1;
    }
}
