#include <cemetery/codice_fiscale.hpp>
#include <cemetery/register_row.hpp>
#include <cemetery/regulation.hpp>
#include <cemetery/text.hpp>
#include <cemetery/validation.hpp>

#include <algorithm>
#include <charconv>
#include <utility>

namespace cemetery {

namespace {

constexpr std::array<std::pair<RegisterColumn, std::string_view>, register_column_count> column_names{{
    {RegisterColumn::comune, "Comune"},
    {RegisterColumn::tipo, "Tipo"},
    {RegisterColumn::numero_concessione, "Numero_Concessione"},
    {RegisterColumn::data_concessione, "Data_Concessione"},
    {RegisterColumn::cimitero, "Cimitero"},
    {RegisterColumn::settore, "Settore"},
    {RegisterColumn::fila, "Fila"},
    {RegisterColumn::numero, "Numero"},
    {RegisterColumn::piano, "Piano"},
    {RegisterColumn::durata_anni, "Durata_Anni"},
    {RegisterColumn::scadenza, "Scadenza"},
    {RegisterColumn::perpetua, "Perpetua"},
    {RegisterColumn::decorrenza, "Data_Decorrenza"},
    {RegisterColumn::concessionario_cognome, "Concessionario_Cognome"},
    {RegisterColumn::concessionario_nome, "Concessionario_Nome"},
    {RegisterColumn::concessionario_cf, "Concessionario_CF"},
    {RegisterColumn::concessionario_indirizzo, "Concessionario_Indirizzo"},
    {RegisterColumn::concessionario_telefono, "Concessionario_Telefono"},
    {RegisterColumn::concessionario_email, "Concessionario_Email"},
    {RegisterColumn::defunto_cognome, "Defunto_Cognome"},
    {RegisterColumn::defunto_nome, "Defunto_Nome"},
    {RegisterColumn::defunto_data_nascita, "Defunto_Data_Nascita"},
    {RegisterColumn::defunto_data_morte, "Defunto_Data_Morte"},
    {RegisterColumn::data_sepoltura, "Data_Sepoltura"},
    {RegisterColumn::data_richiesta, "Data_Richiesta"},
    {RegisterColumn::data_pagamento, "Data_Pagamento"},
    {RegisterColumn::variante, "Variante"},
}};

static_assert(
    [] {
        for (std::size_t i = 0; i < column_names.size(); ++i) {
            if (static_cast<std::size_t>(column_names[i].first) != i) return false;
        }
        return true;
    }(),
    "column_names must follow the order of RegisterColumn");

// Other names registers give the same column.
constexpr std::array<std::pair<RegisterColumn, std::string_view>, 3> column_aliases{{
    {RegisterColumn::decorrenza, "Decorrenza"},
    {RegisterColumn::numero_concessione, "N_Concessione"},
    {RegisterColumn::data_concessione, "Data_Stipula"},
}};

constexpr std::array required_columns{RegisterColumn::comune, RegisterColumn::tipo, RegisterColumn::numero,
                                      RegisterColumn::numero_concessione, RegisterColumn::data_concessione};

// Blanks at either end, the no-break space that spreadsheets paste included.
std::string_view trim(std::string_view s) {
    constexpr std::string_view nbsp = "\xC2\xA0";
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
            s.remove_prefix(1);
        } else if (s.starts_with(nbsp)) {
            s.remove_prefix(nbsp.size());
        } else {
            break;
        }
    }
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
            s.remove_suffix(1);
        } else if (s.ends_with(nbsp)) {
            s.remove_suffix(nbsp.size());
        } else {
            break;
        }
    }
    return s;
}

// A byte of a control character (C0, DEL) or the first byte of a C1 one (0xC2,
// which also starts a few signs: the closer look tells them apart).
bool may_hold_control(std::string_view cell) {
    return std::any_of(cell.begin(), cell.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b < 0x20 || b == 0x7F || b == 0xC2;
    });
}

// "Numero Concessione", "numero_concessione", "NUMERO.CONCESSIONE" → "numero concessione".
std::string column_key(std::string_view name) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (name.starts_with(bom)) name.remove_prefix(bom.size());
    return fold(name);
}

// Appended piece by piece: GCC 12 warns (-Wrestrict, wrongly) about "\"" + std::string.
std::string quoted(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    out += s;
    out += '"';
    return out;
}

