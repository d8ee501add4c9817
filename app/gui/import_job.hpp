#pragma once
// Reading a register file in the background. A Register is one per thread, so the
// job opens its own on the same file; the regulation is immutable and shared. The
// callbacks run on the job's thread: the window turns them into CallAfter calls.
// Cancelling makes the library's progress callback answer false: nothing is written.
// The destructor cancels and waits.

#include <cemetery/encoding.hpp>
#include <cemetery/import.hpp>
#include <cemetery/regulation.hpp>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace gui {

// The first rows of a file as it will be read: encoding and separator detected by
// the library, then parsed with its CSV reader.
struct ImportPreview {
    cemetery::TextEncoding encoding = cemetery::TextEncoding::utf8;
    // Of the first block only: a mix or UTF-16 found there (the check finds it anywhere).
    cemetery::EncodingScan scan;
    char separator = ';';
    std::vector<std::vector<std::string>> rows;  // the header first
    std::string error;                           // the file cannot be read
};

[[nodiscard]] ImportPreview preview_import_file(const std::filesystem::path& file, std::size_t max_rows = 12);

class ImportJob {
public:
    struct Result {
        std::optional<cemetery::ImportReport> report;
        std::string error;  // broken infrastructure: a file that is not CSV, a database problem
    };

    ImportJob(std::filesystem::path database, std::shared_ptr<const cemetery::Regulation> regulation,
              std::filesystem::path file, bool dry_run, std::function<void(std::size_t, std::size_t)> progress,
              std::function<void(Result)> done);
    ImportJob(const ImportJob&) = delete;
    ImportJob& operator=(const ImportJob&) = delete;
    ~ImportJob();

    void cancel() { cancelled_ = true; }
    [[nodiscard]] bool dry_run() const { return dry_run_; }

private:
    bool dry_run_;
    std::atomic<bool> cancelled_{false};
    std::thread thread_;
};

}  // namespace gui
