// The codice fiscale check: form, omocodia, day, check letter and the messages shown
// to the clerk. Valid codes come from published examples (python-stdnum's and
// python-codicefiscale's test data) and from omocodic variants computed by hand.

#include "support.hpp"

#include <cemetery/codice_fiscale.hpp>

#include <string>

using cemetery::check_codice_fiscale;
using cemetery::codice_fiscale_check_letter;
using cemetery::CodiceFiscaleProblem;
using cemetery::normalize_codice_fiscale;

namespace {

// The first 15 characters completed with their right check letter.
std::string with_check_letter(const std::string& first15) {
    const auto letter = codice_fiscale_check_letter(first15);
    REQUIRE(letter.has_value());
    return first15 + *letter;
}

// code with the character at 1-based position replaced.
std::string with_char_at(std::string code, int position, char c) {
    code[static_cast<std::size_t>(position - 1)] = c;
    return code;
}

}  // namespace

TEST_CASE("a well-formed codice fiscale with the right check letter is accepted", "[codice_fiscale]") {
    const auto code = GENERATE(as<std::string>{}, "RSSMRA85T10A562S", "MRTNTN23M02D969P",
                               "RCCMNL83S18D969H", "FOXDRA26C24H872Y", "MAILCU91A25F839D",
                               "RSSMRA45C12F205C", "CCCFBA85D03L219P", "BNCLRA90A01F205E",
                               "BNCLRA90A31F205H");
    CAPTURE(code);
    const auto check = check_codice_fiscale(code);
    CHECK(check.ok());
    CHECK(check.problem == CodiceFiscaleProblem::none);
    CHECK(check.position == 0);
    CHECK(check.expected_check == 0);
    CHECK(check.message() == "valid");
}

TEST_CASE("a woman's code, with 40 added to the day, is accepted", "[codice_fiscale]") {
    // Days 41 (the 1st), 60 (the 20th) and 71 (the 31st); Z611 is a foreign country.
    const auto code = GENERATE(as<std::string>{}, "CNTCHR83T41D969D", "MRSMSR81D60Z611H",
                               "BNCLRA90A41F205I", "BNCLRA90A71F205L");
    CAPTURE(code);
    CHECK(check_codice_fiscale(code).ok());
}

TEST_CASE("lower case, spaces and pasted blanks are accepted", "[codice_fiscale]") {
    CHECK(normalize_codice_fiscale(" rssmra 85t10a562s ") == "RSSMRA85T10A562S");
    CHECK(normalize_codice_fiscale("RsS mRa\t85T10\nA562s\r") == "RSSMRA85T10A562S");
    CHECK(normalize_codice_fiscale("RSSMRA\xC2\xA0" "85T10A562S") == "RSSMRA85T10A562S");
    CHECK(normalize_codice_fiscale("") == "");
    CHECK(normalize_codice_fiscale("   ") == "");
    // Only ASCII letters change case; other bytes stay for the check to report.
    CHECK(normalize_codice_fiscale("rss\xC3\xA8ra") == "RSS\xC3\xA8RA");

    CHECK(check_codice_fiscale(" rssmra 85t10a562s ").ok());
    CHECK(check_codice_fiscale("RSS MRA 85T10 A562 S").ok());
    CHECK(check_codice_fiscale("rssmra85t10a562s").ok());
}

TEST_CASE("the check letter is computed from the first 15 characters", "[codice_fiscale]") {
    CHECK(codice_fiscale_check_letter("RSSMRA85T10A562") == 'S');
    CHECK(codice_fiscale_check_letter("MRTNTN23M02D969") == 'P');
    CHECK(codice_fiscale_check_letter("MRSMSR81D60Z611") == 'H');
    CHECK(codice_fiscale_check_letter("RCDLSN84S16D969") == 'Z');
    CHECK(codice_fiscale_check_letter("CNTCHR83T41D969") == 'D');
    CHECK(codice_fiscale_check_letter("BNCSFN85T58G702") == 'W');
    CHECK(codice_fiscale_check_letter("FOXDRA26C24H872") == 'Y');
    CHECK(codice_fiscale_check_letter("MAILCU91A25F839") == 'D');
    CHECK(codice_fiscale_check_letter("RSSMRAQRCMNFNLR") == 'G');
}

