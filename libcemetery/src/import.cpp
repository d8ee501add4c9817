#include <cemetery/csv.hpp>
#include <cemetery/import.hpp>
#include <cemetery/plot_inventory.hpp>
#include <cemetery/term.hpp>
#include <cemetery/text.hpp>
#include <cemetery/validation.hpp>

#include "import_term.hpp"
#include "rows_ahead.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

namespace cemetery {

namespace {

// Lines of a mixed file named one by one; the rest are counted.
constexpr std::size_t stray_lines_listed = 20;

// A file not in one encoding: what it is, and each line in the other encoding.
void refuse_encoding(const EncodingScan& scan, ImportReport& report) {
    auto whole_file = [&](std::string message, ProblemCode code, std::string detail) {
        report.errors.push_back(FieldError{0, "", "", std::move(message), code, std::move(detail), std::nullopt});
    };
    if (scan.wide) {
        const std::string name{encoding_name(*scan.wide)};
        whole_file("the file is " + name + ": save it as UTF-8 or Windows-1252 CSV", ProblemCode::wide_encoding, name);
        return;
    }
    const bool utf8 = scan.encoding == TextEncoding::utf8;
    const std::string rest{encoding_name(scan.encoding)};
    const std::string lines = std::to_string(scan.stray_count) + (scan.stray_count == 1 ? " line" : " lines");
    whole_file("the file mixes two encodings: the rest of the file is " + rest + ", but " + lines +
                   (scan.stray_count == 1 ? " is" : " are") + (utf8 ? " not" : " in UTF-8") +
                   ": correct them, or save the whole file again in one encoding",
               ProblemCode::mixed_encoding, rest);
    for (const StrayLine& stray : scan.stray) {
        report.errors.push_back(FieldError{
            stray.line, "", stray.excerpt,
            utf8 ? "not UTF-8 like the rest of the file: it reads as Windows-1252"
                 : "UTF-8, unlike the rest of the file (Windows-1252)",
            utf8 ? ProblemCode::line_not_utf8 : ProblemCode::line_in_utf8, {}, std::nullopt});
    }
    if (scan.stray_count > scan.stray.size()) {
        const std::string more = std::to_string(scan.stray_count - scan.stray.size());
        whole_file("and " + more + " more lines like these", ProblemCode::more_lines, more);
    }
}

// Registers write the cemetery as "Cimitero di Liscate" as often as "Liscate".
std::string cemetery_name(const std::string& written) {
    std::string folded = fold(written);
    for (const char* prefix : {"cimitero di ", "cimitero del ", "cimitero della ", "cimitero ", "cim "}) {
        if (folded.rfind(prefix, 0) == 0) return folded.substr(std::strlen(prefix));
    }
    return folded;
}

// Which column a refusal of the rules is about, to name it to the clerk.
RegisterColumn column_of(RefusalCode code) {
    switch (code) {
        case RefusalCode::perpetual_not_allowed:
        case RefusalCode::perpetual_with_term: return RegisterColumn::perpetua;
        case RefusalCode::term_missing:
        case RefusalCode::term_differs:
        case RefusalCode::term_choice_missing:
        case RefusalCode::term_too_long: return RegisterColumn::durata_anni;
        case RefusalCode::burial_date_missing: return RegisterColumn::data_sepoltura;
        case RefusalCode::before_signing: return RegisterColumn::decorrenza;
        case RefusalCode::request_date_missing:
        case RefusalCode::request_after_signing: return RegisterColumn::data_richiesta;
        case RefusalCode::no_rule_for_kind: return RegisterColumn::tipo;
        case RefusalCode::variant_not_offered: return RegisterColumn::variante;
        default: return RegisterColumn::data_concessione;
    }
}

// The concession-level fields of a row: every row of one deed must agree on them.
std::string concession_signature(const RegisterRow& r, CemeteryId cemetery) {
    std::string s = std::to_string(cemetery.value());
    for (const std::string* part : {&r.settore, &r.fila, &r.numero, &r.piano}) s += '\x1F' + *part;
    s += '\x1F' + std::string(r.kind ? code(*r.kind) : "");
    s += '\x1F' + (r.signed_on ? to_iso(*r.signed_on) : "");
    s += '\x1F' + (r.term_years ? std::to_string(*r.term_years) : "");
    s += '\x1F' + (r.stated_expiry ? to_iso(*r.stated_expiry) : "");
    s += '\x1F' + (r.term_start ? to_iso(*r.term_start) : "");
    s += '\x1F' + (r.requested_on ? to_iso(*r.requested_on) : "");
    s += '\x1F' + (r.paid_on ? to_iso(*r.paid_on) : "");
    s += r.perpetual ? "\x1FP" : "\x1F-";
    s += '\x1F' + r.variant.value_or("");
    return s;
}

std::string holder_key(const HolderFields& h) {
    return fold(h.surname) + '\x1F' + fold(h.given_name) + '\x1F' + h.codice_fiscale;
}

// A 64-bit fingerprint of a text, to keep what a million rows must be compared on
// without keeping their strings.
std::uint64_t fingerprint(const std::string& text) { return std::hash<std::string>{}(text); }

std::string deceased_key(const std::string& surname, const std::string& given, const std::optional<Date>& born,
                         const std::optional<Date>& died) {
    return fold(surname) + '\x1F' + fold(given) + '\x1F' + (born ? to_iso(*born) : "") + '\x1F' +
           (died ? to_iso(*died) : "");
}

// The days a concession holds its plot, as the register's overlap rule counts them.
struct Span {
    Date from{};
    Date to{};  // the last day held (a far day for a perpetual deed)
    [[nodiscard]] bool overlaps(const Span& other) const { return from <= other.to && other.from <= to; }
};

Span span_of(const Term& term) {
    return {term.term_start, term.expires_on.value_or(Date{date::year{9999} / 12 / 31})};
}

// One concession in the file: the rows that share a comune and a deed number.
struct Group {
    std::size_t first_line = 0;
    std::uint64_t signature = 0;      // fingerprint of what every row must agree on
    DeedTerm deed;                    // what its rows say of the term (alike on every row)
    // Its deceased, until the term is decided: the first row's here, the others'
    // after it (a concession on one row, most of them, allocates nothing).
    std::optional<RowBurial> first_burial;
    std::vector<RowBurial> more_burials;
    std::optional<Term> term;         // decided once every row was read (decide_terms)
    std::optional<ConcessionId> id;   // in the register (already, or once written)
    bool in_register = false;         // it was there before this import
    bool created = false;             // this import writes it (or would, in a dry run)
    bool bad = false;
    std::size_t reason_line = 0;      // the row that is wrong
    std::uint32_t place = 0;          // index into the importer's places
    std::uint32_t rows = 0;           // rows of the file with this deed
    std::uint32_t rows_written = 0;   // of them, through the second pass so far
    PlotKind kind = PlotKind::loculo;
    const Comune* comune = nullptr;   // where its first row located it
    CemeteryId cemetery;
    std::vector<std::uint64_t> people;  // fingerprints of the holders and deceased already recorded
};

// A place in a cemetery that concessions of the file are on.
struct PlaceInfo {
    CemeteryId cemetery;
    ComuneId comune;
    Location where;
    std::optional<PlotId> plot;   // in the register, or once written
    std::vector<Group*> groups;   // the file's new concessions on it, in file order
};

// A term restarted by a burial of the file, written once its deceased is.
struct PendingRestart {
    RowRestart found;
    std::optional<DeceasedId> deceased;  // once written
};

// Checks rows (first pass) and writes them (second pass). Keeping the two apart
// lets a concession whose rows are scattered through the file be refused whole;
// the first pass checks everything the register could refuse, so that the second
// writes in bulk, without a savepoint per concession.
class Importer {
public:
    Importer(Register& reg, const Regulation& regulation, const RegisterHeader& header, ImportReport& report)
        : reg_(reg), regulation_(regulation), header_(header), report_(report) {}

