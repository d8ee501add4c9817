#include "formats.hpp"

#include <cemetery/csv.hpp>
#include <cemetery/term.hpp>
#include <cemetery/text.hpp>

#include <nlohmann/json.hpp>

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace cli {

using cemetery::to_iso;
using cemetery::to_italian;
using nlohmann::json;

Format parse_format(const std::string& text) {
    if (text == "csv") return Format::csv;
    if (text == "json") return Format::json;
    return Format::table;
}

std::string status_word(cemetery::ConcessionStatus status) {
    switch (status) {
        case cemetery::ConcessionStatus::active: return "in corso";
        case cemetery::ConcessionStatus::expired: return "scaduta";
        case cemetery::ConcessionStatus::perpetual: return "perpetua";
        case cemetery::ConcessionStatus::revoked: return "revocata";
        case cemetery::ConcessionStatus::forfeited: return "decaduta";
        case cemetery::ConcessionStatus::surrendered: return "rinunciata";
        case cemetery::ConcessionStatus::closed: return "chiusa";
        case cemetery::ConcessionStatus::not_started: return "non decorsa";
    }
    return "";
}

namespace {

std::size_t display_width(const std::string& utf8) {
    // Counts code points: every letter the register holds is one column wide.
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

}  // namespace

namespace {

// The terminal's width when the table goes to one ($COLUMNS, else the terminal's own),
// else 0: a table written to a file or a pipe is never cut.
std::size_t terminal_columns(const std::ostream& out) {
    if (&out != &std::cout) return 0;
    if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
        char* end = nullptr;
        const long n = std::strtol(columns, &end, 10);
        if (*end == '\0' && n > 0) return static_cast<std::size_t>(n);
    }
    winsize size{};
    if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    return 0;
}

// The first `columns` code points of the text, the last of them "…" when it is cut.
std::string cut_to(const std::string& text, std::size_t columns) {
    if (display_width(text) <= columns) return text;
    if (columns == 0) return {};
    std::size_t kept = 0;
    std::size_t i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && kept++ == columns - 1) break;
    }
    return text.substr(0, i) + "…";
}

// Narrows the widest columns, one step at a time, until the line fits (or every column
// is down to a few letters: a very narrow terminal wraps rather than loses the columns).
void fit_widths(std::vector<std::size_t>& width, std::size_t columns) {
    constexpr std::size_t narrowest = 6;
    const std::size_t gaps = width.empty() ? 0 : 2 * (width.size() - 1);
    auto total = [&] {
        std::size_t sum = gaps;
        for (auto w : width) sum += w;
        return sum;
    };
    while (total() > columns) {
        const auto widest = std::max_element(width.begin(), width.end());
        if (widest == width.end() || *widest <= narrowest) return;
        --*widest;
    }
}

}  // namespace

// An aligned plain-text table. Every cell goes out through printable(): the
// register's text may hold control characters (an old register), which must not
// reach a terminal. On a terminal the widest columns are cut with "…" so each row
// stays on one line; the full text is in the csv and json formats.
void print_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows) {
    auto printable_row = [](const std::vector<std::string>& cells) {
        std::vector<std::string> shown;
        shown.reserve(cells.size());
        for (const auto& c : cells) shown.push_back(cemetery::printable(c));
        return shown;
    };
    std::vector<std::string> head = printable_row(header);
    std::vector<std::vector<std::string>> body;
    body.reserve(rows.size());
    for (const auto& r : rows) body.push_back(printable_row(r));
    std::vector<std::size_t> width(head.size());
    for (std::size_t i = 0; i < head.size(); ++i) width[i] = display_width(head[i]);
    for (const auto& r : body) {
        for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
    }
    if (const auto columns = terminal_columns(out); columns > 0) {
        fit_widths(width, columns);
        auto cut_row = [&](std::vector<std::string>& cells) {
            for (std::size_t i = 0; i < cells.size() && i < width.size(); ++i) cells[i] = cut_to(cells[i], width[i]);
        };
        cut_row(head);
        for (auto& r : body) cut_row(r);
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            text += cells[i];
            if (i + 1 < cells.size() && i < width.size()) text += std::string(width[i] - display_width(cells[i]) + 2, ' ');
        }
        out << text << '\n';
    };
    line(head);
    std::vector<std::string> rule;
    for (auto w : width) rule.push_back(std::string(w, '-'));
    line(rule);
    for (const auto& r : body) line(r);
}