// Perpetua cells as clerks fill them in, folded (so "Sì", "SI'" and "si" are one).
std::optional<bool> read_yes_no(std::string_view text) {
    static constexpr std::string_view no[] = {"", "no", "n", "0", "falso", "false"};
    static constexpr std::string_view yes[] = {"si", "s", "x", "1", "vero", "true", "yes"};
    const std::string folded = fold(text);
    for (std::string_view v : no) {
        if (folded == v) return false;
    }
    for (std::string_view v : yes) {
        if (folded == v) return true;
    }
    return std::nullopt;
}

std::optional<int> read_positive_int(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

std::string known_kinds() {
    std::string out;
    for (PlotKind k : all_plot_kinds) {
        if (!out.empty()) out += ", ";
        out += italian_name(k);
    }
    return out;
}

// Reads the cells of one row into typed values, collecting errors as it goes.
class RowReader {
public:
    RowReader(const RegisterHeader& header, const std::vector<std::string>& fields, std::size_t line,
              std::vector<FieldError>& errors)
        : header_(header), fields_(fields), line_(line), errors_(errors) {}

    [[nodiscard]] std::string text(RegisterColumn c) const {
        const auto i = header_.find(c);
        return i && *i < fields_.size() ? std::string{trim(fields_[*i])} : std::string{};
    }

    void error(RegisterColumn c, std::string value, std::string message, ProblemCode code = ProblemCode::other,
               std::string detail = {}) {
        // A cell refused for its form (a control character, its length) is named once.
        if (unfit_[static_cast<std::size_t>(c)]) return;
        errors_.push_back(FieldError{line_, header_.name_of(c), std::move(value), std::move(message), code,
                                     std::move(detail), std::nullopt});
    }

    // Every cell of a known column: no control character, not too long. Most rows
    // have none of either, and a first look at their bytes says so, for about
    // 0.2 µs a row (a sixth of parsing it) on the thread that parses ahead.
    void check_form() {
        if (std::none_of(fields_.begin(), fields_.end(), [](const std::string& cell) {
                return cell.size() > max_text_characters || may_hold_control(cell);
            })) {
            return;
        }
        for (std::size_t k = 0; k < register_column_count; ++k) {
            const auto c = static_cast<RegisterColumn>(k);
            const auto i = header_.find(c);
            if (!i || *i >= fields_.size()) continue;
            const std::string_view cell = trim(fields_[*i]);
            const bool address = c == RegisterColumn::concessionario_indirizzo;
            if (auto p = check_text(cell, address ? max_address_characters : max_text_characters, address)) {
                error(c, shown_value(cell), std::move(p->message), p->code, std::move(p->detail));
                unfit_[k] = true;
            }
        }
    }

    // A date after the last day a date of the register can be.
    void not_after(RegisterColumn c, const std::optional<Date>& day, const std::optional<FutureLimit>& future) {
        if (day && future && *day > future->last_day()) {
            error(c, text(c), future->describe() + ": this date has not come yet", ProblemCode::date_in_future,
                  to_italian(future->last_day()));
        }
    }

    std::string required_text(RegisterColumn c) {
        std::string t = text(c);
        if (t.empty()) error(c, {}, "required, but empty", ProblemCode::required_empty);
        return t;
    }

    std::optional<Date> date(RegisterColumn c, bool required = false) {
        const std::string t = required ? required_text(c) : text(c);
        if (t.empty()) return std::nullopt;
        auto d = parse_register_date(t);
        if (!d) error(c, t, "not a date (expected dd/mm/yyyy)", ProblemCode::not_a_date);
        return d;
    }

private:
    const RegisterHeader& header_;
    const std::vector<std::string>& fields_;
    std::size_t line_;
    std::vector<FieldError>& errors_;
    std::array<bool, register_column_count> unfit_{};  // cells refused by check_form
};

void read_holder(RowReader& r, RegisterRow& row) {
    HolderFields h{
        .surname = r.text(RegisterColumn::concessionario_cognome),
        .given_name = r.text(RegisterColumn::concessionario_nome),
        .codice_fiscale = r.text(RegisterColumn::concessionario_cf),
        .address = r.text(RegisterColumn::concessionario_indirizzo),
        .phone = r.text(RegisterColumn::concessionario_telefono),
        .email = r.text(RegisterColumn::concessionario_email),
    };
    if (h.surname.empty() && h.given_name.empty() && h.codice_fiscale.empty() && h.address.empty() &&
        h.phone.empty() && h.email.empty()) {
        return;
    }
    // A tax code or an address with nobody's name is nobody the register can name.
    if (h.surname.empty() && h.given_name.empty()) {
        r.error(RegisterColumn::concessionario_cognome, {}, "a holder needs a surname or a given name",
                ProblemCode::name_missing);
    }
    if (!h.codice_fiscale.empty()) {
        const CodiceFiscaleCheck check = check_codice_fiscale(h.codice_fiscale);
        if (!check.ok()) r.error(RegisterColumn::concessionario_cf, h.codice_fiscale, check.message(), ProblemCode::bad_codice_fiscale,
                                  h.codice_fiscale);
        h.codice_fiscale = normalize_codice_fiscale(h.codice_fiscale);
    }
    row.holder = std::move(h);
}

void read_deceased(RowReader& r, RegisterRow& row, const std::optional<FutureLimit>& future) {
    DeceasedFields d{
        .surname = r.text(RegisterColumn::defunto_cognome),
        .given_name = r.text(RegisterColumn::defunto_nome),
        .born_on = r.date(RegisterColumn::defunto_data_nascita),
        .died_on = r.date(RegisterColumn::defunto_data_morte),
        .buried_on = r.date(RegisterColumn::data_sepoltura),
    };
    // The dates' own errors are already reported; an unreadable date is simply absent.
    const bool any_text = !d.surname.empty() || !d.given_name.empty() ||
                          !r.text(RegisterColumn::defunto_data_nascita).empty() ||
                          !r.text(RegisterColumn::defunto_data_morte).empty() ||
                          !r.text(RegisterColumn::data_sepoltura).empty();
    if (!any_text) return;
    if (d.surname.empty() && d.given_name.empty()) {
        r.error(RegisterColumn::defunto_cognome, {}, "a deceased needs a surname or a given name",
                ProblemCode::name_missing);
    }
    r.not_after(RegisterColumn::defunto_data_nascita, d.born_on, future);
    r.not_after(RegisterColumn::defunto_data_morte, d.died_on, future);
    r.not_after(RegisterColumn::data_sepoltura, d.buried_on, future);

    if (d.born_on && d.died_on && *d.died_on < *d.born_on) {
        r.error(RegisterColumn::defunto_data_morte, r.text(RegisterColumn::defunto_data_morte),
                "death before birth (born " + to_italian(*d.born_on) + ")", ProblemCode::death_before_birth,
                to_italian(*d.born_on));
    }
    if (d.died_on && d.buried_on && *d.buried_on < *d.died_on) {
        r.error(RegisterColumn::data_sepoltura, r.text(RegisterColumn::data_sepoltura),
                "burial before death (died " + to_italian(*d.died_on) + ")", ProblemCode::burial_before_death,
                to_italian(*d.died_on));
    } else if (!d.died_on && d.born_on && d.buried_on && *d.buried_on < *d.born_on) {
        r.error(RegisterColumn::data_sepoltura, r.text(RegisterColumn::data_sepoltura),
                "burial before birth (born " + to_italian(*d.born_on) + ")", ProblemCode::burial_before_birth,
                to_italian(*d.born_on));
    }
    row.deceased = std::move(d);
}

}  // namespace