    using Problems = std::vector<FieldError>;

    // First pass: everything that can be known from the row, the file so far and the register.
    void check(const RegisterRow& r, Problems& problems) {
        Place place;
        if (!locate(r, place, problems)) return;
        auto [it, is_new] = groups_.try_emplace(place.key);
        Group& g = it->second;
        ++g.rows;
        if (group_of_line_.size() <= r.line) group_of_line_.resize(r.line + 1, nullptr);
        group_of_line_[r.line] = &g;
        const std::uint64_t signature = fingerprint(concession_signature(r, place.cemetery));
        if (!is_new) {
            if (signature != g.signature) {
                add(problems, r, RegisterColumn::numero_concessione, r.deed_number,
                    "the same deed is on line " + std::to_string(g.first_line) +
                        " with a different place, kind, date or term",
                    ProblemCode::deed_differs_in_file, std::to_string(g.first_line));
                mark_bad(g, r.line);
                return;
            }
            note_burial(g, r);
            return;
        }
        g.first_line = r.line;
        g.signature = signature;
        g.kind = *r.kind;
        g.comune = place.comune;
        g.cemetery = place.cemetery;
        g.deed = DeedTerm{*r.signed_on, r.term_years, r.term_start, r.stated_expiry, r.perpetual, r.requested_on, r.paid_on,
                          r.variant};
        const Location where{r.settore, r.fila, r.numero, r.piano};
        auto [p, new_place] = place_index_.try_emplace(place_key(place.cemetery, where),
                                                       static_cast<std::uint32_t>(places_.size()));
        if (new_place) places_.push_back(PlaceInfo{place.cemetery, place.comune->id, where, std::nullopt, {}});
        g.place = p->second;
        note_burial(g, r);
        in_file_order_.push_back(&*it);
    }

