// Nuova concessione: the wizard on the real window, a loculo granted at a death, and
// the refusal of a loculo with nobody to bury, shown with its rule.
#include "gui_fixture.hpp"
#include "regulation_files.hpp"

#include "ids.hpp"
#include "new_concession_wizard.hpp"
#include "results_list.hpp"
#include "search_panel.hpp"

#include <catch2/catch.hpp>
#include <cemetery/regulation_loader.hpp>

#include <wx/choice.h>

using gui_test::GuiFixture;

namespace {

const cemetery::Date signing{date::year{2026}, date::month{12}, date::day{1}};

// Three loculi of a new wall in Liscate.
void lay_out_wall(gui::Database& db) {
    auto& reg = db.reg();
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

void lay_out_wall(GuiFixture& f) { lay_out_wall(f.frame->database()); }

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

TEST_CASE("where the regulation offers loculi for 30 or 40 years, the wizard asks which and the deed keeps it",
          "[life]") {
    GuiFixture f;
    const std::string toml = test::general_section + R"([[versione]]
nome = "Scelta 2025"
in_vigore_dal = 2025-01-01
comuni = ["Liscate"]
fonte = "regolamento di prova"
  [versione.tipi.loculo]
  durata_anni = [30, 40]
  rinnovi = 0
  decorrenza = "stipula"
  fonte = "art. 50: loculi per 30 o 40 anni"
  capienza = { feretri = 1, fonte = "art. 51" }
)";
    auto load = cemetery::parse_regulation(toml, "scelta.toml");
    REQUIRE(load.regulation);
    auto db = gui::Database::open(f.dir / "scelta.sqlite",
                                  std::make_shared<const cemetery::Regulation>(std::move(*load.regulation)));
    lay_out_wall(*db);
    gui::NewConcessionWizard wizard(f.frame, *db);
    wizard.SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
    CHECK(wizard.TermChoices() == std::vector<int>{30, 40});
    auto* term = dynamic_cast<wxChoice*>(wizard.FindWindow(wxS("term")));
    REQUIRE(term);
    CHECK(term->IsEnabled());
    CHECK(term->GetString(1) == wxS("40 anni"));
    wizard.SetDeceased(wxS("Pèrego"), wxS("Giuseppe"), wxS("03/03/1941"), wxS("28/11/2026"));
    wizard.SetHolder(wxS("Pèrego"), wxS("Lucia"), wxString());
    CHECK(wizard.SummaryText().Contains(wxS("Scadenza: 01/12/2056")));  // the shortest, shown first
    wizard.SetTerm(40);
    const wxString summary = wizard.SummaryText();
    INFO(summary.utf8_string());
    CHECK(summary.Contains(wxS("Scadenza: 01/12/2066")));
    CHECK(summary.Contains(wxS("40 anni")));
    const auto out = wizard.Confirm();
    INFO(out.reason());
    REQUIRE(out);
    CHECK(out.concession->term_years == 40);
    // Under the shipped regulation a loculo has one term: shown, nothing to choose.
    gui::NewConcessionWizard shipped(f.frame, f.frame->database());
    shipped.SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
    CHECK(shipped.TermChoices().empty());
    auto* one = dynamic_cast<wxChoice*>(shipped.FindWindow(wxS("term")));
    REQUIRE(one);
    CHECK_FALSE(one->IsEnabled());
    CHECK(one->GetString(0) == wxS("30 anni"));
}

TEST_CASE("in life from 65: the wizard's Born on decides, and the summary shows the tariff with its resolution",
          "[life][tariff]") {
    GuiFixture f;
    const std::string toml = test::general_section + R"([[versione]]
nome = "In vita 2025"
in_vigore_dal = 2025-01-01
comuni = ["Liscate"]
fonte = "regolamento di prova"
  [versione.tipi.loculo]
  durata_anni = 30
  rinnovi = 0
  decorrenza = "stipula"
  fonte = "art. 50"
  capienza = { feretri = 1, fonte = "art. 51" }
  solo_al_decesso = true
  solo_al_decesso_fonte = "art. 52 c.1"
  in_vita_da_anni = { anni = 65, fonte = "art. 52 c.2: in vita a chi ha compiuto 65 anni" }

[[tariffa]]
comune = "Liscate"
tipo = "loculo"
voce = "concessione"
importo = "900.00"
dal = 2025-03-01
fonte = "delibera G.C. n. 12 del 03/02/2025"
)";
    auto load = cemetery::parse_regulation(toml, "in_vita.toml");
    INFO((load.error ? load.error->message : std::string{}));
    REQUIRE(load.regulation);
    auto db = gui::Database::open(f.dir / "in_vita.sqlite",
                                  std::make_shared<const cemetery::Regulation>(std::move(*load.regulation)));
    lay_out_wall(*db);
    gui::NewConcessionWizard wizard(f.frame, *db);
    wizard.SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);  // 01/12/2026, nobody to bury

    SECTION("without a birth date, the rule asks for it and Finish stays off") {
        wizard.SetHolder(wxS("Brambilla"), wxS("Ugo"), wxString(), wxString());
        const wxString summary = wizard.SummaryText();
        INFO(summary.utf8_string());
        CHECK(summary.Contains(wxS("serve la data di nascita del richiedente")));
        CHECK_FALSE(wizard.CanFinish());
    }
    SECTION("65 tomorrow: refused, with the first day the applicant qualifies") {
        wizard.SetHolder(wxS("Brambilla"), wxS("Ugo"), wxString(), wxS("02/12/1961"));
        const wxString summary = wizard.SummaryText();
        INFO(summary.utf8_string());
        CHECK(summary.Contains(wxS("02/12/2026")));
        CHECK(summary.Contains(wxS("art. 52 c.2")));
        CHECK_FALSE(wizard.CanFinish());
    }
    SECTION("65 today: granted, the summary priced by the resolution in force, and the deed written") {
        wizard.SetHolder(wxS("Brambilla"), wxS("Ugo"), wxString(), wxS("01/12/1961"));
        const wxString summary = wizard.SummaryText();
        INFO(summary.utf8_string());
        CHECK(summary.Contains(wxS("Scadenza: 01/12/2056")));
        CHECK(summary.Contains(wxS("Tariffa: 900,00")));
        CHECK(summary.Contains(wxS("delibera G.C. n. 12 del 03/02/2025")));
        REQUIRE(wizard.CanFinish());
        const auto out = wizard.Confirm();
        INFO(out.reason());
        REQUIRE(out);
        CHECK(out.concession->deceased.empty());
    }
}
