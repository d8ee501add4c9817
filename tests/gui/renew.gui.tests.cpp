#include "gui_fixture.hpp"

#include "convert.hpp"
#include "detail_panel.hpp"
#include "ids.hpp"
#include "renew_dialog.hpp"
#include "results_list.hpp"
#include "search_panel.hpp"

#include <wx/button.h>

#include <catch2/catch.hpp>

#include <cstdlib>

using gui_test::GuiFixture;

namespace {

// Ctrl+R, as the menu accelerator sends it.
void press_renew(gui::MainFrame* frame) {
    wxCommandEvent event(wxEVT_MENU, gui::id_renew);
    frame->ProcessWindowEvent(event);
}

}  // namespace

TEST_CASE("renewing shows the new expiry in the dialog, then in the list and the detail", "[renew]") {
    GuiFixture f;
    f.type_search(wxS("zanardelli"));
    auto* results = f.frame->search_panel()->results();
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));

    wxString outcome;
    bool could_confirm = false;
    gui_test::when_window_appears(wxS("renew_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::RenewDialog*>(window);
        REQUIRE(dialog);
        outcome = dialog->OutcomeText();
        could_confirm = dialog->CanConfirm();
        dialog->SetDeed(wxS("R-2026/14"));
        gui_test::click(dialog, wxID_OK);
    });
    press_renew(f.frame);  // returns when the dialog is closed

    CHECK(could_confirm);
    CHECK(outcome.Contains(wxS("Nuova scadenza: 01/03/2062")));
    CHECK(outcome.Contains(wxS("Tariffa non configurata")));
    CHECK(outcome.Contains(wxS("Unione 2020")));
    CHECK(results->GetItemText(0, 7) == wxS("01/03/2062"));
    const wxString detail = f.frame->search_panel()->detail()->Text();
    CHECK(detail.Contains(wxS("01/03/2062")));
    CHECK(detail.Contains(wxS("R-2026/14")));
    CHECK(detail.Contains(wxS("rinnovo")));

    SECTION("renewing it again the same day is refused as the same renewal, and OK stays disabled") {
        gui_test::when_window_appears(wxS("renew_dialog"), [&](wxWindow* window) {
            auto* dialog = dynamic_cast<gui::RenewDialog*>(window);
            outcome = dialog->OutcomeText();
            could_confirm = dialog->CanConfirm();
            gui_test::click(dialog, wxID_CANCEL);
        });
        press_renew(f.frame);
        CHECK_FALSE(could_confirm);
        // Renewed today already: no later day can be recorded yet, and today is a repeat.
        CHECK(outcome.Contains(wxS("Il regolamento non consente il rinnovo: la data non è successiva all'ultimo "
                                   "rinnovo registrato.")));
        CHECK(results->GetItemText(0, 7) == wxS("01/03/2062"));  // nothing written
    }
}

TEST_CASE("a Truccazzano concession cannot be renewed today; the date picked changes the decision", "[renew]") {
    GuiFixture f;
    f.type_search(wxS("T-2010-004"));
    auto* results = f.frame->search_panel()->results();
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    const auto record = f.frame->database().reg().record(results->hit_at(0)->concession);
    REQUIRE(record);

    gui::RenewDialog dialog(f.frame, *record, f.frame->database().regulation(), cemetery::today());
    CHECK_FALSE(dialog.CanConfirm());
    CHECK(dialog.OutcomeText().Contains(wxS("Il regolamento non consente il rinnovo: nessuna versione del regolamento")));
    CHECK(dialog.OutcomeText().Contains(wxS("Truccazzano")));  // the library's sentence, as detail

    // In 2022 Truccazzano was a member and the Union's rules allowed one renewal.
    dialog.SetDate(cemetery::Date{date::year{2022}, date::month{6}, date::day{1}});
    CHECK(dialog.CanConfirm());
    CHECK(dialog.OutcomeText().Contains(wxS("Nuova scadenza: 10/05/2050")));
}

