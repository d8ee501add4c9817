#pragma once
// A file a command writes for people (--output, --rejects, --csv, backup FILE):
// checked before the command does its work, never the register or one of its own
// files, never an existing file without --force, written 0600 under a temporary
// name and put in place whole (cemetery/output_file.hpp).

#include "exit_codes.hpp"
#include "session.hpp"

#include <cemetery/output_file.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace cli {

class Output {
public:
    // Exit(invalid_input) when the file may not be written, naming it and why
    // (with "--force replaces it" for an existing file). `reading` is a file the
    // command reads, which it must not write either (the file being imported).
    Output(Session& session, const std::string& file, bool force,
           const std::optional<std::filesystem::path>& reading = std::nullopt);

    // Where the command writes: the temporary file.
    [[nodiscard]] std::filesystem::path path() const { return file_->path(); }
    // Puts the finished file in place; Exit(invalid_input) when it cannot.
    void commit();

private:
    std::unique_ptr<cemetery::OutputFile> file_;
};

// The Exit for an output refused with `message`, with "--force replaces it" when
// the file merely exists.
[[nodiscard]] Exit output_refused(const cemetery::ProtectedFiles& protect, const std::string& file, bool force,
                                  const std::string& message);

// The --force flag of a command that writes files.
void add_force_flag(CLI::App* cmd, bool& force);

}  // namespace cli