namespace {

const std::vector<std::string> list_keys = {"comune",  "cimitero", "ubicazione",    "tipo",   "numero_concessione",
                                            "decorrenza", "scadenza", "concessionari", "defunti"};

std::vector<std::string> list_cells(const cemetery::ListRow& r, bool for_people) {
    auto date = [&](cemetery::Date d) { return for_people ? to_italian(d) : to_iso(d); };
    return {r.comune,
            r.cemetery,
            cemetery::describe(r.location),
            std::string(for_people ? cemetery::italian_name(r.kind) : cemetery::code(r.kind)),
            r.deed_number,
            date(r.term_start),
            date(r.expires_on),
            cemetery::join(r.holders, " | "),
            cemetery::join(r.deceased, " | ")};
}

std::string optional_date(const std::optional<cemetery::Date>& d, bool for_people) {
    if (!d) return for_people ? "perpetua" : "";
    return for_people ? to_italian(*d) : to_iso(*d);
}

}  // namespace

std::size_t write_list(std::ostream& out, Format format,
                       const std::function<void(const std::function<void(const cemetery::ListRow&)>&)>& rows) {
    std::size_t count = 0;
    switch (format) {
        case Format::csv: {
            cemetery::CsvWriter csv(out, ',');
            csv.row(list_keys);
            rows([&](const cemetery::ListRow& r) {
                csv.row(list_cells(r, false));
                ++count;
            });
            break;
        }
        case Format::json: {
            out << '[';
            rows([&](const cemetery::ListRow& r) {
                const auto cells = list_cells(r, false);
                json j = json::object();
                for (std::size_t i = 0; i < list_keys.size(); ++i) j[list_keys[i]] = cells[i];
                j["concessionari"] = r.holders;
                j["defunti"] = r.deceased;
                out << (count++ ? ",\n " : "\n ") << j.dump();
            });
            out << (count ? "\n]\n" : "]\n");
            break;
        }
        case Format::table: {
            std::vector<std::vector<std::string>> table;
            rows([&](const cemetery::ListRow& r) { table.push_back(list_cells(r, true)); });
            count = table.size();
            print_table(out, {"Comune", "Cimitero", "Ubicazione", "Tipo", "N. concessione", "Decorrenza", "Scadenza",
                              "Concessionari", "Defunti"},
                        table);
            break;
        }
    }
    return count;
}

namespace {

// "la sepoltura": what a term not started waits for, as a clerk says it.
std::string awaited_words(cemetery::TermStart start) {
    switch (start) {
        case cemetery::TermStart::signing: return "la stipula";
        case cemetery::TermStart::burial: return "la sepoltura";
        case cemetery::TermStart::request: return "la richiesta";
        case cemetery::TermStart::payment: return "il pagamento";
        case cemetery::TermStart::death: return "il decesso";
    }
    return "";
}

}  // namespace

