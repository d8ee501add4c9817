// cemetery regolamento check|show: what the regulation file says, for the people who
// edit it and the clerks who apply it. Neither opens the register.
#include "commands.hpp"
#include "exit_codes.hpp"
#include "regulation_text.hpp"

#include <cemetery/regulation_loader.hpp>
#include <cemetery/regulation_summary.hpp>
#include <cemetery/text.hpp>
#include <cemetery/union_data.hpp>

#include <algorithm>
#include <cctype>
#include <iostream>

namespace cli {

using cemetery::printable;
using cemetery::to_italian;

namespace {

// The Union's comuni (data/unione.toml), which a new register is seeded with. When
// that file cannot be read, `problem` says why and the list is empty.
struct KnownComuni {
    std::vector<cemetery::Comune> comuni;
    std::string file;
    std::string problem;
};

KnownComuni known_comuni() {
    KnownComuni known;
    const auto path = cemetery::shipped_union_data_path();
    known.file = path.string();
    try {
        for (const auto& u : cemetery::load_union_data(path).comuni) known.comuni.push_back(u.comune);
    } catch (const cemetery::RegulationFileError& e) {
        known.problem = e.what();
    }
    return known;
}

std::vector<std::string> names(const KnownComuni& known) {
    std::vector<std::string> out;
    for (const auto& c : known.comuni) out.push_back(c.name);
    return out;
}

// The comuni to list: the Union's, then any other the file names.
std::vector<std::string> comuni_to_list(const cemetery::Regulation& reg, const KnownComuni& known) {
    std::vector<std::string> out = names(known);
    for (const auto& c : cemetery::comuni_not_in(reg, out)) out.push_back(c);
    return out;
}

void warn(const std::string& file, const std::string& text) {
    std::cerr << printable(file) << ": attenzione: " << printable(text) << '\n';
}

void check(const std::filesystem::path& file) {
    const auto load = cemetery::try_load_regulation(file);
    if (!load) {
        const auto& e = *load.error;
        // FILE:LINE:COLUMN: what was expected, first on its line, as editors read it.
        std::cerr << printable(e.to_string()) << '\n';
        throw Exit{invalid_input, e.line > 0 ? "regolamento non valido: correggere la riga " + std::to_string(e.line) +
                                                   " e ripetere il controllo"
                                             : std::string("regolamento non letto: nulla è stato controllato")};
    }
    const auto& reg = *load.regulation;
    const auto known = known_comuni();
    const std::string where = file.string();

    std::cout << printable(where) << ": regolamento valido ("
              << reg.versions.size() << (reg.versions.size() == 1 ? " versione, " : " versioni, ")
              << (reg.tariffs.empty() ? std::string("nessuna tariffa")
                                      : std::to_string(reg.tariffs.size()) + (reg.tariffs.size() == 1 ? " tariffa" : " tariffe"))
              << ")\n\nImpostazioni generali\n";
    write_general_settings(std::cout, cemetery::general_settings(reg), "  ");
    const auto comuni = comuni_to_list(reg, known);
    for (const auto& comune : comuni) {
        std::cout << '\n' << printable(comune) << '\n';
        const auto periods = cemetery::rule_periods(reg, comune);
        if (periods.empty()) std::cout << "  nessuna versione del regolamento si applica a questo comune\n";
        for (const auto& p : periods) write_period(std::cout, p, "  ");
        for (const auto& shared : cemetery::shared_boundary_days(reg, comune)) write_shared_day(std::cout, shared, "  ");
    }
    if (comuni.empty()) {  // no list of comuni, and versions that name none: they apply to every comune
        std::cout << "\nOgni comune\n";
        for (const auto& p : cemetery::rule_periods(reg, "")) write_period(std::cout, p, "  ");
        for (const auto& shared : cemetery::shared_boundary_days(reg, "")) write_shared_day(std::cout, shared, "  ");
    }

    // Warnings: the file is valid, but something in it is likely a mistake.
    if (!known.problem.empty()) {
        warn(where, "l'elenco dei comuni non si può leggere (" + known.problem + "): i nomi dei comuni non sono controllati");
    } else {
        for (const auto& c : cemetery::comuni_not_in(reg, names(known))) {
            warn(where, "il comune \"" + c + "\" non è tra i comuni dell'Unione (" + known.file +
                            "): un registro che non lo conosce rifiuta questo regolamento");
        }
    }
    for (const auto& v : reg.versions) {
        const auto missing = cemetery::kinds_without_rule(v);
        if (missing.empty()) continue;
        std::vector<std::string> kinds;
        for (auto k : missing) kinds.emplace_back(cemetery::italian_name(k));
        warn(where, "la versione \"" + v.name + "\" non ha regole per " + cemetery::join(kinds, ", ") +
                        (kinds.size() == 1 ? ": nessuna concessione di questo tipo si può decidere con essa"
                                           : ": nessuna concessione di questi tipi si può decidere con essa"));
    }
}

// The comune as the regulation and the Union's list write it: by name (without case
// or accents), ISTAT code or codice catastale.
std::string comune_named(const cemetery::Regulation& reg, const KnownComuni& known, const std::string& text) {
    const std::string wanted = cemetery::fold(text);
    std::string upper = text;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    for (const auto& c : known.comuni) {
        if (cemetery::fold(c.name) == wanted || c.istat_code == text || c.cadastral_code == upper) return c.name;
    }
    for (const auto& c : cemetery::named_comuni(reg)) {
        if (cemetery::fold(c) == wanted) return c;
    }
    throw Exit{invalid_input, "comune sconosciuto \"" + printable(text) + "\" (noti: " +
                                  printable(cemetery::join(comuni_to_list(reg, known), ", ")) + ")"};
}

void show(Session& session, const std::string& comune_text, const std::string& on_text) {
    const auto on = date_option(on_text, "--on");
    const auto& reg = session.regulation();
    const std::string comune = comune_named(reg, known_comuni(), comune_text);
    const std::string who = printable(comune);
    const auto day = cemetery::rules_on(reg, comune, on);
    if (!day) {
        const auto first = reg.first_version_start(comune);
        throw Exit{refused, "nessuna versione del regolamento si applica a " + who + " il " + to_italian(on) +
                                (first ? ": la prima è in vigore dal " + to_italian(*first) +
                                             "; gli atti stipulati prima conservano la durata scritta nell'atto"
                                       : ": il regolamento non nomina questo comune")};
    }
    if (!day->version) {
        std::string before;
        for (const auto& p : cemetery::rule_periods(reg, comune)) {
            if (p.version && p.until && *p.until < on) {
                before = "; l'ultima, \"" + printable(p.version->name) + "\", valeva fino al " + to_italian(*p.until);
            }
        }
        throw Exit{refused, "nessuna versione del regolamento si applica a " + who + " il " + to_italian(on) + before +
                                ": durate e rinnovi non si possono decidere"};
    }
    std::cout << "Regolamento in vigore a " << who << " il " << to_italian(on) << '\n'
              << "File: " << printable(reg.source) << '\n'
              << "Versione \"" << printable(day->version->name) << "\", " << period_dates_text(*day) << '\n'
              << "  fonte: " << printable(day->version->basis) << '\n';
    if (const auto line = end_counting_line(*day->version); !line.empty()) std::cout << "  " << line << '\n';
    std::cout << "\nImpostazioni generali\n";
    write_general_settings(std::cout, cemetery::general_settings(reg), "  ");
    std::cout << "\nTipi di sepoltura\n";
    for (const auto& kind : day->kinds) write_kind(std::cout, kind, "  ");
}

}  // namespace

void add_regolamento_commands(CLI::App& app, Session& session) {
    auto* group = app.add_subcommand("regolamento", "The regulation file: check it, show the rules in force");
    group->require_subcommand(1);
    {
        auto* cmd = group->add_subcommand(
            "check", "Read and check a regulation file (no register needed); list, per comune and period, the rules "
                     "in force with their sources");
        auto file = std::make_shared<std::string>();
        cmd->add_option("file", *file, "The regulation file (default: --regolamento, else the shipped one)");
        cmd->callback([&session, file] { check(file->empty() ? session.regulation_path() : std::filesystem::path(*file)); });
    }
    {
        auto* cmd = group->add_subcommand("show", "The rules in force for a comune on a day, with their sources");
        struct Args {
            std::string comune, on;
        };
        auto args = std::make_shared<Args>();
        cmd->add_option("--comune", args->comune, "The comune (name, ISTAT code or codice catastale)")->required();
        cmd->add_option("--on", args->on, "The day (default today)");
        cmd->callback([&session, args] { show(session, args->comune, args->on); });
    }
}

}  // namespace cli