TEST_CASE("a renewal that would end before its own date is refused in the dialog, with the dates", "[renew]") {
    GuiFixture f;
    f.type_search(wxS("P-1960-001"));
    auto* results = f.frame->search_panel()->results();
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    const auto record = f.frame->database().reg().record(results->hit_at(0)->concession);
    REQUIRE(record);
    REQUIRE(record->concession.expires_on == cemetery::Date{date::year{1990}, date::month{5}, date::day{5}});

    // Expired in 1990: ten years from there end in 2000, before any day it could be granted now.
    gui::RenewDialog dialog(f.frame, *record, f.frame->database().regulation(), cemetery::today());
    INFO(dialog.OutcomeText().ToStdString());
    CHECK_FALSE(dialog.CanConfirm());
    CHECK_FALSE(dialog.OutcomeText().Contains(wxS("Nuova scadenza")));
    CHECK(dialog.OutcomeText().Contains(wxS("Il regolamento non consente il rinnovo: il rinnovo scadrebbe prima")));
    CHECK(dialog.OutcomeText().Contains(wxS("05/05/2000")));
}

TEST_CASE("a closed concession says how it ended, and cannot be renewed", "[renew]") {
    GuiFixture f;
    auto& db = f.frame->database();
    const cemetery::Date posted{date::year{2026}, date::month{1}, date::day{2}};
    const cemetery::Date closed_on{date::year{2026}, date::month{6}, date::day{1}};
    const auto liscate = db.reg().find_comune("Liscate");
    REQUIRE(liscate);
    REQUIRE(db.reg().post_expired(liscate->id, posted, posted));
    const auto id = db.reg().find_concession(liscate->id, "L-1950-002");
    REQUIRE(id);
    const auto closed = db.reg().close(
        *id, cemetery::ClosingRequest{closed_on, cemetery::RemainsDestination::ossuary, "det. 3/2026", ""}, db.regulation());
    INFO(closed.reason());
    REQUIRE(closed);

    f.type_search(wxS("L-1950-002"));
    auto* results = f.frame->search_panel()->results();
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    CHECK(results->GetItemText(0, 8) == wxS("chiusa"));
    const wxString detail = f.frame->search_panel()->detail()->Text();
    INFO(detail.ToStdString());
    CHECK(detail.Contains(wxS("chiusa (al ")));
    CHECK(detail.Contains(wxS("Chiusa il 01/06/2026 (resti: ossario comune, atto det. 3/2026)")));
    auto* renew = dynamic_cast<wxButton*>(f.frame->FindWindow(wxS("renew_button")));
    REQUIRE(renew);
    CHECK_FALSE(renew->IsEnabled());

    const auto record = db.reg().record(*id);
    gui::RenewDialog dialog(f.frame, *record, db.regulation(), cemetery::today());
    CHECK_FALSE(dialog.CanConfirm());
    CHECK(dialog.OutcomeText().Contains(wxS("il posto è già stato liberato")));
}

namespace {

// A tariff of the comune and kind, from 01/01/2025, as a [[tariffa]] table gives it.
cemetery::Tariff tariff_of(const std::string& comune, cemetery::PlotKind kind, cemetery::TariffItem item,
                           std::string basis) {
    cemetery::Tariff t;
    t.comuni = {comune};
    t.kind = kind;
    t.item = item;
    t.from = cemetery::Date{date::year{2025}, date::month{1}, date::day{1}};
    t.basis = std::move(basis);
    return t;
}

}  // namespace

