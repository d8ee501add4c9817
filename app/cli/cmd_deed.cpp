// cemetery deed: the deed the holders sign, of a concession or of one of its renewals (PDF).
#include "commands.hpp"
#include "documents.hpp"
#include "exit_codes.hpp"
#include "output.hpp"

#include <cemetery/documents/deed_pdf.hpp>
#include <cemetery/regulation_loader.hpp>

#include <iostream>

namespace cli {

namespace {

// The renewal --rinnovo names among the concession's: its deed number, or "ultimo".
std::size_t chosen_renewal(const cemetery::Concession& c, const std::string& wanted) {
    if (c.renewals.empty()) throw Exit{invalid_input, "concession " + c.deed_number + " has no renewal"};
    if (wanted == "ultimo") return c.renewals.size() - 1;
    if (auto i = cemetery::documents::renewal_with_deed(c, wanted)) return *i;
    std::string known;
    for (const auto& r : c.renewals) {
        known += (known.empty() ? "" : ", ") + (r.deed.empty() ? "(no number) of " + cemetery::to_iso(r.granted_on) : r.deed);
    }
    throw Exit{invalid_input, "concession " + c.deed_number + " has no renewal deed \"" + wanted + "\" (its renewals: " +
                                  known + "; \"ultimo\" is the last)"};
}

}  // namespace

void add_deed_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("deed", "The deed the holders sign, of a concession or of a renewal (PDF)");
    struct Args {
        std::string deed, comune, renewal, output, offices, text;
        bool force = false;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("number", args->deed, "Deed number of the concession")->required();
    cmd->add_option("--comune", args->comune, "The comune of the deed")->required();
    cmd->add_option("--rinnovo", args->renewal,
                    "The deed of this renewal of the concession instead: the renewal deed's number, or \"ultimo\" for the last");
    cmd->add_option("--ufficio", args->offices, "Office settings file (default: the shipped data/ufficio.toml)");
    cmd->add_option("--testo", args->text, "The deed's text (default: the shipped data/atto.txt)");
    cmd->add_option("--output", args->output, "The PDF file to write")->required();
    add_force_flag(cmd, args->force);
    cmd->callback([&session, args] {
        namespace docs = cemetery::documents;
        const auto comune = session.comune(args->comune);
        Output output(session, args->output, args->force);
        const docs::DeedTemplate text = docs::load_deed_template(
            args->text.empty() ? docs::shipped_deed_template_path() : std::filesystem::path(args->text));
        DocumentOptions options;
        options.offices = args->offices;
        const auto office_file = offices(options);

        const auto record = session.reg().record(session.concession(args->deed, comune));
        if (!record) throw Exit{invalid_input, "no concession number \"" + args->deed + "\" in " + comune.name};
        std::optional<std::size_t> renewal;
        if (!args->renewal.empty()) renewal = chosen_renewal(record->concession, args->renewal);

        const auto deed = docs::collect_deed(*record, session.regulation(), office_file, renewal, cemetery::today());
        try {
            docs::write_deed_pdf(deed, text, output.path());
        } catch (const std::runtime_error& e) {
            throw Exit{invalid_input, e.what()};
        }
        output.commit();
        std::cerr << (renewal ? "Deed of renewal " : "Deed of concession ") << deed.number << " (" << comune.name
                  << ") written to " << args->output << '\n';
    });
}

}  // namespace cli
