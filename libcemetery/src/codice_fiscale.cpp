#include <cemetery/codice_fiscale.hpp>

#include <array>
#include <cstddef>
#include <vector>

namespace cemetery {

namespace {

constexpr std::size_t code_length = 16;

// What each of the 16 positions holds: L a letter, D a digit (or its omocodia letter),
// M the month letter.
constexpr std::string_view position_kinds = "LLLLLLDDMDDLDDDL";

constexpr std::string_view month_letters = "ABCDEHLMPRST";

// Omocodia: the letter standing for digit i is omocodia_letters[i].
constexpr std::string_view omocodia_letters = "LMNPQRSTUV";

// Values of the characters at odd positions (1st, 3rd, ...), from the Ministry's
// "dispari" table, indexed by letter (A-Z); digit d counts as the d-th letter.
constexpr std::array<int, 26> odd_values = {1,  0,  5,  7,  9,  13, 15, 17, 19, 21, 2,  4,  18,
                                            20, 11, 3,  6,  8,  12, 14, 16, 10, 22, 25, 24, 23};

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The digit a character stands for at a digit position: itself, or its omocodia letter.
std::optional<int> digit_value(char c) {
    if (is_digit(c)) return c - '0';
    const std::size_t i = omocodia_letters.find(c);
    if (i == std::string_view::npos) return std::nullopt;
    return static_cast<int>(i);
}

bool allowed_at(char kind, char c) {
    switch (kind) {
        case 'L': return is_upper(c);
        case 'D': return digit_value(c).has_value();
        case 'M': return month_letters.find(c) != std::string_view::npos;
        default: return false;
    }
}

// Bytes taken by the UTF-8 character starting at s[i]: at least 1, never past a
// malformed sequence, so that broken input is counted without reading beyond it.
std::size_t utf8_char_size(std::string_view s, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t want = 1;
    if ((lead & 0xE0) == 0xC0) want = 2;
    else if ((lead & 0xF0) == 0xE0) want = 3;
    else if ((lead & 0xF8) == 0xF0) want = 4;
    std::size_t size = 1;
    while (size < want && i + size < s.size() &&
           (static_cast<unsigned char>(s[i + size]) & 0xC0) == 0x80) {
        ++size;
    }
    return size;
}

// The text split into characters (UTF-8 aware), each as its bytes.
std::vector<std::string_view> characters(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t size = utf8_char_size(s, i);
        out.push_back(s.substr(i, size));
        i += size;
    }
    return out;
}

bool is_ascii_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

}  // namespace

std::string CodiceFiscaleCheck::message() const {
    switch (problem) {
        case CodiceFiscaleProblem::none:
            return "valid";
        case CodiceFiscaleProblem::wrong_length:
            return "must be 16 characters, found " + std::to_string(found_length);
        case CodiceFiscaleProblem::bad_character: {
            const std::string head = "character " + std::to_string(position) + " must be ";
            const char kind = position >= 1 && position <= static_cast<int>(code_length)
                                  ? position_kinds[static_cast<std::size_t>(position - 1)]
                                  : '?';
            if (kind == 'L') return head + "a letter";
            if (kind == 'D') return head + "a digit or an omocodia letter (L M N P Q R S T U V)";
            if (kind == 'M') return head + "a month letter (A B C D E H L M P R S T)";
            return "character " + std::to_string(position) + " is not allowed";
        }
        case CodiceFiscaleProblem::bad_month:
            return "character 9 must be a month letter (A B C D E H L M P R S T)";
        case CodiceFiscaleProblem::bad_day:
            return "characters 10-11 must be a day, 01-31 for men or 41-71 for women";
        case CodiceFiscaleProblem::bad_check_letter:
            return std::string("check letter is ") + found_check + ", expected " + expected_check;
    }
    return "unknown problem";
}

std::string normalize_codice_fiscale(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_ascii_blank(c)) continue;
        // U+00A0 no-break space, UTF-8 C2 A0.
        if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
            static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

std::optional<Date> codice_fiscale_birth_date(std::string_view text, Date on) {
    if (!check_codice_fiscale(text).ok()) return std::nullopt;
    const std::string code = normalize_codice_fiscale(text);
    const auto two_digits = [&](std::size_t at) { return *digit_value(code[at]) * 10 + *digit_value(code[at + 1]); };
    const int year_in_century = two_digits(6);
    const auto month = static_cast<unsigned>(month_letters.find(code[8]) + 1);
    int day = two_digits(9);
    if (day > 40) day -= 40;  // women
    const auto born_in = [&](int century) {
        return Date{date::year{century + year_in_century}, date::month{month}, date::day{static_cast<unsigned>(day)}};
    };
    const int century = static_cast<int>(on.year()) / 100 * 100;
    Date born = born_in(century);
    if (!born.ok() || born > on) born = born_in(century - 100);
    if (!born.ok()) return std::nullopt;
    return born;
}

std::optional<char> codice_fiscale_check_letter(std::string_view first15) {
    if (first15.size() != code_length - 1) return std::nullopt;
    int sum = 0;
    for (std::size_t i = 0; i < first15.size(); ++i) {
        const char c = first15[i];
        int index = 0;  // 0-25: digits count as A-J in both tables
        if (is_digit(c)) index = c - '0';
        else if (is_upper(c)) index = c - 'A';
        else return std::nullopt;
        // i is 0-based, so even i is an odd (1-based) position.
        sum += (i % 2 == 0) ? odd_values[static_cast<std::size_t>(index)] : index;
    }
    return static_cast<char>('A' + sum % 26);
}

CodiceFiscaleCheck check_codice_fiscale(std::string_view text) {
    const std::string code = normalize_codice_fiscale(text);
    CodiceFiscaleCheck result;

    const std::vector<std::string_view> chars = characters(code);
    if (chars.size() != code_length) {
        result.problem = CodiceFiscaleProblem::wrong_length;
        result.found_length = static_cast<int>(chars.size());
        return result;
    }

    // Each position in turn; a non-ASCII character (more than one byte) fits nowhere.
    for (std::size_t i = 0; i < code_length; ++i) {
        const char kind = position_kinds[i];
        if (chars[i].size() != 1 || !allowed_at(kind, chars[i][0])) {
            result.problem =
                kind == 'M' ? CodiceFiscaleProblem::bad_month : CodiceFiscaleProblem::bad_character;
            result.position = static_cast<int>(i + 1);
            return result;
        }
    }
    // From here every character is one ASCII byte, so code has exactly 16 bytes.

    const int day = *digit_value(code[9]) * 10 + *digit_value(code[10]);
    if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) {
        result.problem = CodiceFiscaleProblem::bad_day;
        result.position = 10;
        return result;
    }

    const std::optional<char> expected = codice_fiscale_check_letter(std::string_view(code).substr(0, 15));
    if (!expected || *expected != code[15]) {
        result.problem = CodiceFiscaleProblem::bad_check_letter;
        result.position = 16;
        result.expected_check = expected.value_or('?');
        result.found_check = code[15];
    }
    return result;
}

}  // namespace cemetery
