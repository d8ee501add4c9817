#pragma once
// Files the programs write for people to take away: lists, letters, workbooks,
// rejected rows, copies of the register. Two promises:
//
// - such a file never lands on the register or on one of its own files (its -wal,
//   -shm and -journal, the copies in copie/), nor on the file being imported,
//   whatever path leads there (a symbolic link, "./", another spelling); and it
//   never replaces another existing file unless the caller says so (a clerk who
//   confirmed a "replace?" question, or --force);
// - it is readable by its owner only (0600) from its first byte, since most of
//   them hold holders' names and addresses, and it appears whole or not at all:
//   it is written in a private folder beside the target and put in place at the
//   end, so a failure leaves whatever was there before.

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cemetery {

// The files an output may never replace.
class ProtectedFiles {
public:
    ProtectedFiles() = default;
    // The register's file, its -wal, -shm and -journal, and its copie/ folder.
    // Nothing for an in-memory register.
    [[nodiscard]] static ProtectedFiles of_register(const std::filesystem::path& register_file);
    // One more file, and what it is to the reader of a refusal ("the file being
    // imported").
    ProtectedFiles& also(const std::filesystem::path& file, std::string what = "the file being read");
    // Why `target` may not be written, naming it; nothing when it may.
    [[nodiscard]] std::optional<std::string> refusal(const std::filesystem::path& target) const;

private:
    struct File {
        std::filesystem::path path;  // resolved (weakly canonical)
        std::string what;            // "the register", "the register's write-ahead log"
    };
    std::vector<File> files_;
    std::vector<std::filesystem::path> folders_;  // resolved
};

enum class Overwrite { refuse, allow };

// An output that may not be written, or could not be: the message names the file
// and says why. Nothing was changed on disk.
class OutputRefused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Why `target` may not be written at all: one of the protected files, an existing
// file with Overwrite::refuse, a folder, a missing folder. Nothing when it may.
[[nodiscard]] std::optional<std::string> output_refusal(const std::filesystem::path& target,
                                                        const ProtectedFiles& protect, Overwrite overwrite);

// A private folder beside `target` (mode 0700, named ".<name>.part.XXXXXX") that
// holds the file being written, created empty with mode 0600. Whatever mode a
// writer gives the files it makes there (a PDF or workbook library may replace
// the file), nobody else can read them before they are in place. The folder and
// what is left in it go with the object.
class TemporaryBeside {
public:
    // Throws OutputRefused when the target's folder cannot be written.
    explicit TemporaryBeside(const std::filesystem::path& target);
    TemporaryBeside(const TemporaryBeside&) = delete;
    TemporaryBeside& operator=(const TemporaryBeside&) = delete;
    ~TemporaryBeside();

    // <folder>/<target's name>
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }
    // Restricts the file to its owner, syncs it and moves it onto `target`:
    // atomically, and with Overwrite::refuse never over a file that appeared
    // meanwhile. Throws OutputRefused.
    void place(const std::filesystem::path& target, Overwrite overwrite);

private:
    std::filesystem::path folder_;
    std::filesystem::path file_;
};

// One output being written. The destructor removes what was written unless
// commit() put it in place.
class OutputFile {
public:
    // Checks `target` (output_refusal) and makes the temporary file for it.
    // Throws OutputRefused.
    OutputFile(std::filesystem::path target, const ProtectedFiles& protect, Overwrite overwrite);

    // Where to write.
    [[nodiscard]] const std::filesystem::path& path() const { return temporary_.file(); }
    [[nodiscard]] const std::filesystem::path& target() const { return target_; }
    // Puts the file in place. Throws OutputRefused.
    void commit() { temporary_.place(target_, overwrite_); }

private:
    std::filesystem::path target_;
    Overwrite overwrite_;
    TemporaryBeside temporary_;
};

}  // namespace cemetery
