#include "commands.hpp"
#include "formats.hpp"

#include <cemetery/kind_variant.hpp>

#include <iostream>

namespace cli {

void add_show_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("show", "Show one concession with everything about it");
    struct Args {
        std::string deed, comune, as_of, format = "table";
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("number", args->deed, "Deed number (numero della concessione)")->required();
    cmd->add_option("--comune", args->comune, "The comune of the deed")->required();
    cmd->add_option("--as-of", args->as_of, "Status on this date (default today)");
    cmd->add_option("--format", args->format, "table or json")->check(CLI::IsMember({"table", "json"}));
    cmd->callback([&session, args] {
        const auto as_of = date_option(args->as_of, "--as-of");
        const auto comune = session.comune(args->comune);
        const auto id = session.concession(args->deed, comune);
        const auto record = session.reg().record(id);
        // The regulation is read only for a deed with a variant: its nome lives there.
        const std::string variant =
            record->concession.variant
                ? cemetery::variant_name_of(session.regulation(), record->concession, record->plot.kind)
                : std::string();
        write_record(std::cout, parse_format(args->format), *record, as_of, session.reg().life(id).closing, variant);
    });
}

}  // namespace cli
