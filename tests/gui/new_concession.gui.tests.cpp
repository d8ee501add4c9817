// Nuova concessione: the wizard on the real window, a loculo granted at a death, and
// the refusal of a loculo with nobody to bury, shown with its rule.
#include "gui_fixture.hpp"

#include "ids.hpp"
#include "new_concession_wizard.hpp"
#include "results_list.hpp"
#include "search_panel.hpp"

#include <catch2/catch.hpp>

using gui_test::GuiFixture;

namespace {

const cemetery::Date signing{date::year{2026}, date::month{12}, date::day{1}};

// Three loculi of a new wall in Liscate.
void lay_out_wall(GuiFixture& f) {
    auto& reg = f.frame->database().reg();
    const auto liscate = reg.find_comune("Liscate");
    REQUIRE(liscate);
    const auto cemeteries = reg.cemeteries(liscate->id);
    REQUIRE_FALSE(cemeteries.empty());
    cemetery::PlotRange range;
    range.cemetery = cemeteries.front().id;
    range.kind = cemetery::PlotKind::loculo;
    range.settore = "Z";
    range.fila = "1";
    range.numero = "1-3";
    REQUIRE(reg.add_plots(range));
}

}  // namespace

TEST_CASE("the new-concession wizard grants a free loculo to a person who just died", "[life]") {
    GuiFixture f;
    lay_out_wall(f);
    gui::NewConcessionWizard wizard(f.frame, f.frame->database());
    wizard.SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
    REQUIRE(wizard.FreePlotCount() == 3);
    wizard.SelectPlot(1);
    wizard.SetDeceased(wxS("Pèrego"), wxS("Giuseppe"), wxS("03/03/1941"), wxS("28/11/2026"));
    wizard.SetHolder(wxS("Pèrego"), wxS("Lucia"), wxString());
    const wxString summary = wizard.SummaryText();
    INFO(summary.utf8_string());
    CHECK(summary.Contains(wxS("Scadenza: 01/12/2056")));
    CHECK(summary.Contains(wxS("Unione 2020")));
    CHECK(summary.Contains(wxS("n. 2")));
    REQUIRE(wizard.CanFinish());
    const auto out = wizard.Confirm();
    INFO(out.reason());
    REQUIRE(out);
    CHECK(out.concession->deed_number == "2026/0001");
    CHECK(f.frame->database().reg().plot_state(out.concession->plot, signing)->state == cemetery::PlotState::occupied);
    // The place is no longer among the free ones.
    wizard.SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
    CHECK(wizard.FreePlotCount() == 2);
}

TEST_CASE("the wizard shows the rule when a loculo has nobody to bury, and Finish stays off", "[life]") {
    GuiFixture f;
    lay_out_wall(f);
    gui::NewConcessionWizard wizard(f.frame, f.frame->database());
    wizard.SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
    wizard.SetHolder(wxS("Rossi"), wxS("Ugo"), wxString());
    const wxString summary = wizard.SummaryText();
    INFO(summary.utf8_string());
    CHECK(summary.Contains(wxS("Il regolamento non consente questa concessione: questo tipo di posto si concede solo "
                               "quando vi si deve seppellire qualcuno.")));
    CHECK(summary.Contains(wxS("RR Lombardia 4/2022 art. 27 c.6")));
    CHECK_FALSE(wizard.CanFinish());
    const auto before = f.frame->database().reg().count_concessions();
    CHECK(f.frame->database().reg().count_concessions() == before);
}

TEST_CASE("Ctrl+N opens the wizard from the window; its pages lead to the summary and the concession is shown",
          "[life]") {
    GuiFixture f;
    lay_out_wall(f);
    wxString summary;
    gui_test::when_window_appears(wxS("new_concession_wizard"), [&](wxWindow* window) {
        auto* wizard = dynamic_cast<gui::NewConcessionWizard*>(window);
        REQUIRE(wizard);
        wizard->SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
        wizard->SetDeceased(wxS("D'Adda"), wxS("Carlo"), wxString(), wxS("29/11/2026"));
        wizard->SetHolder(wxS("D'Adda"), wxS("Luisa"), wxString());
        for (int page = 0; page < 4; ++page) gui_test::click(wizard, wxID_FORWARD);
        summary = wizard->SummaryText();
        gui_test::click(wizard, wxID_FORWARD);  // Finish
    });
    wxCommandEvent event(wxEVT_MENU, gui::id_new_concession);
    f.frame->ProcessWindowEvent(event);
    INFO(summary.utf8_string());
    CHECK(summary.Contains(wxS("Scadenza: 01/12/2056")));
    const auto liscate = f.frame->database().reg().find_comune("Liscate");
    CHECK(f.frame->database().reg().find_concession(liscate->id, "2026/0001"));
}
