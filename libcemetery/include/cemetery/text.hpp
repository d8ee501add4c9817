#pragma once
// Text helpers shared by matching and search: names typed by clerks must match
// names in the register whatever their case and accents ("pèrego" = "Perego").

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery {

// Lower-case ASCII, Latin accents removed, apostrophes and runs of blanks folded to
// one space, trimmed: "  Pèrego  D’Adda " → "perego d adda". UTF-8 in and out.
[[nodiscard]] std::string fold(std::string_view utf8);

// Splits on blanks and ASCII punctuation (apostrophes included), keeping UTF-8
// letters: "D'Adda Pèrego-Rossi" → {"D", "Adda", "Pèrego", "Rossi"}.
[[nodiscard]] std::vector<std::string> words(std::string_view utf8);

// Joins with a separator: join({"a","b"}, " | ") → "a | b".
[[nodiscard]] std::string join(const std::vector<std::string>& parts, std::string_view separator);

// True when the bytes are well-formed UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view bytes);

// Where the first control character of UTF-8 text is: C0 (NUL to US), DEL, or C1
// (U+0080 to U+009F); npos when there is none. With `layout_allowed`, TAB, LF and CR
// are not counted (an address written on several lines).
[[nodiscard]] std::size_t find_control(std::string_view utf8, bool layout_allowed = false);

// The text with every control character shown as an escape, so that it can go to a
// terminal: ESC as \x1b, DEL as \x7f, C1 U+009B as \u009b, a byte that is not UTF-8
// as \xf2. A name in the register may hold them (an old register, a file imported
// before imports refused them): printed raw, ESC and C1 would move the cursor,
// clear the screen or retitle the window. Everything else is left as it is.
[[nodiscard]] std::string printable(std::string_view text);

// The characters (code points) of UTF-8 text; a byte that is not UTF-8 counts as one.
[[nodiscard]] std::size_t character_count(std::string_view utf8);

}  // namespace cemetery
