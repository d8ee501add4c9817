#include "commands.hpp"
#include "formats.hpp"

#include <iostream>

namespace cli {

void add_search_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("search", "Search deceased, holders, deed numbers and tax codes");
    struct Args {
        std::string text, comune, format = "table";
        int limit = 100;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("text", args->text, "Words to look for (prefixes, any case or accent)")->required();
    cmd->add_option("--comune", args->comune, "Only in this comune");
    cmd->add_option("--format", args->format, "table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}));
    cmd->add_option("--limit", args->limit, "At most this many results")->check(CLI::Range(1, 100000));
    cmd->callback([&session, args] {
        cemetery::SearchOptions options;
        options.comune = session.comune_filter(args->comune);
        options.limit = args->limit;
        const auto hits = session.reg().search(args->text, options);
        write_search(std::cout, parse_format(args->format), hits);
    });
}

}  // namespace cli
