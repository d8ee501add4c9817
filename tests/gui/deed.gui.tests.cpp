// "Stampa atto…" in the concession's detail: which deed, its print preview, its PDF.
#include "gui_fixture.hpp"

#include "concession_actions.hpp"
#include "deed_dialog.hpp"
#include "detail_panel.hpp"
#include "documents/tools.hpp"
#include "ids.hpp"
#include "results_list.hpp"
#include "search_panel.hpp"

#include <wx/button.h>

#include <catch2/catch.hpp>

#include <cemetery/regulation_loader.hpp>

#include <fstream>

#include <sys/stat.h>

using gui_test::GuiFixture;

namespace {

wxWindow* print_preview() {
    for (wxWindow* window : wxTopLevelWindows) {
        if (window->GetName() == wxS("print_preview") && window->IsShown()) return window;
    }
    return nullptr;
}

// The text of every page, one string.
std::string pages_text(const std::vector<cemetery::documents::Page>& pages) {
    std::string out;
    for (const auto& p : pages) {
        for (const auto& item : p.items) out += item.text + "\n";
    }
    return out;
}

cemetery::ConcessionId shown_zanardelli(GuiFixture& f) {
    f.type_search(wxS("zanardelli"));
    REQUIRE(gui_test::wait_until([&] { return f.frame->search_panel()->results()->GetItemCount() == 1; }));
    const auto id = f.frame->search_panel()->detail()->concession_id();
    REQUIRE(id);
    return *id;
}

}  // namespace

TEST_CASE("Stampa atto opens the preview of the concession's deed, with the holder and the expiry", "[deed]") {
    GuiFixture f;
    const auto id = shown_zanardelli(f);
    auto* detail = f.frame->search_panel()->detail();
    auto* button = dynamic_cast<wxButton*>(wxWindow::FindWindowByName(wxS("print_deed_button"), detail));
    REQUIRE(button);
    CHECK(button->IsShownOnScreen());

    int choices = 0;
    gui_test::when_window_appears(wxS("deed_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::DeedDialog*>(window);
        REQUIRE(dialog);
        choices = dialog->ChoiceCount();
        CHECK_FALSE(dialog->renewal());
        gui_test::click(dialog, wxID_PREVIEW);
    });
    wxCommandEvent click(wxEVT_BUTTON, button->GetId());
    click.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(click);
    CHECK(choices == 1);  // no renewal yet: only the concession's deed
    REQUIRE(gui_test::wait_until([] { return print_preview() != nullptr; }));
    gui_test::pump(1500);
    gui_test::screenshot(wxS("deed_preview"));
    print_preview()->Close(true);
    gui_test::pump(50);

    const std::string text = pages_text(gui::deed_pages(*f.frame, id, std::nullopt));
    INFO(text);
    CHECK_THAT(text, Catch::Contains("Atto di concessione cimiteriale n. L-2022-001"));
    CHECK_THAT(text, Catch::Contains("Brambilla Carla, codice fiscale " + gui_test::holder_tax_code()));
    CHECK_THAT(text, Catch::Contains("scade il 01/03/2052"));
    CHECK_THAT(text, Catch::Contains("Il responsabile del servizio"));

    SECTION("the same deed saved as a PDF, readable by its owner only") {
        const auto pdf = f.dir / "atto.pdf";
        gui::write_deed(*f.frame, id, std::nullopt, pdf);
        struct stat st {};
        REQUIRE(::stat(pdf.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777u) == 0600u);
        const std::string written = test::pdf_text(pdf);
        CHECK_THAT(written, Catch::Contains("Brambilla Carla"));
        CHECK_THAT(written, Catch::Contains("L-2022-001"));
    }
}

TEST_CASE("after a renewal the dialog offers the renewal's deed first, and Ctrl+P opens it", "[deed]") {
    GuiFixture f;
    const auto id = shown_zanardelli(f);
    auto& db = f.frame->database();
    REQUIRE(db.reg().renew(id, {cemetery::today(), "R-2026/9"}, db.regulation()));
    f.frame->concession_changed(id);

    std::optional<std::size_t> chosen{99};
    int choices = 0;
    gui_test::when_window_appears(wxS("deed_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::DeedDialog*>(window);
        REQUIRE(dialog);
        choices = dialog->ChoiceCount();
        chosen = dialog->renewal();
        gui_test::click(dialog, wxID_CANCEL);
    });
    wxCommandEvent press(wxEVT_MENU, gui::id_print_deed);
    f.frame->ProcessWindowEvent(press);
    CHECK(choices == 2);
    CHECK(chosen == std::optional<std::size_t>{0});
    CHECK(print_preview() == nullptr);  // cancelled: nothing opened

    const std::string text = pages_text(gui::deed_pages(*f.frame, id, 0));
    INFO(text);
    CHECK_THAT(text, Catch::Contains("Atto di rinnovo n. R-2026/9 della concessione cimiteriale n. L-2022-001"));
    CHECK_THAT(text, Catch::Contains("la concessione scade il 01/03/2062"));
}

TEST_CASE("a deed text the office broke is refused naming its line, before anything is printed", "[deed]") {
    GuiFixture f;
    const auto id = shown_zanardelli(f);
    const auto bad = f.dir / "atto.txt";
    {
        std::ofstream out(bad);
        out << "[concessione]\nScade il {scadenze}\n[rinnovo]\n";
    }
    wxSetEnv(wxS("CEMETERY_ATTO"), wxString(bad.string()));
    std::string message;
    try {
        (void)gui::deed_pages(*f.frame, id, std::nullopt);
    } catch (const cemetery::RegulationFileError& e) {
        message = e.what();
    }
    wxUnsetEnv(wxS("CEMETERY_ATTO"));
    CHECK_THAT(message, Catch::Contains(bad.string() + ":2") && Catch::Contains("unknown placeholder {scadenze}"));
}
