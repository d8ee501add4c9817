// The list of expired concessions for the albo pretorio (RR Lombardia 6/2004 art. 20
// c.4-5), read back from the PDF with pdftotext as a citizen would read it.
#include "documents/tools.hpp"
#include "storage/fixtures.hpp"
#include "support.hpp"

#include <cemetery/documents/expired_list_pdf.hpp>

#include <chrono>

using cemetery::PlotKind;
using namespace cemetery::documents;
using test::ymd;

namespace {

// Liscate's register: three expired concessions (a family tomb with two deceased, a
// loculo with accents and apostrophes, one with nobody buried yet), one still valid
// and one in Pozzuolo Martesana.
struct ListFixture {
    test::UnionRegister u;
    Offices offices{{Office{"Liscate", {"Comune di Liscate", "Città Metropolitana di Milano"},
                            "Servizi Demografici", "", "", "", ""}}};

    ListFixture() {
        auto anna = test::holder("Brambilla", "Anna", "BRMNNA60A41A751G");
        u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::tomba_famiglia, "4", "B", "", ""),
                  .number = "T-1985/07",
                  .signed_on = ymd(1985, 5, 2),
                  .years = 30,
                  .holders = {anna},
                  .deceased = {test::deceased("Pèrego", "Giuseppe"), test::deceased("D'Adda", "Rosa")}});
        u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "12", "E", "2", "3"),
                  .number = "L-1990/031",
                  .signed_on = ymd(1990, 3, 1),
                  .years = 30,
                  .holders = {test::holder("Cazzaniga", "Elsa")},
                  .deceased = {test::deceased("Dell'Orto", "Luigi")}});
        u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::ossario, "3", "O", "1", ""),
                  .number = "O-1995/002",
                  .signed_on = ymd(1995, 6, 1),
                  .years = 20});
        u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "13", "E", "2", "3"),
                  .number = "L-2022/001",
                  .signed_on = ymd(2022, 1, 10),
                  .deceased = {test::deceased("Sala", "Carla")}});
        u.add_ok({.plot = u.plot(u.pozzuolo_cimitero, PlotKind::loculo, "1"),
                  .number = "P-1980/001",
                  .signed_on = ymd(1980, 1, 1),
                  .years = 30,
                  .deceased = {test::deceased("Bassi", "Aldo")}});
    }

    [[nodiscard]] ExpiredList list(std::string_view cemetery = {}) const {
        return collect_expired_list(u.reg, u.rules, *u.reg.comune(u.liscate), cemetery, ymd(2026, 12, 31),
                                    ymd(2027, 1, 10), offices);
    }
};

}  // namespace

TEST_CASE("the posted list holds every expired concession of the comune and no holder", "[documents]") {
    ListFixture f;
    const auto list = f.list();
    REQUIRE(list.rows.size() == 3);

    test::TempDir dir;
    const auto pdf = dir.file("albo.pdf");
    write_expired_list_pdf(list, pdf);
    const std::string text = test::pdf_text(pdf);
    INFO(text);

    SECTION("heading, title, posting period, total and what happens if nobody comes forward") {
        CHECK_THAT(text, Catch::Contains("Comune di Liscate"));
        CHECK_THAT(text, Catch::Contains("Città Metropolitana di Milano"));
        CHECK_THAT(text, Catch::Contains("Elenco delle concessioni cimiteriali scadute al 31/12/2026"));
        // 90 days, the day of posting not counted.
        CHECK_THAT(text, Catch::Contains("dal 10/01/2027 al 10/04/2027"));
        CHECK_THAT(text, Catch::Contains("90 giorni"));
        CHECK_THAT(text, Catch::Contains("Totale: 3 concessioni scadute"));
        CHECK_THAT(text, Catch::Contains("ossario comune"));
        CHECK_THAT(text, Catch::Contains("RR Lombardia 6/2004 art. 20"));
        CHECK_THAT(text, Catch::Contains("Pagina 1 di 1"));
    }
    SECTION("every row, with the deceased's names as written") {
        for (const char* s : {"T-1985/07", "L-1990/031", "O-1995/002", "Pèrego Giuseppe", "D'Adda Rosa",
                              "Dell'Orto Luigi", "02/05/2015", "01/03/2020", "Tomba di",
                              "Sett. E, fila 2"}) {
            CHECK_THAT(text, Catch::Contains(s));
        }
        CHECK_THAT(text, !Catch::Contains("L-2022/001"));  // still valid
        CHECK_THAT(text, !Catch::Contains("P-1980/001"));  // another comune
    }
    SECTION("never a holder's name or tax code") {
        CHECK_THAT(text, !Catch::Contains("Brambilla"));
        CHECK_THAT(text, !Catch::Contains("BRMNNA60A41A751G"));
        CHECK_THAT(text, !Catch::Contains("Cazzaniga"));
    }
}