    // After the first pass: each concession's term, now that all its rows were read
    // (import_term.hpp), and what the register already holds of it.
    void decide_terms(Problems& problems) {
        for (auto* entry : in_file_order_) {
            if (!entry->second.bad) decide(entry->first, entry->second, problems);
        }
        in_file_order_ = {};
    }

    // End of the first pass: the file's new concessions against the plots they are
    // on, in the register and in the file. The first (in file order) of two
    // concessions holding one place at the same time is kept, the other refused.
    void check_places(Problems& problems) {
        for (auto& place : places_) {
            if (place.groups.empty()) continue;  // only concessions already in the register
            std::optional<PlotKind> kind;
            std::vector<Span> held;
            const auto plot =
                holds_plots(place.cemetery, place.comune) ? reg_.find_plot(place.cemetery, place.where) : std::nullopt;
            if (plot) {
                place.plot = plot->id;
                kind = plot->kind;
                for (const auto& [from, to] : reg_.plot_terms(plot->id)) held.push_back(Span{from, to});
            }
            for (Group* group : place.groups) {
                Group& g = *group;
                if (g.bad) continue;
                if (kind && *kind != g.kind) {
                    problems.push_back(FieldError{g.first_line, header_.name_of(RegisterColumn::tipo),
                                                  std::string(code(g.kind)),
                                                  "the plot at " + describe(place.where) + " is a " +
                                                      std::string(italian_name(*kind)),
                                                  ProblemCode::plot_kind_differs, std::string(code(*kind)), std::nullopt});
                    mark_bad(g, g.first_line);
                    continue;
                }
                const Span mine = span_of(*g.term);
                if (std::any_of(held.begin(), held.end(), [&](const Span& s) { return s.overlaps(mine); })) {
                    problems.push_back(FieldError{g.first_line, header_.name_of(RegisterColumn::numero),
                                                  place.where.numero,
                                                  "the place " + describe(place.where) +
                                                      " is held by another concession in the same period",
                                                  ProblemCode::place_taken, {}, std::nullopt});
                    mark_bad(g, g.first_line);
                    continue;
                }
                kind = g.kind;
                held.push_back(mine);
            }
        }
    }

    // Second pass: writes the rows of good groups through `load` (none in a dry run:
    // then only counts). Rows of refused groups come back in `problems` with the
    // group's reason, so that they are rejected together; returns false when that is
    // the only reason.
    bool write(const RegisterRow& r, Register::Load* load, Problems& problems) {
        // The first pass found the row's group; a row it did not get to has problems of its own.
        Group* found = r.line < group_of_line_.size() ? group_of_line_[r.line] : nullptr;
        if (!found) return true;
        Group& g = *found;
        if (g.bad) {
            add(problems, r, RegisterColumn::numero_concessione, r.deed_number,
                "another row of this concession is wrong (line " + std::to_string(g.reason_line) + ")",
                ProblemCode::other_row_wrong, std::to_string(g.reason_line));
            return false;
        }
        // The only row of a new concession has nobody to be compared with.
        const bool alone = g.rows == 1 && !g.in_register;
        std::vector<Holder> holders;
        if (r.holder && (alone || remember(g, fingerprint(holder_key(*r.holder))))) {
            holders.push_back(holder_of(*r.holder));
        }
        std::vector<Deceased> deceased;
        const std::uint64_t person = r.deceased && !alone ? person_of(*r.deceased) : 0;
        if (r.deceased && (alone || remember(g, person))) deceased.push_back(deceased_of(*r.deceased));
        if (!g.in_register && !g.created) {
            create(r, g, load, holders, deceased, problems);
        } else if (!holders.empty() || !deceased.empty()) {
            if (load) {
                auto added = load->add_people(*g.id, holders, deceased);
                if (!added) {
                    add(problems, r, RegisterColumn::defunto_cognome, r.deceased ? r.deceased->surname : "",
                        added.conflict->message);
                    return true;
                }
            }
            report_.deceased_added += deceased.size();
        }
        if (load) write_restarts(g, person, deceased, *load, r, problems);
        return true;
    }

    // Rows of a group refused after its first row was checked: their own problem.
    static void mark_bad(Group& g, std::size_t line) {
        if (!g.bad) g.reason_line = line;
        g.bad = true;
    }

    // A row with problems of its own spoils its whole group.
    void spoil(const RegisterRow& r) {
        Place place;
        Problems ignored;
        if (!locate(r, place, ignored)) return;
        auto [it, is_new] = groups_.try_emplace(place.key);
        if (is_new) it->second.first_line = r.line;
        mark_bad(it->second, r.line);
    }

private:
    static std::uint64_t person_of(const DeceasedFields& d) {
        return fingerprint(deceased_key(d.surname, d.given_name, d.born_on, d.died_on));
    }
    static std::uint64_t person_of(const Deceased& d) {
        return fingerprint(deceased_key(d.surname, d.given_name, d.born_on, d.died_on));
    }

