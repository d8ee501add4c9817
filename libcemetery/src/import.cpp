#include <cemetery/csv.hpp>
#include <cemetery/import.hpp>
#include <cemetery/term.hpp>
#include <cemetery/text.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

namespace cemetery {

namespace {

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
        case RefusalCode::term_too_long: return RegisterColumn::durata_anni;
        case RefusalCode::burial_date_missing: return RegisterColumn::data_sepoltura;
        case RefusalCode::before_signing: return RegisterColumn::decorrenza;
        case RefusalCode::no_rule_for_kind: return RegisterColumn::tipo;
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
    s += r.perpetual ? "\x1FP" : "\x1F-";
    return s;
}

std::string holder_key(const HolderFields& h) {
    return fold(h.surname) + '\x1F' + fold(h.given_name) + '\x1F' + h.codice_fiscale;
}

// One concession in the file: the rows that share a comune and a deed number.
struct Group {
    std::size_t first_line = 0;
    std::string signature;        // what every row must agree on
    std::optional<Term> term;     // decided on the first row
    std::optional<ConcessionId> id;  // in the register (already, or once written)
    bool bad = false;
    std::string reason;           // why the group is refused, for its other rows
    std::size_t reason_line = 0;  // the row that is wrong
    std::set<std::string> holders;   // already recorded, to add each person once
    std::set<std::string> deceased;
};

std::string deceased_key(const std::string& surname, const std::string& given, const std::optional<Date>& born,
                         const std::optional<Date>& died) {
    return fold(surname) + '\x1F' + fold(given) + '\x1F' + (born ? to_iso(*born) : "") + '\x1F' +
           (died ? to_iso(*died) : "");
}

// Checks rows (first pass) and writes them (second pass). Keeping the two apart
// lets a concession whose rows are scattered through the file be refused whole.
class Importer {
public:
    Importer(Register& reg, const Regulation& regulation, const RegisterHeader& header, ImportReport& report)
        : reg_(reg), regulation_(regulation), header_(header), report_(report) {}

    using Problems = std::vector<FieldError>;

    // First pass: everything that can be known without writing.
    void check(const RegisterRow& r, Problems& problems) {
        Place place;
        if (!locate(r, place, problems)) return;
        auto [it, is_new] = groups_.try_emplace(place.key);
        Group& g = it->second;
        const std::string signature = concession_signature(r, place.cemetery);
        if (!is_new) {
            if (signature != g.signature) {
                add(problems, r, RegisterColumn::numero_concessione, r.deed_number,
                    "the same deed is on line " + std::to_string(g.first_line) +
                        " with a different place, kind, date or term",
                    ProblemCode::deed_differs_in_file, std::to_string(g.first_line));
                mark_bad(g, r.line);
            }
            return;
        }
        g.first_line = r.line;
        g.signature = signature;
        const TermDecision decision = decide_term(regulation_, term_request(r, place.comune->name));
        if (!decision) {
            const RegisterColumn column = column_of(decision.refusal->code);
            add(problems, r, column, field_value(r, column), decision.refusal->message, ProblemCode::refused_by_rules,
                decision.refusal->version_name, decision.refusal->code);
            mark_bad(g, r.line);
            return;
        }
        g.term = decision.term;
        for (const auto& notice : decision.notices) {
            report_.notices.push_back(FieldError{r.line, header_.name_of(RegisterColumn::scadenza),
                                                 r.stated_expiry ? to_italian(*r.stated_expiry) : "", notice,
                                                 ProblemCode::stated_expiry_kept,
                                                 to_italian(add_years(g.term->term_start, *g.term->years)),
                                                 std::nullopt});
        }
        // Already in the register: the same deed imported before adds only new people.
        if (auto existing = reg_.find_concession(place.comune->id, r.deed_number)) {
            auto record = reg_.record(*existing);
            if (!record || !same_concession(*record, r, place.cemetery, *g.term)) {
                add(problems, r, RegisterColumn::numero_concessione, r.deed_number,
                    "this deed number is already in the register for " + place.comune->name +
                        " with different data",
                    ProblemCode::deed_differs_in_register);
                mark_bad(g, r.line);
                return;
            }
            g.id = existing;
            for (const auto& h : record->concession.holders) {
                g.holders.insert(fold(h.surname) + '\x1F' + fold(h.given_name) + '\x1F' + h.codice_fiscale);
            }
            for (const auto& d : record->concession.deceased) {
                g.deceased.insert(deceased_key(d.surname, d.given_name, d.born_on, d.died_on));
            }
        }
    }

