#pragma once
// One row of a register export (the CSV a clerk brings from an older program or a
// spreadsheet), turned from text into checked plain values. Only the form of each
// value is checked here: whether a term fits the regulation, or a deed already
// exists, is decided by the modules that build the model from these rows.

#include <cemetery/dates.hpp>
#include <cemetery/plot_kind.hpp>
#include <cemetery/refusal.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery {

// The columns a register export may have. Only the first four are required.
enum class RegisterColumn {
    comune,
    tipo,
    numero_concessione,
    data_concessione,
    cimitero,
    settore,
    fila,
    numero,
    piano,
    durata_anni,
    scadenza,
    perpetua,
    decorrenza,
    concessionario_cognome,
    concessionario_nome,
    concessionario_cf,
    concessionario_indirizzo,
    concessionario_telefono,
    concessionario_email,
    defunto_cognome,
    defunto_nome,
    defunto_data_nascita,
    defunto_data_morte,
    data_sepoltura,
};

inline constexpr std::size_t register_column_count = 24;

// The canonical name: "Numero_Concessione".
[[nodiscard]] std::string_view column_name(RegisterColumn column);

// Comune, Tipo, Numero_Concessione, Data_Concessione.
[[nodiscard]] bool is_required(RegisterColumn column);

// The column a header name stands for, matched whatever its case, with spaces, dots,
// hyphens and underscores alike: "numero concessione" → Numero_Concessione.
[[nodiscard]] std::optional<RegisterColumn> register_column_from_name(std::string_view name);

// Where each known column is in a file, from its header line.
struct RegisterHeader {
    std::vector<std::string> names;  // the header as written in the file, trimmed
    std::array<std::optional<std::size_t>, register_column_count> index{};  // by RegisterColumn
    std::vector<std::string> unknown;  // names of columns this module ignores (blank ones left out)

    [[nodiscard]] std::optional<std::size_t> find(RegisterColumn column) const {
        return index[static_cast<std::size_t>(column)];
    }
    // The column's name as the file writes it, or the canonical name when it is absent.
    [[nodiscard]] std::string name_of(RegisterColumn column) const;
};

// A header and what is wrong with it: a required column missing, a column twice.
// The header is usable only when errors is empty.
struct RegisterHeaderParse {
    RegisterHeader header;
    std::vector<std::string> errors;  // English sentences

    [[nodiscard]] bool ok() const { return errors.empty(); }
};

[[nodiscard]] RegisterHeaderParse parse_register_header(const std::vector<std::string>& names);

// The concessionario as one row gives it: personal data (see the privacy note in the
// domain glossary). codice_fiscale is normalised (upper case, no blanks).
struct HolderFields {
    std::string surname;
    std::string given_name;
    std::string codice_fiscale;
    std::string address;
    std::string phone;
    std::string email;
};

// The defunto a row records, if any.
struct DeceasedFields {
    std::string surname;
    std::string given_name;
    std::optional<Date> born_on;
    std::optional<Date> died_on;
    std::optional<Date> buried_on;
};

// One row's values, trimmed and typed. Absent optionals mean an empty cell (or, when
// the parse reported errors, a cell that could not be read). A family tomb with
// several deceased comes as several rows repeating the deed.
struct RegisterRow {
    std::size_t line = 0;  // physical line in the file where the row starts
    std::string comune;
    std::string cemetery;  // empty: the comune's only (or main) cemetery
    std::optional<PlotKind> kind;
    std::string settore;
    std::string fila;
    std::string numero;
    std::string piano;
    std::string deed_number;
    std::optional<Date> signed_on;      // Data_Concessione
    std::optional<Date> term_start;     // Decorrenza, when the row states one
    std::optional<int> term_years;      // Durata_Anni
    std::optional<Date> stated_expiry;  // Scadenza, when the row states one
    bool perpetual = false;
    std::optional<HolderFields> holder;      // none when all its cells are empty
    std::optional<DeceasedFields> deceased;  // none when all its cells are empty
};

// A value the row cannot have. field is the column's name as the file's header writes
// it (empty for a problem of the whole row); message is English, for logs and the
// command line.
// What is wrong, as a code the programs translate; `message` says the same in
// English, `detail` holds what the sentence needs besides the value (a date, a
// line number, a name).
enum class ProblemCode {
    other,                    // only the English message
    required_empty,           // a required cell is empty
    not_a_date,
    death_before_birth,       // detail: the birth date
    burial_before_death,      // detail: the death date
    burial_before_birth,      // detail: the birth date
    wrong_field_count,        // detail: "fields/header fields"
    unknown_kind,
    bad_years,
    bad_yes_no,
    perpetual_with_years,
    perpetual_with_expiry,
    bad_codice_fiscale,       // detail: the check's English message
    unknown_comune,
    unknown_cemetery,         // detail: the cemeteries known
    cemetery_needed,          // detail: the cemeteries known
    deed_differs_in_file,     // detail: the other line
    deed_differs_in_register,
    plot_kind_differs,        // detail: the plot's kind code
    place_taken,
    refused_by_rules,         // `refusal` says which rule
    other_row_wrong,          // detail: the line of the wrong row
    stated_expiry_kept,       // a notice; detail: the computed expiry (ISO)
};

struct FieldError {
    std::size_t line = 0;
    std::string field;
    std::string value;
    std::string message;
    ProblemCode code = ProblemCode::other;
    std::string detail;
    std::optional<RefusalCode> refusal;

    friend bool operator==(const FieldError&, const FieldError&) = default;
};

// line 7: Defunto_Data_Morte: "30/02/1987": not a date (expected dd/mm/yyyy)
[[nodiscard]] std::string to_string(const FieldError& error);

// A row and what is wrong with it; the row is usable only when errors is empty.
struct RegisterRowParse {
    RegisterRow row;
    std::vector<FieldError> errors;

    [[nodiscard]] bool ok() const { return errors.empty(); }
};

// Reads one record (UTF-8 text: convert the file's encoding first) found at line of
// the file. A record whose field count differs from the header's gives one error and
// nothing else is read from it.
[[nodiscard]] RegisterRowParse parse_register_row(const RegisterHeader& header,
                                                  const std::vector<std::string>& fields, std::size_t line);

}  // namespace cemetery
