#pragma once
// What is wrong with a value a clerk or a file gives, as a code the programs
// translate. The library says the same in an English message beside it; `detail`
// holds what the sentence needs besides the value (a date, a line number, a name).

namespace cemetery {

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
    bad_variant,  // Variante: not a variant's code (a lowercase identifier)
    bad_yes_no,
    perpetual_with_years,
    perpetual_with_expiry,
    bad_codice_fiscale,       // detail: the code as written, for check_codice_fiscale to say what is wrong
    unknown_comune,
    unknown_cemetery,         // detail: the cemeteries known
    cemetery_needed,          // detail: the cemeteries known
    deed_differs_in_file,     // detail: the other line
    deceased_differs_in_file, // one deceased on two rows with two burial dates; detail: the other line
    deed_differs_in_register,
    plot_kind_differs,        // detail: the plot's kind code
    place_taken,
    refused_by_rules,         // `refusal` says which rule
    other_row_wrong,          // detail: the line of the wrong row
    stated_expiry_kept,       // a notice; detail: the computed expiry (dd/mm/yyyy)
    perpetual_read_as_years,  // a notice: written perpetual after the cut-off, read as a term; detail: its years
    // A date, a text or a file the register cannot hold
    date_in_future,           // detail: the last day a date may be (dd/mm/yyyy)
    expiry_before_start,      // detail: the term start (dd/mm/yyyy)
    expiry_too_far,           // past the term's end by more than the longest period; detail: its years
    control_character,        // detail: the first control character, escaped ("\x1b")
    too_long,                 // detail: the most characters the field may have
    name_missing,             // a holder or a deceased with other data but no name
    line_not_utf8,            // a line of a UTF-8 file that is not UTF-8
    line_in_utf8,             // a line of a Windows-1252 file written in UTF-8
    mixed_encoding,           // the whole file; detail: the encoding of the rest of it
    more_lines,               // detail: how many more lines, not listed one by one
    wide_encoding,            // detail: "UTF-16" or "UTF-32", with its byte order
    not_a_file,               // a directory given as the file to import
    file_unreadable,          // detail: the system's reason
};

}  // namespace cemetery
