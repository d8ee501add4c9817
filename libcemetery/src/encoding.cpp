#include <cemetery/encoding.hpp>
#include <cemetery/text.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

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

unsigned byte_at(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

// The length of the well-formed UTF-8 character at s[i], 2 to 4, or 0 when the bytes
// there are not one (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF). s[i] is not ASCII.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const unsigned b = byte_at(s, i);
    auto follows = [&](std::size_t k, unsigned low = 0x80, unsigned high = 0xBF) {
        if (i + k >= s.size()) return false;
        const unsigned c = byte_at(s, i + k);
        return c >= low && c <= high;
    };
    if (b >= 0xC2 && b <= 0xDF) return follows(1) ? 2 : 0;
    if (b == 0xE0) return follows(1, 0xA0) && follows(2) ? 3 : 0;
    if (b == 0xED) return follows(1, 0x80, 0x9F) && follows(2) ? 3 : 0;
    if (b >= 0xE1 && b <= 0xEF) return follows(1) && follows(2) ? 3 : 0;
    if (b == 0xF0) return follows(1, 0x90) && follows(2) && follows(3) ? 4 : 0;
    if (b >= 0xF1 && b <= 0xF3) return follows(1) && follows(2) && follows(3) ? 4 : 0;
    if (b == 0xF4) return follows(1, 0x80, 0x8F) && follows(2) && follows(3) ? 4 : 0;
    return 0;
}

// Eight bytes at s[i] are all ASCII, as most of a register is.
bool eight_ascii(std::string_view s, std::size_t i) {
    std::uint64_t eight = 0;
    if (i + sizeof eight > s.size()) return false;
    std::memcpy(&eight, s.data() + i, sizeof eight);
    return (eight & 0x8080808080808080ULL) == 0;
}

std::optional<WideEncoding> wide_encoding(std::string_view s) {
    if (s.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return WideEncoding::utf32le;
    if (s.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return WideEncoding::utf32be;
    if (s.starts_with("\xFF\xFE")) return WideEncoding::utf16le;
    if (s.starts_with("\xFE\xFF")) return WideEncoding::utf16be;
    // Without a mark: ASCII in UTF-16 has a NUL beside every letter. No CSV a
    // clerk means has a quarter of its bytes NUL.
    const std::string_view block = s.substr(0, 4096);
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < block.size(); ++i) {
        if (block[i] == '\0') ++(i % 2 ? odd : even);
    }
    if (block.size() < 8 || 4 * (even + odd) < block.size()) return std::nullopt;
    return odd >= even ? WideEncoding::utf16le : WideEncoding::utf16be;
}

// The text around s[at], read in `as`, with its control characters and the bytes it
// cannot read shown escaped.
std::string excerpt(std::string_view line, std::size_t at, TextEncoding as) {
    constexpr std::size_t around = 24;
    std::size_t from = at > around ? at - around : 0;
    std::size_t to = std::min(line.size(), at + around);
    if (as == TextEncoding::utf8) {
        while (from > 0 && (byte_at(line, from) & 0xC0) == 0x80) --from;
        while (to < line.size() && (byte_at(line, to) & 0xC0) == 0x80) ++to;
    }
    const std::string_view part = line.substr(from, to - from);
    std::string out = from > 0 ? "…" : "";
    out += printable(as == TextEncoding::utf8 ? std::string(part) : windows1252_to_utf8(part));
    if (to < line.size()) out += "…";
    return out;
}

// The second pass over a mixed file: which lines are UTF-8 and which are not.
void find_stray_lines(std::string_view s, std::size_t max_lines, EncodingScan& scan) {
    struct Side {
        std::size_t count = 0;
        std::vector<StrayLine> first;
    };
    Side not_utf8;   // lines with a byte that cannot be UTF-8
    Side in_utf8;    // lines with a well-formed multi-byte character
    std::size_t line = 1;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = start;
        while (end < s.size() && s[end] != '\n' && s[end] != '\r') ++end;
        const std::string_view text = s.substr(start, end - start);
        std::optional<std::size_t> bad, multi;
        for (std::size_t i = 0; i < text.size();) {
            if (byte_at(text, i) < 0x80) {
                ++i;
            } else if (const std::size_t n = utf8_length(text, i)) {
                if (!multi) multi = i;
                i += n;
            } else {
                if (!bad) bad = i;
                ++i;
            }
        }
        if (bad) {
            if (not_utf8.first.size() < max_lines) {
                not_utf8.first.push_back({line, excerpt(text, *bad, TextEncoding::windows1252)});
            }
            ++not_utf8.count;
        }
        if (multi) {
            if (in_utf8.first.size() < max_lines) in_utf8.first.push_back({line, excerpt(text, *multi, TextEncoding::utf8)});
            ++in_utf8.count;
        }
        if (end == s.size()) break;
        // CRLF is one line end, as a lone CR or LF is.
        start = end + (s[end] == '\r' && end + 1 < s.size() && s[end + 1] == '\n' ? 2 : 1);
        ++line;
    }
    // The file is in the encoding of most of its lines; the others are the strays.
    Side& stray = in_utf8.count >= not_utf8.count ? not_utf8 : in_utf8;
    scan.encoding = &stray == &not_utf8 ? TextEncoding::utf8 : TextEncoding::windows1252;
    scan.stray_count = stray.count;
    scan.stray = std::move(stray.first);
}

}  // namespace

EncodingScan scan_encoding(std::string_view bytes, const EncodingScanOptions& options) {
    EncodingScan scan;
    if ((scan.wide = wide_encoding(bytes))) return scan;
    const std::string_view s = options.sample ? without_cut_tail(bytes) : bytes;
    bool multi = false, bad = false;
    for (std::size_t i = 0; i < s.size() && !(multi && bad);) {
        if (eight_ascii(s, i)) {
            i += 8;
        } else if (byte_at(s, i) < 0x80) {
            ++i;
        } else if (const std::size_t n = utf8_length(s, i)) {
            multi = true;
            i += n;
        } else {
            bad = true;
            ++i;
        }
    }
    if (!bad) return scan;  // UTF-8 (plain ASCII included)
    scan.encoding = TextEncoding::windows1252;
    if (!multi) return scan;
    scan.mixed = true;
    find_stray_lines(s, options.max_stray_lines, scan);
    return scan;
}

TextEncoding detect_encoding(std::string_view sample) {
    return scan_encoding(sample, {.max_stray_lines = 0, .sample = true}).encoding;
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

std::string_view encoding_name(WideEncoding encoding) {
    switch (encoding) {
        case WideEncoding::utf16le: return "UTF-16 (little-endian)";
        case WideEncoding::utf16be: return "UTF-16 (big-endian)";
        case WideEncoding::utf32le: return "UTF-32 (little-endian)";
        case WideEncoding::utf32be: return "UTF-32 (big-endian)";
    }
    return "?";
}

}  // namespace cemetery
