#include "gui_fixture.hpp"

#include "deceased_dialog.hpp"
#include "detail_panel.hpp"
#include "holders_dialog.hpp"
#include "ids.hpp"
#include "results_list.hpp"
#include "search_panel.hpp"

#include <cemetery/dates.hpp>

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

TEST_CASE("adding a deceased checks the dates and names the field", "[edit]") {
    GuiFixture f;
    f.type_search(wxS("L-2022-001"));
    REQUIRE(gui_test::wait_until([&] { return f.frame->search_panel()->results()->GetItemCount() == 1; }));

    wxString died_problem, born_problem, future_problem;
    gui_test::when_window_appears(wxS("deceased_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::DeceasedDialog*>(window);
        REQUIRE(dialog);
        auto& fields = dialog->fields();
        fields["surname"].text->SetValue(wxS("Dell'Orto"));
        fields["given_name"].text->SetValue(wxS("Luigia"));
        fields["born_on"].text->SetValue(wxS("31/02/1931"));
        gui_test::click(dialog, wxID_OK);
        born_problem = problem_of(fields, "born_on");
        fields["born_on"].text->SetValue(wxS("03/04/1931"));
        fields["died_on"].text->SetValue(wxS("01/01/1930"));
        gui_test::click(dialog, wxID_OK);
        died_problem = problem_of(fields, "died_on");
        fields["died_on"].text->SetValue(wxS("31/12/9999"));
        gui_test::click(dialog, wxID_OK);
        future_problem = problem_of(fields, "died_on");
        fields["died_on"].text->SetValue(wxS("05/01/2024"));
        fields["buried_on"].text->SetValue(wxS("9/1/2024"));
        gui_test::click(dialog, wxID_OK);
    });
    send_menu(f.frame, gui::id_add_deceased);

    CHECK(born_problem == wxS("Nato/a il: data non valida: scrivetela come gg/mm/aaaa"));
    CHECK(died_problem == wxS("Morto/a il: morte prima della nascita"));
    CHECK(future_problem == wxS("Morto/a il: successiva al ") + wxString::FromUTF8(cemetery::to_italian(cemetery::today())) +
                                wxS(": questa data non è ancora arrivata"));
    const wxString detail = f.frame->search_panel()->detail()->Text();
    CHECK(detail.Contains(wxS("Dell'Orto Luigia\t03/04/1931\t05/01/2024\t09/01/2024")));
}
