#include "gui_fixture.hpp"

#include "detail_panel.hpp"
#include "ids.hpp"
#include "renew_dialog.hpp"
#include "results_list.hpp"
#include "search_panel.hpp"

#include <wx/button.h>

#include <catch2/catch.hpp>

using gui_test::GuiFixture;

namespace {

// Ctrl+R, as the menu accelerator sends it.
void press_renew(gui::MainFrame* frame) {
    wxCommandEvent event(wxEVT_MENU, gui::id_renew);
    frame->ProcessWindowEvent(event);
}

}  // namespace

TEST_CASE("renewing shows the new expiry in the dialog, then in the list and the detail", "[renew]") {
    GuiFixture f;
    f.type_search(wxS("zanardelli"));
    auto* results = f.frame->search_panel()->results();
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));

    wxString outcome;
    bool could_confirm = false;
    gui_test::when_window_appears(wxS("renew_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::RenewDialog*>(window);
        REQUIRE(dialog);
        outcome = dialog->OutcomeText();
        could_confirm = dialog->CanConfirm();
        dialog->SetDeed(wxS("R-2026/14"));
        gui_test::click(dialog, wxID_OK);
    });
    press_renew(f.frame);  // returns when the dialog is closed

    CHECK(could_confirm);
    CHECK(outcome.Contains(wxS("Nuova scadenza: 01/03/2062")));
    CHECK(outcome.Contains(wxS("Tariffa non configurata")));
    CHECK(outcome.Contains(wxS("Unione 2020")));
    CHECK(results->GetItemText(0, 7) == wxS("01/03/2062"));
    const wxString detail = f.frame->search_panel()->detail()->Text();
    CHECK(detail.Contains(wxS("01/03/2062")));
    CHECK(detail.Contains(wxS("R-2026/14")));
    CHECK(detail.Contains(wxS("rinnovo")));

    SECTION("a second renewal of a loculo is refused with the reason, and OK stays disabled") {
        gui_test::when_window_appears(wxS("renew_dialog"), [&](wxWindow* window) {
            auto* dialog = dynamic_cast<gui::RenewDialog*>(window);
            outcome = dialog->OutcomeText();
            could_confirm = dialog->CanConfirm();
            gui_test::click(dialog, wxID_CANCEL);
        });
        press_renew(f.frame);
        CHECK_FALSE(could_confirm);
        CHECK(outcome.Contains(wxS("Il regolamento non consente il rinnovo: tutti i rinnovi consentiti sono già stati "
                                   "concessi.")));
        CHECK(outcome.Contains(wxS("Regola:")));
        CHECK(results->GetItemText(0, 7) == wxS("01/03/2062"));  // nothing written
    }
}

TEST_CASE("a Truccazzano concession cannot be renewed today; the date picked changes the decision", "[renew]") {
    GuiFixture f;
    f.type_search(wxS("T-2010-004"));
    auto* results = f.frame->search_panel()->results();
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    const auto record = f.frame->database().reg().record(results->hit_at(0)->concession);
    REQUIRE(record);

    gui::RenewDialog dialog(f.frame, *record, f.frame->database().regulation(), cemetery::today());
    CHECK_FALSE(dialog.CanConfirm());
    CHECK(dialog.OutcomeText().Contains(wxS("Il regolamento non consente il rinnovo: nessuna versione del regolamento")));
    CHECK(dialog.OutcomeText().Contains(wxS("Truccazzano")));  // the library's sentence, as detail

    // In 2022 Truccazzano was a member and the Union's rules allowed one renewal.
    dialog.SetDate(cemetery::Date{date::year{2022}, date::month{6}, date::day{1}});
    CHECK(dialog.CanConfirm());
    CHECK(dialog.OutcomeText().Contains(wxS("Nuova scadenza: 10/05/2050")));
}
