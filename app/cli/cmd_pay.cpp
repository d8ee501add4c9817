// cemetery pay: the payment a term running from the payment waited for, recorded after
// the deed: the term starts that day.
#include "commands.hpp"
#include "exit_codes.hpp"
#include "life_options.hpp"

#include <iostream>

namespace cli {

void add_pay_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand(
        "pay", "Record the payment of a concession whose term runs from the payment: the term starts that day");
    struct Args {
        std::string deed, comune, on;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("number", args->deed, "Deed number of the concession")->required();
    cmd->add_option("--comune", args->comune, "The comune of the deed")->required();
    cmd->add_option("--on", args->on, "Payment date (default today)");
    cmd->callback([&session, args] {
        const auto comune = session.comune(args->comune);
        const auto id = session.concession(args->deed, comune);
        const cemetery::PaymentRequest request{date_option(args->on, "--on"), cemetery::today()};
        const auto out = session.reg().pay(id, request, session.regulation());
        if (!out) refuse("payment", out);
        const auto& c = *out.concession;
        std::cout << "Paid " << c.deed_number << " (" << comune.name << ") on " << cemetery::to_iso(request.paid_on)
                  << "; term from " << cemetery::to_iso(c.term_start) << ", expires "
                  << (c.expires_on ? cemetery::to_iso(*c.expires_on) : std::string("-")) << '\n';
        print_notices(out);
    });
}

}  // namespace cli