TEST_CASE("no check letter is computed for anything but 15 letters and digits", "[codice_fiscale]") {
    CHECK_FALSE(codice_fiscale_check_letter("").has_value());
    CHECK_FALSE(codice_fiscale_check_letter("RSSMRA85T10A56").has_value());
    CHECK_FALSE(codice_fiscale_check_letter("RSSMRA85T10A562S").has_value());
    // Not normalised: lower case and spaces are refused, not guessed at.
    CHECK_FALSE(codice_fiscale_check_letter("rssmra85t10a562").has_value());
    CHECK_FALSE(codice_fiscale_check_letter("RSSMRA 85T10A56").has_value());
    CHECK_FALSE(codice_fiscale_check_letter("RSSMRA85T10A56-").has_value());
    CHECK_FALSE(codice_fiscale_check_letter("RSS\xC3\x88RA85T10A56").has_value());
}

TEST_CASE("a wrong check letter is rejected and the right one is named", "[codice_fiscale]") {
    auto check = check_codice_fiscale("RSSMRA85T10A562X");
    CHECK(check.problem == CodiceFiscaleProblem::bad_check_letter);
    CHECK_FALSE(check.ok());
    CHECK(check.position == 16);
    CHECK(check.expected_check == 'S');
    CHECK(check.found_check == 'X');
    CHECK(check.message() == "check letter is X, expected S");

    check = check_codice_fiscale("foxdra26c24h872a");
    CHECK(check.problem == CodiceFiscaleProblem::bad_check_letter);
    CHECK(check.expected_check == 'Y');
    CHECK(check.message() == "check letter is A, expected Y");

    // Two swapped digits keep the form but not the check letter.
    check = check_codice_fiscale("RSSMRA58T10A562S");
    CHECK(check.problem == CodiceFiscaleProblem::bad_check_letter);
    CHECK(check.expected_check == codice_fiscale_check_letter("RSSMRA58T10A562"));
}

TEST_CASE("an omocodic code with one digit replaced is accepted with its own check letter",
          "[codice_fiscale]") {
    // The last digit is the first to be replaced: 2 -> N at position 15.
    CHECK(check_codice_fiscale("RSSMRA85T10A56NH").ok());
    CHECK(check_codice_fiscale("RSSMRA45C12F20RX").ok());
    CHECK(check_codice_fiscale("CCCFBA85D03L21VE").ok());
    // The check letter changes with the substitution: the original one no longer fits.
    const auto check = check_codice_fiscale("RSSMRA85T10A56NS");
    CHECK(check.problem == CodiceFiscaleProblem::bad_check_letter);
    CHECK(check.expected_check == 'H');
}

TEST_CASE("an omocodic code with several digits replaced is accepted", "[codice_fiscale]") {
    const auto code = GENERATE(as<std::string>{},
                               // RSSMRA85T10A562S, replacing from the right.
                               "RSSMRA85T10A5SNT", "RSSMRA85T10ARSNO", "RSSMRA85T1LARSNR",
                               "RSSMRA85TMLARSNC", "RSSMRA8RTMLARSNO", "RSSMRAURTMLARSNL",
                               // Published variants of RSSMRA45C12F205C and CCCFBA85D03L219P.
                               "RSSMRA45C12F2L5N", "RSSMRA45C12F2LRI", "RSSMRAQRCMNFNLRG",
                               "CCCFBA85D03L2MVP", "CCCFBA85D03LNMVE", "CCCFBA85D0PLNMVA",
                               "CCCFBA85DLPLNMVL", "CCCFBA8RDLPLNMVX", "CCCFBAURDLPLNMVU",
                               // Replacements out of the official order are still well formed.
                               "RSSMRAU5T10A562P", "RSSMRA85TM0A562D");
    CAPTURE(code);
    CHECK(check_codice_fiscale(code).ok());
    CHECK(codice_fiscale_check_letter(code.substr(0, 15)) == code[15]);
}

TEST_CASE("an omocodic day is read as its digits", "[codice_fiscale]") {
    // Day 41 written "QM": a woman born on the 1st.
    CHECK(check_codice_fiscale(with_check_letter("BNCLRA90AQMF205")).ok());
    // Day 00 written "LL", day 72 written "TN": no such day.
    CHECK(check_codice_fiscale(with_check_letter("BNCLRA90ALLF205")).problem ==
          CodiceFiscaleProblem::bad_day);
    CHECK(check_codice_fiscale(with_check_letter("BNCLRA90ATNF205")).problem ==
          CodiceFiscaleProblem::bad_day);
}