TEST_CASE("the renewal dialog shows the renewal's amount and the resolutions it comes from", "[renew]") {
    GuiFixture f;
    f.type_search(wxS("zanardelli"));
    auto* results = f.frame->search_panel()->results();
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    const auto record = f.frame->database().reg().record(results->hit_at(0)->concession);
    REQUIRE(record);
    cemetery::Regulation rules = f.frame->database().regulation();
    auto renewal = tariff_of(record->comune.name, record->plot.kind, cemetery::TariffItem::renewal,
                             "delibera G.C. n. 40 del 10/12/2024");
    renewal.of_concession = cemetery::Share{2, 3};
    rules.tariffs.push_back(renewal);

    SECTION("two thirds of the concession tariff in force, each with its resolution") {
        auto concession = tariff_of(record->comune.name, record->plot.kind, cemetery::TariffItem::concession,
                                    "delibera G.C. n. 12 del 03/12/2024");
        concession.cents = 90000;
        rules.tariffs.push_back(concession);
        gui::RenewDialog dialog(f.frame, *record, rules, cemetery::today());
        CHECK(dialog.CanConfirm());
        INFO(dialog.OutcomeText().ToStdString());
        CHECK(dialog.OutcomeText().Contains(
            wxString::FromUTF8("Tariffa: 600,00 €: 2/3 della tariffa di concessione, 900,00 € dal 01/01/2025 (delibera "
                               "G.C. n. 12 del 03/12/2024); arrotondato al centesimo; dal 01/01/2025 (delibera G.C. n. "
                               "40 del 10/12/2024)")));
    }
    SECTION("no concession tariff in force: not configured, and why") {
        gui::RenewDialog dialog(f.frame, *record, rules, cemetery::today());
        INFO(dialog.OutcomeText().ToStdString());
        CHECK(dialog.OutcomeText().Contains(
            wxString::FromUTF8("Tariffa non configurata: il rinnovo costa 2/3 della tariffa di concessione (delibera "
                               "G.C. n. 40 del 10/12/2024), e nessuna tariffa di concessione è in vigore il ")));
    }
}

TEST_CASE("the renewal dialog's rule names the version and its document, and says once that the value is provisional",
          "[renew]") {
    GuiFixture f;
    f.type_search(wxS("zanardelli"));
    auto* results = f.frame->search_panel()->results();
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    const auto record = f.frame->database().reg().record(results->hit_at(0)->concession);
    REQUIRE(record);

    gui::RenewDialog dialog(f.frame, *record, f.frame->database().regulation(), cemetery::today());
    const wxString outcome = dialog.OutcomeText();
    INFO(outcome.ToStdString());
    REQUIRE(dialog.CanConfirm());
    CHECK(outcome.Contains(wxS("Regola: \u00ABUnione 2020\u00BB, Regolamento di Polizia Mortuaria dell'Unione Adda "
                               "Martesana (2020)\nValore provvisorio, in attesa del testo approvato.")));
    // The file's research notes are for whoever edits it, not for the clerk.
    CHECK_FALSE(outcome.Contains(wxS("Cusano")));
    CHECK_FALSE(outcome.Contains(wxS("valori provvisori")));
    int provisional = 0;
    for (size_t at = outcome.Lower().find(wxS("provvisori")); at != wxString::npos;
         at = outcome.Lower().find(wxS("provvisori"), at + 1)) {
        ++provisional;
    }
    CHECK(provisional == 1);
}

namespace {

// The concession as another desk sees it: a Register of its own on the same file.
cemetery::ConcessionId zanardelli(cemetery::Register& reg) {
    const auto liscate = reg.find_comune("Liscate");
    REQUIRE(liscate);
    const auto id = reg.find_concession(liscate->id, "L-2022-001");
    REQUIRE(id);
    return *id;
}

}  // namespace

