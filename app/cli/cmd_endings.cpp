// cemetery surrender|forfeit|revoke: a concession ends before its term.
#include "commands.hpp"
#include "exit_codes.hpp"
#include "life_options.hpp"

#include <iostream>

namespace cli {

namespace {

void add_ending(CLI::App& app, Session& session, const std::string& name, cemetery::Ending ending,
                const std::string& help) {
    auto* cmd = app.add_subcommand(name, help);
    struct Args {
        std::string deed, comune, on, act, reason, remains;
        bool grave_shortage = false;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("number", args->deed, "Deed number of the concession")->required();
    cmd->add_option("--comune", args->comune, "The comune of the deed")->required();
    cmd->add_option("--on", args->on, "Date of the ending (default today)");
    cmd->add_option("--act", args->act, "The act: declaration, resolution, protocol number")->required();
    cmd->add_option("--reason", args->reason, "Why")->required();
    cmd->add_option("--remains-moved", args->remains,
                    "Confirms the remains were moved, and where: ossario, cremazione, famiglia")
        ->check(remains_destination_check());
    if (ending == cemetery::Ending::revoked) {
        cmd->add_flag("--grave-shortage", args->grave_shortage,
                      "A perpetual deed: the act states the cemetery is gravely short of places");
    }
    cmd->callback([&session, args, ending, name] {
        const auto comune = session.comune(args->comune);
        const auto id = session.concession(args->deed, comune);
        cemetery::EndingRequest request;
        request.ending = ending;
        request.on = date_option(args->on, "--on");
        request.act = args->act;
        request.reason = args->reason;
        request.grave_shortage = args->grave_shortage;
        if (!args->remains.empty()) request.remains_moved = remains_destination(args->remains);
        const auto out = session.reg().end_concession(id, request, session.regulation());
        if (!out) refuse(name, out);
        std::cout << "Concession " << out.concession->deed_number << " (" << comune.name << ") "
                  << cemetery::code(ending) << " on " << cemetery::to_iso(request.on) << ", act " << request.act
                  << '\n';
        print_notices(out);
    });
}

}  // namespace

void add_ending_commands(CLI::App& app, Session& session) {
    add_ending(app, session, "surrender", cemetery::Ending::surrendered, "The holders give the concession back (rinuncia)");
    add_ending(app, session, "forfeit", cemetery::Ending::forfeited, "The concession is forfeited (decadenza)");
    add_ending(app, session, "revoke", cemetery::Ending::revoked, "The comune revokes the concession (revoca)");
}

}  // namespace cli