    // A row's deceased, kept for the term until every row was read.
    static void note_burial(Group& g, const RegisterRow& r) {
        if (!r.deceased) return;
        const RowBurial b{person_of(*r.deceased), r.deceased->buried_on, r.line, r.deceased->died_on};
        if (!g.first_burial) {
            g.first_burial = b;
        } else {
            g.more_burials.push_back(b);
        }
    }

    // The term of one concession of the file, from all its rows; then the register:
    // the same deed imported before adds only new people, whose burials may restart
    // its term as bury would have.
    void decide(const std::string& key, Group& g, Problems& problems) {
        std::vector<RowBurial> burials = std::move(g.more_burials);
        if (g.first_burial) burials.push_back(*g.first_burial);
        g.first_burial.reset();
        g.more_burials = {};
        if (auto clash = in_burial_order(burials)) {
            add(problems, clash->line, RegisterColumn::data_sepoltura, clash->on ? to_italian(*clash->on) : "",
                "the same deceased is on line " + std::to_string(clash->other_line) + " with a different burial date",
                ProblemCode::deceased_differs_in_file, std::to_string(clash->other_line));
            mark_bad(g, clash->line);
            return;
        }
        ImportedTerm decided = decide_imported_term(regulation_, g.comune->name, g.kind, g.deed, burials);
        if (decided.refusal) {
            const RegisterColumn column = column_of(decided.refusal->code);
            add(problems, g.first_line, column, field_value(g, column), decided.refusal->message,
                ProblemCode::refused_by_rules, decided.refusal->version_name, decided.refusal->code);
            mark_bad(g, g.first_line);
            return;
        }
        if (g.deed.stated_expiry && stated_expiry_out_of_bounds(g, *g.deed.stated_expiry, decided, problems)) {
            mark_bad(g, g.first_line);
            return;
        }
        if (decided.read_as_years) {
            report_.notices.push_back(FieldError{g.first_line, header_.name_of(RegisterColumn::perpetua), "sì",
                                                 *decided.read_as_years, ProblemCode::perpetual_read_as_years,
                                                 std::to_string(decided.rules.years.value_or(0)), std::nullopt});
        }
        if (decided.notice) {
            report_.notices.push_back(FieldError{g.first_line, header_.name_of(RegisterColumn::scadenza),
                                                 to_italian(*g.deed.stated_expiry), *decided.notice,
                                                 ProblemCode::stated_expiry_kept,
                                                 to_italian(*decided.reached.expires_on), std::nullopt});
        }
        g.term = std::move(decided.term);
        g.term->basis = std::string();  // not kept in the register: a million copies are not needed
        const std::string deed_number = key.substr(key.find('\x1F') + 1);
        if (auto existing = holds_concessions(g.comune->id) ? reg_.find_concession(g.comune->id, deed_number)
                                                             : std::nullopt) {
            in_register(g, *existing, deed_number, burials, problems);
            return;
        }
        if (!decided.restarts.empty()) {
            auto& pending = restarts_[&g];
            for (auto& found : decided.restarts) pending.push_back(PendingRestart{std::move(found), std::nullopt});
        }
        places_[g.place].groups.push_back(&g);
    }

    // A deed of the file already in the register: the same concession if the
    // register's own burials bring the deed's term where the register has it.
    void in_register(Group& g, ConcessionId id, const std::string& deed_number, const std::vector<RowBurial>& burials,
                     Problems& problems) {
        auto record = reg_.record(id);
        std::vector<RowBurial> known;
        if (record) {
            for (const auto& d : record->concession.deceased) known.push_back(RowBurial{person_of(d), d.buried_on, 0, d.died_on});
        }
        const bool same = record && !in_burial_order(known) && same_concession(*record, g, [&] {
            return decide_imported_term(regulation_, g.comune->name, g.kind, g.deed, known).term;
        }());
        if (!same) {
            add(problems, g.first_line, RegisterColumn::numero_concessione, deed_number,
                "this deed number is already in the register for " + g.comune->name + " with different data",
                ProblemCode::deed_differs_in_register);
            mark_bad(g, g.first_line);
            return;
        }
        g.id = id;
        g.in_register = true;
        for (const auto& h : record->concession.holders) {
            g.people.push_back(fingerprint(holder_key(HolderFields{h.surname, h.given_name, h.codice_fiscale, {}, {}, {}})));
        }
        for (const auto& b : known) g.people.push_back(b.person);
        // The burials the register does not have yet, in the order they were made.
        std::vector<RowBurial> added;
        for (const auto& b : burials) {
            if (std::find(g.people.begin(), g.people.end(), b.person) == g.people.end()) added.push_back(b);
        }
        RemainsCount present;
        for (std::size_t i = 0; i < record->concession.deceased.size(); ++i) present.add(RemainsForm::coffin);
        Concession now = record->concession;
        auto restarts = restarts_at_burials(regulation_, now, g.kind, present, added);
        if (!restarts.empty()) {
            auto& pending = restarts_[&g];
            for (auto& found : restarts) pending.push_back(PendingRestart{std::move(found), std::nullopt});
        }
    }

