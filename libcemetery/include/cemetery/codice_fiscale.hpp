#pragma once
// The Italian codice fiscale (tax code) of a person: its form and its check letter.
// Tax codes are typed in wherever a holder is recorded, so a slip of the hand must be
// caught at entry, with a message that says which character is wrong. Only the form
// is checked; whether the code belongs to that person is for the Agenzia delle Entrate.

#include <cemetery/dates.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace cemetery {

enum class CodiceFiscaleProblem {
    none,
    wrong_length,      // not 16 characters after normalising
    bad_character,     // a character not allowed at its position (position says which, 1-based)
    bad_month,         // 9th character is not a month letter
    bad_day,           // day not in 1-31 or 41-71
    bad_check_letter,  // the 16th character does not match (expected says which)
};

struct CodiceFiscaleCheck {
    CodiceFiscaleProblem problem = CodiceFiscaleProblem::none;
    int position = 0;         // 1-based position of the bad character, when relevant
    char expected_check = 0;  // the right check letter, for bad_check_letter
    int found_length = 0;     // characters found, for wrong_length
    char found_check = 0;     // the check letter written, for bad_check_letter

    [[nodiscard]] bool ok() const { return problem == CodiceFiscaleProblem::none; }

    // English sentence for logs and the command line, e.g.
    // "check letter is X, expected S", "character 9 must be a month letter (A B C D E H L M P R S T)",
    // "must be 16 characters, found 15"
    [[nodiscard]] std::string message() const;
};

// Upper-case, spaces removed: " rssmra 85t10a562s " -> "RSSMRA85T10A562S".
// Tabs, line breaks and no-break spaces (pasted from documents) go too. Other non-ASCII
// characters are kept as they are, so that the check can point at them.
[[nodiscard]] std::string normalize_codice_fiscale(std::string_view text);

// Checks a code (normalising it first): length, characters per position (omocodia letters
// accepted where digits stand), month letter, day, check letter. The first problem found,
// in that order, is reported; length counts UTF-8 characters, not bytes.
[[nodiscard]] CodiceFiscaleCheck check_codice_fiscale(std::string_view text);

// The check letter for the first 15 characters (already normalised); nullopt if they are
// not 15 valid characters (each an upper-case ASCII letter or a digit).
[[nodiscard]] std::optional<char> codice_fiscale_check_letter(std::string_view first15);

// The birth date a valid code encodes (characters 7-11: year, month letter, day, 40
// added for women), as of `on`. The code writes only the last two digits of the year:
// the century is the one that gives the latest date not after `on` (RSS...85T10... is
// 10/12/1985; ...20A01... read on 2026-11-26 is 01/01/2020). So a person of 100 or more
// is read 100 years younger, never older: an age the code gives is never more than
// the person's. None when the code is not valid or the day does not exist.
[[nodiscard]] std::optional<Date> codice_fiscale_birth_date(std::string_view code, Date on);

}  // namespace cemetery
