// Where a term starts (decorrenza) beyond the signing and the burial: at the request,
// at the payment, at the death; a term whose event is still to come is granted not
// started. And the file that says so: refused, naming the line, where it is wrong.
#include "term_start_files.hpp"

#include <cemetery/term.hpp>

#include <algorithm>

using namespace cemetery;
using test::ymd;

namespace {

const Regulation& reg() { return test::term_start_regulation(); }

TermRequest deed(PlotKind kind, Date signed_on) {
    TermRequest r;
    r.comune = "Liscate";
    r.kind = kind;
    r.signed_on = signed_on;
    return r;
}

void check_refused(const TermDecision& d, RefusalCode expected, const std::string& says) {
    REQUIRE_FALSE(d);
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(expected));
    CHECK_THAT(d.refusal->message, Catch::Contains(says));
}

}  // namespace

TEST_CASE("the file's decorrenza and extension are read with their sources", "[term][decorrenza]") {
    const auto& v = reg().versions.front();
    CHECK(v.rule_for(PlotKind::loculo)->term_start == TermStart::request);
    CHECK(v.rule_for(PlotKind::loculo)->term_start_basis == "art. 10 c.2");
    CHECK(v.rule_for(PlotKind::ossario)->term_start == TermStart::payment);
    CHECK(v.rule_for(PlotKind::tomba_famiglia)->term_start == TermStart::death);
    CHECK(v.rule_for(PlotKind::tomba_famiglia)->extends_at_every_burial.on);
    CHECK(v.rule_for(PlotKind::tomba_famiglia)->extends_at_every_burial.declinable);
    CHECK(v.rule_for(PlotKind::tomba_famiglia)->extends_at_every_burial.basis == "art. 12 c.4");
    CHECK(v.rule_for(PlotKind::cappella)->extends_at_every_burial.on);
    CHECK_FALSE(v.rule_for(PlotKind::cappella)->extends_at_every_burial.declinable);
    CHECK(v.rule_for(PlotKind::cappella)->term_start_basis.empty());
    CHECK_FALSE(v.rule_for(PlotKind::loculo)->extends_at_every_burial.on);
}

TEST_CASE("a term from the request runs from the request's date", "[term][decorrenza]") {
    auto r = deed(PlotKind::loculo, ymd(2024, 3, 11));
    SECTION("a request on 29 February ends on 28 February") {
        r.requested_on = ymd(2024, 2, 29);
        const auto d = decide_term(reg(), r);
        REQUIRE(d);
        CHECK(d.term->term_start == ymd(2024, 2, 29));
        CHECK(d.term->expires_on == ymd(2054, 2, 28));
        CHECK(d.term->years == 30);
        CHECK(d.term->version_name == "Prova 2020");
        CHECK(d.term->started());
    }
    SECTION("a request on the day of the deed") {
        r.requested_on = ymd(2024, 3, 11);
        const auto d = decide_term(reg(), r);
        REQUIRE(d);
        CHECK(d.term->expires_on == ymd(2054, 3, 11));
    }
    SECTION("without the request's date it is refused, naming the rule") {
        check_refused(decide_term(reg(), r), RefusalCode::request_date_missing, "art. 10 c.2");
    }
    SECTION("a request after the deed is refused") {
        r.requested_on = ymd(2024, 3, 12);
        const auto d = decide_term(reg(), r);
        check_refused(d, RefusalCode::request_after_signing, "12/03/2024");
        CHECK_THAT(d.refusal->message, Catch::Contains("11/03/2024"));
    }
    SECTION("a deed's own start may not come before the request") {
        r.requested_on = ymd(2024, 2, 1);
        r.stated_term_start = ymd(2024, 1, 31);
        check_refused(decide_term(reg(), r), RefusalCode::before_signing, "31/01/2024");
    }
}

TEST_CASE("a term from the payment runs from the payment, and waits for it", "[term][decorrenza]") {
    auto r = deed(PlotKind::ossario, ymd(2025, 6, 2));
    SECTION("paid") {
        r.paid_on = ymd(2025, 6, 20);
        const auto d = decide_term(reg(), r);
        REQUIRE(d);
        CHECK(d.term->term_start == ymd(2025, 6, 20));
        CHECK(d.term->expires_on == ymd(2045, 6, 20));
    }
    SECTION("not paid yet: granted not started, no expiry, not perpetual") {
        const auto d = decide_term(reg(), r);
        REQUIRE(d);
        CHECK_FALSE(d.term->started());
        CHECK_FALSE(d.term->expires_on);
        CHECK_FALSE(d.term->perpetual);
        CHECK(d.term->years == 20);
        CHECK(d.term->term_start == ymd(2025, 6, 2));  // the place is held from the signing
    }
    SECTION("a legacy register's stated expiry stands for a term it knows has started") {
        r.stated_expiry = ymd(2046, 1, 15);
        const auto d = decide_term(reg(), r);
        REQUIRE(d);
        CHECK(d.term->expires_on == ymd(2046, 1, 15));
        CHECK(d.term->source == TermSource::stated_expiry);
        REQUIRE(d.notices.size() == 1);
        CHECK_THAT(d.notices.front(), Catch::Contains("had not started"));
    }
}

