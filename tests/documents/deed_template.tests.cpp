// The deed's text as the office writes it: placeholders filled, and a bad file refused
// naming its line, so that a clerk who edits it knows where to look.
#include "support.hpp"

#include <cemetery/documents/deed_template.hpp>
#include <cemetery/regulation_loader.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace cemetery::documents;

namespace {

const std::string minimal = "[concessione]\n= Atto n. {numero_atto}\nScade il {scadenza}.\n\n{firme}\n"
                            "[rinnovo]\nNuova scadenza: {nuova_scadenza}\n";

cemetery::RegulationError refusal(const std::string& text) {
    try {
        (void)parse_deed_template(text, "atto.txt");
    } catch (const cemetery::RegulationFileError& e) {
        return e.error();
    }
    FAIL("the template was accepted:\n" << text);
    return {};
}

std::string shipped_text() {
    std::ifstream in(CEMETERY_SOURCE_DIR "/data/atto.txt");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("a template's lines keep their kind, line number and placeholders", "[documents][deed]") {
    const auto t = parse_deed_template(minimal, "atto.txt");
    REQUIRE(t.concession.size() == 4);
    CHECK(t.concession[0].kind == TemplateLine::Kind::title);
    CHECK(t.concession[0].text == "Atto n. {numero_atto}");
    CHECK(t.concession[0].line == 2);
    CHECK(t.concession[1].kind == TemplateLine::Kind::text);
    CHECK(t.concession[2].kind == TemplateLine::Kind::blank);
    CHECK(t.concession[3].kind == TemplateLine::Kind::signatures);
    REQUIRE(t.renewal.size() == 1);
    CHECK(t.renewal[0].line == 7);
    CHECK(t.lines(DeedKind::renewal)[0].text == "Nuova scadenza: {nuova_scadenza}");
}

TEST_CASE("filling puts each value in its place and doubled braces become one", "[documents][deed]") {
    const std::map<std::string, std::string> values{{"scadenza", "28/02/2030"}, {"comune", "Liscate"}};
    CHECK(fill_placeholders("Scade il {scadenza} ({comune}).", values) == "Scade il 28/02/2030 (Liscate).");
    CHECK(fill_placeholders("{{letterale}} e {scadenza}", values) == "{letterale} e 28/02/2030");
    CHECK(fill_placeholders("{data}", values).empty());
}

TEST_CASE("a bad template is refused naming its line", "[documents][deed]") {
    SECTION("an unknown placeholder") {
        const auto e = refusal("[concessione]\n\nScade il {scadenze}.\n[rinnovo]\n");
        CHECK(e.line == 3);
        CHECK(e.column == 10);
        CHECK(e.file == "atto.txt");
        CHECK_THAT(e.to_string(), Catch::Contains("atto.txt:3") && Catch::Contains("unknown placeholder {scadenze}"));
    }
    SECTION("a brace left open") {
        const auto e = refusal("[concessione]\n[rinnovo]\nScade il {nuova_scadenza.\n");
        CHECK(e.line == 3);
        CHECK_THAT(e.message, Catch::Contains("not closed"));
    }
    SECTION("a brace opened twice") {
        CHECK(refusal("[concessione]\nA {comune {data}\n[rinnovo]\n").line == 2);
    }
    SECTION("a closing brace alone") {
        CHECK_THAT(refusal("[concessione]\n[rinnovo]\nA } B\n").message, Catch::Contains("closes no placeholder"));
    }
    SECTION("a placeholder of the renewal in the concession's deed") {
        const auto e = refusal("[concessione]\nNuova scadenza {nuova_scadenza}\n[rinnovo]\n");
        CHECK(e.line == 2);
        CHECK_THAT(e.message, Catch::Contains("[concessione]"));
    }
    SECTION("signatures inside a sentence") {
        CHECK_THAT(refusal("[concessione]\nFirma: {firme}\n[rinnovo]\n").message, Catch::Contains("alone"));
    }
    SECTION("text before any section, an unknown section, a section twice or missing") {
        CHECK(refusal("Atto\n[concessione]\n[rinnovo]\n").line == 1);
        CHECK(refusal("[concessione]\n[revoca]\n").line == 2);
        CHECK(refusal("[concessione]\n[rinnovo]\n[concessione]\n").line == 3);
        CHECK_THAT(refusal("[concessione]\n").message, Catch::Contains("[rinnovo]"));
    }
    SECTION("a file that cannot be read names itself") {
        try {
            (void)load_deed_template("/nonexistent/atto.txt");
            FAIL("read");
        } catch (const cemetery::RegulationFileError& e) {
            CHECK_THAT(std::string(e.what()), Catch::Contains("/nonexistent/atto.txt"));
        }
    }
}

TEST_CASE("the shipped template parses and documents exactly the placeholders the program fills", "[documents][deed]") {
    const std::string text = shipped_text();
    REQUIRE_NOTHROW(parse_deed_template(text, "data/atto.txt"));
    // The documentation is the comment block at the top: every {name} in a comment line.
    std::set<std::string> documented;
    std::istringstream lines(text);
    const std::regex name(R"(\{([a-z_]+)\})");
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line.front() != '#') continue;
        for (std::sregex_iterator it(line.begin(), line.end(), name), end; it != end; ++it) documented.insert((*it)[1]);
    }
    documented.erase("firme");  // the signatures' line, documented with the syntax
    std::set<std::string> known;
    for (const auto& p : deed_placeholders()) known.insert(std::string(p.name));
    CHECK(documented == known);
}

TEST_CASE("the shipped template is found beside the sources, or where $CEMETERY_ATTO says", "[documents][deed]") {
    CHECK(std::filesystem::exists(shipped_deed_template_path()));
}