TEST_CASE("a letter that is not an omocodia letter is rejected where a digit stands",
          "[codice_fiscale]") {
    const std::string valid = "RSSMRA85T10A562S";
    const int position = GENERATE(7, 8, 10, 11, 13, 14, 15);
    // A, O and W are letters but stand for no digit; I is not used either.
    const char letter = GENERATE('A', 'O', 'W', 'I', 'K', 'Z');
    CAPTURE(position, letter);
    const auto check = check_codice_fiscale(with_char_at(valid, position, letter));
    CHECK(check.problem == CodiceFiscaleProblem::bad_character);
    CHECK(check.position == position);
    CHECK(check.message() == "character " + std::to_string(position) +
                                 " must be a digit or an omocodia letter (L M N P Q R S T U V)");
}

TEST_CASE("a digit is rejected where a letter is needed, where omocodia letters are plain letters",
          "[codice_fiscale]") {
    const std::string valid = "RSSMRA85T10A562S";
    // Surname, name and the place letter take any letter, omocodia letters included.
    CHECK(check_codice_fiscale(with_check_letter("LMNPQR85T10S562")).ok());
    const int position = GENERATE(1, 2, 3, 4, 5, 6, 12, 16);
    CAPTURE(position);
    const auto check = check_codice_fiscale(with_char_at(valid, position, '5'));
    CHECK(check.problem == CodiceFiscaleProblem::bad_character);
    CHECK(check.position == position);
    CHECK(check.message() == "character " + std::to_string(position) + " must be a letter");
}

TEST_CASE("punctuation is rejected at the position where it stands", "[codice_fiscale]") {
    auto check = check_codice_fiscale("RSSMRA-5T10A562S");
    CHECK(check.problem == CodiceFiscaleProblem::bad_character);
    CHECK(check.position == 7);
    check = check_codice_fiscale("RSS.RA85T10A562S");
    CHECK(check.problem == CodiceFiscaleProblem::bad_character);
    CHECK(check.position == 4);
    // The first bad character is the one reported.
    check = check_codice_fiscale("R*SMRA85T10A56?S");
    CHECK(check.position == 2);
}

TEST_CASE("a character that is not a month letter in 9th place is rejected", "[codice_fiscale]") {
    // F, G, I, K... are letters but no month; a digit is no month either.
    const char c = GENERATE('F', 'G', 'I', 'Z', 'O', '1', '-');
    CAPTURE(c);
    const auto check = check_codice_fiscale(with_char_at("RSSMRA85T10A562S", 9, c));
    CHECK(check.problem == CodiceFiscaleProblem::bad_month);
    CHECK(check.position == 9);
    CHECK(check.message() == "character 9 must be a month letter (A B C D E H L M P R S T)");
}

TEST_CASE("every month letter is accepted", "[codice_fiscale]") {
    const char month = GENERATE('A', 'B', 'C', 'D', 'E', 'H', 'L', 'M', 'P', 'R', 'S', 'T');
    CAPTURE(month);
    CHECK(check_codice_fiscale(with_check_letter(std::string("RSSMRA85") + month + "10A562")).ok());
}

TEST_CASE("days 00, 32, 40 and 72 are rejected", "[codice_fiscale]") {
    // The check letters are right, so the day is the only fault.
    const auto code = GENERATE(as<std::string>{}, "BNCLRA90A00F205F", "BNCLRA90A32F205M",
                               "BNCLRA90A40F205J", "BNCLRA90A72F205Q", "CNTCHR83T32D969H");
    CAPTURE(code);
    const auto check = check_codice_fiscale(code);
    CHECK(check.problem == CodiceFiscaleProblem::bad_day);
    CHECK(check.position == 10);
    CHECK(check.message() == "characters 10-11 must be a day, 01-31 for men or 41-71 for women");
}

TEST_CASE("a code of the wrong length is rejected with the length found", "[codice_fiscale]") {
    auto check = check_codice_fiscale("RSSMRA85T10A562");
    CHECK(check.problem == CodiceFiscaleProblem::wrong_length);
    CHECK(check.found_length == 15);
    CHECK(check.position == 0);
    CHECK(check.message() == "must be 16 characters, found 15");

    check = check_codice_fiscale("RSSMRA85T10A562SS");
    CHECK(check.problem == CodiceFiscaleProblem::wrong_length);
    CHECK(check.message() == "must be 16 characters, found 17");

    check = check_codice_fiscale("");
    CHECK(check.problem == CodiceFiscaleProblem::wrong_length);
    CHECK(check.message() == "must be 16 characters, found 0");

    // Blanks do not count.
    check = check_codice_fiscale("  \t ");
    CHECK(check.message() == "must be 16 characters, found 0");
    check = check_codice_fiscale("RSSMRA 85T10 A562");
    CHECK(check.message() == "must be 16 characters, found 15");
}

