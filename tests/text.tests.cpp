#include "support.hpp"

#include <cemetery/text.hpp>

using cemetery::fold;
using cemetery::words;

TEST_CASE("folding removes case, accents and apostrophes", "[text]") {
    CHECK(fold("Pèrego") == "perego");
    CHECK(fold("  PÈREGO   Giuseppe ") == "perego giuseppe");
    CHECK(fold("D'Adda") == "d adda");
    CHECK(fold("D\u2019Adda") == "d adda");
    CHECK(fold("Viganò Niccolò") == "vigano niccolo");
}

TEST_CASE("words split on blanks and punctuation but keep accented letters", "[text]") {
    CHECK(words("D'Adda Pèrego-Rossi") == std::vector<std::string>{"D", "Adda", "Pèrego", "Rossi"});
    CHECK(words("  ").empty());
    CHECK(words("E-1987-031") == std::vector<std::string>{"E", "1987", "031"});
}

TEST_CASE("UTF-8 is told apart from Windows-1252 bytes", "[text]") {
    CHECK(cemetery::is_valid_utf8("Viganò"));
    CHECK_FALSE(cemetery::is_valid_utf8("Vigan\xF2"));
}

TEST_CASE("printable shows control characters as escapes and leaves the rest", "[text]") {
    using cemetery::printable;
    CHECK(printable("Pèrego D’Adda €") == "Pèrego D’Adda €");
    CHECK(printable("Caz\x1b[2Jzaniga") == "Caz\\x1b[2Jzaniga");
    CHECK(printable(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(printable("tab\there\r\n") == "tab\\x09here\\x0d\\x0a");
    CHECK(printable("del\x7f") == "del\\x7f");
    CHECK(printable("csi\xC2\x9B" "2J") == "csi\\u009b2J");       // C1 as UTF-8
    CHECK(printable("nbsp\xC2\xA0.") == "nbsp\xC2\xA0.");          // U+00A0 is no control
    CHECK(printable("Vigan\xF2") == "Vigan\\xf2");                 // not UTF-8: the byte's value
    CHECK(printable("\xC0\x9B") == "\\xc0\\x9b");                  // an ESC written long
    CHECK(printable("\xEF\xBF\xBD") == "\xEF\xBF\xBD");            // U+FFFD itself
}

TEST_CASE("control characters are found, line breaks only where layout is allowed", "[text]") {
    using cemetery::find_control;
    CHECK(find_control("Pèrego") == std::string_view::npos);
    CHECK(find_control("Pè\x1b") == 3);
    CHECK(find_control("a\xC2\x85") == 1);
    CHECK(find_control("a\tb") == 1);
    CHECK(find_control("Via Roma 1\r\n20050\tLiscate", true) == std::string_view::npos);
    CHECK(find_control("Via\x07", true) == 3);
}

TEST_CASE("characters are counted, not bytes", "[text]") {
    CHECK(cemetery::character_count("") == 0);
    CHECK(cemetery::character_count("Viganò") == 6);
    CHECK(cemetery::character_count("€") == 1);
}
