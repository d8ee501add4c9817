#include "commands.hpp"
#include "documents.hpp"
#include "exit_codes.hpp"
#include "formats.hpp"
#include "output.hpp"

#include <cemetery/documents/xlsx_lists.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace cli {

void add_search_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("search", "Search deceased, holders, deed numbers and tax codes");
    struct Args {
        std::vector<std::string> words;  // `search pèrego giu` as typed, or one quoted argument
        std::string comune, format = "table", output;
        int limit = 100;
        bool force = false;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("text", args->words, "Words to look for (prefixes, any case or accent), quoted or not")->required();
    cmd->add_option("--comune", args->comune, "Only in this comune");
    cmd->add_option("--format", args->format, "table, csv, json or xlsx (with --output)")
        ->check(CLI::IsMember({"table", "csv", "json", "xlsx"}));
    cmd->add_option("--output", args->output, "xlsx: the workbook to write");
    add_force_flag(cmd, args->force);
    cmd->add_option("--limit", args->limit, "At most this many results")->check(CLI::Range(1, 100000));
    cmd->callback([&session, args] {
        cemetery::SearchOptions options;
        options.comune = session.comune_filter(args->comune);
        options.limit = args->limit;
        if (args->format == "xlsx") require_output(args->output, args->format);
        if (!args->output.empty() && args->format != "xlsx") {
            throw Exit{usage, "--output is for --format xlsx; other formats go to the screen"};
        }
        std::optional<Output> output;
        if (!args->output.empty()) output.emplace(session, args->output, args->force);
        std::string text;
        for (const auto& w : args->words) text += (text.empty() ? "" : " ") + w;
        const auto hits = session.reg().search(text, options);
        if (args->format == "xlsx") {
            try {
                cemetery::documents::write_search_xlsx(output->path(), hits);
            } catch (const std::runtime_error& e) {
                throw Exit{invalid_input, e.what()};
            }
            output->commit();
            std::cerr << hits.size() << " results written to " << args->output << '\n';
            return;
        }
        write_search(std::cout, parse_format(args->format), hits);
        // The rows shown are the first of the library's order (deceased by name
        // first); say when there are more, on stderr so that the output stays data.
        if (static_cast<int>(hits.size()) == options.limit) {
            const auto total = session.reg().count_matches(text, options);
            if (total > options.limit) {
                std::cerr << hits.size() << " of " << total << " results shown (--limit to see more)\n";
            }
        }
    });
}

}  // namespace cli
