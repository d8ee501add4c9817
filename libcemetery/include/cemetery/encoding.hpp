#pragma once
// Character encodings of the files clerks bring: register exports from older programs
// and spreadsheets saved on Italian Windows are Windows-1252, newer ones UTF-8. The
// library works in UTF-8 only, so imported bytes go through here first.
//
// The rule for a whole file (scan_encoding), in one pass over its bytes:
// - well-formed UTF-8 throughout (RFC 3629: no overlong forms, no surrogates), plain
//   ASCII included: UTF-8;
// - not one well-formed UTF-8 multi-byte character: Windows-1252 (every byte is a
//   character there);
// - both well-formed UTF-8 characters and bytes that cannot be UTF-8: neither. Such a
//   file was edited in two programs; read as Windows-1252 its UTF-8 names become
//   "ViganÃ²", read as UTF-8 its other names cannot be read at all, so it is refused.
//   The encoding most of its lines are in is taken as the file's (UTF-8 on a tie),
//   and the lines in the other one are named (physical lines: LF, CRLF or a lone CR
//   ends one), for the clerk to correct them or to save the whole file again in one
//   encoding;
// - a byte order mark of UTF-16 or UTF-32, or a first block of which a quarter is NUL
//   bytes (ASCII text in UTF-16 without its mark), is none of these: refused, with
//   how to save it instead.
// A Windows-1252 text where a capital accented letter comes right before a no-break
// space or a typographic sign (Ò then 0xA0, say) holds, by chance, a well-formed UTF-8
// character: that rare line is named too, and taking the space out lets it through.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery {

// The encodings an import can be in. Windows-1252 stands for ISO-8859-1 as well: it
// agrees with it on every printable character.
enum class TextEncoding { utf8, windows1252 };

// Encodings of two or four bytes a character, which an import does not read.
enum class WideEncoding { utf16le, utf16be, utf32le, utf32be };

// A line of a mixed file in the other encoding than most of the file.
struct StrayLine {
    std::size_t line = 0;  // physical line, the first being 1
    std::string excerpt;   // the text around its first odd character, read in its own encoding, printable
};

// What a file's bytes are, by the rule above.
struct EncodingScan {
    TextEncoding encoding = TextEncoding::utf8;  // of the file, or of most of its lines when mixed
    bool mixed = false;
    std::size_t stray_count = 0;       // lines in the other encoding, when mixed
    std::vector<StrayLine> stray;      // the first of them, as many as asked
    std::optional<WideEncoding> wide;  // UTF-16 or UTF-32: nothing else is known

    [[nodiscard]] bool ok() const { return !mixed && !wide; }
};

struct EncodingScanOptions {
    std::size_t max_stray_lines = 20;  // lines listed one by one; the others only counted
    // The bytes are the first block of a file: a multi-byte character cut at their
    // very end is not held against them.
    bool sample = false;
};

// The rule above, in one pass over the bytes (two when they are mixed, the second
// to find the lines).
[[nodiscard]] EncodingScan scan_encoding(std::string_view bytes, const EncodingScanOptions& options = {});

// The encoding of a sample by the same rule: that of most of its lines when it is
// mixed. UTF-16 and UTF-32 are not among the answers: scan_encoding says them.
[[nodiscard]] TextEncoding detect_encoding(std::string_view sample);

// Every byte decoded by the Windows-1252 table, 0x80-0x9F included (0x80 → €,
// 0x92 → ’); the five bytes the table leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
// become U+FFFD.
[[nodiscard]] std::string windows1252_to_utf8(std::string_view bytes);

// The bytes as UTF-8: copied when already UTF-8, decoded when Windows-1252.
[[nodiscard]] std::string to_utf8(std::string_view bytes, TextEncoding from);

// The separator of a CSV file from its first line: whichever of ';' ',' '\t' occurs
// most often outside quotes. ';' when none does, and on a tie (Italian spreadsheets
// use ';' because ',' is the decimal mark).
[[nodiscard]] char detect_separator(std::string_view first_line);

// "UTF-8", "Windows-1252": for messages.
[[nodiscard]] std::string_view encoding_name(TextEncoding encoding);
// "UTF-16 (little-endian)"...
[[nodiscard]] std::string_view encoding_name(WideEncoding encoding);

}  // namespace cemetery
