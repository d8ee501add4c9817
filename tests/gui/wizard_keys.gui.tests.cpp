// The new-concession window on a 1024×768 screen, driven as a clerk drives it: the
// mouse on its buttons, the keyboard alone, several holders on one deed, and the
// plots page when no place is free. The keys and clicks go through the X server
// (wxUIActionSimulator), as a clerk's do.
#include "gui_fixture.hpp"

#include "holder_rows.hpp"
#include "ids.hpp"
#include "new_concession_wizard.hpp"
#include "screenshot.hpp"

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/display.h>
#include <wx/listbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <cstdlib>

using gui_test::GuiFixture;

namespace {

const cemetery::Date signing{date::year{2026}, date::month{12}, date::day{1}};

// Three loculi of a new wall in Liscate.
void lay_out_wall(gui::Database& db) {
    auto& reg = db.reg();
    const auto liscate = reg.find_comune("Liscate");
    REQUIRE(liscate);
    cemetery::PlotRange range;
    range.cemetery = reg.cemeteries(liscate->id).front().id;
    range.kind = cemetery::PlotKind::loculo;
    range.settore = "Z";
    range.fila = "1";
    range.numero = "1-3";
    REQUIRE(reg.add_plots(range));
}

// Saves the screen as `name` in the folder CEMETERY_WIZARD_SCREENSHOTS, when
// CEMETERY_WIZARD_SCREENSHOT names it (to look at a page by eye; the toolkit's screen
// copy is reliable once per process, so one page per run); does nothing otherwise.
void screenshot(const std::string& name) {
    const char* dir = std::getenv("CEMETERY_WIZARD_SCREENSHOTS");
    const char* wanted = std::getenv("CEMETERY_WIZARD_SCREENSHOT");
    if (!dir || !wanted || name != wanted) return;
    gui_test::pump(300);
    gui::save_screen(wxDisplay(0u).GetGeometry(), wxString::FromUTF8(dir) + wxS("/") + wxString::FromUTF8(name));
}

// The key goes to the window with the cursor, through the X server.
void press(int key) {
    wxUIActionSimulator keys;
    keys.Char(key);
    gui_test::pump(60);
}

void type(const char* text) {
    wxUIActionSimulator keys;
    keys.Text(text);
    gui_test::pump(60);
}

wxWindow* focused_in(wxWindow* dialog) {
    wxWindow* focus = wxWindow::FindFocus();
    return focus && wxGetTopLevelParent(focus) == dialog ? focus : nullptr;
}

}  // namespace

