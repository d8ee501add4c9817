#pragma once
// Runs the built `cemetery` program as a clerk's script would: a real process with
// its arguments, its register file in $CEMETERY_DB, and optional input; returns what
// it printed and its exit code. The program's path is the CEMETERY_CLI compile
// definition. No shell is involved, so arguments reach the program as written.
//
// A run that takes over two minutes is killed (it would otherwise hang the suite);
// it then returns 128 + the signal, as a shell reports it.

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace test {

struct CliResult {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr

    // stdout split into lines, without their line ends (CRLF or LF).
    [[nodiscard]] std::vector<std::string> out_lines() const;
    [[nodiscard]] std::vector<std::string> err_lines() const;
};

// For INFO(result): the exit code and both streams.
std::ostream& operator<<(std::ostream& out, const CliResult& result);

struct CliRun {
    std::filesystem::path program;                  // empty: the cemetery program
    std::vector<std::string> args;                  // after the program's name
    std::optional<std::filesystem::path> db;        // $CEMETERY_DB; none: left unset
    std::optional<std::string> input;               // stdin; none: /dev/null
    std::vector<std::pair<std::string, std::string>> env;  // more variables to set
    std::filesystem::path cwd;                      // empty: the tests' own
};

CliResult run_cli(const CliRun& run);

// The usual case: `cemetery ARGS...` on the register file db.
CliResult cemetery(const std::filesystem::path& db, std::vector<std::string> args);

// Another program (the sqlite3 shell, say), found on $PATH when the name has no '/'.
CliResult run_program(const std::string& program, std::vector<std::string> args);

// The program under test.
std::filesystem::path cli_path();

// The bytes of a file, or nullopt when it does not exist.
std::optional<std::string> file_bytes(const std::filesystem::path& file);

// Writes bytes to a file, replacing it.
void write_file(const std::filesystem::path& file, const std::string& bytes);

}  // namespace test