std::size_t write_not_started(std::ostream& out, Format format, const std::vector<cemetery::NotStartedRow>& rows) {
    const std::vector<std::string> keys = {"comune",  "cimitero",    "ubicazione", "tipo",          "numero_concessione",
                                           "stipula", "durata_anni", "attende",    "concessionari", "defunti"};
    auto cells = [](const cemetery::NotStartedRow& r, bool for_people) {
        return std::vector<std::string>{
            r.comune,
            r.cemetery,
            cemetery::describe(r.location),
            std::string(for_people ? cemetery::italian_name(r.kind) : cemetery::code(r.kind)),
            r.deed_number,
            for_people ? to_italian(r.signed_on) : to_iso(r.signed_on),
            r.term_years ? std::to_string(*r.term_years) : std::string(),
            for_people ? awaited_words(r.waits_for) : std::string(cemetery::italian_code(r.waits_for)),
            cemetery::join(r.holders, " | "),
            cemetery::join(r.deceased, " | ")};
    };
    switch (format) {
        case Format::csv: {
            cemetery::CsvWriter csv(out, ',');
            csv.row(keys);
            for (const auto& r : rows) csv.row(cells(r, false));
            break;
        }
        case Format::json: {
            json all = json::array();
            for (const auto& r : rows) {
                const auto row = cells(r, false);
                json j = json::object();
                for (std::size_t i = 0; i + 2 < keys.size(); ++i) j[keys[i]] = row[i];
                if (r.term_years) {
                    j["durata_anni"] = *r.term_years;
                } else {
                    j["durata_anni"] = nullptr;
                }
                j["concessionari"] = r.holders;
                j["defunti"] = r.deceased;
                all.push_back(j);
            }
            out << all.dump(1) << '\n';
            break;
        }
        case Format::table: {
            std::vector<std::vector<std::string>> table;
            for (const auto& r : rows) {
                auto row = cells(r, true);
                if (r.term_years) row[6] += " anni";
                table.push_back(std::move(row));
            }
            print_table(out, {"Comune", "Cimitero", "Ubicazione", "Tipo", "N. concessione", "Stipula", "Durata",
                              "Attende", "Concessionari", "Defunti"},
                        table);
            break;
        }
    }
    return rows.size();
}

namespace {
std::string matched_word(cemetery::MatchedBy by) {
    switch (by) {
        case cemetery::MatchedBy::deceased: return "defunto";
        case cemetery::MatchedBy::holder: return "concessionario";
        case cemetery::MatchedBy::deed_number: return "numero_concessione";
        case cemetery::MatchedBy::codice_fiscale: return "codice_fiscale";
    }
    return "defunto";
}
}  // namespace

void write_search(std::ostream& out, Format format, const std::vector<cemetery::SearchHit>& hits) {
    const std::vector<std::string> keys = {"comune",   "cimitero", "ubicazione", "tipo",   "numero_concessione",
                                           "scadenza", "stato",    "defunti",    "concessionari"};
    const auto today = cemetery::today();
    auto cells = [&](const cemetery::SearchHit& h, bool for_people) {
        std::vector<std::string> deceased;
        for (const auto& d : h.deceased) {
            std::string name = d.full_name();
            if (for_people && (d.born_on || d.died_on)) {
                name += " (" + (d.born_on ? to_italian(*d.born_on) : std::string("?")) + " - " +
                        (d.died_on ? to_italian(*d.died_on) : std::string("?")) + ")";
            }
            deceased.push_back(name);
        }
        cemetery::Concession c;
        c.perpetual = h.perpetual;
        c.expires_on = h.expires_on;
        c.ending = h.ending;
        c.closed_on = h.closed_on;
        return std::vector<std::string>{h.comune,
                                        h.cemetery,
                                        cemetery::describe(h.location),
                                        std::string(for_people ? cemetery::italian_name(h.kind) : cemetery::code(h.kind)),
                                        h.deed_number,
                                        optional_date(h.expires_on, for_people),
                                        status_word(c.status_on(today)),
                                        cemetery::join(deceased, " | "),
                                        cemetery::join(h.holders, " | ")};
    };
    switch (format) {
        case Format::csv: {
            cemetery::CsvWriter csv(out, ',');
            csv.row(keys);
            for (const auto& h : hits) csv.row(cells(h, false));
            break;
        }
        case Format::json: {
            json all = json::array();
            for (const auto& h : hits) {
                const auto row = cells(h, false);
                json j = json::object();
                for (std::size_t i = 0; i < keys.size(); ++i) j[keys[i]] = row[i];
                if (!h.expires_on) j["scadenza"] = nullptr;
                json deceased = json::array();
                for (const auto& d : h.deceased) {
                    deceased.push_back({{"nome", d.full_name()},
                                        {"nato", d.born_on ? json(to_iso(*d.born_on)) : json(nullptr)},
                                        {"morto", d.died_on ? json(to_iso(*d.died_on)) : json(nullptr)},
                                        {"sepolto", d.buried_on ? json(to_iso(*d.buried_on)) : json(nullptr)}});
                }
                j["defunti"] = deceased;
                j["concessionari"] = h.holders;
                // Why it was found, when not by a deceased's name: a holder's name shown
                // in the office, never the tax code typed.
                j["trovato_tramite"] = matched_word(h.matched_by);
                j["concessionario_trovato"] = h.matched_holder.empty() ? json(nullptr) : json(h.matched_holder);
                all.push_back(j);
            }
            out << all.dump(1) << '\n';
            break;
        }
        case Format::table: {
            std::vector<std::vector<std::string>> table;
            for (const auto& h : hits) table.push_back(cells(h, true));
            print_table(out, {"Comune", "Cimitero", "Ubicazione", "Tipo", "N. concessione", "Scadenza", "Stato",
                              "Defunti", "Concessionari"},
                        table);
            break;
        }
    }
}

