#include <cemetery/encoding.hpp>
#include <cemetery/text.hpp>

#include <algorithm>
#include <array>
#include <cstdint>

namespace cemetery {

namespace {

// Code points of Windows-1252 bytes 0x80-0x9F; U+FFFD where the table defines none.
constexpr std::array<std::uint16_t, 32> cp1252_high{
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,  // 88-8F
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,  // 98-9F
};

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The sample without a multi-byte sequence cut short at its very end, when the rest has
// other non-ASCII bytes to judge it by: a Windows-1252 text ending in "ò" (0xF2) looks
// exactly like a cut lead byte, and Italian words often end in an accented vowel.
std::string_view without_cut_tail(std::string_view s) {
    std::size_t back = 0;  // continuation bytes before the end
    while (back < 3 && back < s.size() &&
           (static_cast<unsigned char>(s[s.size() - 1 - back]) & 0xC0) == 0x80) {
        ++back;
    }
    if (back == s.size()) return s;
    const auto lead = static_cast<unsigned char>(s[s.size() - 1 - back]);
    std::size_t length = 1;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
    }
    if (length <= back + 1) return s;
    const std::string_view rest = s.substr(0, s.size() - 1 - back);
    const bool has_multibyte =
        std::any_of(rest.begin(), rest.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    return has_multibyte ? rest : s;
}

}  // namespace

TextEncoding detect_encoding(std::string_view sample) {
    return is_valid_utf8(without_cut_tail(sample)) ? TextEncoding::utf8 : TextEncoding::windows1252;
}

std::string windows1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) {
            out += c;
        } else if (b < 0xA0) {
            append_utf8(out, cp1252_high[b - 0x80]);
        } else {
            append_utf8(out, b);  // 0xA0-0xFF are U+00A0-U+00FF, as in Latin-1
        }
    }
    return out;
}

std::string to_utf8(std::string_view bytes, TextEncoding from) {
    switch (from) {
        case TextEncoding::utf8: return std::string{bytes};
        case TextEncoding::windows1252: return windows1252_to_utf8(bytes);
    }
    return std::string{bytes};
}

char detect_separator(std::string_view first_line) {
    std::size_t semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false;
    for (const char c : first_line) {
        if (c == '"') {
            quoted = !quoted;  // a doubled quote flips twice: still inside
            continue;
        }
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        switch (c) {
            case ';': ++semicolons; break;
            case ',': ++commas; break;
            case '\t': ++tabs; break;
            default: break;
        }
    }
    if (commas > semicolons && commas >= tabs) return ',';
    if (tabs > semicolons && tabs > commas) return '\t';
    return ';';
}

std::string_view encoding_name(TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::utf8: return "UTF-8";
        case TextEncoding::windows1252: return "Windows-1252";
    }
    return "?";
}

}  // namespace cemetery
