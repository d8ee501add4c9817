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
