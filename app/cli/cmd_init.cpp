// cemetery init: a new, empty register with the Union's comuni and cemeteries.
#include "commands.hpp"
#include "exit_codes.hpp"

#include <iostream>

namespace cli {

void add_init_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("init", "Make a new register (the Union's comuni and cemeteries, no concessions)");
    cmd->callback([&session] {
        if (std::error_code ec; std::filesystem::exists(session.db_path(), ec)) {
            throw Exit{invalid_input, session.db_path().string() + " already exists: nothing was changed"};
        }
        session.may_create();
        session.reg();  // says where it was made
    });
}

}  // namespace cli
