// The office settings (data/ufficio.toml): the heading and contacts of the documents.
#include "support.hpp"

#include <cemetery/documents/office.hpp>
#include <cemetery/regulation_loader.hpp>

#include <fstream>

using namespace cemetery::documents;

namespace {

cemetery::RegulationError error_of(const test::TempDir& dir, const std::string& text) {
    const auto file = dir.file("ufficio.toml");
    std::ofstream(file) << text;
    try {
        (void)load_offices(file);
    } catch (const cemetery::RegulationFileError& e) {
        return e.error();
    }
    FAIL("the file was accepted");
    return {};
}

}  // namespace

TEST_CASE("the shipped office file has every comune of the Union", "[documents][office]") {
    const auto offices = load_offices(shipped_offices_path());
    for (const char* comune : {"Bellinzago Lombardo", "Liscate", "Pozzuolo Martesana", "Truccazzano"}) {
        const auto office = offices.for_comune(comune);
        CHECK(office.heading.front() == std::string("Comune di ") + comune);
        CHECK_FALSE(office.name.empty());
    }
    CHECK(offices.for_comune("pozzuolo MARTESANA").comune == "Pozzuolo Martesana");
}

TEST_CASE("a comune missing from the office file gets its bare heading", "[documents][office]") {
    const Offices none;
    const auto office = none.for_comune("Liscate");
    CHECK(office.heading == std::vector<std::string>{"Comune di Liscate"});
    CHECK(office.phone.empty());
}

TEST_CASE("a bad office file is refused naming its line", "[documents][office]") {
    test::TempDir dir;
    SECTION("a misspelt key") {
        const auto e = error_of(dir, "[[ufficio]]\ncomune = \"Liscate\"\nufficio = \"x\"\ntelefno = \"1\"\n");
        CHECK(e.line == 4);
        CHECK_THAT(e.message, Catch::Contains("telefno"));
    }
    SECTION("a missing office name") {
        const auto e = error_of(dir, "formato = 1\n[[ufficio]]\ncomune = \"Liscate\"\n");
        CHECK(e.line == 2);
        CHECK_THAT(e.message, Catch::Contains("ufficio"));
    }
    SECTION("a heading that is not a list") {
        const auto e = error_of(dir, "[[ufficio]]\ncomune = \"Liscate\"\nufficio = \"x\"\nintestazione = 3\n");
        CHECK(e.line == 4);
    }
    SECTION("not TOML at all") {
        const auto e = error_of(dir, "[[ufficio]]\ncomune = \n");
        CHECK(e.line == 2);
    }
}