std::string_view column_name(RegisterColumn column) {
    return column_names[static_cast<std::size_t>(column)].second;
}

bool is_required(RegisterColumn column) {
    for (RegisterColumn c : required_columns) {
        if (c == column) return true;
    }
    return false;
}

std::optional<RegisterColumn> register_column_from_name(std::string_view name) {
    const std::string key = column_key(trim(name));
    if (key.empty()) return std::nullopt;
    for (const auto& [column, canonical] : column_names) {
        if (column_key(canonical) == key) return column;
    }
    for (const auto& [column, alias] : column_aliases) {
        if (column_key(alias) == key) return column;
    }
    return std::nullopt;
}

std::string RegisterHeader::name_of(RegisterColumn column) const {
    const auto i = find(column);
    return i && *i < names.size() ? names[*i] : std::string{column_name(column)};
}

RegisterHeaderParse parse_register_header(const std::vector<std::string>& names) {
    RegisterHeaderParse result;
    RegisterHeader& header = result.header;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string name{trim(names[i])};
        header.names.push_back(name);
        if (name.empty()) continue;  // spreadsheets pad the header with blank columns
        const auto column = register_column_from_name(name);
        if (!column) {
            header.unknown.push_back(name);
            continue;
        }
        auto& slot = header.index[static_cast<std::size_t>(*column)];
        if (slot) {
            result.errors.push_back("column " + quoted(column_name(*column)) + " appears twice (columns " +
                                    std::to_string(*slot + 1) + " and " + std::to_string(i + 1) + ")");
        } else {
            slot = i;
        }
    }
    for (RegisterColumn c : required_columns) {
        if (!header.find(c)) {
            result.errors.push_back("required column " + quoted(column_name(c)) + " is missing");
        }
    }
    return result;
}

