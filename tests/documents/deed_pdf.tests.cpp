// The deed the holders sign: the parties with their tax code and residence, the place,
// the term with the rule that sets it, the renewals allowed, the tariff and the signatures.
#include "documents/tools.hpp"
#include "storage/fixtures.hpp"
#include "support.hpp"

#include <cemetery/documents/deed_pdf.hpp>
#include <cemetery/regulation_loader.hpp>

using cemetery::PlotKind;
using test::ymd;
namespace docs = cemetery::documents;

namespace {

struct DeedFixture {
    test::UnionRegister u;
    docs::Offices offices{{docs::Office{"Liscate", {"Comune di Liscate", "Città Metropolitana di Milano"},
                                        "Servizi Demografici – Ufficio Cimiteri", "", "", "", ""}}};
    docs::DeedTemplate text = docs::load_deed_template(CEMETERY_SOURCE_DIR "/data/atto.txt");
    cemetery::ConcessionId id;

    DeedFixture() {
        auto elsa = test::holder("Cazzaniga", "Elsa", "RSSMRA85T10A562S");
        elsa.address = "Via Roma 1, 20050 Liscate (MI)";
        id = u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "12", "E", "2", "3"),
                       .number = "2021/0007",
                       .signed_on = ymd(2021, 3, 1),
                       .years = 30,
                       .holders = {elsa, test::holder("Dell'Orto", "Bruno")},
                       .deceased = {test::deceased("Pèrego", "Luigi", ymd(1940, 1, 1), ymd(2021, 2, 20))}});
    }
    [[nodiscard]] cemetery::ConcessionRecord record() const { return *u.reg.record(id); }
    [[nodiscard]] std::string pdf(const docs::Deed& deed) const {
        test::TempDir dir;
        const auto file = dir.file("atto.pdf");
        docs::write_deed_pdf(deed, text, file);
        return test::pdf_text(file);
    }
};

}  // namespace

TEST_CASE("the deed of a concession names the parties, the place, the term, the renewals and the signatures",
          "[documents][deed]") {
    DeedFixture f;
    const auto deed = docs::collect_deed(f.record(), f.u.rules, f.offices, std::nullopt, ymd(2021, 3, 1));
    CHECK(deed.kind == docs::DeedKind::concession);
    CHECK(deed.number == "2021/0007");
    const std::string text = f.pdf(deed);
    INFO(text);
    CHECK_THAT(text, Catch::Contains("Comune di Liscate") && Catch::Contains("Città Metropolitana di Milano"));
    CHECK_THAT(text, Catch::Contains("Atto di concessione cimiteriale n. 2021/0007"));
    CHECK_THAT(text, Catch::Contains("Cazzaniga Elsa, codice fiscale RSSMRA85T10A562S, residente in Via Roma 1, "
                                     "20050 Liscate (MI)"));
    CHECK_THAT(text, Catch::Contains("Dell'Orto Bruno, codice fiscale non presente nel registro"));
    // A holder without an address in the register: said plainly, not "residente in (…)".
    CHECK_THAT(text, !Catch::Contains("residente in (") && !Catch::Contains("residente in ,"));
    CHECK_THAT(text, Catch::Contains("Pèrego Luigi"));
    CHECK_THAT(text, Catch::Contains("loculo nel cimitero di Liscate"));
    // The shipped rule: loculo 30 years, one renewal of 10, under "Unione 2020", with its source.
    const auto* rule = f.u.rules.version_for("Liscate", ymd(2021, 3, 1))->rule_for(PlotKind::loculo);
    CHECK_THAT(text, Catch::Contains("dura " + std::to_string(rule->term_years) + " anni dal 01/03/2021 e scade il "
                                     "01/03/2051"));
    CHECK_THAT(text, Catch::Contains("regolamento «Unione 2020»: " + rule->basis.substr(0, 20)));
    CHECK_THAT(text, Catch::Contains("può essere rinnovata una volta per " +
                                     std::to_string(rule->renewal.for_renewal(0, 30)) + " anni"));
    CHECK_THAT(text, Catch::Contains("tariffa non configurata"));
    CHECK_THAT(text, Catch::Contains("I concessionari") && Catch::Contains("Il responsabile del servizio"));
    CHECK_THAT(text, Catch::Contains("Liscate, 01/03/2021"));
}

