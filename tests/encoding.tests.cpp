#include "support.hpp"

#include <cemetery/encoding.hpp>
#include <cemetery/text.hpp>

#include <fstream>
#include <iterator>
#include <string>

using cemetery::TextEncoding;

TEST_CASE("well-formed UTF-8, plain ASCII included, is detected as UTF-8", "[encoding]") {
    CHECK(cemetery::detect_encoding("") == TextEncoding::utf8);
    CHECK(cemetery::detect_encoding("Comune;Tipo\r\nLiscate;Loculo\r\n") == TextEncoding::utf8);
    CHECK(cemetery::detect_encoding("Viganò;sì;Pèrego;D’Adda €") == TextEncoding::utf8);
    CHECK(cemetery::detect_encoding("\xEF\xBB\xBF"
                                    "Comune") == TextEncoding::utf8);
}

TEST_CASE("bytes that are not UTF-8 are taken for Windows-1252", "[encoding]") {
    CHECK(cemetery::detect_encoding("Vigan\xF2;s\xEC;P\xE8rego") == TextEncoding::windows1252);
    CHECK(cemetery::detect_encoding("D\x92"
                                    "Adda") == TextEncoding::windows1252);
    // An accented vowel at the very end is not mistaken for a cut UTF-8 character.
    CHECK(cemetery::detect_encoding("Vigan\xF2") == TextEncoding::windows1252);
    CHECK(cemetery::detect_encoding("citt\xE0") == TextEncoding::windows1252);
}

TEST_CASE("a UTF-8 character cut at the end of a sample does not make it Windows-1252", "[encoding]") {
    const std::string text = "Pèrego;Viganò;€";
    for (std::size_t cut = 1; cut <= 2; ++cut) {
        CAPTURE(cut);
        CHECK(cemetery::detect_encoding(std::string_view{text}.substr(0, text.size() - cut)) ==
              TextEncoding::utf8);
    }
    CHECK(cemetery::detect_encoding("Pèrego;Vigan\xC3") == TextEncoding::utf8);
}

TEST_CASE("Windows-1252 letters of Italian names become their UTF-8 characters", "[encoding]") {
    CHECK(cemetery::windows1252_to_utf8("Vigan\xF2") == "Viganò");
    CHECK(cemetery::windows1252_to_utf8("s\xEC") == "sì");
    CHECK(cemetery::windows1252_to_utf8("P\xE8rego Perch\xE9 citt\xE0 pi\xF9 \xC8") ==
          "Pèrego Perché città più È");
    CHECK(cemetery::windows1252_to_utf8("\xA0\xB0\xFF") == "\u00A0°ÿ");
    CHECK(cemetery::windows1252_to_utf8("plain ASCII;1/2") == "plain ASCII;1/2");
    CHECK(cemetery::windows1252_to_utf8(std::string_view{"a\0b", 3}) == std::string{"a\0b", 3});
}

TEST_CASE("Windows-1252 bytes 0x80 to 0x9F follow the Windows table, not Latin-1", "[encoding]") {
    CHECK(cemetery::windows1252_to_utf8("\x80") == "€");
    CHECK(cemetery::windows1252_to_utf8("D\x92"
                                        "Adda") == "D’Adda");
    CHECK(cemetery::windows1252_to_utf8("\x91\x92\x93\x94") == "‘’“”");
    CHECK(cemetery::windows1252_to_utf8("\x85\x96\x97\x99") == "…–—™");
    CHECK(cemetery::windows1252_to_utf8("\x8A\x8C\x8E\x9A\x9C\x9E\x9F") == "ŠŒŽšœžŸ");
    CHECK(cemetery::windows1252_to_utf8("\x82\x83\x84\x86\x87\x88\x89\x8B\x95\x98\x9B") == "‚ƒ„†‡ˆ‰‹•˜›");
}

