// Text from the register never reaches a terminal as control characters: a name
// holding ESC (an old register, a file imported before imports refused it) must not
// clear the clerk's screen, retitle the window or hide the lines above it. The
// table output escapes them (\x1b); JSON escapes them itself.
#include "cli/run.hpp"
#include "support.hpp"

#include <cemetery/register.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

using test::CliResult;

namespace {

const std::string sample = CEMETERY_TEST_DATA_DIR "/registro-esempio.csv";

// The control bytes a text holds: C0, DEL, and C1 as UTF-8 (0xC2 0x80-0x9F).
std::size_t control_bytes(const std::string& text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if ((b < 0x20 && b != '\n') || b == 0x7F) ++n;
        if (b == 0xC2 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0x80) ++n;
    }
    return n;
}

// The sample imported, then a deceased and a holder whose names hold control
// characters written through the library, as an older program could have.
void make_register(const std::filesystem::path& db) {
    const auto r = test::cemetery(db, {"import", sample});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    auto reg = cemetery::Register::open_existing(db);
    const auto comune = reg.find_comune("Liscate");
    REQUIRE(comune);
    const auto id = reg.find_concession(comune->id, "E-1987-031");
    REQUIRE(id);
    cemetery::Deceased d;
    d.surname = "Cazzaniga\x1b[2J\x1b]0;owned\x07";
    d.given_name = "Rina\xC2\x9B" "31m\x7f";
    d.died_on = test::ymd(1990, 1, 1);
    d.buried_on = test::ymd(1990, 1, 3);
    const auto added = reg.add_people(*id, {}, {d});
    REQUIRE(added);
    cemetery::Holder h;
    h.surname = "Cazzaniga";
    h.given_name = "Elsa\x1b[8m";
    h.address = "Via Roma\r1\x1b[A";
    const auto replaced = reg.replace_holders(*id, {h}, reg.concession(*id)->row_version);
    REQUIRE(replaced);
}

}  // namespace

TEST_CASE("show and search print no control character the register holds", "[cli][terminal]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    make_register(db);

    SECTION("show, as a table") {
        const auto r = test::cemetery(db, {"show", "E-1987-031", "--comune", "Liscate"});
        INFO(r);
        REQUIRE(r.exit_code == 0);
        CHECK(r.out.find('\x1b') == std::string::npos);
        CHECK(control_bytes(r.out) == 0);
        CHECK_THAT(r.out, Catch::Contains("Cazzaniga\\x1b[2J\\x1b]0;owned\\x07") &&
                              Catch::Contains("Rina\\u009b31m\\x7f") && Catch::Contains("Elsa\\x1b[8m"));
    }
    SECTION("search, as a table") {
        const auto r = test::cemetery(db, {"search", "rina"});
        INFO(r);
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("E-1987-031"));
        CHECK(r.out.find('\x1b') == std::string::npos);
        CHECK(control_bytes(r.out) == 0);
    }
    SECTION("the expired list, as a table") {
        const auto r = test::cemetery(db, {"expired", "--as-of", "2100-01-01"});
        INFO(r);
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("E-1987-031"));
        CHECK(control_bytes(r.out) == 0);
    }
    SECTION("show and search as JSON: escaped by JSON, the names intact once parsed") {
        const auto shown = test::cemetery(db, {"show", "E-1987-031", "--comune", "Liscate", "--format", "json"});
        INFO(shown);
        REQUIRE(shown.exit_code == 0);
        CHECK(shown.out.find('\x1b') == std::string::npos);
        const auto j = nlohmann::json::parse(shown.out);
        bool found = false;
        for (const auto& d : j["defunti"]) found = found || d["cognome"] == "Cazzaniga\x1b[2J\x1b]0;owned\x07";
        CHECK(found);
        const auto searched = test::cemetery(db, {"search", "rina", "--format", "json"});
        INFO(searched);
        REQUIRE(searched.exit_code == 0);
        CHECK(searched.out.find('\x1b') == std::string::npos);
    }
}

TEST_CASE("an import refusing a control character names it escaped on the terminal", "[cli][terminal]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    const auto file = dir.file("registro.csv");
    test::write_file(file,
                     "Comune;Tipo;Numero;Numero_Concessione;Data_Concessione;Durata_Anni;Defunto_Cognome\n"
                     "Liscate;Loculo;14;E-1;02/09/1987;30;Cazz\x1b[2Janiga\n");
    const auto r = test::cemetery(db, {"import", file.string()});
    INFO(r);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK_THAT(r.err, Catch::Contains(file.string() + ":2: Defunto_Cognome: \"Cazz\\x1b[2Janiga\": "));
}
