// cemetery verify: the register file, its references, the change log's chain and
// every record against its latest entry. Exit 0 when all matches, 3 when
// something does not (invalid data), 4 when the file is damaged or unreadable.
#include "commands.hpp"
#include "exit_codes.hpp"

#include <cemetery/register.hpp>

#include <nlohmann/json.hpp>

#include <iostream>

namespace cli {

namespace {

std::string describe(const cemetery::RecordMismatch& m) {
    std::string out = m.entity + " " + std::to_string(m.record_id);
    if (!m.deed_number.empty()) out += " (" + m.comune + ", deed " + m.deed_number + ")";
    switch (m.kind) {
        case cemetery::RecordMismatch::Kind::changed:
            out += ": does not match change-log entry " + std::to_string(m.entry_id) + " of " + m.entry_at;
            break;
        case cemetery::RecordMismatch::Kind::missing:
            out += ": gone, though change-log entry " + std::to_string(m.entry_id) + " of " + m.entry_at +
                   " vouches for it";
            break;
        case cemetery::RecordMismatch::Kind::unlogged: out += ": no change-log entry speaks of it"; break;
    }
    return out;
}

// Italian keys, as the other commands' JSON.
nlohmann::json to_json(const cemetery::VerifyReport& r) {
    auto breaks = nlohmann::json::array();
    for (const auto& b : r.chain_breaks) {
        breaks.push_back({{"voce", b.entry_id}, {"al", b.at}, {"entita", b.entity}, {"id", b.record_id}});
    }
    auto mismatches = nlohmann::json::array();
    for (const auto& m : r.mismatches) {
        nlohmann::json j = {{"tipo", std::string(cemetery::code(m.kind))}, {"entita", m.entity}, {"id", m.record_id}};
        if (m.entry_id != 0) j["voce"] = m.entry_id;
        if (!m.deed_number.empty()) {
            j["comune"] = m.comune;
            j["numero_concessione"] = m.deed_number;
        }
        mismatches.push_back(std::move(j));
    }
    return {{"ok", r.ok()},
            {"integrita", r.integrity},
            {"riferimenti_mancanti", r.foreign_keys},
            {"voci", r.entries},
            {"catena_interrotta", breaks},
            {"catena_interrotta_totale", r.chain_break_count},
            {"record_confrontati", r.records},
            {"discordanze", mismatches},
            {"discordanze_totale", r.mismatch_count},
            {"capo_catena", {{"voce", r.head_id}, {"hash", r.head_chain}}}};
}

void write_table(std::ostream& out, const cemetery::VerifyReport& r) {
    if (r.damaged()) {
        out << "File integrity: DAMAGED\n";
        for (const auto& line : r.integrity) out << "  " << line << '\n';
        return;
    }
    out << "File integrity: ok\n";
    out << "References: " << (r.foreign_keys.empty() ? "ok" : std::to_string(r.foreign_keys.size()) + " broken")
        << '\n';
    for (const auto& f : r.foreign_keys) out << "  " << f << '\n';
    out << "Change log: " << r.entries << " entries, ";
    if (r.chain_break_count == 0) {
        out << "chain intact\n";
    } else {
        out << r.chain_break_count << " do not match the chain\n";
        for (const auto& b : r.chain_breaks) {
            out << "  entry " << b.entry_id << " of " << b.at << " (" << b.entity << " " << b.record_id
                << ") does not match the chain\n";
        }
    }
    out << "Records: " << r.records << " compared with their latest entry, ";
    if (r.mismatch_count == 0) {
        out << "all match\n";
    } else {
        out << r.mismatch_count << " do not\n";
        for (const auto& m : r.mismatches) out << "  " << describe(m) << '\n';
        if (r.mismatch_count > static_cast<std::int64_t>(r.mismatches.size())) {
            out << "  ... and " << (r.mismatch_count - static_cast<std::int64_t>(r.mismatches.size())) << " more\n";
        }
    }
    out << "Chain head: entry " << r.head_id << " " << (r.head_chain.empty() ? "(empty log)" : r.head_chain) << '\n';
    out << "Note the chain head outside the register (on the posted list, with the backups): only against a\n"
           "head noted elsewhere can a rewritten log be told from the real one.\n";
}

}  // namespace

void add_verify_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("verify", "Check the register file, the change log's chain and every record "
                                             "against it (exit 3 when something does not match)");
    auto format = std::make_shared<std::string>("table");
    cmd->add_option("--format", *format, "table or json")->check(CLI::IsMember({"table", "json"}));
    cmd->callback([&session, format] {
        // Never creates a register: verifying a file that is not there is an error.
        auto& reg = session.reg();
        const auto report = reg.verify();
        if (*format == "json") {
            std::cout << to_json(report).dump(1) << '\n';
        } else {
            write_table(std::cout, report);
        }
        if (report.damaged()) throw Exit{database, session.db_path().string() + ": the file is damaged"};
        if (!report.ok()) {
            throw Exit{invalid_input, session.db_path().string() +
                                          ": the register does not match its change log (see above)"};
        }
    });
}

}  // namespace cli
