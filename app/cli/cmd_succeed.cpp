// cemetery succeed: heirs take over a concession (subentro).
#include "commands.hpp"
#include "exit_codes.hpp"
#include "life_options.hpp"

#include <cemetery/text.hpp>

#include <iostream>

namespace cli {

void add_succeed_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("succeed", "Heirs replace (or, with --join, join) the holders of a concession");
    struct Args {
        std::string deed, comune, on, act;
        std::vector<std::string> heirs;
        bool join = false;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("number", args->deed, "Deed number of the concession")->required();
    cmd->add_option("--comune", args->comune, "The comune of the deed")->required();
    cmd->add_option("--heir", args->heirs, "An heir: \"Surname,Given name[,codice fiscale]\" (repeat for more)")
        ->required();
    cmd->add_option("--act", args->act, "The act of succession (voltura)")->required();
    cmd->add_option("--on", args->on, "Date of the succession (default today)");
    cmd->add_flag("--join", args->join, "The heirs join the holders instead of replacing them");
    cmd->callback([&session, args] {
        const auto comune = session.comune(args->comune);
        const auto id = session.concession(args->deed, comune);
        cemetery::SuccessionRequest request;
        request.on = date_option(args->on, "--on");
        request.act = args->act;
        request.mode = args->join ? cemetery::SuccessionMode::join : cemetery::SuccessionMode::replace;
        for (const auto& h : args->heirs) request.heirs.push_back(holder_option(h, "--heir"));
        const auto out = session.reg().succeed(id, request);
        if (!out) refuse("succession", out);
        std::vector<std::string> names;
        for (const auto& h : out.concession->holders) names.push_back(h.full_name());
        std::cout << "Succession on " << out.concession->deed_number << " (" << comune.name << ") from "
                  << cemetery::to_iso(request.on) << ", act " << request.act << ": holders "
                  << cemetery::join(names, ", ") << '\n';
    });
}

}  // namespace cli