TEST_CASE("a non-ASCII character is rejected at its position without crashing", "[codice_fiscale]") {
    // "È" is two bytes in UTF-8 but one character: the code still has 16 characters.
    auto check = check_codice_fiscale("RSS\xC3\x88RA85T10A562S");
    CHECK(check.problem == CodiceFiscaleProblem::bad_character);
    CHECK(check.position == 4);
    CHECK(check.message() == "character 4 must be a letter");

    // Lower-case "è" is not folded to E either.
    check = check_codice_fiscale("rss\xC3\xA8ra85t10a562s");
    CHECK(check.problem == CodiceFiscaleProblem::bad_character);
    CHECK(check.position == 4);

    // In the month's place.
    check = check_codice_fiscale("RSSMRA85\xC3\x88" "10A562S");
    CHECK(check.problem == CodiceFiscaleProblem::bad_month);
    CHECK(check.position == 9);

    // Added to a complete code it makes 17 characters, not 18 bytes.
    check = check_codice_fiscale("RSSMRA85T10A562S\xC3\x88");
    CHECK(check.problem == CodiceFiscaleProblem::wrong_length);
    CHECK(check.found_length == 17);

    // Broken UTF-8: a lone lead byte at the end, a stray continuation byte, 0xFF.
    check = check_codice_fiscale("RSSMRA85T10A562\xC3");
    CHECK(check.problem == CodiceFiscaleProblem::bad_character);
    CHECK(check.position == 16);
    check = check_codice_fiscale("RSSMRA85T10\x80" "562S");
    CHECK(check.problem == CodiceFiscaleProblem::bad_character);
    CHECK(check.position == 12);
    check = check_codice_fiscale("\xFF\xFF\xFF\xFF");
    CHECK(check.problem == CodiceFiscaleProblem::wrong_length);
    CHECK(check.found_length == 4);
}

TEST_CASE("the birth date a codice fiscale encodes, its century the latest not after the day asked",
          "[codice_fiscale][applicant_age]") {
    using cemetery::codice_fiscale_birth_date;
    using test::ymd;
    CHECK(codice_fiscale_birth_date(with_check_letter("RSSMRA85T10A562"), ymd(2026, 11, 26)) == ymd(1985, 12, 10));
    SECTION("a woman's day has 40 added; 29 February") {
        CHECK(codice_fiscale_birth_date(with_check_letter("RSSMRA60B69F205"), ymd(2026, 11, 26)) == ymd(1960, 2, 29));
    }
    SECTION("omocodia letters stand for the digits of the year and the day") {
        CHECK(codice_fiscale_birth_date(with_check_letter("RSSMRA8RT1LA562"), ymd(2026, 11, 26)) == ymd(1985, 12, 10));
    }
    SECTION("the century: the latest date not after the day asked") {
        const auto code = with_check_letter("RSSMRA20A01F205");
        CHECK(codice_fiscale_birth_date(code, ymd(2026, 11, 26)) == ymd(2020, 1, 1));
        CHECK(codice_fiscale_birth_date(code, ymd(2019, 12, 31)) == ymd(1920, 1, 1));
        const auto july = with_check_letter("RSSMRA26L27F205");
        CHECK(codice_fiscale_birth_date(july, ymd(2026, 7, 26)) == ymd(1926, 7, 27));
        CHECK(codice_fiscale_birth_date(july, ymd(2026, 7, 27)) == ymd(2026, 7, 27));
    }
    SECTION("none from a code that is not valid, or a day that does not exist") {
        CHECK_FALSE(codice_fiscale_birth_date("RSSMRA85T10A562X", ymd(2026, 11, 26)));
        CHECK_FALSE(codice_fiscale_birth_date(with_check_letter("RSSMRA85B30A562"), ymd(2026, 11, 26)));  // 30 February
        CHECK_FALSE(codice_fiscale_birth_date(with_check_letter("RSSMRA61B29F205"), ymd(2026, 11, 26)));  // 29/02/1961
    }
}
