#include "bench_register.hpp"

#include "process.hpp"

#include <iostream>
#include <string>

namespace fs = std::filesystem;

namespace bench {

BenchFiles bench_files(const fs::path& dir, std::size_t concessions) {
    const auto n = std::to_string(concessions);
    return {dir, dir / ("register-" + n + ".csv"), dir / ("comuni-" + n + ".sqlite"),
            dir / ("register-" + n + ".sqlite")};
}

void remove_database(const fs::path& file) {
    fs::remove(file);
    fs::remove(fs::path(file.string() + "-wal"));
    fs::remove(fs::path(file.string() + "-shm"));
}

void copy_database(const fs::path& from, const fs::path& to) {
    remove_database(to);
    fs::copy_file(from, to);
    const fs::path wal(from.string() + "-wal");
    if (fs::exists(wal)) fs::copy_file(wal, fs::path(to.string() + "-wal"));
}

void make_demo_export(const BenchFiles& files, const fs::path& cemetery, std::size_t concessions) {
    if (fs::exists(files.csv) && fs::exists(files.comuni_db)) return;
    fs::create_directories(files.dir);
    const fs::path csv_part(files.csv.string() + ".part");
    const fs::path db_part(files.comuni_db.string() + ".part");
    remove_database(db_part);
    std::cerr << "generating " << files.csv.string() << " (" << concessions << " concessions)...\n";
    const auto run = run_checked({cemetery.string(), "--db", db_part.string(), "demo", "--concessions",
                                  std::to_string(concessions), "--synthetic-comuni", "96", "--csv",
                                  csv_part.string(), "--force"});
    std::cerr << run.out << "  (" << run.seconds << " s)\n";
    // The comuni-only register must be one closed file: copies of it are imported into.
    fs::remove(fs::path(db_part.string() + "-shm"));
    fs::rename(csv_part, files.csv);
    fs::rename(db_part, files.comuni_db);
}

}  // namespace bench
