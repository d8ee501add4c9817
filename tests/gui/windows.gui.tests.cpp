// Every window fits a 1024×768 screen (the X server of these tests): the print
// previews of the expired list and of the counter's card, and a window as large as
// GTK's file chooser opens. Esc closes a preview.
#include "gui_fixture.hpp"

#include "counter_panel.hpp"
#include "document_printout.hpp"
#include "expiries_panel.hpp"
#include "expiry_documents.hpp"
#include "fit_display.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/display.h>
#include <wx/print.h>
#include <wx/textctrl.h>

#include <catch2/catch.hpp>

using gui_test::GuiFixture;

namespace {

cemetery::Date day(int y, unsigned m, unsigned d) { return cemetery::Date{date::year{y}, date::month{m}, date::day{d}}; }

const wxRect screen{0, 0, 1024, 768};

bool on_screen(const wxWindow* window) { return screen.Contains(window->GetScreenRect()); }

// The print preview on screen; none once closed (destroyed, or hidden until wx
// deletes it when idle).
wxPreviewFrame* shown_preview() {
    for (auto* window : wxTopLevelWindows) {
        auto* frame = dynamic_cast<wxPreviewFrame*>(window);
        if (frame && frame->GetName() == wxS("print_preview") && frame->IsShown()) return frame;
    }
    return nullptr;
}

bool preview_closed() { return shown_preview() == nullptr; }

// Esc, as the keyboard sends it to the focused window of the preview.
void press_escape(wxWindow* window) {
    wxKeyEvent event(wxEVT_CHAR_HOOK);
    event.m_keyCode = WXK_ESCAPE;
    event.SetEventObject(window);
    window->GetEventHandler()->ProcessEvent(event);
}

// A click on the button: its handlers are bound on the button itself.
void press(wxWindow* button) {
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(event);
}

}  // namespace

TEST_CASE("the print preview of the expired list fits a 1024x768 screen and Esc closes it", "[windows]") {
    GuiFixture f;
    REQUIRE(wxDisplay(0u).GetGeometry().GetSize() == screen.GetSize());
    f.frame->select_comune(f.comune_index(wxS("Liscate")));
    auto* preview = gui::show_print_preview(
        f.frame, wxS("Concessioni scadute"),
        gui::posted_list_pages(*f.frame, {*f.frame->comune(), day(2026, 1, 1), day(2026, 1, 10)}));
    REQUIRE(preview);
    gui_test::pump(200);
    auto* frame = shown_preview();
    REQUIRE(frame);
    INFO("preview at " << frame->GetScreenRect().x << "," << frame->GetScreenRect().y << " size "
                       << frame->GetSize().x << "x" << frame->GetSize().y);
    CHECK(frame->IsShown());
    CHECK(on_screen(frame));
    // Its toolbar, with Chiudi, is inside the screen too.
    auto* close = wxWindow::FindWindowById(wxID_PREVIEW_CLOSE, frame);
    REQUIRE(close);
    CHECK(on_screen(close));
    gui_test::screenshot(wxS("preview_expired"));

    press_escape(preview->GetCanvas());
    CHECK(gui_test::wait_until(preview_closed));
}

TEST_CASE("the counter's card has a print preview, inside the screen", "[windows]") {
    GuiFixture f;
    f.frame->select_view(2);
    auto* counter = f.frame->counter_panel();
    counter->field()->SetValue(wxS("zanardelli"));
    REQUIRE(gui_test::wait_until([&] { return counter->rows().size() == 1; }));
    auto* button = dynamic_cast<wxButton*>(wxWindow::FindWindowByName(wxS("preview_card"), counter));
    REQUIRE(button);
    CHECK(button->IsEnabled());

    press(button);
    gui_test::pump(200);
    auto* frame = shown_preview();
    REQUIRE(frame);
    CHECK(frame->IsShown());
    CHECK(frame->GetTitle() == wxS("Promemoria"));
    gui_test::screenshot(wxS("preview_card"));
    CHECK(on_screen(frame));
    press_escape(frame);
    CHECK(gui_test::wait_until(preview_closed));
}

TEST_CASE("a window larger than the screen, as GTK's file chooser opens (1096x822), is fitted inside it",
          "[windows]") {
    GuiFixture f;
    // What show_fitted does to the PDF and Excel save dialogs once GTK has sized them.
    wxDialog dialog(f.frame, wxID_ANY, wxS("Esporta Excel"), wxPoint(-30, 10), wxSize(1096, 822),
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    dialog.Show();
    gui_test::pump(100);
    gui::fit_to_display(&dialog);
    gui_test::pump(100);
    const wxRect shown = dialog.GetScreenRect();
    INFO("dialog at " << shown.x << "," << shown.y << " size " << shown.width << "x" << shown.height);
    CHECK(screen.Contains(shown));
    CHECK(shown.width > 900);  // shrunk to the screen, not to nothing
}
