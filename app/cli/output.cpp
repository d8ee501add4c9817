#include "output.hpp"

#include "exit_codes.hpp"

#include <CLI/CLI.hpp>

namespace cli {

Exit output_refused(const cemetery::ProtectedFiles& protect, const std::string& file, bool force,
                    const std::string& message) {
    std::error_code ec;
    const bool exists = !protect.refusal(file) && std::filesystem::is_regular_file(file, ec);
    return Exit{invalid_input, message + (exists && !force ? " (--force replaces it)" : "")};
}

Output::Output(Session& session, const std::string& file, bool force,
               const std::optional<std::filesystem::path>& reading) {
    auto protect = session.protected_files();
    if (reading) protect.also(*reading, "the file being imported");
    const auto overwrite = force ? cemetery::Overwrite::allow : cemetery::Overwrite::refuse;
    try {
        file_ = std::make_unique<cemetery::OutputFile>(file, protect, overwrite);
    } catch (const cemetery::OutputRefused& e) {
        throw output_refused(protect, file, force, e.what());
    }
}

void Output::commit() {
    try {
        file_->commit();
    } catch (const cemetery::OutputRefused& e) {
        throw Exit{invalid_input, e.what()};
    }
}

void add_force_flag(CLI::App* cmd, bool& force) {
    cmd->add_flag("--force", force, "Replace the output file if it exists (never the register or its copies)");
}

}  // namespace cli
