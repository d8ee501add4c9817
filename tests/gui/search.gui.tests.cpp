#include "gui_fixture.hpp"

#include "database.hpp"
#include "detail_panel.hpp"
#include "results_list.hpp"
#include "search_panel.hpp"

#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include <catch2/catch.hpp>

using gui_test::GuiFixture;

TEST_CASE("typing a name shows the concession in the list and its detail", "[search]") {
    GuiFixture f;
    CHECK(f.frame->GetTitle() == wxS("Servizi cimiteriali — registro.sqlite"));
    CHECK(f.frame->GetStatusBar()->GetStatusText().StartsWith(wxS("5 concessioni · Tutta l'Unione")));

    f.type_search(wxS("zanard"));
    auto* results = f.frame->search_panel()->results();
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    CHECK(results->GetItemText(0, 0) == wxS("Zanardelli Ermenegildo"));
    CHECK(results->GetItemText(0, 1) == wxS("02/02/1930 – 25/02/2022"));
    CHECK(results->GetItemText(0, 2) == wxS("Liscate"));
    CHECK(results->GetItemText(0, 5) == wxS("loculo"));
    CHECK(results->GetItemText(0, 6) == wxS("L-2022-001"));
    CHECK(results->GetItemText(0, 7) == wxS("01/03/2052"));
    CHECK(results->GetItemText(0, 8) == wxS("in corso"));

    const wxString detail = f.frame->search_panel()->detail()->Text();
    CHECK(detail.Contains(wxS("Concessione n. L-2022-001")));
    CHECK(detail.Contains(wxS("01/03/2052")));
    CHECK(detail.Contains(wxS("Brambilla Carla")));  // the office view shows holders
    CHECK(detail.Contains(wxString::FromUTF8(gui_test::holder_tax_code())));
    CHECK(detail.Contains(wxS("creata")));  // the change history
}

TEST_CASE("the search finds holders and deed numbers, and follows the comune", "[search]") {
    GuiFixture f;
    auto* results = f.frame->search_panel()->results();
    f.type_search(wxS("brambilla"));
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    f.type_search(wxS("P-1960"));
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    CHECK(results->GetItemText(0, 6) == wxS("P-1960-001"));

    f.type_search(wxS("sironi"));
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    f.frame->select_comune(f.comune_index(wxS("Liscate")));
    CHECK(results->GetItemCount() == 0);
    CHECK(f.frame->GetStatusBar()->GetStatusText().StartsWith(wxS("2 concessioni · Liscate")));
}

TEST_CASE("a column click sorts the results", "[search]") {
    GuiFixture f;
    auto* results = f.frame->search_panel()->results();
    f.type_search(wxS("l"));  // every deceased whose name has a word starting with l
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() >= 2; }));
    REQUIRE(results->SortBy(6, true));
    CHECK(results->GetItemText(0, 6) < results->GetItemText(results->GetItemCount() - 1, 6));
    REQUIRE(results->SortBy(6, false));
    CHECK(results->GetItemText(0, 6) > results->GetItemText(results->GetItemCount() - 1, 6));
}

TEST_CASE("the former member is marked in the comune chooser", "[search]") {
    GuiFixture f;
    CHECK(f.comune_index(wxS("Tutta l'Unione")) == 0);
    CHECK(f.comune_index(wxS("Truccazzano (ex comune dell'Unione)")) > 0);
}

TEST_CASE("the result list reads a page at a time, never every match", "[search]") {
    GuiFixture f;
    auto db = gui::Database::open(f.dir / "demo.sqlite", f.frame->database().shared_regulation());
    REQUIRE(gui::fill_demo_register(*db, 3000));
    auto* frame = new gui::MainFrame(std::move(db), false);
    frame->SetSize(wxSize(1024, 768));
    frame->Show();
    frame->search_field()->SetValue(wxS("a"));
    gui_test::pump(400);
    auto* results = frame->search_panel()->results();
    CHECK(results->match_count() > 5 * gui::SearchPages::page_size);
    CHECK(results->GetItemCount() == results->match_count());
    CHECK(results->pages().pages_read() <= 2);  // what the window shows, and no more
    CHECK_FALSE(results->pages().all_loaded());
    // Showing the end of the list reads the end only.
    results->EnsureVisible(results->GetItemCount() - 1);
    gui_test::pump(100);
    CHECK(results->pages().pages_read() <= 4);
    CHECK_FALSE(results->GetItemText(results->GetItemCount() - 1, 6).empty());
    frame->Destroy();
    gui_test::pump(30);
}

TEST_CASE("a row found through its holder names the holder, after the deceased of that name, under the count",
          "[search]") {
    GuiFixture f;
    auto* panel = f.frame->search_panel();
    auto* results = panel->results();
    // Brambati Ugo lies in P-1970-002; Brambilla Carla holds L-2022-001, where
    // Zanardelli Ermenegildo lies.
    f.type_search(wxS("bra"));
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 2; }));
    CHECK(results->GetItemText(0, 0) == wxS("Brambati Ugo"));
    CHECK(results->GetItemText(1, 0) == wxS("Zanardelli Ermenegildo — concessionario: Brambilla Carla"));
    CHECK(panel->CountText() == wxS("2 risultati"));

    f.type_search(wxS("brambilla"));
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    CHECK(results->GetItemText(0, 0) == wxS("Zanardelli Ermenegildo — concessionario: Brambilla Carla"));
    CHECK(panel->CountText() == wxS("1 risultato"));

    SECTION("a deed number") {
        f.type_search(wxS("L-2022"));
        REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
        CHECK(results->GetItemText(0, 0) == wxS("Zanardelli Ermenegildo — n. concessione L-2022-001"));
    }
    SECTION("a tax code: its holder is named, the code not repeated") {
        f.type_search(wxString::FromUTF8(gui_test::holder_tax_code()));
        REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
        CHECK(results->GetItemText(0, 0) ==
              wxS("Zanardelli Ermenegildo — codice fiscale del concessionario Brambilla Carla"));
    }
    SECTION("the deceased's own name says nothing more") {
        f.type_search(wxS("zanardelli"));
        REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
        CHECK(results->GetItemText(0, 0) == wxS("Zanardelli Ermenegildo"));
    }
    SECTION("nothing typed, no count") {
        f.type_search(wxString());
        REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 0; }));
        CHECK(panel->CountText().empty());
    }
}

TEST_CASE("the detail's message wraps inside the pane instead of being cut off", "[search]") {
    GuiFixture f;
    f.type_search(wxString());
    gui_test::pump(200);
    auto* detail = f.frame->search_panel()->detail();
    auto* message = dynamic_cast<wxStaticText*>(detail->GetChildren()[1]);
    REQUIRE(message);
    REQUIRE(message->IsShown());
    CHECK(detail->Text().Contains(wxS("Scrivete un nome, un numero di concessione o un codice fiscale per cercare.")));
    // At 1024×768 the pane is about half the window: the sentence goes on two lines.
    CHECK(message->GetRect().GetRight() <= detail->GetClientSize().x);
    CHECK(message->GetLabel().Contains(wxS("\n")));
}
