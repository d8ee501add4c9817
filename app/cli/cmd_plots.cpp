// cemetery plots add|list|free|out-of-use: the inventory of places, as the office
// lays out a new wall and looks for a free one.
#include "commands.hpp"
#include "exit_codes.hpp"
#include "formats.hpp"
#include "life_options.hpp"

#include <cemetery/csv.hpp>

#include <nlohmann/json.hpp>

#include <iostream>

namespace cli {

namespace {

struct PlaceArgs {
    std::string comune, cemetery, kind, settore, fila, numero, piano;
};

void add_place_options(CLI::App* cmd, PlaceArgs& a, bool ranges) {
    const std::string range = ranges ? " (a value or a range such as 1-40)" : "";
    cmd->add_option("--comune", a.comune, "The comune")->required();
    cmd->add_option("--cemetery", a.cemetery, "The cemetery (default: the comune's own)");
    cmd->add_option("--settore", a.settore, "Settore, campo or reparto");
    cmd->add_option("--fila", a.fila, "Fila" + range);
    cmd->add_option("--numero", a.numero, "Numero" + range)->required();
    cmd->add_option("--piano", a.piano, "Piano" + range);
}

CLI::Validator kind_check() {
    std::vector<std::string> codes;
    for (auto k : cemetery::all_plot_kinds) codes.emplace_back(cemetery::code(k));
    return CLI::IsMember(codes);
}

std::string state_word(cemetery::PlotState s, bool for_people) {
    switch (s) {
        case cemetery::PlotState::free: return "libero";
        case cemetery::PlotState::conceded: return "concesso";
        case cemetery::PlotState::occupied: return "occupato";
        case cemetery::PlotState::out_of_use: return for_people ? "fuori uso" : "fuori_uso";
    }
    return "";
}

void write_plots(std::ostream& out, Format format, const std::vector<cemetery::PlotStatusRow>& rows) {
    const std::vector<std::string> keys = {"comune", "cimitero", "settore", "fila", "numero",
                                           "piano",  "ubicazione", "tipo", "stato", "numero_concessione"};
    auto cells = [](const cemetery::PlotStatusRow& r, bool for_people) {
        const auto& l = r.plot.location;
        return std::vector<std::string>{r.comune,    r.cemetery,
                                        l.settore,   l.fila,
                                        l.numero,    l.piano,
                                        cemetery::describe(l),
                                        std::string(for_people ? cemetery::italian_name(r.plot.kind) : cemetery::code(r.plot.kind)),
                                        state_word(r.state.state, for_people), r.state.deed_number};
    };
    switch (format) {
        case Format::csv: {
            cemetery::CsvWriter csv(out, ',');
            csv.row(keys);
            for (const auto& r : rows) csv.row(cells(r, false));
            break;
        }
        case Format::json: {
            auto all = nlohmann::json::array();
            for (const auto& r : rows) {
                const auto c = cells(r, false);
                nlohmann::json j = nlohmann::json::object();
                for (std::size_t i = 0; i < keys.size(); ++i) j[keys[i]] = c[i];
                all.push_back(j);
            }
            out << all.dump(1) << '\n';
            break;
        }
        case Format::table: {
            std::vector<std::vector<std::string>> table;
            for (const auto& r : rows) {
                const auto c = cells(r, true);
                table.push_back({c[0], c[1], c[6], c[7], c[8], c[9]});
            }
            print_table(out, {"Comune", "Cimitero", "Ubicazione", "Tipo", "Stato", "N. concessione"}, table);
            break;
        }
    }
}

void add_list(CLI::App* plots, Session& session, const std::string& name, bool free_only) {
    auto* cmd = plots->add_subcommand(name, free_only ? "Free plots on a date, per comune, cemetery and kind"
                                                      : "Plots and their state on a date");
    struct Args {
        std::string comune, cemetery, kind, state, on, format = "table";
        std::size_t limit = 0;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("--comune", args->comune, "Only this comune");
    cmd->add_option("--cemetery", args->cemetery, "Only this cemetery (with --comune)");
    cmd->add_option("--kind", args->kind, "Only this kind: loculo, ossario, ...")->check(kind_check());
    if (!free_only) {
        cmd->add_option("--state", args->state, "Only plots in this state")
            ->check(CLI::IsMember({"free", "conceded", "occupied", "out_of_use"}));
    }
    cmd->add_option("--on", args->on, "State on this date (default today)");
    cmd->add_option("--limit", args->limit, "At most this many rows");
    cmd->add_option("--format", args->format, "table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}));
    cmd->callback([&session, args, free_only] {
        cemetery::PlotQuery q;
        q.on = date_option(args->on, "--on");
        q.limit = args->limit;
        if (!args->comune.empty()) {
            const auto comune = session.comune(args->comune);
            q.comune = comune.id;
            if (!args->cemetery.empty()) q.cemetery = cemetery_option(session, comune, args->cemetery).id;
        } else if (!args->cemetery.empty()) {
            throw Exit{usage, "--cemetery needs --comune"};
        }
        if (!args->kind.empty()) q.kind = cemetery::plot_kind_from_code(args->kind);
        if (free_only) q.state = cemetery::PlotState::free;
        if (!args->state.empty()) q.state = cemetery::plot_state_from_code(args->state);
        write_plots(std::cout, parse_format(args->format), session.reg().plots(q));
    });
}

}  // namespace

void add_plots_commands(CLI::App& app, Session& session) {
    auto* plots = app.add_subcommand("plots", "The plots of the cemeteries: add a range, list, find free ones");
    plots->require_subcommand(1);
    {
        auto* cmd = plots->add_subcommand("add", "Add plots one by one or by ranges, in one go (all or none)");
        auto args = std::make_shared<PlaceArgs>();
        add_place_options(cmd, *args, true);
        cmd->add_option("--kind", args->kind, "Kind: loculo, ossario, cinerario, tomba_famiglia, ...")
            ->required()
            ->check(kind_check());
        cmd->callback([&session, args] {
            session.may_create();
            const auto comune = session.comune(args->comune);
            const auto cem = cemetery_option(session, comune, args->cemetery);
            cemetery::PlotRange range{cem.id, *cemetery::plot_kind_from_code(args->kind), args->settore, args->fila,
                                      args->numero, args->piano};
            const auto added = session.reg().add_plots(range);
            if (!added) {
                const int exit = added.conflict->code == cemetery::ConflictCode::invalid_data ? invalid_input : refused;
                throw Exit{exit, "plots refused: " + added.conflict->message};
            }
            const auto first = session.reg().plot(added.value->front());
            const auto last = session.reg().plot(added.value->back());
            std::cout << "Added " << added.value->size() << " " << cemetery::code(range.kind)
                      << (added.value->size() == 1 ? " plot" : " plots") << " in " << cem.name << " (" << comune.name
                      << "): " << cemetery::describe(first->location);
            if (added.value->size() > 1) std::cout << " … " << cemetery::describe(last->location);
            std::cout << '\n';
        });
    }
    add_list(plots, session, "list", false);
    add_list(plots, session, "free", true);
    {
        auto* cmd = plots->add_subcommand("out-of-use", "Withdraw a plot from use from a date");
        auto args = std::make_shared<PlaceArgs>();
        auto from = std::make_shared<std::string>();
        auto reason = std::make_shared<std::string>();
        add_place_options(cmd, *args, false);
        cmd->add_option("--from", *from, "From this date (default today)");
        cmd->add_option("--reason", *reason, "Why")->required();
        cmd->callback([&session, args, from, reason] {
            const auto comune = session.comune(args->comune);
            const auto cem = cemetery_option(session, comune, args->cemetery);
            const auto p = plot_at(session, cem, {args->settore, args->fila, args->numero, args->piano});
            const auto day = date_option(*from, "--from");
            const auto done = session.reg().put_out_of_use(p.id, day, *reason);
            if (!done) throw Exit{refused, "refused: " + done.conflict->message};
            std::cout << "Out of use from " << cemetery::to_iso(day) << ": " << cemetery::describe(p.location) << " ("
                      << cem.name << ")\n";
        });
    }
}

}  // namespace cli
