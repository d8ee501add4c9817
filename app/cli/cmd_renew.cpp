#include "commands.hpp"
#include "exit_codes.hpp"
#include "regulation_text.hpp"

#include <cemetery/regulation.hpp>

#include <iostream>

namespace cli {

void add_renew_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("renew", "Renew a concession under the regulation in force on the renewal date");
    struct Args {
        std::string deed, comune, on, renewal_deed;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("number", args->deed, "Deed number of the concession")->required();
    cmd->add_option("--comune", args->comune, "The comune of the deed")->required();
    cmd->add_option("--on", args->on, "Renewal date (default today)");
    cmd->add_option("--deed", args->renewal_deed, "Number of the renewal deed");
    cmd->callback([&session, args] {
        const auto on = date_option(args->on, "--on");
        const auto comune = session.comune(args->comune);
        const auto id = session.concession(args->deed, comune);
        // Recorded today: a renewal dated after it is refused. Read and renewed in one go,
        // with nothing shown before: the rules judge the concession as it stands inside
        // the write (no expected_version), so a renewal by another program meanwhile is
        // seen, never stacked on unawares.
        const auto outcome = session.reg().renew(id, {on, args->renewal_deed, cemetery::today()}, session.regulation());
        if (outcome.conflict) throw Exit{refused, "renewal refused: " + outcome.conflict->message};
        if (!outcome) throw Exit{refused, "renewal refused: " + outcome.decision.explanation()};
        const auto& d = outcome.decision;
        std::cout << "Renewed " << args->deed << " (" << comune.name << "): new expiry " << cemetery::to_iso(d.new_expiry)
                  << " (was " << cemetery::to_iso(d.previous_expiry) << ", +" << d.years << " years, version "
                  << d.version_name << ")\n"
                  << "Tariff: " << price_text(d.price) << '\n';
    });
}

}  // namespace cli
