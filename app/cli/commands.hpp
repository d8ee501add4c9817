#pragma once
// Each command adds its subcommand to the program; its callback runs the job and
// throws cli::Exit to end with a code other than 0.

#include "session.hpp"

#include <CLI/CLI.hpp>

namespace cli {

void add_init_command(CLI::App& app, Session& session);
void add_import_command(CLI::App& app, Session& session);
void add_search_command(CLI::App& app, Session& session);
void add_show_command(CLI::App& app, Session& session);
void add_renew_command(CLI::App& app, Session& session);
void add_list_commands(CLI::App& app, Session& session);  // expired, expiring, not-started
void add_demo_command(CLI::App& app, Session& session);
void add_notices_command(CLI::App& app, Session& session);  // letters to holders (PDF)
void add_deed_command(CLI::App& app, Session& session);     // the deed the holders sign (PDF)
// The life of a concession
void add_plots_commands(CLI::App& app, Session& session);   // plots add|list|free|out-of-use
void add_concede_command(CLI::App& app, Session& session);
void add_bury_command(CLI::App& app, Session& session);
void add_pay_command(CLI::App& app, Session& session);      // the payment a term waits for
void add_succeed_command(CLI::App& app, Session& session);
void add_ending_commands(CLI::App& app, Session& session);  // surrender, forfeit, revoke
void add_posting_commands(CLI::App& app, Session& session); // post, close
void add_history_command(CLI::App& app, Session& session);
void add_backup_commands(CLI::App& app, Session& session);  // backup, restore
void add_verify_command(CLI::App& app, Session& session);   // the change log's chain
void add_regolamento_commands(CLI::App& app, Session& session);  // regolamento check|show

}  // namespace cli
