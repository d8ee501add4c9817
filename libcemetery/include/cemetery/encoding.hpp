#pragma once
// Character encodings of the files clerks bring: register exports from older programs
// and spreadsheets saved on Italian Windows are Windows-1252, newer ones UTF-8. The
// library works in UTF-8 only, so imported bytes go through here first.

#include <string>
#include <string_view>

namespace cemetery {

// The encodings an import can be in. Windows-1252 stands for ISO-8859-1 as well: it
// agrees with it on every printable character.
enum class TextEncoding { utf8, windows1252 };

// UTF-8 when the sample is well-formed UTF-8 (plain ASCII included), Windows-1252
// otherwise. A multi-byte character cut at the end of the sample is not held against
// it, so the sample may be the first block of a file.
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

}  // namespace cemetery
