// cemetery history: what happened to a concession, from its change log and its life
// (postings, restarted terms, successions, closing).
#include "commands.hpp"
#include "exit_codes.hpp"
#include "formats.hpp"

#include <cemetery/text.hpp>

#include <nlohmann/json.hpp>

#include <iostream>

namespace cli {

void add_history_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("history", "The change log and the life of one concession");
    struct Args {
        std::string deed, comune, format = "table";
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("number", args->deed, "Deed number of the concession")->required();
    cmd->add_option("--comune", args->comune, "The comune of the deed")->required();
    cmd->add_option("--format", args->format, "table or json")->check(CLI::IsMember({"table", "json"}));
    cmd->callback([&session, args] {
        const auto comune = session.comune(args->comune);
        const auto id = session.concession(args->deed, comune);
        auto& reg = session.reg();
        const auto log = reg.change_log("concession", id.value());
        const auto life = reg.life(id);
        if (parse_format(args->format) == Format::json) {
            auto entries = nlohmann::json::array();
            for (const auto& e : log) {
                entries.push_back({{"al", e.at},
                                   {"utente", e.user},
                                   {"azione", e.action},
                                   {"dettagli", nlohmann::json::parse(e.details, nullptr, false)}});
            }
            std::cout << entries.dump(1) << '\n';
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& e : log) rows.push_back({e.at, e.user, e.action, e.details});
        std::cout << "Concessione n. " << args->deed << " — " << comune.name << '\n';
        print_table(std::cout, {"Quando", "Utente", "Azione", "Dettagli"}, rows);
        for (const auto& p : life.postings) {
            std::cout << "Affissione dal " << cemetery::to_italian(p.posted_on) << " (scadute al "
                      << cemetery::to_italian(p.list_as_of) << ")\n";
        }
        for (const auto& r : life.restarts) {
            if (r.event == cemetery::TermEvent::payment) {
                std::cout << "Pagamento registrato il " << cemetery::to_italian(r.buried_on) << ": decorrenza dal "
                          << cemetery::to_italian(r.new_start) << ", scadenza " << cemetery::to_italian(r.new_expiry)
                          << " (" << r.basis << ")\n";
                continue;
            }
            if (!r.previous_expiry) {
                // The term was waiting for this burial (or the death it follows).
                std::cout << "Decorrenza iniziata il " << cemetery::to_italian(r.new_start) << " (" << r.deceased
                          << "): scadenza " << cemetery::to_italian(r.new_expiry) << " (" << r.basis << ")\n";
                continue;
            }
            std::cout << "Decorrenza ripartita il " << cemetery::to_italian(r.buried_on) << " (" << r.deceased
                      << "): scadenza " << cemetery::to_italian(*r.previous_expiry) << " → "
                      << cemetery::to_italian(r.new_expiry) << " (" << r.basis << ")\n";
        }
        for (const auto& s : life.successions) {
            std::cout << "Subentro il " << cemetery::to_italian(s.on) << ", atto " << s.act << ": "
                      << cemetery::join(s.holders_before, ", ") << " → " << cemetery::join(s.holders_after, ", ")
                      << '\n';
        }
        if (life.closing) {
            std::cout << "Chiusa il " << cemetery::to_italian(life.closing->closed_on) << ", resti: "
                      << cemetery::code(life.closing->remains) << '\n';
        }
    });
}

}  // namespace cli