TEST_CASE("the posted list can be narrowed to one cemetery", "[documents]") {
    ListFixture f;
    CHECK(f.list("liscate").rows.size() == 3);
    CHECK(f.list("liscate").cemetery == "Liscate");
    CHECK(f.list("Trecella").rows.empty());
}

TEST_CASE("a long list breaks into pages with the table header on each, never splitting a row", "[documents]") {
    ListFixture f;
    auto list = f.list();
    const auto short_pages = lay_out_expired_list(list).size();
    CHECK(short_pages == 1);
    const auto template_row = list.rows.front();
    for (int i = 0; i < 150; ++i) {
        auto r = template_row;
        r.deed_number = "X-" + std::to_string(1000 + i);
        list.rows.push_back(r);
    }
    test::TempDir dir;
    const auto pdf = dir.file("lungo.pdf");
    write_expired_list_pdf(list, pdf);
    const int pages = test::pdf_pages(pdf);
    CHECK(pages > 3);
    const std::string text = test::pdf_text(pdf);
    CHECK(test::occurrences(text, "Scadenza") == static_cast<std::size_t>(pages));  // the header, on each page
    CHECK_THAT(text, Catch::Contains("X-1149"));
    CHECK_THAT(text, Catch::Contains("Totale: 153 concessioni scadute"));
    CHECK_THAT(text, Catch::Contains("Pagina " + std::to_string(pages) + " di " + std::to_string(pages)));
    // Each row stays whole: both its deceased are on the same page as its deed number.
    const auto laid = lay_out_expired_list(list);
    for (const auto& page : laid) {
        std::size_t deeds = 0, perego = 0;
        for (const auto& item : page.items) {
            if (item.text.rfind("X-", 0) == 0 || item.text == "T-1985/07") ++deeds;
            if (item.text.find("Pèrego Giuseppe\nD'Adda Rosa") != std::string::npos) ++perego;
        }
        CHECK(deeds == perego);
    }
}

TEST_CASE("a list of 5,000 concessions renders in seconds", "[documents][timing]") {
    ListFixture f;
    auto list = f.list();
    const auto template_row = list.rows.front();
    list.rows.clear();
    for (int i = 0; i < 5000; ++i) {
        auto r = template_row;
        r.deed_number = "N-" + std::to_string(10000 + i);
        list.rows.push_back(r);
    }
    test::TempDir dir;
    const auto pdf = dir.file("5000.pdf");
    const auto start = std::chrono::steady_clock::now();
    write_expired_list_pdf(list, pdf);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    WARN("5,000 rows in " << took.count() << " s");
    CHECK(took.count() < 10.0);
    CHECK(test::pdf_pages(pdf) > 100);
    const std::string text = test::pdf_text(pdf);
    CHECK_THAT(text, Catch::Contains("N-14999"));
    CHECK_THAT(text, Catch::Contains("Totale: 5.000 concessioni scadute"));
}