TEST_CASE("a deed's tariff comes with the resolution that sets it", "[documents][deed]") {
    DeedFixture f;
    cemetery::Tariff t;
    t.comuni = {"Liscate"};
    t.kind = PlotKind::loculo;
    t.from = ymd(2020, 1, 1);
    t.cents = 90000;
    t.basis = "delibera G.C. n. 12 del 03/12/2019";
    f.u.rules.tariffs.push_back(t);
    const auto deed = docs::collect_deed(f.record(), f.u.rules, f.offices, std::nullopt, ymd(2021, 3, 1));
    CHECK(deed.values.at("tariffa") == "900,00 €");
    CHECK(deed.values.at("delibera_tariffa") == "delibera G.C. n. 12 del 03/12/2019");
    CHECK_THAT(f.pdf(deed), Catch::Contains("Tariffa della concessione: 900,00 € (delibera G.C. n. 12 del 03/12/2019)"));
}

TEST_CASE("the deed of a renewal states the renewal, the new expiry and the rule that allows it", "[documents][deed]") {
    DeedFixture f;
    REQUIRE(f.u.reg.renew(f.id, {ymd(2050, 6, 1), "R-2050/3", ymd(2050, 6, 1)}, f.u.rules));
    const auto record = f.record();
    const auto index = docs::renewal_with_deed(record.concession, "R-2050/3");
    REQUIRE(index == 0u);
    CHECK_FALSE(docs::renewal_with_deed(record.concession, "R-2050/4"));
    const auto deed = docs::collect_deed(record, f.u.rules, f.offices, index, ymd(2050, 6, 2));
    CHECK(deed.kind == docs::DeedKind::renewal);
    CHECK(deed.number == "R-2050/3");
    const std::string text = f.pdf(deed);
    INFO(text);
    CHECK_THAT(text, Catch::Contains("Atto di rinnovo n. R-2050/3 della concessione cimiteriale n. 2021/0007"));
    CHECK_THAT(text, Catch::Contains("rinnovo n. 1, concesso il 01/06/2050"));
    CHECK_THAT(text, Catch::Contains("Il rinnovo aggiunge 10 anni alla scadenza del 01/03/2051"));
    CHECK_THAT(text, Catch::Contains("la concessione scade il 01/03/2061"));
    CHECK_THAT(text, Catch::Contains("(regolamento «Unione 2020»: "));
    CHECK_THAT(text, Catch::Contains("Tariffa del rinnovo: tariffa non configurata"));
    // The concession's own deed still says its original term, not the renewed one.
    const auto own = docs::collect_deed(record, f.u.rules, f.offices, std::nullopt, ymd(2050, 6, 2));
    CHECK(own.values.at("scadenza") == "01/03/2051");
}

TEST_CASE("a deed whose text the office changed prints the office's words", "[documents][deed]") {
    DeedFixture f;
    const auto text = docs::parse_deed_template(
        "[concessione]\n= Concessione {numero_atto}\nSepoltura {{n. {posto}}}\n[rinnovo]\n", "atto.txt");
    test::TempDir dir;
    const auto file = dir.file("atto.pdf");
    docs::write_deed_pdf(docs::collect_deed(f.record(), f.u.rules, f.offices, std::nullopt, ymd(2021, 3, 1)), text,
                         file);
    const std::string pdf = test::pdf_text(file);
    CHECK_THAT(pdf, Catch::Contains("Concessione 2021/0007"));
    CHECK_THAT(pdf, Catch::Contains("Sepoltura {n. sett. E, fila 2, n. 12, piano 3}"));
    CHECK_THAT(pdf, !Catch::Contains("Art. 1"));
}

TEST_CASE("every placeholder has a value in both deeds", "[documents][deed]") {
    DeedFixture f;
    REQUIRE(f.u.reg.renew(f.id, {ymd(2050, 6, 1), "", ymd(2050, 6, 1)}, f.u.rules));
    const auto record = f.record();
    const auto concession = docs::collect_deed(record, f.u.rules, f.offices, std::nullopt, ymd(2050, 6, 1));
    const auto renewal = docs::collect_deed(record, f.u.rules, f.offices, 0, ymd(2050, 6, 1));
    for (const auto& p : docs::deed_placeholders()) {
        INFO(p.name);
        if (p.in_concession) CHECK_FALSE(concession.values.at(std::string(p.name)).empty());
        if (p.in_renewal) CHECK_FALSE(renewal.values.at(std::string(p.name)).empty());
    }
    CHECK(renewal.number == "2021/0007 (rinnovo 1)");
}