TEST_CASE("bytes Windows-1252 leaves undefined become the replacement character", "[encoding]") {
    CHECK(cemetery::windows1252_to_utf8("\x81\x8D\x8F\x90\x9D") == "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
}

TEST_CASE("every byte decodes to well-formed UTF-8", "[encoding]") {
    std::string all;
    for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
    const std::string utf8 = cemetery::windows1252_to_utf8(all);
    CHECK(cemetery::is_valid_utf8(utf8));
    CHECK(cemetery::detect_encoding(utf8) == TextEncoding::utf8);
}

TEST_CASE("to_utf8 copies UTF-8 and decodes Windows-1252", "[encoding]") {
    CHECK(cemetery::to_utf8("Viganò", TextEncoding::utf8) == "Viganò");
    CHECK(cemetery::to_utf8("Vigan\xF2", TextEncoding::windows1252) == "Viganò");
}

TEST_CASE("the separator is the commonest of semicolon, comma and tab outside quotes", "[encoding]") {
    CHECK(cemetery::detect_separator("Comune;Tipo;Numero_Concessione") == ';');
    CHECK(cemetery::detect_separator("Comune,Tipo,Numero_Concessione") == ',');
    CHECK(cemetery::detect_separator("Comune\tTipo\tNumero_Concessione") == '\t');
    CHECK(cemetery::detect_separator("\"a;b;c;d\",e,f") == ',');
    CHECK(cemetery::detect_separator("\"say \"\"x;y;z\"\"\"\t\"\"\tq") == '\t');
    CHECK(cemetery::detect_separator("Comune;Tipo\r\na,b,c,d,e") == ';');
}

TEST_CASE("without a separator, or on a tie, the separator is a semicolon", "[encoding]") {
    CHECK(cemetery::detect_separator("") == ';');
    CHECK(cemetery::detect_separator("Comune") == ';');
    CHECK(cemetery::detect_separator("a;b,c") == ';');
    CHECK(cemetery::detect_separator("a,b\tc") == ',');
}

TEST_CASE("encodings have names for messages", "[encoding]") {
    CHECK(cemetery::encoding_name(TextEncoding::utf8) == "UTF-8");
    CHECK(cemetery::encoding_name(TextEncoding::windows1252) == "Windows-1252");
}

TEST_CASE("the shared sample register is Windows-1252 separated by semicolons", "[encoding]") {
    std::ifstream file{CEMETERY_TEST_DATA_DIR "/registro-esempio.csv", std::ios::binary};
    REQUIRE(file);
    const std::string bytes{std::istreambuf_iterator<char>{file}, {}};
    CHECK(cemetery::detect_encoding(bytes) == TextEncoding::windows1252);
    CHECK(cemetery::detect_separator(bytes.substr(0, bytes.find('\n'))) == ';');
    const std::string text = cemetery::windows1252_to_utf8(bytes);
    CHECK(text.find("sì;Viganò;Piero") != std::string::npos);
}

// --- A whole file: one encoding, or refused ----------------------------------------

TEST_CASE("a file of well-formed UTF-8 and bytes that cannot be UTF-8 is mixed, neither", "[encoding]") {
    const auto scan = cemetery::scan_encoding("Comune;Cognome\nLiscate;Viganò\nLiscate;Vigan\xF2\nLiscate;Pèrego\n");
    CHECK(scan.mixed);
    CHECK_FALSE(scan.ok());
    CHECK(scan.encoding == TextEncoding::utf8);  // most of its lines
    CHECK(scan.stray_count == 1);
    REQUIRE(scan.stray.size() == 1);
    CHECK(scan.stray[0].line == 3);
    CHECK(scan.stray[0].excerpt == "Liscate;Viganò");  // read as what it is
}

TEST_CASE("a Windows-1252 file throughout and a UTF-8 file throughout are not mixed", "[encoding]") {
    const auto windows = cemetery::scan_encoding("Vigan\xF2;s\xEC\nP\xE8rego;citt\xE0\n");
    CHECK(windows.ok());
    CHECK(windows.encoding == TextEncoding::windows1252);
    const auto utf8 = cemetery::scan_encoding("Viganò;sì\nPèrego;città €\n");
    CHECK(utf8.ok());
    CHECK(utf8.encoding == TextEncoding::utf8);
    CHECK(cemetery::scan_encoding("").ok());
}

TEST_CASE("in a mostly Windows-1252 file the lines in UTF-8 are the stray ones", "[encoding]") {
    const auto scan = cemetery::scan_encoding("Vigan\xF2\r\nP\xE8rego\r\nPèrego\r\ncitt\xE0\r\n");
    CHECK(scan.mixed);
    CHECK(scan.encoding == TextEncoding::windows1252);
    REQUIRE(scan.stray.size() == 1);
    CHECK(scan.stray[0].line == 3);
    CHECK(scan.stray[0].excerpt == "Pèrego");
}

TEST_CASE("lines are counted by LF, CRLF and a lone CR alike", "[encoding]") {
    const auto scan = cemetery::scan_encoding("è\r\nè\rè\nVigan\xF2\nè\n");
    REQUIRE(scan.stray.size() == 1);
    CHECK(scan.stray[0].line == 4);
}

TEST_CASE("a mixed file lists its first stray lines and counts them all", "[encoding]") {
    std::string text;
    for (int i = 0; i < 100; ++i) text += i % 4 == 0 ? "Vigan\xF2\n" : "Viganò\n";
    const auto scan = cemetery::scan_encoding(text, {.max_stray_lines = 3});
    CHECK(scan.stray_count == 25);
    REQUIRE(scan.stray.size() == 3);
    CHECK(scan.stray[0].line == 1);
    CHECK(scan.stray[2].line == 9);
}

TEST_CASE("overlong forms and surrogates are not well-formed UTF-8", "[encoding]") {
    // 0xC0 0xAF is "/" written long, 0xED 0xA0 0x80 a surrogate: Windows-1252 letters.
    CHECK(cemetery::scan_encoding("\xC0\xAF;\xED\xA0\x80").encoding == TextEncoding::windows1252);
    CHECK(cemetery::scan_encoding("\xC0\xAF;\xED\xA0\x80").ok());
}

TEST_CASE("a long stray line is shown around its odd byte, escaped", "[encoding]") {
    const std::string line = std::string(100, 'a') + "\xF2\x1b" + std::string(100, 'b');
    const auto scan = cemetery::scan_encoding("è\n" + line + "\n");
    REQUIRE(scan.stray.size() == 1);
    CHECK(scan.stray[0].excerpt == "…" + std::string(24, 'a') + "ò\\x1b" + std::string(22, 'b') + "…");
}

TEST_CASE("UTF-16 and UTF-32 are recognised by their mark or their NUL bytes", "[encoding]") {
    using cemetery::WideEncoding;
    CHECK(cemetery::scan_encoding("\xFF\xFE" "C\0o\0" ).wide == WideEncoding::utf16le);
    CHECK(cemetery::scan_encoding("\xFE\xFF\0C\0o").wide == WideEncoding::utf16be);
    CHECK(cemetery::scan_encoding(std::string("\xFF\xFE\0\0C\0\0\0", 8)).wide == WideEncoding::utf32le);
    CHECK(cemetery::scan_encoding(std::string("\0\0\xFE\xFF\0\0\0C", 8)).wide == WideEncoding::utf32be);
    CHECK(cemetery::scan_encoding(std::string("C\0o\0m\0u\0n\0e\0;\0", 14)).wide == WideEncoding::utf16le);
    CHECK(cemetery::scan_encoding(std::string("\0C\0o\0m\0u\0n\0e\0;", 14)).wide == WideEncoding::utf16be);
    CHECK_FALSE(cemetery::scan_encoding(std::string("Comune;Tipo\0;Numero\n", 20)).wide);  // one NUL: a bad cell
    CHECK(cemetery::encoding_name(WideEncoding::utf16le) == "UTF-16 (little-endian)");
}