namespace {

std::string ending_word(cemetery::Ending ending) {
    switch (ending) {
        case cemetery::Ending::revoked: return "revocata";
        case cemetery::Ending::forfeited: return "decaduta";
        case cemetery::Ending::surrendered: return "rinunciata";
        case cemetery::Ending::none: break;
    }
    return "";
}

// How a concession ended before its term: "Rinunciata il 01/03/2030, atto prot. 88/2030, motivo ...".
std::string ending_sentence(const cemetery::Concession& c) {
    std::string out = ending_word(c.ending);
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    if (c.ended_on) out += " il " + to_italian(*c.ended_on);
    if (!c.ending_act.empty()) out += ", atto " + c.ending_act;
    if (!c.ending_reason.empty()) out += ", motivo " + c.ending_reason;
    return out;
}

// The closing that freed the place: "Chiusa il 01/03/2027 (resti: ossario, atto det. 12/2027)".
std::string closing_sentence(const cemetery::Closing& cl) {
    std::string out = "Chiusa il " + to_italian(cl.closed_on) + " (resti: " + std::string(cemetery::code(cl.remains));
    if (!cl.act.empty()) out += ", atto " + cl.act;
    return out + ")";
}

}  // namespace

void write_record(std::ostream& out, Format format, const cemetery::ConcessionRecord& rec, cemetery::Date as_of,
                  const std::optional<cemetery::Closing>& closing, const std::string& variant_name) {
    const auto& c = rec.concession;
    const std::string explanation = cemetery::explain_expiry_in_italian(c, rec.plot.kind);
    if (format == Format::json) {
        json j = {
            {"comune", rec.comune.name},
            {"cimitero", rec.cemetery.name},
            {"ubicazione", cemetery::describe(rec.plot.location)},
            {"settore", rec.plot.location.settore},
            {"fila", rec.plot.location.fila},
            {"numero", rec.plot.location.numero},
            {"piano", rec.plot.location.piano},
            {"tipo", cemetery::code(rec.plot.kind)},
            {"numero_concessione", c.deed_number},
            {"data_concessione", to_iso(c.signed_on)},
            {"decorrenza", to_iso(c.term_start)},
            {"durata_anni", c.term_years ? json(*c.term_years) : json(nullptr)},
            {"scadenza", c.expires_on ? json(to_iso(*c.expires_on)) : json(nullptr)},
            {"perpetua", c.perpetual},
            {"stato", status_word(c.status_on(as_of))},
            {"al", to_iso(as_of)},
            {"versione_regolamento", c.version_name},
            {"spiegazione_scadenza", explanation},
        };
        // The variant of the kind's rule, by its code and as a clerk reads it; null: the ordinary rule.
        j["variante"] = c.variant ? json(*c.variant) : json(nullptr);
        j["nome_variante"] = c.variant ? json(variant_name) : json(nullptr);
        json renewals = json::array();
        for (const auto& r : c.renewals) {
            renewals.push_back({{"data", to_iso(r.granted_on)},
                                {"anni", r.years},
                                {"scadenza", to_iso(r.new_expiry)},
                                {"atto", r.deed},
                                {"versione_regolamento", r.version_name}});
        }
        j["rinnovi"] = renewals;
        json holders = json::array();
        for (const auto& h : c.holders) {
            holders.push_back({{"cognome", h.surname},
                               {"nome", h.given_name},
                               {"codice_fiscale", h.codice_fiscale},
                               {"indirizzo", h.address},
                               {"telefono", h.phone},
                               {"email", h.email}});
        }
        j["concessionari"] = holders;
        json deceased = json::array();
        for (const auto& d : c.deceased) {
            deceased.push_back({{"cognome", d.surname},
                                {"nome", d.given_name},
                                {"data_nascita", d.born_on ? json(to_iso(*d.born_on)) : json(nullptr)},
                                {"data_morte", d.died_on ? json(to_iso(*d.died_on)) : json(nullptr)},
                                {"data_sepoltura", d.buried_on ? json(to_iso(*d.buried_on)) : json(nullptr)}});
        }
        j["defunti"] = deceased;
        j["cessazione"] = c.ending == cemetery::Ending::none
                              ? json(nullptr)
                              : json{{"tipo", ending_word(c.ending)},
                                     {"data", c.ended_on ? json(to_iso(*c.ended_on)) : json(nullptr)},
                                     {"atto", c.ending_act},
                                     {"motivo", c.ending_reason}};
        j["chiusura"] = closing ? json{{"data", to_iso(closing->closed_on)},
                                       {"resti", cemetery::code(closing->remains)},
                                       {"atto", closing->act},
                                       {"nota", closing->note}}
                                : json(nullptr);
        out << j.dump(2) << '\n';
        return;
    }
    // Every text of the register goes out through printable(), as in print_table.
    const auto p = [](const std::string& text) { return cemetery::printable(text); };
    out << "Concessione n. " << p(c.deed_number) << " — " << p(rec.comune.name) << '\n'
        << "  Cimitero:       " << p(rec.cemetery.name) << '\n'
        << "  Ubicazione:     " << p(cemetery::describe(rec.plot.location)) << '\n'
        << "  Tipo:           " << cemetery::italian_name(rec.plot.kind) << '\n';
    if (c.variant) out << "  Variante:       " << p(variant_name) << " (" << p(*c.variant) << ")\n";
    out
        << "  Stipula:        " << to_italian(c.signed_on) << '\n'
        << "  Decorrenza:     " << to_italian(c.term_start) << '\n'
        << "  Durata:         " << (c.perpetual ? std::string("perpetua") : c.term_years ? std::to_string(*c.term_years) + " anni" : std::string("-")) << '\n'
        << "  Scadenza:       " << optional_date(c.expires_on, true) << '\n'
        << "  Stato al " << to_italian(as_of) << ": " << status_word(c.status_on(as_of)) << '\n'
        << "  Perché:         " << p(explanation) << '\n';
    // How it ended, and when its place was freed.
    const char* label = "  Fine:           ";
    if (c.ending != cemetery::Ending::none) {
        out << label << p(ending_sentence(c)) << '\n';
        label = "                  ";
    }
    if (closing) out << label << p(closing_sentence(*closing)) << '\n';
    out << "  Concessionari:\n";
    if (c.holders.empty()) out << "    (nessuno registrato)\n";
    for (const auto& h : c.holders) {
        out << "    " << p(h.full_name());
        if (!h.codice_fiscale.empty()) out << "  CF " << p(h.codice_fiscale);
        if (!h.address.empty()) out << "  " << p(h.address);
        if (!h.phone.empty()) out << "  tel. " << p(h.phone);
        out << '\n';
    }
    out << "  Defunti:\n";
    if (c.deceased.empty()) out << "    (nessuna sepoltura)\n";
    for (const auto& d : c.deceased) {
        out << "    " << p(d.full_name()) << "  nato/a " << (d.born_on ? to_italian(*d.born_on) : "?") << "  morto/a "
            << (d.died_on ? to_italian(*d.died_on) : "?") << "  sepolto/a "
            << (d.buried_on ? to_italian(*d.buried_on) : "?") << '\n';
    }
    if (!c.renewals.empty()) {
        out << "  Rinnovi:\n";
        for (const auto& r : c.renewals) {
            out << "    " << to_italian(r.granted_on) << "  +" << r.years << " anni  → " << to_italian(r.new_expiry);
            if (!r.deed.empty()) out << "  atto " << p(r.deed);
            out << '\n';
        }
    }
}

}  // namespace cli
