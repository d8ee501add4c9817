// cemetery bury: a burial under a concession already in the register.
#include "commands.hpp"
#include "exit_codes.hpp"
#include "life_options.hpp"

#include <iostream>

namespace cli {

void add_bury_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("bury", "Add a burial to a concession (a family tomb, a spouse in a double place)");
    struct Args {
        std::string deed, comune, deceased, born, died, buried, remains = "feretro";
        bool decline = false;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("number", args->deed, "Deed number of the concession")->required();
    cmd->add_option("--comune", args->comune, "The comune of the deed")->required();
    cmd->add_option("--deceased", args->deceased, "The deceased: \"Surname,Given name\"")->required();
    cmd->add_option("--born", args->born, "Birth date");
    cmd->add_option("--died", args->died, "Death date");
    cmd->add_option("--buried", args->buried, "Burial date (default today)");
    cmd->add_option("--remains", args->remains, "feretro, cassetta or urna")->check(remains_form_check());
    cmd->add_flag("--rinuncia-proroga", args->decline,
                  "The holders decline the extension of the term this burial brings, where the regulation lets them");
    cmd->callback([&session, args] {
        const auto comune = session.comune(args->comune);
        const auto id = session.concession(args->deed, comune);
        auto deceased = *deceased_option(args->deceased, args->born, args->died, args->buried);
        if (!deceased.buried_on) deceased.buried_on = cemetery::today();
        const auto out = session.reg().bury(id, {deceased, remains_form(args->remains), cemetery::today(), args->decline},
                                           session.regulation());
        if (!out) refuse("burial", out);
        const auto& c = *out.concession;
        std::cout << "Buried " << deceased.full_name() << " (" << args->remains << ") under " << c.deed_number << " ("
                  << comune.name << ") on " << cemetery::to_iso(*deceased.buried_on) << "; "
                  << c.deceased.size() << " deceased; "
                  << (c.expires_on  ? "expires " + cemetery::to_iso(*c.expires_on)
                      : c.perpetual ? std::string("expires never (perpetual)")
                                    : std::string("not started (no expiry until the event its term runs from)"))
                  << '\n';
        print_notices(out);
    });
}

}  // namespace cli
