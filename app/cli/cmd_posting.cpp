// cemetery post|close: the expired list posted on the albo pretorio and at the
// cemetery gate, and a place freed once its posting days have passed.
#include "commands.hpp"
#include "documents.hpp"
#include "exit_codes.hpp"
#include "life_options.hpp"

#include <iostream>

namespace cli {

void add_posting_commands(CLI::App& app, Session& session) {
    {
        auto* cmd = app.add_subcommand("post", "Record the posting start of a comune's expired list");
        struct Args {
            std::string comune, as_of, on;
        };
        auto args = std::make_shared<Args>();
        cmd->add_option("--comune", args->comune, "The comune of the list (default every comune)");
        cmd->add_option("--as-of", args->as_of, "The list of concessions expired as of this date (default today)");
        cmd->add_option("--on", args->on, "The first day of posting (default today)");
        cmd->callback([&session, args] {
            const auto as_of = date_option(args->as_of, "--as-of");
            const auto on = date_option(args->on, "--on");
            const auto comune = session.comune_filter(args->comune);
            LeftOut left_out;
            const auto posted = session.reg().post_expired(comune, as_of, on, left_out.sink());
            if (!posted) throw Exit{refused, "posting refused: " + posted.conflict->message};
            const int days = session.regulation().posting_days.value;
            std::cout << "Posted from " << cemetery::to_iso(on) << ": " << *posted.value
                      << " concessions expired as of " << cemetery::to_iso(as_of)
                      << (args->comune.empty() ? std::string() : " in " + session.comune(args->comune).name) << "; "
                      << days << " days of posting, places can be freed from "
                      << cemetery::to_iso(cemetery::add_days(on, days)) << '\n';
            left_out.report();
        });
    }
    {
        auto* cmd = app.add_subcommand("close", "Free the place of an expired (and posted) or ended concession");
        struct Args {
            std::string deed, comune, on, remains, act, note;
        };
        auto args = std::make_shared<Args>();
        cmd->add_option("number", args->deed, "Deed number of the concession")->required();
        cmd->add_option("--comune", args->comune, "The comune of the deed")->required();
        cmd->add_option("--on", args->on, "Date of the closing (default today)");
        cmd->add_option("--remains", args->remains, "Where the remains go: ossario, cremazione, famiglia, nessuno")
            ->required()
            ->check(remains_destination_check());
        cmd->add_option("--act", args->act, "The act that records it");
        cmd->add_option("--note", args->note, "A note");
        cmd->callback([&session, args] {
            const auto comune = session.comune(args->comune);
            const auto id = session.concession(args->deed, comune);
            cemetery::ClosingRequest request{date_option(args->on, "--on"), remains_destination(args->remains), args->act,
                                             args->note};
            const auto out = session.reg().close(id, request, session.regulation());
            if (!out) refuse("closing", out);
            std::cout << "Closed " << out.concession->deed_number << " (" << comune.name << ") on "
                      << cemetery::to_iso(request.on) << ": remains to " << args->remains << "; the place is free\n";
        });
    }
}

}  // namespace cli
