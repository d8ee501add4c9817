#pragma once
// Text helpers shared by matching and search: names typed by clerks must match
// names in the register whatever their case and accents ("pèrego" = "Perego").

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

}  // namespace cemetery
