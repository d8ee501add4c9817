#include "commands.hpp"
#include "exit_codes.hpp"
#include "output.hpp"

#include <cemetery/demo_free_plots.hpp>
#include <cemetery/demo_register.hpp>
#include <cemetery/import.hpp>
#include <cemetery/union_data.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace cli {

void add_demo_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("demo", "Fill an empty register with generated, realistic demo data");
    struct Args {
        std::uint64_t seed = 2020;
        std::size_t concessions = 12000;
        int synthetic = 0;
        std::string csv;
        bool force = false;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("--seed", args->seed, "Same seed, same data");
    cmd->add_option("--concessions", args->concessions, "How many concessions")->check(CLI::Range(1, 10000000));
    cmd->add_option("--synthetic-comuni", args->synthetic, "Invented comuni to add, for benchmarks")
        ->check(CLI::Range(0, 999));
    cmd->add_option("--csv", args->csv,
                    "Only write the register export to this file (to import it, or to measure an import)");
    add_force_flag(cmd, args->force);
    cmd->callback([&session, args] {
        const auto data = cemetery::load_union_data(cemetery::shipped_union_data_path());
        cemetery::DemoOptions options;
        options.seed = args->seed;
        options.concessions = args->concessions;
        options.synthetic_comuni = args->synthetic;
        options.today = cemetery::today();
        if (!args->csv.empty()) {
            if (args->synthetic > 0) session.may_create();
            Output output(session, args->csv, args->force);
            cemetery::DemoStats stats;
            {
                std::ofstream out(output.path(), std::ios::binary | std::ios::trunc);
                if (!out) throw Exit{invalid_input, "cannot write " + args->csv};
                stats = cemetery::write_demo_register(out, session.regulation(), data, options);
                out.flush();
                if (!out) throw Exit{invalid_input, "could not write all of " + args->csv};
            }
            output.commit();
            std::cout << args->csv << ": " << stats.rows << " rows, " << stats.concessions << " concessions (seed "
                      << args->seed << ")\n";
            // The file names invented comuni: the register it is meant for must know them.
            if (args->synthetic > 0) {
                auto invented = data;
                invented.comuni = cemetery::synthetic_comuni(args->synthetic);
                cemetery::seed_register(session.reg(), invented);
                std::cout << session.db_path().string() << ": " << args->synthetic
                          << " invented comuni added, to import the file into\n";
            }
            return;
        }
        session.may_create();
        auto& reg = session.reg();
        if (const auto n = reg.count_concessions(); n > 0) {
            throw Exit{invalid_input, session.db_path().string() + " already holds " + std::to_string(n) +
                                          " concessions: demo data goes into a new register (use --db)"};
        }
        // The register must know the invented comuni; the generator adds them itself.
        auto with_synthetic = data;
        for (const auto& c : cemetery::synthetic_comuni(args->synthetic)) with_synthetic.comuni.push_back(c);
        cemetery::seed_register(reg, with_synthetic);

        std::ostringstream csv;
        cemetery::write_demo_register(csv, session.regulation(), data, options);
        const auto report = cemetery::import_register_text(reg, session.regulation(), std::move(csv).str(),
                                                           "demo (seed " + std::to_string(args->seed) + ")");
        if (!report.ok()) {
            for (const auto& e : report.errors) std::cerr << "demo:" << e.line << ": " << e.field << ": " << e.message << '\n';
            throw Exit{invalid_input, "the demo data did not import: nothing was written"};
        }
        // An export holds only granted places: a few free ones, so a new concession finds room.
        const auto free_plots = cemetery::add_demo_free_plots(reg);
        std::cout << session.db_path().string() << ": " << report.concessions_added << " concessions, "
                  << report.deceased_added << " deceased, " << free_plots << " free plots (seed " << args->seed
                  << ")\n";
    });
}

}  // namespace cli