    // Second pass: writes the rows of good groups. Rows of refused groups come back
    // in `problems` with the group's reason, so that they are rejected together;
    // returns false when that is the only reason.
    bool write(const RegisterRow& r, Problems& problems) {
        Place place;
        if (!locate(r, place, problems)) return true;
        Group& g = groups_.at(place.key);
        if (g.bad) {
            add(problems, r, RegisterColumn::numero_concessione, r.deed_number, g.reason, ProblemCode::other_row_wrong,
                std::to_string(g.reason_line));
            return false;
        }
        std::vector<Holder> holders;
        if (r.holder && g.holders.insert(holder_key(*r.holder)).second) holders.push_back(holder_of(*r.holder));
        std::vector<Deceased> deceased;
        if (r.deceased && g.deceased.insert(deceased_key(r.deceased->surname, r.deceased->given_name,
                                                          r.deceased->born_on, r.deceased->died_on))
                              .second) {
            deceased.push_back(deceased_of(*r.deceased));
        }
        if (!g.id) {
            create(r, place, g, holders, deceased, problems);
        } else if (!holders.empty() || !deceased.empty()) {
            auto added = reg_.add_people(*g.id, holders, deceased);
            if (!added) {
                add(problems, r, RegisterColumn::defunto_cognome, r.deceased ? r.deceased->surname : "",
                    added.conflict->message);
                return true;
            }
            report_.deceased_added += deceased.size();
        }
        return true;
    }

