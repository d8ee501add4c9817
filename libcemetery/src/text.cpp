#include <cemetery/text.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace cemetery {

namespace {

// Base letter of a Latin-1 Supplement code point (U+00C0..U+00FF), or 0.
char latin1_base(std::uint32_t cp) {
    static constexpr const char* table =
        // C0..CF
        "aaaaaaaceeeeiiii"
        // D0..DF
        "dnooooo*ouuuuyts"
        // E0..EF
        "aaaaaaaceeeeiiii"
        // F0..FF
        "dnooooo/ouuuuyty";
    if (cp < 0xC0 || cp > 0xFF) return 0;
    const char c = table[cp - 0xC0];
    return (c == '*' || c == '/') ? 0 : c;
}

// Decodes one UTF-8 code point at s[i], advancing i; U+FFFD on malformed input.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) -> int {
        if (i + k >= s.size()) return -1;
        const auto b = static_cast<unsigned char>(s[i + k]);
        return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
    };
    if (b0 < 0x80) { ++i; return b0; }
    if ((b0 & 0xE0) == 0xC0) {
        const int c1 = cont(1);
        if (c1 >= 0) { i += 2; return ((b0 & 0x1Fu) << 6) | static_cast<unsigned>(c1); }
    } else if ((b0 & 0xF0) == 0xE0) {
        const int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1;
        if (c2 >= 0) {
            i += 3;
            return ((b0 & 0x0Fu) << 12) | (static_cast<unsigned>(c1) << 6) | static_cast<unsigned>(c2);
        }
    } else if ((b0 & 0xF8) == 0xF0) {
        const int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1, c3 = c2 >= 0 ? cont(3) : -1;
        if (c3 >= 0) {
            i += 4;
            return ((b0 & 0x07u) << 18) | (static_cast<unsigned>(c1) << 12) |
                   (static_cast<unsigned>(c2) << 6) | static_cast<unsigned>(c3);
        }
    }
    ++i;
    return 0xFFFD;
}

bool is_separator(std::uint32_t cp) {
    if (cp < 0x80) {
        const char c = static_cast<char>(cp);
        return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    }
    // Typographic apostrophes and quotes, dashes, no-break space.
    return cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D || cp == 0x2013 ||
           cp == 0x2014 || cp == 0x00A0 || cp == 0x00B4 || cp == 0xFFFD;
}

}  // namespace

std::string fold(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t start = i;
        const std::uint32_t cp = next_code_point(utf8, i);
        if (is_separator(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) { out += ' '; pending_space = false; }
        if (cp < 0x80) {
            const char c = static_cast<char>(cp);
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        } else if (const char base = latin1_base(cp)) {
            out += base;
        } else {
            out.append(utf8.substr(start, i - start));
        }
    }
    return out;
}

std::vector<std::string> words(std::string_view utf8) {
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t start = i;
        const std::uint32_t cp = next_code_point(utf8, i);
        if (is_separator(cp)) {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            current.append(utf8.substr(start, i - start));
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

bool is_valid_utf8(std::string_view bytes) {
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    for (std::size_t i = 0; i < bytes.size();) {
        // Eight ASCII bytes at a time, as most of a register is: the whole file of
        // a million rows is checked before its import begins.
        if (std::uint64_t eight = 0; i + sizeof eight <= bytes.size()) {
            std::memcpy(&eight, bytes.data() + i, sizeof eight);
            if ((eight & high_bits) == 0) {
                i += sizeof eight;
                continue;
            }
        }
        const std::size_t before = i;
        const std::uint32_t cp = next_code_point(bytes, i);
        if (cp == 0xFFFD && !(i - before == 3 && bytes.substr(before, 3) == "\xEF\xBF\xBD")) {
            return false;
        }
    }
    return true;
}

std::size_t find_control(std::string_view utf8, bool layout_allowed) {
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        if (b < 0x20) {
            if (layout_allowed && (b == '\t' || b == '\n' || b == '\r')) continue;
            return i;
        }
        if (b == 0x7F) return i;
        // C1 controls U+0080-U+009F: 0xC2 then 0x80-0x9F.
        if (b == 0xC2 && i + 1 < utf8.size() && (static_cast<unsigned char>(utf8[i + 1]) & 0xE0) == 0x80) return i;
    }
    return std::string_view::npos;
}

std::string printable(std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    auto escape = [](std::string& out, const char* prefix, unsigned value) {
        out += prefix;
        out += hex[(value >> 4) & 0xF];
        out += hex[value & 0xF];
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x20 || b == 0x7F) {
            escape(out, "\\x", b);
            ++i;
            continue;
        }
        if (b < 0x80) {
            out += static_cast<char>(b);
            ++i;
            continue;
        }
        const std::size_t before = i;
        const std::uint32_t cp = next_code_point(text, i);
        const bool malformed = cp == 0xFFFD && !(i - before == 3 && text.substr(before, 3) == "\xEF\xBF\xBD");
        if (malformed || cp < 0x80) {
            // A byte that is not UTF-8 (an overlong ESC among them): its value, never the byte.
            escape(out, "\\x", b);
            i = before + 1;
        } else if (cp >= 0x80 && cp <= 0x9F) {
            escape(out, "\\u00", cp);
        } else {
            out.append(text.substr(before, i - before));
        }
    }
    return out;
}

std::size_t character_count(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

}  // namespace cemetery