std::string to_string(const FieldError& error) {
    std::string out = "line " + std::to_string(error.line) + ": ";
    if (!error.field.empty()) {
        out += error.field;
        out += ": ";
        if (!error.value.empty()) out += quoted(error.value) + ": ";
    }
    out += error.message;
    return out;
}

RegisterRowParse parse_register_row(const RegisterHeader& header, const std::vector<std::string>& fields,
                                    std::size_t line, const std::optional<FutureLimit>& future) {
    RegisterRowParse result;
    RegisterRow& row = result.row;
    row.line = line;
    if (fields.size() != header.names.size()) {
        // Cells out of place would give a misleading error for every column after them.
        result.errors.push_back(FieldError{line,
                                           {},
                                           {},
                                           "has " + std::to_string(fields.size()) +
                                               " fields, the header has " +
                                               std::to_string(header.names.size()),
                                           ProblemCode::wrong_field_count,
                                           std::to_string(fields.size()) + "/" + std::to_string(header.names.size()),
                                           std::nullopt});
        return result;
    }
    RowReader r{header, fields, line, result.errors};
    r.check_form();

    row.comune = r.required_text(RegisterColumn::comune);
    row.cemetery = r.text(RegisterColumn::cimitero);
    if (const std::string kind = r.required_text(RegisterColumn::tipo); !kind.empty()) {
        row.kind = plot_kind_from_register(kind);
        if (!row.kind) {
            r.error(RegisterColumn::tipo, kind, "unknown kind of plot (expected one of: " + known_kinds() + ")",
                    ProblemCode::unknown_kind);
        }
    }
    row.settore = r.text(RegisterColumn::settore);
    row.fila = r.text(RegisterColumn::fila);
    row.numero = r.required_text(RegisterColumn::numero);
    row.piano = r.text(RegisterColumn::piano);

    row.deed_number = r.required_text(RegisterColumn::numero_concessione);
    row.signed_on = r.date(RegisterColumn::data_concessione, true);
    row.term_start = r.date(RegisterColumn::decorrenza);
    r.not_after(RegisterColumn::data_concessione, row.signed_on, future);
    r.not_after(RegisterColumn::decorrenza, row.term_start, future);
    if (const std::string years = r.text(RegisterColumn::durata_anni); !years.empty()) {
        row.term_years = read_positive_int(years);
        if (!row.term_years) {
            r.error(RegisterColumn::durata_anni, years, "not a positive whole number of years", ProblemCode::bad_years);
        }
    }
    row.stated_expiry = r.date(RegisterColumn::scadenza);
    row.requested_on = r.date(RegisterColumn::data_richiesta);
    row.paid_on = r.date(RegisterColumn::data_pagamento);
    r.not_after(RegisterColumn::data_richiesta, row.requested_on, future);
    r.not_after(RegisterColumn::data_pagamento, row.paid_on, future);
    // A variant's code as the regulation file writes it; whether the version in force
    // defines it is the rules' to say, once the deed is read.
    if (const std::string variant = r.text(RegisterColumn::variante); !variant.empty()) {
        if (is_variant_code(variant)) {
            row.variant = variant;
        } else {
            r.error(RegisterColumn::variante, variant,
                    "not the code of a variant (a lowercase word such as provvisorio, as the regulation names it)",
                    ProblemCode::bad_variant);
        }
    }

    const std::string perpetua = r.text(RegisterColumn::perpetua);
    if (const auto yes = read_yes_no(perpetua)) {
        row.perpetual = *yes;
    } else {
        r.error(RegisterColumn::perpetua, perpetua, "not a yes/no value (expected sì or no)", ProblemCode::bad_yes_no);
    }
    if (row.perpetual) {
        const std::string why =
            " (" + header.name_of(RegisterColumn::perpetua) + ": " + quoted(perpetua) + ")";
        if (const std::string years = r.text(RegisterColumn::durata_anni); !years.empty()) {
            r.error(RegisterColumn::durata_anni, years, "a perpetual concession has no term in years" + why,
                    ProblemCode::perpetual_with_years);
        }
        if (const std::string expiry = r.text(RegisterColumn::scadenza); !expiry.empty()) {
            r.error(RegisterColumn::scadenza, expiry, "a perpetual concession has no expiry" + why,
                    ProblemCode::perpetual_with_expiry);
        }
    }

    read_holder(r, row);
    read_deceased(r, row, future);
    return result;
}

}  // namespace cemetery
