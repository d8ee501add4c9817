// cemetery: the register of burial concessions from the command line.
#include "commands.hpp"
#include "exit_codes.hpp"

#include <cemetery/csv.hpp>
#include <cemetery/output_file.hpp>
#include <cemetery/regulation_loader.hpp>
#include <cemetery/storage_error.hpp>

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"cemetery: the register of burial concessions of the Unione Adda Martesana"};
    app.require_subcommand(1);
    app.set_help_all_flag("--help-all", "Help for every command");
    cli::GlobalOptions options;
    app.add_option("--db", options.db, "Register file (default: $CEMETERY_DB, else the user's data directory)");
    app.add_option("--regolamento", options.regolamento, "Regulation file (default: the shipped one)");
    cli::Session session(options);

    cli::add_init_command(app, session);
    cli::add_import_command(app, session);
    cli::add_search_command(app, session);
    cli::add_show_command(app, session);
    cli::add_renew_command(app, session);
    cli::add_list_commands(app, session);
    cli::add_demo_command(app, session);
    cli::add_notices_command(app, session);
    cli::add_deed_command(app, session);
    // The life of a concession
    cli::add_plots_commands(app, session);
    cli::add_concede_command(app, session);
    cli::add_bury_command(app, session);
    cli::add_pay_command(app, session);
    cli::add_succeed_command(app, session);
    cli::add_ending_commands(app, session);
    cli::add_posting_commands(app, session);
    cli::add_history_command(app, session);
    cli::add_backup_commands(app, session);
    cli::add_verify_command(app, session);
    // The regulation file, without the register
    cli::add_regolamento_commands(app, session);

    try {
        app.parse(argc, argv);
        return cli::done;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return cli::usage;
    } catch (const cli::Exit& e) {
        if (!e.message.empty()) std::cerr << "cemetery: " << e.message << '\n';
        return e.code;
    } catch (const cemetery::DatabaseError& e) {
        std::cerr << "cemetery: " << e.what() << '\n';
        return cli::database;
    } catch (const cemetery::RegulationFileError& e) {
        std::cerr << "cemetery: " << e.what() << '\n';
        return cli::invalid_input;
    } catch (const cemetery::CsvError& e) {
        std::cerr << "cemetery: " << e.what() << '\n';
        return cli::invalid_input;
    } catch (const cemetery::OutputRefused& e) {
        std::cerr << "cemetery: " << e.what() << '\n';
        return cli::invalid_input;
    } catch (const std::filesystem::filesystem_error& e) {
        std::cerr << "cemetery: " << e.what() << '\n';
        return cli::database;
    }
}
