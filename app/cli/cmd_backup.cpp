// cemetery backup FILE / cemetery restore FILE: copies of the register.
#include "commands.hpp"
#include "exit_codes.hpp"
#include "output.hpp"

#include <cemetery/backup.hpp>

#include <iostream>

namespace cli {

void add_backup_commands(CLI::App& app, Session& session) {
    struct BackupArgs {
        std::string file;
        bool force = false;
    };
    auto args = std::make_shared<BackupArgs>();
    auto* backup = app.add_subcommand("backup", "Write a consistent copy of the register to FILE (safe while others use it)");
    backup->add_option("file", args->file, "Where to write the copy (a new file)")->required();
    add_force_flag(backup, args->force);
    backup->callback([&session, args] {
        const auto overwrite = args->force ? cemetery::Overwrite::allow : cemetery::Overwrite::refuse;
        try {
            session.reg().backup_to(args->file, overwrite);
        } catch (const cemetery::OutputRefused& e) {
            throw output_refused(session.protected_files(), args->file, args->force, e.what());
        }
        std::cout << "Copy of " << session.db_path().string() << " written to " << args->file << ".\n";
    });

    auto copy = std::make_shared<std::string>();
    auto* restore = app.add_subcommand("restore", "Replace the register with a copy, after checking it "
                                                  "(the replaced register is kept in copie/)");
    restore->add_option("file", *copy, "The copy to put back")->required();
    restore->callback([&session, copy] {
        // The register is not opened as a Session would: it may be the damaged one.
        const auto result = cemetery::restore_register(*copy, session.db_path());
        if (!result) throw Exit{invalid_input, *result.problem + "; the register was not changed"};
        std::cout << "Register " << session.db_path().string() << " restored from " << *copy << ".\n";
        if (!result.replaced_copy.empty()) {
            std::cout << "The register it replaced is kept as " << result.replaced_copy.string() << ".\n";
        }
    });
}

}  // namespace cli
