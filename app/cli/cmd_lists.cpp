#include "commands.hpp"
#include "documents.hpp"
#include "exit_codes.hpp"
#include "formats.hpp"
#include "output.hpp"

#include <cemetery/documents/expired_list_pdf.hpp>
#include <cemetery/documents/xlsx_lists.hpp>

#include <fstream>
#include <iostream>

namespace cli {

namespace {

// A list streams the register once, in order, and never comes back to a page: the
// library's 64 MiB cache would fill with pages never read again and make the
// process's memory grow with the list.
constexpr int list_page_cache_kib = 8 * 1024;

// Writes to --output when given (put in place only once it is complete), else stdout.
template <class Write>
void to_output(std::optional<Output>& output, Write&& write) {
    if (!output) {
        write(std::cout);
        return;
    }
    {
        std::ofstream file(output->path(), std::ios::binary | std::ios::trunc);
        if (!file) throw Exit{invalid_input, "cannot write " + output->path().string()};
        write(file);
        file.flush();
        if (!file) throw Exit{invalid_input, "could not write all of " + output->path().string()};
    }
    output->commit();
}

// The --output file, checked before the list is read.
std::optional<Output> output_of(Session& session, const std::string& file, bool force) {
    std::optional<Output> out;
    if (!file.empty()) out.emplace(session, file, force);
    return out;
}

// Writes a document with the library, turning a file it cannot write into Exit(invalid_input).
template <class Write>
void write_document(Write&& write) {
    try {
        write();
    } catch (const std::runtime_error& e) {
        throw Exit{invalid_input, e.what()};
    }
}

}  // namespace

void add_list_commands(CLI::App& app, Session& session) {
    struct Args {
        std::string comune, date, format = "table", output;
        int days = 0;
        bool force = false;
        DocumentOptions documents;
    };
    {
        auto* cmd = app.add_subcommand("expired", "Concessions expired as of a date, per comune or all");
        auto args = std::make_shared<Args>();
        cmd->add_option("--comune", args->comune, "Only this comune");
        cmd->add_option("--as-of", args->date, "Expired as of this date (default today)");
        cmd->add_option("--format", args->format, "table, csv, json, pdf (the list to post) or xlsx")
            ->check(CLI::IsMember({"table", "csv", "json", "pdf", "xlsx"}));
        cmd->add_option("--output", args->output, "Write to this file instead of the screen");
        add_force_flag(cmd, args->force);
        cmd->add_option("--posting-from", args->documents.posting_from,
                        "pdf: first day the list is posted (default today)");
        cmd->add_option("--cimitero", args->documents.cemetery, "Only this cemetery of the comune");
        cmd->add_option("--ufficio", args->documents.offices, "pdf: office settings file (default: the shipped one)");
        cmd->callback([&session, args] {
            const auto as_of = date_option(args->date, "--as-of");
            const auto posting_from = date_option(args->documents.posting_from, "--posting-from");
            if (args->format == "pdf" || args->format == "xlsx") require_output(args->output, args->format);
            if (args->format == "pdf" && args->comune.empty()) {
                throw Exit{usage, "--format pdf needs --comune: each comune posts its own list"};
            }
            if (!args->documents.cemetery.empty() && args->comune.empty()) {
                throw Exit{usage, "--cimitero needs --comune"};
            }
            const auto comune = session.comune_filter(args->comune);
            auto output = output_of(session, args->output, args->force);
            auto& reg = session.reg();
            // The list reads every page once, in order: a large cache would only fill.
            reg.limit_page_cache(list_page_cache_kib);
            const std::string cemetery =
                comune ? cemetery_name(session, *reg.comune(*comune), args->documents.cemetery) : std::string();
            std::size_t count = 0;
            LeftOut left_out;
            const auto rows = [&](const std::function<void(const cemetery::ListRow&)>& row) {
                reg.each_expired(comune, as_of, [&](const cemetery::ListRow& r) {
                    if (in_cemetery(r, cemetery)) row(r);
                }, left_out.sink());
            };
            if (args->format == "pdf") {
                const auto list = cemetery::documents::collect_expired_list(
                    reg, session.regulation(), *reg.comune(*comune), cemetery, as_of, posting_from,
                    offices(args->documents));
                write_document([&] { cemetery::documents::write_expired_list_pdf(list, output->path()); });
                output->commit();
                count = list.rows.size();
                left_out.add(list.unreadable);
            } else if (args->format == "xlsx") {
                write_document([&] {
                    count = cemetery::documents::write_list_xlsx(output->path(), "Scadute al " + cemetery::to_iso(as_of), rows);
                });
                output->commit();
            } else {
                to_output(output, [&](std::ostream& out) { count = write_list(out, parse_format(args->format), rows); });
            }
            if (!args->output.empty()) {
                std::cerr << count << " concessions expired as of " << cemetery::to_iso(as_of) << " written to "
                          << args->output << '\n';
            }
            left_out.report();
        });
    }
    {
        auto* cmd = app.add_subcommand("expiring", "Concessions expiring within N days of a date");
        auto args = std::make_shared<Args>();
        cmd->add_option("--days", args->days, "Within this many days")->required()->check(CLI::Range(0, 36500));
        cmd->add_option("--comune", args->comune, "Only this comune");
        cmd->add_option("--from", args->date, "From this date (default today)");
        cmd->add_option("--format", args->format, "table, csv, json or xlsx")
            ->check(CLI::IsMember({"table", "csv", "json", "xlsx"}));
        cmd->add_option("--output", args->output, "Write to this file instead of the screen");
        add_force_flag(cmd, args->force);
        cmd->callback([&session, args] {
            const auto from = date_option(args->date, "--from");
            if (args->format == "xlsx") require_output(args->output, args->format);
            const auto comune = session.comune_filter(args->comune);
            auto output = output_of(session, args->output, args->force);
            auto& reg = session.reg();
            reg.limit_page_cache(list_page_cache_kib);
            LeftOut left_out;
            const auto rows = [&](const auto& row) { reg.each_expiring(comune, from, args->days, row, left_out.sink()); };
            if (args->format == "xlsx") {
                write_document([&] {
                    cemetery::documents::write_list_xlsx(output->path(), "In scadenza entro " + std::to_string(args->days) + " giorni", rows);
                });
                output->commit();
            } else {
                to_output(output, [&](std::ostream& out) { write_list(out, parse_format(args->format), rows); });
            }
            left_out.report();
        });
    }
    {
        auto* cmd = app.add_subcommand(
            "not-started", "Concessions whose term has not started (non decorse), with what each waits for");
        auto args = std::make_shared<Args>();
        cmd->add_option("--comune", args->comune, "Only this comune");
        cmd->add_option("--format", args->format, "table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}));
        cmd->add_option("--output", args->output, "Write to this file instead of the screen");
        add_force_flag(cmd, args->force);
        cmd->callback([&session, args] {
            const auto comune = session.comune_filter(args->comune);
            auto output = output_of(session, args->output, args->force);
            const auto rows = session.reg().not_started(comune, session.regulation());
            to_output(output, [&](std::ostream& out) { write_not_started(out, parse_format(args->format), rows); });
            if (!args->output.empty()) {
                std::cerr << rows.size() << " concessions not started written to " << args->output << '\n';
            }
        });
    }
}

}  // namespace cli