TEST_CASE("a term from the death runs from the death, and waits for it", "[term][decorrenza]") {
    auto r = deed(PlotKind::tomba_famiglia, ymd(2024, 3, 4));
    SECTION("a death on 29 February") {
        r.died_on = ymd(2024, 2, 29);
        const auto d = decide_term(reg(), r);
        REQUIRE(d);
        CHECK(d.term->term_start == ymd(2024, 2, 29));
        CHECK(d.term->expires_on == ymd(2064, 2, 29));  // 2064 has a 29 February
    }
    SECTION("nobody dead yet: not started") {
        const auto d = decide_term(reg(), r);
        REQUIRE(d);
        CHECK_FALSE(d.term->started());
        CHECK(d.term->years == 40);
    }
}

TEST_CASE("a term from the burial under the new rules waits for it too", "[term][decorrenza]") {
    auto r = deed(PlotKind::fossa, ymd(2023, 2, 27));
    SECTION("buried on 29 February") {
        r.first_burial = ymd(2024, 2, 29);
        const auto d = decide_term(reg(), r);
        REQUIRE(d);
        CHECK(d.term->expires_on == ymd(2034, 2, 28));
    }
    SECTION("not yet") {
        CHECK_FALSE(decide_term(reg(), r).term->started());
    }
}

// --- The file ---

namespace {

// The version's first kind table with `kind_lines` in place of its decorrenza.
std::string file_with(const std::string& kind_lines) {
    return test::general_section +
           "[[versione]]\n"
           "nome = \"V\"\n"
           "in_vigore_dal = 2021-01-01\n"
           "comuni = [\"Liscate\"]\n"
           "fonte = \"test\"\n"
           "[versione.tipi.loculo]\n"
           "durata_anni = 30\n"
           "rinnovi = 1\n"
           "anni_rinnovo = 10\n"
           "fonte = \"test\"\n" +
           kind_lines;
}

// The file's 1-based line holding `text`.
int line_of(const std::string& file, const std::string& text) {
    const auto at = file.find(text);
    REQUIRE(at != std::string::npos);
    return static_cast<int>(std::count(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
}

}  // namespace

TEST_CASE("a decorrenza or an extension that is wrong is refused naming its line", "[term][decorrenza][regulation]") {
    test::TempDir dir;
    std::string text;
    std::string at;
    std::string says;
    SECTION("richiesta without its source") {
        text = file_with("decorrenza = \"richiesta\"\n");
        at = "decorrenza = ";
        says = "decorrenza_fonte";
    }
    SECTION("decesso without its source") {
        text = file_with("decorrenza = \"decesso\"\n");
        at = "decorrenza = ";
        says = "decorrenza_fonte";
    }
    SECTION("pagamento without its source") {
        text = file_with("decorrenza = \"pagamento\"\n");
        at = "decorrenza = ";
        says = "\"pagamento\" needs \"decorrenza_fonte\"";
    }
    SECTION("a source beside stipula, which takes the kind's") {
        text = file_with("decorrenza = \"stipula\"\ndecorrenza_fonte = \"art. 1\"\n");
        at = "decorrenza_fonte";
        says = "decorrenza_fonte";
    }
    SECTION("an unknown start") {
        text = file_with("decorrenza = \"consegna\"\n");
        at = "decorrenza = ";
        says = "\"richiesta\", \"pagamento\" or \"decesso\"";
    }
    SECTION("an extension beside a restart at the second burial") {
        text = file_with("decorrenza = \"stipula\"\n"
                         "riparte_alla_sepoltura = true\n"
                         "riparte_alla_sepoltura_fonte = \"art. 2\"\n"
                         "proroga_a_ogni_sepoltura = { rinunciabile = true, fonte = \"art. 3\" }\n");
        at = "proroga_a_ogni_sepoltura";
        says = "cannot both be set";
    }
    SECTION("an extension without its source") {
        text = file_with("decorrenza = \"stipula\"\nproroga_a_ogni_sepoltura = { rinunciabile = true }\n");
        at = "proroga_a_ogni_sepoltura";
        says = "fonte";
    }
    SECTION("an extension declinable in words") {
        text = file_with("decorrenza = \"stipula\"\nproroga_a_ogni_sepoltura = { rinunciabile = \"si\", fonte = \"x\" }\n");
        at = "proroga_a_ogni_sepoltura";
        says = "true or false";
    }
    SECTION("an extension with a key it does not know") {
        text = file_with("decorrenza = \"stipula\"\nproroga_a_ogni_sepoltura = { anni = 30, fonte = \"x\" }\n");
        at = "proroga_a_ogni_sepoltura";
        says = "anni";
    }
    const auto file = dir.file("regolamento.toml");
    std::ofstream(file, std::ios::binary) << text;
    const auto load = try_load_regulation(file);
    REQUIRE_FALSE(load);
    REQUIRE(load.error);
    INFO(load.error->to_string());
    CHECK(load.error->line == line_of(text, at));
    CHECK_THAT(load.error->message, Catch::Contains(says));
}

TEST_CASE("an extension not declinable by default, and declinable when the file says so", "[term][decorrenza][regulation]") {
    test::TempDir dir;
    const auto plain = test::load_written(
        dir.file("a.toml"), file_with("decorrenza = \"stipula\"\nproroga_a_ogni_sepoltura = { fonte = \"art. 3\" }\n"));
    const auto& e = plain.versions.front().rule_for(PlotKind::loculo)->extends_at_every_burial;
    CHECK(e.on);
    CHECK_FALSE(e.declinable);
    CHECK(e.basis == "art. 3");
}