TEST_CASE("the new-concession window fits 1024×768: its buttons on screen on every page, clicked with the mouse",
          "[life]") {
    GuiFixture f;
    lay_out_wall(f.frame->database());
    std::vector<int> steps;
    bool inside = true;
    bool titles_whole = true;
    bool concession_written = false;
    gui_test::when_window_appears(wxS("new_concession_wizard"), [&](wxWindow* window) {
        auto* wizard = dynamic_cast<gui::NewConcessionWizard*>(window);
        REQUIRE(wizard);
        wizard->SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
        wizard->SetDeceased(wxS("Brambilla"), wxS("Carlo"), wxString(), wxS("29/11/2026"));
        wizard->SetHolder(wxS("Brambilla"), wxS("Luisa"), wxString());
        const wxRect screen(0, 0, 1024, 768);
        auto* forward = dynamic_cast<wxButton*>(wizard->FindWindow(wxID_FORWARD));
        REQUIRE(forward);
        auto* title = dynamic_cast<wxStaticText*>(wizard->FindWindow(wxS("step_title")));
        REQUIRE(title);
        for (int page = 0; page < gui::NewConcessionWizard::step_count; ++page) {
            steps.push_back(wizard->CurrentStep());
            screenshot("wizard-step" + std::to_string(page + 1) + ".png");
            for (wxWindow* button : {wizard->FindWindow(wxS("cancel")), wizard->FindWindow(wxID_BACKWARD),
                                     wizard->FindWindow(wxID_FORWARD)}) {
                inside = inside && button && button->IsShownOnScreen() && screen.Contains(button->GetScreenRect()) &&
                         wizard->GetScreenRect().Contains(button->GetScreenRect());
            }
            // The title whole: as wide as its text needs.
            titles_whole = titles_whole && title->GetSize().x >= title->GetBestSize().x;
            // The pointer on Avanti (Fine on the last page), and a click.
            wxUIActionSimulator mouse;
            mouse.MouseMove(forward->GetScreenRect().GetPosition() + forward->GetSize() / 2);
            gui_test::pump(60);
            mouse.MouseClick();
            gui_test::pump(200);
            if (!wizard->IsShown()) break;
        }
        concession_written = !wizard->IsShown();
        if (wizard->IsShown()) wizard->EndModal(wxID_CANCEL);
    });
    wxCommandEvent event(wxEVT_MENU, gui::id_new_concession);
    f.frame->ProcessWindowEvent(event);
    CHECK(inside);
    CHECK(titles_whole);
    CHECK(steps == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(concession_written);
    const auto liscate = f.frame->database().reg().find_comune("Liscate");
    CHECK(f.frame->database().reg().find_concession(liscate->id, "2026/0001"));
}

TEST_CASE("the keyboard alone leads from the first page to Fine: Enter is Avanti, Tab moves between fields",
          "[life]") {
    GuiFixture f;
    lay_out_wall(f.frame->database());
    std::vector<int> steps;
    wxString summary;
    gui_test::when_window_appears(wxS("new_concession_wizard"), [&](wxWindow* window) {
        auto* wizard = dynamic_cast<gui::NewConcessionWizard*>(window);
        REQUIRE(wizard);
        wizard->SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
        gui_test::pump(100);
        REQUIRE(focused_in(wizard));  // the cursor is in the window from the start
        press(WXK_RETURN);  // the place as chosen → the free places
        steps.push_back(wizard->CurrentStep());
        press(WXK_RETURN);  // the first free place → the deceased (the list passes Enter on a moment later)
        gui_test::wait_until([&] { return wizard->CurrentStep() == gui::NewConcessionWizard::step_deceased; }, 2000);
        steps.push_back(wizard->CurrentStep());
        type("Brambilla");
        press(WXK_TAB);
        type("Carlo");
        press(WXK_TAB);
        press(WXK_TAB);  // no birth date
        type("29/11/2026");
        press(WXK_RETURN);  // → the holders
        steps.push_back(wizard->CurrentStep());
        type("Brambilla");
        press(WXK_TAB);
        type("Luisa");
        press(WXK_RETURN);  // → the summary, the cursor on Fine
        steps.push_back(wizard->CurrentStep());
        summary = wizard->SummaryText();
        press(WXK_RETURN);  // Fine
        gui_test::pump(100);
        if (wizard->IsShown()) wizard->EndModal(wxID_CANCEL);
    });
    wxCommandEvent event(wxEVT_MENU, gui::id_new_concession);
    f.frame->ProcessWindowEvent(event);
    CHECK(steps == std::vector<int>{1, 2, 3, 4});
    INFO(summary.utf8_string());
    CHECK(summary.Contains(wxS("Concessionario: Brambilla Luisa")));
    const auto liscate = f.frame->database().reg().find_comune("Liscate");
    const auto found = f.frame->database().reg().find_concession(liscate->id, "2026/0001");
    REQUIRE(found);
    const auto deed = f.frame->database().reg().concession(*found);
    REQUIRE(deed);
    REQUIRE(deed->deceased.size() == 1);
    CHECK(deed->deceased.front().surname == "Brambilla");
    CHECK(deed->deceased.front().died_on == cemetery::Date{date::year{2026}, date::month{11}, date::day{29}});
}

TEST_CASE("back from a refused summary, Tab then Space keeps the surname typed and Enter reaches Avanti again",
          "[life]") {
    GuiFixture f;
    lay_out_wall(f.frame->database());
    bool fine_off = false;
    bool on_back = false;
    int back_to = -1;
    wxString surname;
    int after_enter = -1;
    gui_test::when_window_appears(wxS("new_concession_wizard"), [&](wxWindow* window) {
        auto* wizard = dynamic_cast<gui::NewConcessionWizard*>(window);
        REQUIRE(wizard);
        wizard->SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
        for (int page = 0; page < 4; ++page) gui_test::click(wizard, wxID_FORWARD);
        gui_test::pump(100);
        // A loculo with nobody to bury: refused, Fine off, the cursor on Indietro.
        fine_off = !wizard->FindWindow(wxID_FORWARD)->IsEnabled();
        on_back = focused_in(wizard) == wizard->FindWindow(wxID_BACKWARD);
        press(WXK_RETURN);  // Indietro
        back_to = wizard->CurrentStep();
        type("Rossi");
        press(WXK_TAB);
        press(WXK_SPACE);
        surname = wizard->Holders().Surname(0)->GetValue();
        press(WXK_RETURN);  // Avanti, reachable again
        after_enter = wizard->CurrentStep();
        wizard->EndModal(wxID_CANCEL);
    });
    wxCommandEvent event(wxEVT_MENU, gui::id_new_concession);
    f.frame->ProcessWindowEvent(event);
    CHECK(fine_off);
    CHECK(on_back);
    CHECK(back_to == gui::NewConcessionWizard::step_holders);
    CHECK(surname == wxS("Rossi"));
    CHECK(after_enter == gui::NewConcessionWizard::step_summary);
}

TEST_CASE("a deed granted to two children: both holders recorded, a row removed is not", "[life]") {
    GuiFixture f;
    lay_out_wall(f.frame->database());
    gui::NewConcessionWizard wizard(f.frame, f.frame->database());
    wizard.SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
    wizard.SetDeceased(wxS("Pèrego"), wxS("Giuseppe"), wxS("03/03/1941"), wxS("28/11/2026"));
    wizard.SetHolder(wxS("Pèrego"), wxS("Lucia"), wxString());
    wizard.AddHolder(wxS("Pèrego"), wxS("Marco"), wxString());
    wizard.AddHolder(wxS("Pèrego"), wxS("Anna"), wxString());
    CHECK(wizard.Holders().RowCount() == 3);
    wizard.Holders().RemoveRow(2);
    CHECK(wizard.Holders().RowCount() == 2);
    const wxString summary = wizard.SummaryText();
    INFO(summary.utf8_string());
    CHECK(summary.Contains(wxS("Concessionari: Pèrego Lucia, Pèrego Marco")));
    REQUIRE(wizard.CanFinish());
    const auto out = wizard.Confirm();
    INFO(out.reason());
    REQUIRE(out);
    const auto deed = f.frame->database().reg().concession(out.concession->id);
    REQUIRE(deed);
    REQUIRE(deed->holders.size() == 2);
    CHECK(deed->holders[0].full_name() == "Pèrego Lucia");
    CHECK(deed->holders[1].full_name() == "Pèrego Marco");
}

TEST_CASE("no free place: the plots page says why and what to do, Avanti is off, Esc closes the window", "[life]") {
    GuiFixture f;  // Liscate's only loculo is taken
    wxString said;
    bool explained = false;
    bool list_hidden = false;
    bool forward_off = false;
    bool focus_kept = false;
    bool closed_by_esc = false;
    gui_test::when_window_appears(wxS("new_concession_wizard"), [&](wxWindow* window) {
        auto* wizard = dynamic_cast<gui::NewConcessionWizard*>(window);
        REQUIRE(wizard);
        wizard->SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
        gui_test::click(wizard, wxID_FORWARD);
        gui_test::pump(100);
        screenshot("wizard-no-plots.png");
        said = wizard->NoPlotText();
        auto* note = dynamic_cast<wxStaticText*>(wizard->FindWindow(wxS("no_free_plots")));
        explained = note && note->IsShownOnScreen() && note->GetLabel().Contains(wxS("Strumenti"));  // wrapped
        list_hidden = !wizard->FindWindow(wxS("free_plots"))->IsShown();
        forward_off = !wizard->FindWindow(wxID_FORWARD)->IsEnabled();
        focus_kept = focused_in(wizard) != nullptr;
        press(WXK_ESCAPE);
        gui_test::pump(100);
        closed_by_esc = !wizard->IsShown();
        if (wizard->IsShown()) wizard->EndModal(wxID_CANCEL);
    });
    wxCommandEvent event(wxEVT_MENU, gui::id_new_concession);
    f.frame->ProcessWindowEvent(event);
    INFO(said.utf8_string());
    CHECK(said.Contains(wxS("Nessun posto libero di tipo «loculo» nel cimitero di Liscate al 01/12/2026")));
    CHECK(said.Contains(wxS("Strumenti → Posti…")));
    CHECK(explained);
    CHECK(list_hidden);
    CHECK(forward_off);
    CHECK(focus_kept);
    CHECK(closed_by_esc);
    CHECK(f.frame->database().reg().count_concessions() == 5);  // Esc wrote nothing
}
