#include "gui_fixture.hpp"

#include "expiries_panel.hpp"
#include "list_rows_view.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using gui_test::GuiFixture;

TEST_CASE("switching comune changes the expired list and its count", "[expiries]") {
    GuiFixture f;
    f.frame->select_view(1);
    auto* expiries = f.frame->expiries_panel();
    expiries->ShowExpired(cemetery::Date{date::year{2026}, date::month{1}, date::day{1}});
    CHECK(expiries->count() == 3);
    CHECK(expiries->CountText() == wxS("3 concessioni scadute al 01/01/2026"));

    f.frame->select_comune(f.comune_index(wxS("Liscate")));
    CHECK(expiries->count() == 1);
    CHECK(expiries->CountText() == wxS("1 concessione scaduta al 01/01/2026"));
    CHECK(expiries->rows()->GetItemText(0, 4) == wxS("L-1950-002"));
    CHECK(expiries->rows()->GetItemText(0, 6) == wxS("12/06/1980"));

    f.frame->select_comune(f.comune_index(wxS("Pozzuolo Martesana")));
    CHECK(expiries->count() == 2);

    SECTION("as of 1975 nothing had expired yet") {
        expiries->ShowExpired(cemetery::Date{date::year{1975}, date::month{1}, date::day{1}});
        CHECK(expiries->count() == 0);
    }
    SECTION("the CSV export has the command line's header") {
        const auto file = f.dir / "scadute.csv";
        expiries->ExportCsv(file);
        std::ifstream in(file);
        std::string header, first;
        std::getline(in, header);
        std::getline(in, first);
        CHECK(header == "comune,cimitero,ubicazione,tipo,numero_concessione,decorrenza,scadenza,concessionari,defunti\r");
        CHECK(first.starts_with("Pozzuolo Martesana,"));
    }
    SECTION("expiring within N days follows the comune too") {
        expiries->ShowExpiring(365 * 20);  // the Truccazzano loculo expires in 2040
        f.frame->select_comune(f.comune_index(wxS("Truccazzano (ex comune dell'Unione)")));
        CHECK(expiries->count() == 1);
        f.frame->select_comune(f.comune_index(wxS("Liscate")));
        CHECK(expiries->count() == 0);
    }
}
