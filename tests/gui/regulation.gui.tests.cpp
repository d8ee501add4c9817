// Strumenti > Regolamento in vigore…: the rules of the comune and day chosen, as the
// library's summary gives them, opened from the real window's menu.
#include "gui_fixture.hpp"

#include "convert.hpp"
#include "ids.hpp"
#include "regulation_dialog.hpp"

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/menu.h>

#include <catch2/catch.hpp>

using gui::RegulationDialog;
using gui_test::GuiFixture;

namespace {

void open_from_menu(gui::MainFrame* frame) {
    wxCommandEvent event(wxEVT_MENU, gui::id_regulation);
    frame->ProcessWindowEvent(event);  // returns when the dialog is closed
}

// Picks a comune as a clerk does: the choice changes and says so.
void choose_comune(wxWindow* dialog, const wxString& name) {
    auto* choice = dynamic_cast<wxChoice*>(dialog->FindWindow(wxS("regulation_comune")));
    REQUIRE(choice);
    const int index = choice->FindString(name);
    REQUIRE(index != wxNOT_FOUND);
    choice->SetSelection(index);
    wxCommandEvent event(wxEVT_CHOICE, choice->GetId());
    event.SetEventObject(choice);
    event.SetInt(index);
    choice->GetEventHandler()->ProcessEvent(event);
}

// Picks a day on the calendar, with the event the picker sends.
void choose_date(wxWindow* dialog, cemetery::Date on) {
    auto* picker = dynamic_cast<wxDatePickerCtrl*>(dialog->FindWindow(wxS("regulation_date")));
    REQUIRE(picker);
    const wxDateTime value = gui::to_wx_date(on);
    picker->SetValue(value);
    wxDateEvent event(picker, value, wxEVT_DATE_CHANGED);
    picker->GetEventHandler()->ProcessEvent(event);
}

}  // namespace

TEST_CASE("Regolamento in vigore shows a Liscate loculo today with the shipped term and source", "[regulation]") {
    GuiFixture f;
    f.frame->select_comune(0);  // the whole Union: the dialog opens on the first comune
    // Under Strumenti, as the clerk finds it.
    CHECK(f.frame->GetMenuBar()->FindMenuItem(wxS("Strumenti"), wxS("Regolamento in vigore…")) == gui::id_regulation);
    wxString version, term, renewals, start, tariff, source, details;
    gui_test::when_window_appears(wxS("regulation_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<RegulationDialog*>(window);
        REQUIRE(dialog);
        choose_comune(dialog, wxS("Liscate"));
        version = dialog->VersionText();
        term = dialog->CellText(cemetery::PlotKind::loculo, RegulationDialog::column_term);
        renewals = dialog->CellText(cemetery::PlotKind::loculo, RegulationDialog::column_renewals);
        start = dialog->CellText(cemetery::PlotKind::loculo, RegulationDialog::column_start);
        tariff = dialog->CellText(cemetery::PlotKind::loculo, RegulationDialog::column_tariff);
        source = dialog->CellText(cemetery::PlotKind::loculo, RegulationDialog::column_source);
        details = dialog->DetailsText();  // the first row, loculo, is selected
        gui_test::click(dialog, wxID_CLOSE);
    });
    open_from_menu(f.frame);

    CHECK(version.StartsWith(wxS("Versione \"Unione 2020\", dal 01/01/2021, senza data di fine\nFonte: ")));
    CHECK(term == wxS("30 anni"));
    CHECK(renewals == wxS("1 rinnovo di 10 anni"));
    CHECK(start == wxS("dalla stipula"));
    CHECK(tariff == wxS("Tariffa non configurata"));
    CHECK(source == wxS("Truccazzano (30 anni); Cusano Milanino (proroga 10 anni) \u2014 provvisorio"));
    CHECK(details == wxS("loculo: 30 anni, dalla stipula; 1 rinnovo di 10 anni\nTariffa non configurata\n"
                         "Fonte: Truccazzano (30 anni); Cusano Milanino (proroga 10 anni) \u2014 provvisorio"));
}

TEST_CASE("Regolamento in vigore opens on the window's comune and says when no version covers the day",
          "[regulation]") {
    GuiFixture f;
    // Its label says it is a former member.
    auto* comuni = f.frame->comune_choice();
    int truccazzano = wxNOT_FOUND;
    for (unsigned i = 0; i < comuni->GetCount(); ++i) {
        if (comuni->GetString(i).StartsWith(wxS("Truccazzano"))) truccazzano = static_cast<int>(i);
    }
    REQUIRE(truccazzano != wxNOT_FOUND);
    f.frame->select_comune(truccazzano);
    wxString after_leaving, version_2010, loculo_2010;
    gui_test::when_window_appears(wxS("regulation_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<RegulationDialog*>(window);
        REQUIRE(dialog);
        after_leaving = dialog->VersionText();  // today: Truccazzano left the Union in 2024
        CHECK(dialog->CellText(cemetery::PlotKind::loculo, RegulationDialog::column_term).empty());
        choose_date(dialog, cemetery::Date{date::year{2010}, date::month{5}, date::day{10}});
        version_2010 = dialog->VersionText();
        loculo_2010 = dialog->CellText(cemetery::PlotKind::loculo, RegulationDialog::column_renewals);
        gui_test::click(dialog, wxID_CLOSE);
    });
    open_from_menu(f.frame);

    CHECK(after_leaving.StartsWith(wxS("Nessuna versione del regolamento si applica a Truccazzano il ")));
    CHECK(after_leaving.Contains(wxS("(dal 01/01/2024, senza data di fine): durate e rinnovi non si possono decidere.")));
    CHECK(version_2010.StartsWith(wxS("Versione \"Truccazzano 2001\", dal 01/01/2001 al 31/12/2020")));
    CHECK(loculo_2010 == wxS("non rinnovabile"));
}

TEST_CASE("Regolamento in vigore shows each tariff in force with its resolution, and the one missing", "[regulation]") {
    GuiFixture f;
    cemetery::Regulation rules = f.frame->database().regulation();
    cemetery::Tariff concession;
    concession.comuni = {"Liscate"};
    concession.kind = cemetery::PlotKind::loculo;
    concession.item = cemetery::TariffItem::concession;
    concession.from = cemetery::Date{date::year{2025}, date::month{3}, date::day{1}};
    concession.cents = 125050;
    concession.basis = "delibera G.C. n. 12 del 03/02/2025";
    rules.tariffs.push_back(concession);
    const auto comuni = f.frame->database().reg().comuni();
    std::optional<cemetery::ComuneId> liscate;
    for (const auto& c : comuni) {
        if (c.name == "Liscate") liscate = c.id;
    }
    REQUIRE(liscate);

    RegulationDialog dialog(f.frame, rules, comuni, liscate, cemetery::Date{date::year{2025}, date::month{3}, date::day{1}});
    CHECK(dialog.CellText(cemetery::PlotKind::loculo, RegulationDialog::column_tariff) ==
          wxString::FromUTF8("concessione: 1.250,50 € dal 01/03/2025 (delibera G.C. n. 12 del 03/02/2025); rinnovo: "
                             "non configurata"));
    CHECK(dialog.CellText(cemetery::PlotKind::ossario, RegulationDialog::column_tariff) == wxS("Tariffa non configurata"));
    // The day before the resolution: none yet.
    choose_date(&dialog, cemetery::Date{date::year{2025}, date::month{2}, date::day{28}});
    CHECK(dialog.CellText(cemetery::PlotKind::loculo, RegulationDialog::column_tariff) == wxS("Tariffa non configurata"));
}
