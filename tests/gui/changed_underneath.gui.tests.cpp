// The register changed by another program (the command line, another office) while
// the window is open: the window reads what is there now, and never crashes.
#include "gui_fixture.hpp"

#include "ids.hpp"
#include "new_concession_wizard.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using gui_test::GuiFixture;

namespace {

const cemetery::Date signing{date::year{2026}, date::month{12}, date::day{1}};

// Three loculi of a new wall in Liscate, laid out through a connection of its own,
// as `cemetery plots add` does from another process.
void lay_out_wall_elsewhere(const std::filesystem::path& file) {
    auto other = cemetery::Register::open_existing(file, "other.clerk");
    const auto liscate = other.find_comune("Liscate");
    REQUIRE(liscate);
    const auto cemeteries = other.cemeteries(liscate->id);
    REQUIRE_FALSE(cemeteries.empty());
    cemetery::PlotRange range;
    range.cemetery = cemeteries.front().id;
    range.kind = cemetery::PlotKind::loculo;
    range.settore = "Z";
    range.fila = "1";
    range.numero = "1-3";
    REQUIRE(other.add_plots(range));
}

}  // namespace

TEST_CASE("plots laid out by another program while the wizard is open: Avanti shows them, Fine grants one",
          "[changed]") {
    GuiFixture f;
    int free_before = -1;
    int free_after = -1;
    wxString summary;
    gui_test::when_window_appears(wxS("new_concession_wizard"), [&](wxWindow* window) {
        auto* wizard = dynamic_cast<gui::NewConcessionWizard*>(window);
        REQUIRE(wizard);
        wizard->SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
        free_before = wizard->FreePlotCount();
        lay_out_wall_elsewhere(f.frame->database().file());
        gui_test::click(wizard, wxID_FORWARD);  // to the free places, read again
        free_after = wizard->FreePlotCount();
        wizard->SetDeceased(wxS("Brambilla"), wxS("Carlo"), wxString(), wxS("29/11/2026"));
        wizard->SetHolder(wxS("Brambilla"), wxS("Luisa"), wxString());
        for (int page = 0; page < 3; ++page) gui_test::click(wizard, wxID_FORWARD);
        summary = wizard->SummaryText();
        gui_test::click(wizard, wxID_FORWARD);  // Fine
    });
    wxCommandEvent event(wxEVT_MENU, gui::id_new_concession);
    f.frame->ProcessWindowEvent(event);
    CHECK(free_before == 0);
    CHECK(free_after == 3);
    INFO(summary.utf8_string());
    CHECK(summary.Contains(wxS("Scadenza: 01/12/2056")));
    const auto liscate = f.frame->database().reg().find_comune("Liscate");
    CHECK(f.frame->database().reg().find_concession(liscate->id, "2026/0001"));
}

TEST_CASE("plots laid out by the command line, another process, while the wizard is open: Avanti shows them",
          "[changed]") {
    GuiFixture f;
    int free_after = -1;
    int cli_status = -1;
    wxString summary;
    gui_test::when_window_appears(wxS("new_concession_wizard"), [&](wxWindow* window) {
        auto* wizard = dynamic_cast<gui::NewConcessionWizard*>(window);
        REQUIRE(wizard);
        wizard->SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
        const std::string command = std::string("\"") + CEMETERY_CLI + "\" --db \"" +
                                    f.frame->database().file().string() +
                                    "\" plots add --comune Liscate --kind loculo --settore N --fila 1 --numero 1-3"
                                    " >/dev/null 2>&1";
        cli_status = std::system(command.c_str());
        gui_test::click(wizard, wxID_FORWARD);  // to the free places, read again
        free_after = wizard->FreePlotCount();
        wizard->SetDeceased(wxS("Brambilla"), wxS("Carlo"), wxString(), wxS("29/11/2026"));
        wizard->SetHolder(wxS("Brambilla"), wxS("Luisa"), wxString());
        for (int page = 0; page < 3; ++page) gui_test::click(wizard, wxID_FORWARD);
        summary = wizard->SummaryText();
        gui_test::click(wizard, wxID_FORWARD);  // Fine
    });
    wxCommandEvent event(wxEVT_MENU, gui::id_new_concession);
    f.frame->ProcessWindowEvent(event);
    CHECK(cli_status == 0);
    CHECK(free_after == 3);
    INFO(summary.utf8_string());
    CHECK(summary.Contains(wxS("Scadenza: 01/12/2056")));
    const auto liscate = f.frame->database().reg().find_comune("Liscate");
    CHECK(f.frame->database().reg().find_concession(liscate->id, "2026/0001"));
}