    // After a row of a concession with restarts is written: its deceased's id, and
    // once its last row is through, the restarts in the order they happened.
    void write_restarts(Group& g, std::uint64_t person, const std::vector<Deceased>& deceased, Register::Load& load,
                        const RegisterRow& r, Problems& problems) {
        ++g.rows_written;
        auto it = restarts_.find(&g);
        if (it == restarts_.end()) return;
        if (!deceased.empty()) {
            const auto ids = load.deceased_written();
            for (auto& p : it->second) {
                if (p.found.person == person && !p.deceased && !ids.empty()) {
                    p.deceased = ids.front();
                    p.found.restart.deceased = deceased.front().full_name();
                }
            }
        }
        if (g.rows_written < g.rows || !g.id) return;
        for (const auto& p : it->second) {
            auto added = load.add_restart(*g.id, p.deceased, p.found.restart);
            if (!added) {
                add(problems, r, RegisterColumn::data_sepoltura, "", added.conflict->message);
                break;
            }
        }
        restarts_.erase(it);
    }

    struct Place {
        const Comune* comune = nullptr;
        CemeteryId cemetery;
        std::string key;  // comune id + deed number
    };

    static std::string place_key(CemeteryId cemetery, const Location& where) {
        return std::to_string(cemetery.value()) + '\x1F' + where.settore + '\x1F' + where.fila + '\x1F' +
               where.numero + '\x1F' + where.piano;
    }

    // Whether the register has any concession of a comune, or may have a plot in
    // a cemetery: a register that has none (a first import) need not be asked
    // about each of the file's deeds and places, a read of the database each.
    bool holds_concessions(ComuneId comune) {
        auto [it, is_new] = comune_holds_.try_emplace(comune.value(), false);
        if (is_new) it->second = reg_.count_concessions(comune) > 0;
        return it->second;
    }
    bool holds_plots(CemeteryId cemetery, ComuneId comune) {
        if (holds_concessions(comune)) return true;  // asked place by place: listing them all costs more
        auto [it, is_new] = cemetery_holds_.try_emplace(cemetery.value(), false);
        if (is_new) {
            PlotQuery any;
            any.cemetery = cemetery;
            any.limit = 1;
            it->second = !reg_.plots(any).empty();
        }
        return it->second;
    }

    // True the first time a person is seen for the group.
    static bool remember(Group& g, std::uint64_t person) {
        if (std::find(g.people.begin(), g.people.end(), person) != g.people.end()) return false;
        g.people.push_back(person);
        return true;
    }

    bool locate(const RegisterRow& r, Place& place, Problems& problems) {
        // A file writes its few comuni and cemeteries alike on every row: a pair
        // found once is found again by its text as written, without folding it.
        std::string written = r.comune + '\x1F' + r.cemetery;
        if (auto it = located_.find(written); it != located_.end()) {
            place.comune = it->second.first;
            place.cemetery = it->second.second;
            place.key = std::to_string(place.comune->id.value()) + '\x1F' + r.deed_number;
            return true;
        }
        place.comune = find_comune(r.comune);
        if (!place.comune) {
            add(problems, r, RegisterColumn::comune, r.comune, "not a comune of the register (" + known_comuni() + ")",
                ProblemCode::unknown_comune);
            return false;
        }
        std::string why;
        const auto cemetery = find_cemetery(*place.comune, r.cemetery, why);
        if (!cemetery) {
            std::vector<std::string> names;
            for (const auto& c : reg_.cemeteries(place.comune->id)) names.push_back(c.name);
            add(problems, r, RegisterColumn::cimitero, r.cemetery, why,
                r.cemetery.empty() ? ProblemCode::cemetery_needed : ProblemCode::unknown_cemetery, join(names, ", "));
            return false;
        }
        place.cemetery = *cemetery;
        place.key = std::to_string(place.comune->id.value()) + '\x1F' + r.deed_number;
        located_.emplace(std::move(written), std::make_pair(place.comune, place.cemetery));
        return true;
    }

    // The group's first row: its plot (when the register does not have it yet) and
    // the concession with this row's people. Everything was checked in the first pass.
    void create(const RegisterRow& r, Group& g, Register::Load* load,
                const std::vector<Holder>& holders, const std::vector<Deceased>& deceased, Problems& problems) {
        PlaceInfo& where = places_[g.place];
        g.created = true;
        const bool new_plot = !where.plot;
        if (load && new_plot) {
            auto added = load->add_plot(Plot{{}, g.cemetery, g.kind, where.where});
            if (!added) {
                add(problems, r, RegisterColumn::numero, r.numero, added.conflict->message);
                return;
            }
            where.plot = added.value;
        }
        if (load) {
            Concession c;
            c.comune = g.comune->id;
            c.plot = *where.plot;
            c.deed_number = r.deed_number;
            c.signed_on = *r.signed_on;
            c.variant = g.deed.variant;
            apply_term(c, *g.term);
            c.holders = holders;
            c.deceased = deceased;
            auto added = load->add_concession(std::move(c), r.line);
            if (!added) {
                add(problems, r, RegisterColumn::numero_concessione, r.deed_number, added.conflict->message);
                return;
            }
            g.id = added.value;
        } else if (new_plot) {
            where.plot = PlotId{};  // a dry run counts the plot once
        }
        report_.plots_added += new_plot ? 1 : 0;
        report_.concessions_added += 1;
        report_.deceased_added += deceased.size();
    }

