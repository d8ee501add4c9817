#include "commands.hpp"
#include "exit_codes.hpp"

#include <cemetery/demo_register.hpp>
#include <cemetery/import.hpp>
#include <cemetery/union_data.hpp>

#include <iostream>
#include <sstream>

namespace cli {

void add_demo_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("demo", "Fill an empty register with generated, realistic demo data");
    struct Args {
        std::uint64_t seed = 2020;
        std::size_t concessions = 12000;
        int synthetic = 0;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("--seed", args->seed, "Same seed, same data");
    cmd->add_option("--concessions", args->concessions, "How many concessions")->check(CLI::Range(1, 10000000));
    cmd->add_option("--synthetic-comuni", args->synthetic, "Invented comuni to add, for benchmarks")
        ->check(CLI::Range(0, 999));
    cmd->callback([&session, args] {
        auto& reg = session.reg();
        if (const auto n = reg.count_concessions(); n > 0) {
            throw Exit{invalid_input, session.db_path().string() + " already holds " + std::to_string(n) +
                                          " concessions: demo data goes into a new register (use --db)"};
        }
        const auto data = cemetery::load_union_data(cemetery::shipped_union_data_path());
        // The register must know the invented comuni; the generator adds them itself.
        auto with_synthetic = data;
        for (const auto& c : cemetery::synthetic_comuni(args->synthetic)) with_synthetic.comuni.push_back(c);
        cemetery::seed_register(reg, with_synthetic);

        cemetery::DemoOptions options;
        options.seed = args->seed;
        options.concessions = args->concessions;
        options.synthetic_comuni = args->synthetic;
        options.today = cemetery::today();
        std::ostringstream csv;
        cemetery::write_demo_register(csv, session.regulation(), data, options);
        const auto report = cemetery::import_register_text(reg, session.regulation(), std::move(csv).str(),
                                                           "demo (seed " + std::to_string(args->seed) + ")");
        if (!report.ok()) {
            for (const auto& e : report.errors) std::cerr << "demo:" << e.line << ": " << e.field << ": " << e.message << '\n';
            throw Exit{invalid_input, "the demo data did not import: nothing was written"};
        }
        std::cout << session.db_path().string() << ": " << report.concessions_added << " concessions, "
                  << report.deceased_added << " deceased (seed " << args->seed << ")\n";
    });
}

}  // namespace cli
