// Avvisi di scadenza: one letter per expired concession with a holder, what the
// regulation lets them do and until when; the others listed apart for the posting.
#include "documents/tools.hpp"
#include "storage/fixtures.hpp"
#include "support.hpp"

#include <cemetery/documents/expiry_notices_pdf.hpp>

using cemetery::PlotKind;
using namespace cemetery::documents;
using test::ymd;

namespace {

struct NoticesFixture {
    test::UnionRegister u;
    Offices offices{{Office{"Liscate", {"Comune di Liscate"}, "Servizi Demografici – Ufficio Cimiteri",
                            "Piazza del Municipio 1", "02 0000 0000", "cimiteri@example.org",
                            "lunedì e giovedì 9-12"}}};

    NoticesFixture() {
        auto elsa = test::holder("Cazzaniga", "Elsa");
        elsa.address = "Via Roma 1, 20050 Liscate (MI)";
        u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "12", "E", "2", "3"),
                  .number = "L-1990/031",
                  .signed_on = ymd(1990, 3, 1),
                  .years = 30,
                  .holders = {elsa, test::holder("Cazzaniga", "Bruno")},
                  .deceased = {test::deceased("Dell'Orto", "Luigi")}});
        const auto renewed = u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "14", "E", "2", "3"),
                                       .number = "L-1982/002",
                                       .signed_on = ymd(1982, 6, 1),
                                       .years = 30,
                                       .holders = {test::holder("Pèrego", "Maria")},
                                       .deceased = {test::deceased("D'Adda", "Carlo")}});
        // Renewed once, in 2021: 2012-06-01 + 10 years = 2022-06-01, and no renewal is left.
        REQUIRE(u.reg.renew(renewed, {ymd(2021, 6, 1), "R-2021/1"}, u.rules));
        u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::ossario, "3", "O", "1", ""),
                  .number = "O-1995/002",
                  .signed_on = ymd(1995, 6, 1),
                  .years = 20,
                  .deceased = {test::deceased("Sala", "Teresa")}});
    }

    [[nodiscard]] ExpiryNotices notices() const {
        return collect_expiry_notices(u.reg, u.rules, *u.reg.comune(u.liscate), {}, ymd(2026, 12, 31),
                                      ymd(2027, 1, 10), offices);
    }
};

}  // namespace

TEST_CASE("one letter per expired concession with a holder, the others listed apart", "[documents]") {
    NoticesFixture f;
    const auto notices = f.notices();
    REQUIRE(notices.letters.size() == 2);
    REQUIRE(notices.without_holder.size() == 1);
    CHECK(notices.without_holder.front().deed_number == "O-1995/002");
    CHECK(notices.letters[0].renewal.allowed() != notices.letters[1].renewal.allowed());

    test::TempDir dir;
    const auto pdf = dir.file("avvisi.pdf");
    write_expiry_notices_pdf(notices, pdf);
    CHECK(test::pdf_pages(pdf) == 3);
    const std::string text = test::pdf_text(pdf);
    INFO(text);
    CHECK(test::occurrences(text, "Oggetto: avviso di scadenza della concessione cimiteriale n.") == 2);

    SECTION("the holders' names and the known address") {
        CHECK_THAT(text, Catch::Contains("Cazzaniga Elsa"));
        CHECK_THAT(text, Catch::Contains("Cazzaniga Bruno"));
        CHECK_THAT(text, Catch::Contains("Via Roma 1, 20050 Liscate (MI)"));
        CHECK_THAT(text, Catch::Contains("Pèrego Maria"));
        CHECK_THAT(text, Catch::Contains("(indirizzo non presente nel registro)"));
    }
    SECTION("the place, the deceased and the expiry") {
        CHECK_THAT(text, Catch::Contains("L-1990/031"));
        CHECK_THAT(text, Catch::Contains("Dell'Orto Luigi"));
        CHECK_THAT(text, Catch::Contains("D'Adda Carlo"));
        CHECK_THAT(text, Catch::Contains("è scaduta il 01/03/2020"));
    }
    SECTION("a renewal where the regulation allows it, until the end of the posting") {
        CHECK_THAT(text, Catch::Contains("nuova scadenza al 01/03/2030"));
        CHECK_THAT(text, Catch::Contains("entro il 10/04/2027"));
        // 01/03/2030 is after the posting: nothing to warn about.
        CHECK_THAT(text, !Catch::Contains("anche la nuova scadenza è già trascorsa"));
    }
    SECTION("the reason when it does not") {
        CHECK_THAT(text, Catch::Contains("non consente il rinnovo"));
        CHECK_THAT(text, Catch::Contains("già stata rinnovata"));
    }
    SECTION("the office's contacts") {
        CHECK_THAT(text, Catch::Contains("Piazza del Municipio 1"));
        CHECK_THAT(text, Catch::Contains("cimiteri@example.org"));
        CHECK_THAT(text, Catch::Contains("lunedì e giovedì 9-12"));
    }
    SECTION("the concessions without holders, for the posting") {
        CHECK_THAT(text, Catch::Contains("senza concessionario noto"));
        CHECK_THAT(text, Catch::Contains("O-1995/002"));
        CHECK_THAT(text, Catch::Contains("Sala Teresa"));
    }
}

TEST_CASE("a renewal that would still end before the posting is not offered: the letter says why", "[documents]") {
    NoticesFixture f;
    // The loculo expired on 01/03/2020: renewed from there, as the rule says, 10 years end
    // on 01/03/2030. Posted in 2031, that new expiry is already past: the family would pay
    // for years already gone, so the regulation's renewal is refused.
    const auto notices = collect_expiry_notices(f.u.reg, f.u.rules, *f.u.reg.comune(f.u.liscate), {}, ymd(2026, 12, 31),
                                     ymd(2031, 1, 10), f.offices);
    bool found = false;
    for (const auto& letter : notices.letters) {
        if (letter.renewal.refusal && letter.renewal.refusal->code == cemetery::RefusalCode::renewal_ends_before) {
            found = true;
        }
    }
    CHECK(found);
    test::TempDir dir;
    const auto pdf = dir.file("avvisi.pdf");
    write_expiry_notices_pdf(notices, pdf);
    const auto text = test::pdf_text(pdf);
    CHECK_THAT(text, !Catch::Contains("anche la nuova scadenza è già trascorsa"));
    CHECK_THAT(text, Catch::Contains("scadrebbe il 01/03/2030"));
}

TEST_CASE("a refused renewal is explained in Italian with its rule", "[documents]") {
    cemetery::Refusal refusal{cemetery::RefusalCode::concession_perpetual, "perpetual", "", ""};
    CHECK(italian_reason(refusal) == "la concessione è perpetua");
    refusal.code = cemetery::RefusalCode::kind_not_renewable;
    CHECK_THAT(italian_reason(refusal), Catch::Contains("non prevede rinnovi"));
    refusal.code = cemetery::RefusalCode::already_closed;
    CHECK_THAT(italian_reason(refusal), Catch::Contains("già stato liberato"));
}