    // The deed in the register is the one the group's rows describe.
    bool same_concession(const ConcessionRecord& rec, const Group& g, const Term& term) const {
        const Concession& c = rec.concession;
        const auto original_expiry = c.renewals.empty() ? c.expires_on : std::optional(c.renewals.front().previous_expiry);
        return rec.plot.cemetery == g.cemetery && rec.plot.kind == g.kind && rec.plot.location == places_[g.place].where &&
               c.signed_on == g.deed.signed_on && c.perpetual == term.perpetual && c.term_start == term.term_start &&
               original_expiry == term.expires_on;
    }

    // A stated expiry is the register's word, kept even where the term would give
    // another day (a legacy renewal, say), but only within what a concession can
    // come to: not before its term starts, and not past its term's own end by more
    // than one renewal of the longest single period (DPR 285/1990 art. 92 c.1, the
    // regulation's max_period_years). Bounding it by the longest period from the
    // term start instead would refuse a 99-year deed renewed once, which the law allows.
    // The term's own end is the one its burials brought it to (a restart), the start
    // the regulation's, before any burial moved it.
    bool stated_expiry_out_of_bounds(const Group& g, Date expiry, const ImportedTerm& decided,
                                     Problems& problems) const {
        const Term& term = decided.reached;
        if (term.perpetual || !term.years || !term.expires_on) return false;
        const std::string value = to_italian(expiry);
        const Date start = decided.rules.term_start;
        if (expiry < start) {
            add(problems, g.first_line, RegisterColumn::scadenza, value,
                "the stated expiry comes before the term starts (" + to_italian(start) + ")",
                ProblemCode::expiry_before_start, to_italian(start));
            return true;
        }
        const int longest = regulation_.max_period_years.value;
        const Date term_end = *term.expires_on;
        if (expiry > add_years(term_end, longest)) {
            add(problems, g.first_line, RegisterColumn::scadenza, value,
                "the stated expiry is more than " + std::to_string(longest) + " years after the term's own end (" +
                    to_italian(term_end) + ", " + std::to_string(*term.years) + " years from " +
                    to_italian(term.term_start) + "): more than a renewal can add, no single period being longer (" +
                    regulation_.max_period_years.basis + ")",
                ProblemCode::expiry_too_far, std::to_string(longest));
            return true;
        }
        return false;
    }

    void add(Problems& problems, const RegisterRow& r, RegisterColumn column, const std::string& value,
             std::string message, ProblemCode code = ProblemCode::other, std::string detail = {},
             std::optional<RefusalCode> refusal = std::nullopt) const {
        add(problems, r.line, column, value, std::move(message), code, std::move(detail), refusal);
    }
    void add(Problems& problems, std::size_t line, RegisterColumn column, const std::string& value,
             std::string message, ProblemCode code = ProblemCode::other, std::string detail = {},
             std::optional<RefusalCode> refusal = std::nullopt) const {
        problems.push_back(
            FieldError{line, header_.name_of(column), value, std::move(message), code, std::move(detail), refusal});
    }

    static Holder holder_of(const HolderFields& h) {
        Holder out;
        out.surname = h.surname;
        out.given_name = h.given_name;
        out.codice_fiscale = h.codice_fiscale;
        out.address = h.address;
        out.phone = h.phone;
        out.email = h.email;
        return out;
    }

    static Deceased deceased_of(const DeceasedFields& d) {
        Deceased out;
        out.surname = d.surname;
        out.given_name = d.given_name;
        out.born_on = d.born_on;
        out.died_on = d.died_on;
        out.buried_on = d.buried_on;
        return out;
    }

    // The value of a column the rules refused, as the concession's rows write it.
    static std::string field_value(const Group& g, RegisterColumn column) {
        switch (column) {
            case RegisterColumn::durata_anni: return g.deed.years ? std::to_string(*g.deed.years) : "";
            case RegisterColumn::perpetua: return g.deed.perpetual ? "sì" : "";
            case RegisterColumn::data_concessione: return to_italian(g.deed.signed_on);
            case RegisterColumn::decorrenza: return g.deed.stated_start ? to_italian(*g.deed.stated_start) : "";
            case RegisterColumn::tipo: return std::string(code(g.kind));
            case RegisterColumn::data_richiesta: return g.deed.requested_on ? to_italian(*g.deed.requested_on) : "";
            case RegisterColumn::variante: return g.deed.variant.value_or("");
            default: return "";  // a burial date missing on every row, say
        }
    }

