// cemetery notices: the letters to the holders of a comune's expired concessions.
#include "commands.hpp"
#include "documents.hpp"
#include "exit_codes.hpp"
#include "output.hpp"

#include <cemetery/documents/expiry_notices_pdf.hpp>

#include <iostream>

namespace cli {

void add_notices_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("notices", "Letters to the holders of the concessions expired in a comune (PDF)");
    struct Args {
        std::string comune, as_of, output;
        DocumentOptions documents;
        bool force = false;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("--comune", args->comune, "The comune that writes")->required();
    cmd->add_option("--as-of", args->as_of, "Concessions expired as of this date (default today)");
    cmd->add_option("--posting-from", args->documents.posting_from,
                    "First day the expired list is posted (default today); its last day is the deadline");
    cmd->add_option("--cimitero", args->documents.cemetery, "Only this cemetery of the comune");
    cmd->add_option("--ufficio", args->documents.offices, "Office settings file (default: the shipped data/ufficio.toml)");
    cmd->add_option("--output", args->output, "The PDF file to write")->required();
    add_force_flag(cmd, args->force);
    cmd->callback([&session, args] {
        const auto as_of = date_option(args->as_of, "--as-of");
        const auto posting_from = date_option(args->documents.posting_from, "--posting-from");
        const auto comune = session.comune(args->comune);
        const auto cemetery = cemetery_name(session, comune, args->documents.cemetery);
        Output output(session, args->output, args->force);
        const auto notices = cemetery::documents::collect_expiry_notices(
            session.reg(), session.regulation(), comune, cemetery, as_of, posting_from, offices(args->documents));
        try {
            cemetery::documents::write_expiry_notices_pdf(notices, output.path());
        } catch (const std::runtime_error& e) {
            throw Exit{invalid_input, e.what()};
        }
        output.commit();
        LeftOut left_out;
        left_out.add(notices.unreadable);
        std::cerr << notices.letters.size() << " letters and " << notices.without_holder.size()
                  << " concessions without a holder written to " << args->output << '\n';
        left_out.report();
    });
}

}  // namespace cli
