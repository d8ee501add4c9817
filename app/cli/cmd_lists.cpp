#include "commands.hpp"
#include "exit_codes.hpp"
#include "formats.hpp"

#include <fstream>
#include <iostream>

namespace cli {

namespace {

// Writes to --output when given (replacing the file only once it is complete), else stdout.
template <class Write>
void to_output(const std::string& output, Write&& write) {
    if (output.empty()) {
        write(std::cout);
        return;
    }
    const std::string partial = output + ".part";
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        if (!file) throw Exit{invalid_input, "cannot write " + output};
        write(file);
        file.flush();
        if (!file) throw Exit{invalid_input, "could not write all of " + output};
    }
    std::filesystem::rename(partial, output);
}

}  // namespace

void add_list_commands(CLI::App& app, Session& session) {
    struct Args {
        std::string comune, date, format = "table", output;
        int days = 0;
    };
    {
        auto* cmd = app.add_subcommand("expired", "Concessions expired as of a date, per comune or all");
        auto args = std::make_shared<Args>();
        cmd->add_option("--comune", args->comune, "Only this comune");
        cmd->add_option("--as-of", args->date, "Expired as of this date (default today)");
        cmd->add_option("--format", args->format, "table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}));
        cmd->add_option("--output", args->output, "Write to this file instead of the screen");
        cmd->callback([&session, args] {
            const auto as_of = date_option(args->date, "--as-of");
            const auto comune = session.comune_filter(args->comune);
            auto& reg = session.reg();
            std::size_t count = 0;
            to_output(args->output, [&](std::ostream& out) {
                count = write_list(out, parse_format(args->format),
                                   [&](const auto& row) { reg.each_expired(comune, as_of, row); });
            });
            if (!args->output.empty()) {
                std::cerr << count << " concessions expired as of " << cemetery::to_iso(as_of) << " written to "
                          << args->output << '\n';
            }
        });
    }
    {
        auto* cmd = app.add_subcommand("expiring", "Concessions expiring within N days of a date");
        auto args = std::make_shared<Args>();
        cmd->add_option("--days", args->days, "Within this many days")->required()->check(CLI::Range(0, 36500));
        cmd->add_option("--comune", args->comune, "Only this comune");
        cmd->add_option("--from", args->date, "From this date (default today)");
        cmd->add_option("--format", args->format, "table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}));
        cmd->add_option("--output", args->output, "Write to this file instead of the screen");
        cmd->callback([&session, args] {
            const auto from = date_option(args->date, "--from");
            const auto comune = session.comune_filter(args->comune);
            auto& reg = session.reg();
            to_output(args->output, [&](std::ostream& out) {
                write_list(out, parse_format(args->format),
                           [&](const auto& row) { reg.each_expiring(comune, from, args->days, row); });
            });
        });
    }
}

}  // namespace cli