    const Comune* find_comune(const std::string& written) {
        const std::string key = fold(written);
        auto it = comuni_.find(key);
        if (it == comuni_.end()) it = comuni_.emplace(key, reg_.find_comune(written)).first;
        return it->second ? &*it->second : nullptr;
    }

    std::string known_comuni() {
        std::vector<std::string> names;
        for (const auto& c : reg_.comuni()) names.push_back(c.name);
        return "known: " + join(names, ", ");
    }

    // An empty cemetery means the capoluogo's: the one named like the comune, or the only one.
    std::optional<CemeteryId> find_cemetery(const Comune& comune, const std::string& written, std::string& why) {
        const std::string key = std::to_string(comune.id.value()) + '\x1F' + fold(written);
        if (auto it = cemeteries_.find(key); it != cemeteries_.end()) {
            why = it->second.second;
            return it->second.first;
        }
        const auto all = reg_.cemeteries(comune.id);
        std::optional<CemeteryId> found;
        const std::string wanted = written.empty() ? std::string() : cemetery_name(written);
        for (const auto& c : all) {
            const std::string name = fold(c.name);
            if (wanted.empty() ? (name == fold(comune.name)) : (name == wanted)) found = c.id;
        }
        if (!found && wanted.empty() && all.size() == 1) found = all.front().id;
        if (!found) {
            std::vector<std::string> names;
            for (const auto& c : all) names.push_back(c.name);
            why = wanted.empty() ? comune.name + " has several cemeteries: say which (" + join(names, ", ") + ")"
                                 : "no such cemetery in " + comune.name + " (known: " + join(names, ", ") + ")";
        }
        cemeteries_.emplace(key, std::make_pair(found, why));
        return found;
    }

    Register& reg_;
    const Regulation& regulation_;
    const RegisterHeader& header_;
    ImportReport& report_;
    std::unordered_map<std::string, std::optional<Comune>> comuni_;
    std::unordered_map<std::string, std::pair<std::optional<CemeteryId>, std::string>> cemeteries_;
    std::unordered_map<std::string, Group> groups_;  // its nodes stay where they are
    std::vector<std::pair<const std::string, Group>*> in_file_order_;  // of groups_, by first line, until decide_terms
    std::unordered_map<const Group*, std::vector<PendingRestart>> restarts_;  // until written
    std::vector<Group*> group_of_line_;  // by the line a row starts on, for the second pass
    std::vector<PlaceInfo> places_;
    std::unordered_map<std::string, std::uint32_t> place_index_;
    std::unordered_map<std::string, std::pair<const Comune*, CemeteryId>> located_;  // see locate()
    std::unordered_map<std::int64_t, bool> comune_holds_;
    std::unordered_map<std::int64_t, bool> cemetery_holds_;
};

}  // namespace

ImportReport import_register_text(Register& reg, const Regulation& regulation, std::string bytes,
                                  const std::string& source_name, const ImportOptions& options) {
    ImportReport report;
    report.file = source_name;
    const EncodingScan scan = scan_encoding(bytes, {.max_stray_lines = stray_lines_listed});
    report.encoding = scan.encoding;
    if (!scan.ok()) {
        refuse_encoding(scan, report);
        return report;
    }
    std::string text = report.encoding == TextEncoding::utf8 ? std::move(bytes) : to_utf8(bytes, report.encoding);
    bytes = std::string();
    report.separator = detect_separator(std::string_view(text).substr(0, text.find('\n')));
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));

    std::vector<std::string> header_fields;
    {
        TextStream in(text);
        CsvReader reader(in, report.separator);
        if (!reader.next(header_fields)) {
            report.errors.push_back(FieldError{1, "", "", "the file is empty: a header line is needed", ProblemCode::other, {}, std::nullopt});
            return report;
        }
    }
    const RegisterHeaderParse header = parse_register_header(header_fields);
    report.header = header.header.names;
    report.unknown_columns = header.header.unknown;
    if (!header.ok()) {
        for (const auto& e : header.errors) report.errors.push_back(FieldError{1, "", "", e, ProblemCode::other, {}, std::nullopt});
        return report;
    }

    // Both passes read the same text, parsed a batch ahead on a second thread
    // (rows_ahead.hpp); progress counts both.
    const FutureLimit future{options.today.value_or(today()), std::max(options.future_tolerance_days, 0)};
    std::size_t rows_done = 0;
    auto read_rows = [&](std::function<bool(std::size_t)> parse, auto&& each_row) -> bool {
        RowsAhead rows(text, report.separator, header.header, future, std::move(parse));
        std::size_t n = 0;
        for (const auto* batch = &rows.next(); !batch->empty(); batch = &rows.next()) {
            for (const RowAhead& row : *batch) {
                if (options.progress && ++n % 1000 == 0 && !options.progress(rows_done + n, 2 * lines)) return false;
                each_row(row);
            }
        }
        rows_done += n;
        return true;
    };

    Importer importer(reg, regulation, header.header, report);
    std::vector<FieldError> first_pass;
    const bool read = read_rows({}, [&](const RowAhead& row) {
        ++report.rows;
        const RegisterRowParse& parsed = *row.parse;
        std::vector<FieldError> problems = parsed.errors;
        if (problems.empty()) {
            importer.check(parsed.row, problems);
        } else if (parsed.row.kind && parsed.row.signed_on) {
            importer.spoil(parsed.row);
        }
        first_pass.insert(first_pass.end(), problems.begin(), problems.end());
    });
    if (!read) {
        report.cancelled = true;
        return report;
    }
    importer.decide_terms(first_pass);
    importer.check_places(first_pass);
    std::map<std::size_t, std::vector<FieldError>> by_line;
    for (auto& e : first_pass) by_line[e.line].push_back(std::move(e));
    first_pass = {};

    // Nothing is written when something is wrong and the file goes all or nothing.
    const bool writes = !options.dry_run && (by_line.empty() || options.skip_invalid);
    std::optional<Register::Load> load;
    if (writes) {
        // Something will be written: the moment for a copy, and not before (a refused
        // file would only push older copies out of copie/).
        if (options.before_write && by_line.size() < report.rows) options.before_write();
        load.emplace(reg, source_name);
    }
    // Rows refused in the first pass are not parsed again: by_line stays as it is
    // while the second thread reads it.
    auto to_parse = [&by_line](std::size_t line) { return !by_line.contains(line); };
    const bool written = read_rows(to_parse, [&](const RowAhead& row) {
        const std::size_t line = row.line;
        const auto& fields = row.fields;
        std::vector<FieldError> problems;
        bool own = true;
        if (auto it = by_line.find(line); it != by_line.end()) {
            problems = it->second;
        } else {
            own = importer.write(row.parse->row, load ? &*load : nullptr, problems);
        }
        if (problems.empty()) return;
        if (options.skip_invalid) {
            std::vector<std::string> reasons;
            for (const auto& p : problems) reasons.push_back((p.field.empty() ? "" : p.field + ": ") + p.message);
            report.rejected.push_back(RejectedRow{line, fields, join(reasons, "; ")});
        }
        // A row refused only because of another row is no error of its own.
        if (own) report.errors.insert(report.errors.end(), problems.begin(), problems.end());
    });
    if (!written || (options.progress && !options.progress(2 * lines, 2 * lines))) {
        report.cancelled = true;
        return report;
    }
    if (!load || (!report.errors.empty() && !options.skip_invalid)) return report;
    // Both passes are over: the file's text goes before the commit builds the
    // search index, the import's largest use of memory after it.
    std::string().swap(text);
    load->commit();
    report.committed = report.concessions_added + report.deceased_added > 0;
    return report;
}