TEST_CASE("renewed by another program while the dialog is open: OK tells the clerk and shows it again, never a second "
          "renewal",
          "[renew]") {
    GuiFixture f;
    f.type_search(wxS("zanardelli"));
    auto* results = f.frame->search_panel()->results();
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    const auto file = f.frame->database().file();

    int cli_status = -1;
    bool shown_again = false;
    wxString notice_first, notice_again, outcome_again, deed_again;
    bool could_confirm_again = true;
    gui_test::when_window_appears(wxS("renew_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::RenewDialog*>(window);
        REQUIRE(dialog);
        REQUIRE(dialog->CanConfirm());
        notice_first = dialog->NoticeText();
        dialog->SetDeed(wxS("R-2026/14"));
        // Meanwhile the command line, at another desk, renews it today.
        const std::string command = std::string("\"") + CEMETERY_CLI + "\" --db \"" + file.string() +
                                    "\" renew L-2022-001 --comune Liscate --deed R-2026/13 >/dev/null 2>&1";
        cli_status = std::system(command.c_str());
        gui_test::when_window_appears(wxS("renew_dialog"), [&](wxWindow* again_window) {
            auto* again = dynamic_cast<gui::RenewDialog*>(again_window);
            REQUIRE(again);
            shown_again = true;
            notice_again = again->NoticeText();
            outcome_again = again->OutcomeText();
            deed_again = gui::to_wx(again->request().deed);
            could_confirm_again = again->CanConfirm();
            gui_test::click(again, wxID_CANCEL);
        });
        gui_test::click(dialog, wxID_OK);
    });
    wxCommandEvent event(wxEVT_MENU, gui::id_renew);
    f.frame->ProcessWindowEvent(event);  // returns when the dialog is closed

    CHECK(cli_status == 0);
    CHECK(notice_first.empty());
    REQUIRE(shown_again);
    CHECK(notice_again.Contains(wxS("Qualcun altro ha modificato la concessione")));
    CHECK(deed_again == wxS("R-2026/14"));  // what the clerk typed is kept
    // Shown as it stands now: renewed today already, a renewal today is the same one.
    INFO(outcome_again.utf8_string());
    CHECK_FALSE(could_confirm_again);
    CHECK(outcome_again.Contains(wxS("non è successiva all'ultimo rinnovo")));

    auto other = cemetery::Register::open_existing(file, "other.clerk");
    const auto now = other.concession(zanardelli(other));
    REQUIRE(now->renewals.size() == 1);
    CHECK(now->renewals[0].deed == "R-2026/13");
    CHECK(results->GetItemText(0, 7) == wxS("01/03/2062"));  // the list reads what is there
}

TEST_CASE("holders changed at another desk while the renewal dialog is open: shown again with what was typed, then "
          "renewed once",
          "[renew]") {
    GuiFixture f;
    f.type_search(wxS("zanardelli"));
    auto* results = f.frame->search_panel()->results();
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    const auto file = f.frame->database().file();

    bool shown_again = false;
    wxString notice_again, deed_again;
    gui_test::when_window_appears(wxS("renew_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::RenewDialog*>(window);
        REQUIRE(dialog);
        dialog->SetDeed(wxS("R-2026/14"));
        {
            auto other = cemetery::Register::open_existing(file, "other.clerk");
            const auto id = zanardelli(other);
            const auto shown = *other.concession(id);
            auto holders = shown.holders;
            holders.push_back(cemetery::Holder{{}, "Brambilla", "Luisa", {}, {}, {}, {}});
            REQUIRE(other.replace_holders(id, holders, shown.row_version));
        }
        gui_test::when_window_appears(wxS("renew_dialog"), [&](wxWindow* again_window) {
            auto* again = dynamic_cast<gui::RenewDialog*>(again_window);
            REQUIRE(again);
            shown_again = true;
            notice_again = again->NoticeText();
            deed_again = gui::to_wx(again->request().deed);
            gui_test::click(again, wxID_OK);  // checked, and confirmed again
        });
        gui_test::click(dialog, wxID_OK);
    });
    wxCommandEvent event(wxEVT_MENU, gui::id_renew);
    f.frame->ProcessWindowEvent(event);

    REQUIRE(shown_again);
    CHECK(notice_again.Contains(wxS("Qualcun altro ha modificato la concessione")));
    CHECK(deed_again == wxS("R-2026/14"));
    const auto now = f.frame->database().reg().concession(zanardelli(f.frame->database().reg()));
    REQUIRE(now->renewals.size() == 1);
    CHECK(now->renewals[0].deed == "R-2026/14");
    CHECK(now->holders.size() == 2);
    CHECK(results->GetItemText(0, 7) == wxS("01/03/2062"));
}
