// The first window on a register with no concession: the start page and its ways to
// begin, in place of an empty list; the usual views once there is a concession.
#include "gui_fixture.hpp"

#include "database.hpp"
#include "start_panel.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/stattext.h>

#include <catch2/catch.hpp>

using gui_test::GuiFixture;

namespace {

void press(wxWindow* parent, const wxString& name) {
    auto* button = dynamic_cast<wxButton*>(wxWindow::FindWindowByName(name, parent));
    REQUIRE(button);
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->ProcessWindowEvent(event);
}

}  // namespace

TEST_CASE("an empty register opens on the start page, and a concession brings the views back", "[start]") {
    GuiFixture f;
    CHECK_FALSE(f.frame->showing_start());  // the fixture's register has concessions

    auto regulation = f.frame->database().shared_regulation();
    f.frame->use_database(gui::Database::open(f.dir / "nuovo.sqlite", regulation));
    gui_test::pump();
    REQUIRE(f.frame->showing_start());
    CHECK(f.frame->start_panel()->IsShownOnScreen());
    CHECK_FALSE(f.frame->notebook()->IsShownOnScreen());
    // Its buttons are inside a 1024×768 window.
    for (const auto* name : {"start_import", "start_demo", "start_plots", "start_new_concession", "start_continue"}) {
        auto* button = wxWindow::FindWindowByName(wxString::FromUTF8(name), f.frame);
        REQUIRE(button);
        const auto rect = button->GetScreenRect();
        CHECK(rect.GetRight() < 1024);
        CHECK(rect.GetBottom() < 768);
    }

    SECTION("Mostra il registro vuoto shows the views") {
        press(f.frame->start_panel(), wxS("start_continue"));
        CHECK_FALSE(f.frame->showing_start());
        CHECK(f.frame->notebook()->IsShownOnScreen());
    }
    SECTION("typing a search shows the views") {
        f.type_search(wxS("perego"));
        CHECK_FALSE(f.frame->showing_start());
    }
    SECTION("Nuova concessione opens the wizard") {
        bool opened = false;
        gui_test::when_window_appears(wxS("new_concession_wizard"), [&](wxWindow* wizard) {
            opened = true;
            static_cast<wxDialog*>(wizard)->EndModal(wxID_CANCEL);
        });
        press(f.frame->start_panel(), wxS("start_new_concession"));
        CHECK(opened);
        CHECK(f.frame->showing_start());  // nothing granted
    }
    SECTION("Posti opens the plot inventory") {
        bool opened = false;
        gui_test::when_window_appears(wxS("plots_dialog"), [&](wxWindow* dialog) {
            opened = true;
            static_cast<wxDialog*>(dialog)->EndModal(wxID_CANCEL);
        });
        press(f.frame->start_panel(), wxS("start_plots"));
        CHECK(opened);
    }
    SECTION("Apri il registro di prova switches to the demo register") {
        const auto demo = f.dir / "prova" / "registro.sqlite";
        {
            auto prepared = gui::Database::open(demo, regulation);
            REQUIRE(gui::fill_demo_register(*prepared, 60));
        }
        f.frame->set_demo_register(demo);
        press(f.frame->start_panel(), wxS("start_demo"));
        CHECK(f.frame->database().file() == demo);
        CHECK(f.frame->database().reg().count_concessions() > 0);
        CHECK_FALSE(f.frame->showing_start());
        CHECK(f.frame->GetTitle().Contains(wxS("registro.sqlite")));
    }
}

TEST_CASE("the start page's heading names the empty register, in Italian", "[start]") {
    GuiFixture f;
    f.frame->use_database(gui::Database::open(f.dir / "vuoto.sqlite", f.frame->database().shared_regulation()));
    REQUIRE(f.frame->showing_start());
    bool found = false;
    for (auto* child : f.frame->start_panel()->GetChildren()) {
        if (auto* text = dynamic_cast<wxStaticText*>(child); text && text->GetLabel().Contains(wxS("vuoto.sqlite"))) {
            found = true;
            CHECK(text->GetLabel() == wxS("Il registro vuoto.sqlite è vuoto"));
        }
    }
    CHECK(found);
}