ImportReport import_register(Register& reg, const Regulation& regulation, const std::filesystem::path& file,
                             const ImportOptions& options) {
    auto refused = [&](std::string message, ProblemCode code, std::string detail = {}) {
        ImportReport report;
        report.file = file.string();
        report.errors.push_back(FieldError{0, "", "", std::move(message), code, std::move(detail), std::nullopt});
        return report;
    };
    if (std::error_code ec; std::filesystem::is_directory(file, ec)) {
        return refused("a directory, not a file: give the CSV file itself", ProblemCode::not_a_file);
    }
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        const std::string why = errno ? std::strerror(errno) : "cannot open it";
        return refused("cannot read the file: " + why, ProblemCode::file_unreadable, why);
    }
    // Read whole, by its size: through istreambuf_iterator a byte at a time, 236 MB
    // took a second before anything else could start.
    std::string bytes;
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > 0) {
        bytes.resize(static_cast<std::size_t>(size));
        errno = 0;
        in.read(bytes.data(), size);
        if (in.gcount() != size) {  // a disk error part way: never the first part of a register taken for all of it
            const std::string why = errno ? std::strerror(errno) : "it ended early";
            return refused("cannot read the whole file (" + std::to_string(in.gcount()) + " of " +
                               std::to_string(size) + " bytes): " + why,
                           ProblemCode::file_unreadable, why);
        }
    } else {  // a pipe, which has no size: read to its end
        in.clear();
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return import_register_text(reg, regulation, std::move(bytes), file.string(), options);
}

void write_rejects(std::ostream& out, const ImportReport& report) {
    CsvWriter writer(out, report.separator);
    std::vector<std::string> header = report.header;
    header.push_back("Errore");
    writer.row(header);
    for (const auto& r : report.rejected) {
        std::vector<std::string> row = r.fields;
        row.resize(report.header.size());
        row.push_back("riga " + std::to_string(r.line) + ": " + r.reason);
        writer.row(row);
    }
}

}  // namespace cemetery
