#include "gui_fixture.hpp"

#include "burial_dialog.hpp"
#include "detail_panel.hpp"
#include "holders_dialog.hpp"
#include "ids.hpp"
#include "results_list.hpp"
#include "search_panel.hpp"

#include <cemetery/dates.hpp>

#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <catch2/catch.hpp>

using gui_test::GuiFixture;

namespace {

// A problem line as read, whether or not it wrapped under its field.
wxString problem_of(gui::FormFields& fields, const char* name) {
    wxString text = fields[name].problem->GetLabel();
    text.Replace(wxS("\n"), wxS(" "));
    return text;
}

void send_menu(gui::MainFrame* frame, int id) {
    wxCommandEvent event(wxEVT_MENU, id);
    frame->ProcessWindowEvent(event);
}

}  // namespace

TEST_CASE("a wrong tax code is named next to its field; a right one is saved", "[edit]") {
    GuiFixture f;
    f.type_search(wxS("zanardelli"));
    REQUIRE(gui_test::wait_until([&] { return f.frame->search_panel()->results()->GetItemCount() == 1; }));

    wxString problem;
    bool still_open = false;
    gui_test::when_window_appears(wxS("holders_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::HoldersDialog*>(window);
        REQUIRE(dialog);
        auto& fields = dialog->fields();
        fields["codice_fiscale"].text->SetValue(wxS("RSSMRA85T10A562X"));
        gui_test::click(dialog, wxID_OK);
        problem = problem_of(fields, "codice_fiscale");
        still_open = dialog->IsModal();
        fields["codice_fiscale"].text->SetValue(wxS("RSSMRA85T10A562S"));
        fields["phone"].text->SetValue(wxS("02 9999 1234"));
        gui_test::click(dialog, wxID_OK);
    });
    send_menu(f.frame, gui::id_edit_holders);

    CHECK(still_open);
    CHECK(problem.StartsWith(wxS("Codice fiscale: il carattere di controllo è X, dovrebbe essere S")));
    const wxString detail = f.frame->search_panel()->detail()->Text();
    CHECK(detail.Contains(wxS("RSSMRA85T10A562S")));
    CHECK(detail.Contains(wxS("02 9999 1234")));
    // The history says how many holders were written, never who they are.
    CHECK(detail.Contains(wxS("concessionari modificati: 1 concessionario")));
}

// A deceased joins a concession only as a burial: the detail's "Add burial…" button
// opens the burial dialog, decided by the library as the menu's "Add burial…" is. It
// once opened a form of its own that wrote a third person into a full loculo.
TEST_CASE("a third person in a one-coffin loculo holding a coffin and an urn is refused from the detail's button",
          "[edit]") {
    GuiFixture f;
    auto& db = f.frame->database();
    const auto id = *db.reg().find_concession(db.reg().find_comune("Liscate")->id, "L-2022-001");
    cemetery::BurialRequest urn;
    urn.deceased.surname = "Zanardelli";
    urn.deceased.given_name = "Adele";
    urn.deceased.died_on = cemetery::Date{date::year{2023}, date::month{5}, date::day{1}};
    urn.deceased.buried_on = cemetery::Date{date::year{2023}, date::month{5}, date::day{20}};
    urn.form = cemetery::RemainsForm::urn;
    const auto buried = db.reg().bury(id, urn, db.regulation());
    INFO(buried.reason());
    REQUIRE(buried);

    f.type_search(wxS("zanardelli"));
    REQUIRE(gui_test::wait_until([&] { return f.frame->search_panel()->results()->GetItemCount() == 1; }));
    bool refused = false;
    wxString outcome;
    gui_test::when_window_appears(wxS("burial_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::BurialDialog*>(window);
        REQUIRE(dialog);
        dialog->SetDeceased(wxS("Zanardelli"), wxS("Luigia"), wxS("05/01/2024"), wxS("09/01/2024"),
                            cemetery::RemainsForm::coffin);
        refused = !dialog->CanConfirm();
        outcome = dialog->OutcomeText();
        gui_test::click(dialog, wxID_CANCEL);
    });
    auto* button = wxWindow::FindWindowByName(wxS("add_burial_button"), f.frame);
    REQUIRE(button);
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(event);

    CHECK(refused);
    CHECK(outcome.Contains(wxS("Il regolamento non consente questa sepoltura: il posto è pieno per questi resti.")));
    CHECK(db.reg().concession(id)->deceased.size() == 2);
    // No second way in: the menu has no form that adds a deceased without the burial's checks.
    CHECK(f.frame->GetMenuBar()->FindMenuItem(wxS("Modifica"), wxS("Aggiungi defunto…")) == wxNOT_FOUND);
}