    // Rows of a group refused after its first row was checked: their own problem.
    void mark_bad(Group& g, std::size_t line) {
        if (!g.bad) {
            g.reason = "another row of this concession is wrong (line " + std::to_string(line) + ")";
            g.reason_line = line;
        }
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
    struct Place {
        const Comune* comune = nullptr;
        CemeteryId cemetery;
        std::string key;  // comune id + deed number
    };

    bool locate(const RegisterRow& r, Place& place, Problems& problems) {
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
        return true;
    }

    void create(const RegisterRow& r, const Place& place, Group& g, const std::vector<Holder>& holders,
                const std::vector<Deceased>& deceased, Problems& problems) {
        // The plot and the concession stand or fall together.
        Register::Batch unit(reg_);
        const Location where{r.settore, r.fila, r.numero, r.piano};
        PlotId plot_id;
        bool new_plot = false;
        if (auto plot = reg_.find_plot(place.cemetery, where)) {
            if (plot->kind != *r.kind) {
                add(problems, r, RegisterColumn::tipo, std::string(code(*r.kind)),
                    "the plot at " + describe(where) + " is a " + std::string(italian_name(plot->kind)),
                    ProblemCode::plot_kind_differs, std::string(code(plot->kind)));
                mark_bad(g, r.line);
                return;
            }
            plot_id = plot->id;
        } else {
            auto added = reg_.add_plot(Plot{{}, place.cemetery, *r.kind, where});
            if (!added) {
                add(problems, r, RegisterColumn::numero, r.numero, added.conflict->message);
                mark_bad(g, r.line);
                return;
            }
            plot_id = *added.value;
            new_plot = true;
        }
        const Term& term = *g.term;
        Concession c;
        c.comune = place.comune->id;
        c.plot = plot_id;
        c.deed_number = r.deed_number;
        c.signed_on = *r.signed_on;
        apply_term(c, term);
        c.holders = holders;
        c.deceased = deceased;
        auto added = reg_.add_concession(c);
        if (!added) {
            const bool overlap = added.conflict->code == ConflictCode::plot_overlap;
            add(problems, r, overlap ? RegisterColumn::numero : RegisterColumn::numero_concessione,
                overlap ? r.numero : r.deed_number,
                overlap ? "the place " + describe(where) + " is held by another concession in the same period"
                        : added.conflict->message,
                overlap ? ProblemCode::place_taken : ProblemCode::other);
            mark_bad(g, r.line);
            return;
        }
        unit.commit();
        g.id = added.value;
        report_.plots_added += new_plot ? 1 : 0;
        report_.concessions_added += 1;
        report_.deceased_added += deceased.size();
    }

    // The deed in the register is the one this row describes.
    static bool same_concession(const ConcessionRecord& rec, const RegisterRow& r, CemeteryId cemetery,
                                const Term& term) {
        const Concession& c = rec.concession;
        const auto original_expiry = c.renewals.empty() ? c.expires_on : std::optional(c.renewals.front().previous_expiry);
        return rec.plot.cemetery == cemetery && rec.plot.kind == *r.kind &&
               rec.plot.location == Location{r.settore, r.fila, r.numero, r.piano} && c.signed_on == *r.signed_on &&
               c.perpetual == term.perpetual && c.term_start == term.term_start && original_expiry == term.expires_on;
    }

    static TermRequest term_request(const RegisterRow& r, const std::string& comune) {
        TermRequest request;
        request.comune = comune;
        request.kind = *r.kind;
        request.signed_on = *r.signed_on;
        if (r.deceased) request.first_burial = r.deceased->buried_on;
        request.stated_years = r.term_years;
        request.perpetual = r.perpetual;
        request.stated_expiry = r.stated_expiry;
        request.stated_term_start = r.term_start;
        return request;
    }

    void add(Problems& problems, const RegisterRow& r, RegisterColumn column, const std::string& value,
             std::string message, ProblemCode code = ProblemCode::other, std::string detail = {},
             std::optional<RefusalCode> refusal = std::nullopt) const {
        problems.push_back(
            FieldError{r.line, header_.name_of(column), value, std::move(message), code, std::move(detail), refusal});
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

    static std::string field_value(const RegisterRow& r, RegisterColumn column) {
        switch (column) {
            case RegisterColumn::durata_anni: return r.term_years ? std::to_string(*r.term_years) : "";
            case RegisterColumn::perpetua: return r.perpetual ? "sì" : "";
            case RegisterColumn::data_concessione: return r.signed_on ? to_italian(*r.signed_on) : "";
            case RegisterColumn::data_sepoltura:
                return r.deceased && r.deceased->buried_on ? to_italian(*r.deceased->buried_on) : "";
            case RegisterColumn::decorrenza: return r.term_start ? to_italian(*r.term_start) : "";
            case RegisterColumn::tipo: return r.kind ? std::string(code(*r.kind)) : "";
            default: return "";
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
    std::unordered_map<std::string, Group> groups_;
};

}  // namespace

ImportReport import_register_text(Register& reg, const Regulation& regulation, std::string bytes,
                                  const std::string& source_name, const ImportOptions& options) {
    ImportReport report;
    report.file = source_name;
    report.encoding = detect_encoding(bytes);
    const std::string text = report.encoding == TextEncoding::utf8 ? std::move(bytes) : to_utf8(bytes, report.encoding);
    bytes = std::string();
    report.separator = detect_separator(std::string_view(text).substr(0, text.find('\n')));
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));

    // Both passes read the same text; progress counts both.
    std::size_t rows_done = 0;
    auto read_rows = [&](auto&& each_row) -> bool {
        std::istringstream in(text);
        CsvReader reader(in, report.separator);
        std::vector<std::string> fields;
        reader.next(fields);  // the header
        std::size_t n = 0;
        while (reader.next(fields)) {
            if (options.progress && ++n % 1000 == 0 && !options.progress(rows_done + n, 2 * lines)) return false;
            each_row(fields, reader.line());
        }
        rows_done += n;
        return true;
    };

    std::vector<std::string> header_fields;
    {
        std::istringstream in(text);
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

    Register::Batch batch(reg);  // everything below is one transaction
    Importer importer(reg, regulation, header.header, report);
    std::vector<FieldError> first_pass;
    const bool read = read_rows([&](const std::vector<std::string>& fields, std::size_t line) {
        ++report.rows;
        RegisterRowParse parsed = parse_register_row(header.header, fields, line);
        std::vector<FieldError> problems = std::move(parsed.errors);
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
    std::map<std::size_t, std::vector<FieldError>> by_line;
    for (auto& e : first_pass) by_line[e.line].push_back(std::move(e));

    const bool written = read_rows([&](const std::vector<std::string>& fields, std::size_t line) {
        std::vector<FieldError> problems;
        bool own = true;
        if (auto it = by_line.find(line); it != by_line.end()) {
            problems = it->second;
        } else {
            RegisterRowParse parsed = parse_register_row(header.header, fields, line);
            own = importer.write(parsed.row, problems);
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
    if (options.dry_run || (!report.errors.empty() && !options.skip_invalid)) return report;
    batch.commit();
    report.committed = report.concessions_added + report.deceased_added > 0;
    return report;
}

ImportReport import_register(Register& reg, const Regulation& regulation, const std::filesystem::path& file,
                             const ImportOptions& options) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        ImportReport report;
        report.file = file.string();
        report.errors.push_back(FieldError{0, "", "", "cannot read the file", ProblemCode::other, {}, std::nullopt});
        return report;
    }
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
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
