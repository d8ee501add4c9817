#include "gui_fixture.hpp"

#include "counter_panel.hpp"
#include "reminder_card.hpp"

#include <wx/srchctrl.h>
#include <wx/textctrl.h>

#include <catch2/catch.hpp>

using gui_test::GuiFixture;

TEST_CASE("the counter shows the deceased and the place, never the holder", "[counter]") {
    GuiFixture f;
    f.frame->select_view(2);
    auto* counter = f.frame->counter_panel();
    counter->field()->SetValue(wxS("zanardelli"));  // typed in the large field
    REQUIRE(gui_test::wait_until([&] { return counter->rows().size() == 1; }));
    CHECK(f.frame->search_field()->GetValue() == wxS("zanardelli"));  // the window's field follows

    const wxString shown = counter->VisibleText();
    CHECK(shown.Contains(wxS("Zanardelli Ermenegildo")));
    CHECK(shown.Contains(wxS("02/02/1930")));
    CHECK(shown.Contains(wxS("25/02/2022")));
    CHECK(shown.Contains(wxS("sett. A, fila 1, n. 1, piano 1")));
    CHECK_FALSE(shown.Contains(wxS("Brambilla")));
    CHECK_FALSE(shown.Contains(wxString::FromUTF8(gui_test::holder_tax_code())));

    const wxString card = counter->SelectedCardText();
    CHECK(card.Contains(wxS("Defunto: Zanardelli Ermenegildo")));
    CHECK(card.Contains(wxS("Cimitero: Liscate (Liscate)")));
    CHECK(card.Contains(wxS("Ubicazione: sett. A, fila 1, n. 1, piano 1")));
    CHECK_FALSE(card.Contains(wxS("Brambilla")));
    CHECK_FALSE(card.Contains(wxString::FromUTF8(gui_test::holder_tax_code())));
    CHECK_FALSE(gui::reminder_card_html(counter->rows().front()).Contains(wxS("Brambilla")));
}

TEST_CASE("the counter does not find people by a holder's name", "[counter]") {
    GuiFixture f;
    f.frame->select_view(2);
    auto* counter = f.frame->counter_panel();
    f.frame->search_field()->SetValue(wxS("brambilla"));  // typed in the window's field
    gui_test::pump(400);
    CHECK(counter->field()->GetValue() == wxS("brambilla"));
    CHECK(counter->rows().empty());
    CHECK_FALSE(counter->VisibleText().Contains(wxS("Zanardelli")));
}
