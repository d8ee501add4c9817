#pragma once
// The register the benchmark measures: a demo register CSV of N concessions over
// 100 comuni (96 invented), a register file holding only those comuni (to import
// into), and the imported register. All cached in one directory, named after N,
// so that a second run reuses them.

#include <cstddef>
#include <filesystem>

namespace bench {

struct BenchFiles {
    std::filesystem::path dir;
    std::filesystem::path csv;          // the demo register export
    std::filesystem::path comuni_db;    // a register with the comuni only
    std::filesystem::path register_db;  // the imported register (may not exist yet)
};

[[nodiscard]] BenchFiles bench_files(const std::filesystem::path& dir, std::size_t concessions);

// Writes the CSV and the comuni-only register when missing, with `cemetery demo`
// run as a process. Files appear under their names only once complete.
void make_demo_export(const BenchFiles& files, const std::filesystem::path& cemetery, std::size_t concessions);

// Removes a SQLite file with its -wal and -shm companions.
void remove_database(const std::filesystem::path& file);
// Copies a closed SQLite file (the -wal too, when one was left behind).
void copy_database(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace bench
