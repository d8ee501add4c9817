#pragma once
// One row of a register export (the CSV a clerk brings from an older program or a
// spreadsheet), turned from text into checked plain values. Only the form of each
// value is checked here: whether a term fits the regulation, or a deed already
// exists, is decided by the modules that build the model from these rows.

#include <cemetery/dates.hpp>
#include <cemetery/plot_kind.hpp>
#include <cemetery/problem_code.hpp>
#include <cemetery/refusal.hpp>
#include <cemetery/validation.hpp>

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
    data_richiesta,  // where the term starts at the request
    data_pagamento,  // where the term starts at the payment
    variante,        // the variant of the kind's rule the deed was granted under (kind_variant.hpp)
};

inline constexpr std::size_t register_column_count = 27;

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
    std::optional<Date> requested_on;   // Data_Richiesta
    std::optional<Date> paid_on;        // Data_Pagamento
    std::optional<std::string> variant;  // Variante: its code; none, the kind's ordinary rule
    bool perpetual = false;
    std::optional<HolderFields> holder;      // none when all its cells are empty
    std::optional<DeceasedFields> deceased;  // none when all its cells are empty
};

// A value the row cannot have. field is the column's name as the file's header writes
// it (empty for a problem of the whole row); line is 0 for a problem of the whole
// file (its encoding, say); message is English, for logs and the command line.
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
//
// Besides each value's own form, a row is refused for what a register cannot hold:
// - a control character in a cell (C0, DEL, C1; an address may have TAB and line
//   breaks, as a spreadsheet cell of several lines does), or a cell longer than
//   max_text_characters (max_address_characters for an address): such a cell is
//   named once, with its value escaped and cut short, and nothing else is said of it;
// - a holder, or a deceased, with other data but neither surname nor given name;
// - with `future`, a signing, term start, birth, death or burial after its last day.
[[nodiscard]] RegisterRowParse parse_register_row(const RegisterHeader& header,
                                                  const std::vector<std::string>& fields, std::size_t line,
                                                  const std::optional<FutureLimit>& future = std::nullopt);

}  // namespace cemetery
