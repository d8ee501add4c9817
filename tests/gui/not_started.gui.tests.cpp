// Terms waiting for their event, in the window: the burial dialog's "the holders decline
// the extension" only where the rule lets them, "Registra pagamento…" on a concession
// waiting for its payment, and the list of concessions not started in the Scadenze view.
// On a register judged by a small regulation whose terms start late (as the command
// line's tests use), switched in with use_database.
#include "gui_fixture.hpp"
#include "regulation_files.hpp"
#include "term_start_text.hpp"

#include "burial_dialog.hpp"
#include "database.hpp"
#include "detail_panel.hpp"
#include "expiries_panel.hpp"
#include "payment_dialog.hpp"
#include "search_panel.hpp"

#include <cemetery/regulation_loader.hpp>

#include <wx/button.h>

#include <catch2/catch.hpp>

#include <fstream>

using gui_test::GuiFixture;

namespace {

cemetery::Date ymd(int y, unsigned m, unsigned d) { return cemetery::Date{date::year{y}, date::month{m}, date::day{d}}; }

// The frame switched to a new register judged by the regulation of term_start_text.hpp
// (ossario from the payment, tomba_famiglia from the death, cappella from the signing;
// the last two extended at every burial, declinable and not).
gui::Database& late_register(GuiFixture& f) {
    const auto file = f.dir / "regolamento-prova.toml";
    std::ofstream(file, std::ios::binary) << test::general_section + test::term_start_versions;
    auto load = cemetery::try_load_regulation(file);
    INFO((load.error ? load.error->to_string() : std::string()));
    REQUIRE(load);
    auto rules = std::make_shared<const cemetery::Regulation>(*load.regulation);
    f.frame->use_database(gui::Database::open(f.dir / "prova.sqlite", rules));
    return f.frame->database();
}

// A place of the kind in Liscate, granted on the day to Quaglia Rosa, with no deceased.
cemetery::ConcessionId granted(gui::Database& db, cemetery::PlotKind kind, const std::string& numero,
                               cemetery::Date signed_on) {
    const auto liscate = db.reg().find_comune("Liscate");
    REQUIRE(liscate);
    cemetery::PlotRange range;
    range.cemetery = db.reg().cemeteries(liscate->id).front().id;
    range.kind = kind;
    range.settore = "P";
    range.numero = numero;
    const auto plots = db.reg().add_plots(range);
    REQUIRE(plots);
    cemetery::ConcessionRequest r;
    r.comune = liscate->id;
    r.plot = plots.value->front();
    r.signed_on = signed_on;
    cemetery::Holder h;
    h.surname = "Quaglia";
    h.given_name = "Rosa";
    r.holders = {h};
    const auto out = db.reg().concede(r, db.regulation());
    INFO(out.reason());
    REQUIRE(out);
    return out.concession->id;
}

}  // namespace

TEST_CASE("the burial dialog offers to decline the extension only where the rule lets the holders, and it counts",
          "[life]") {
    GuiFixture f;
    auto& db = late_register(f);
    const auto tomb = granted(db, cemetery::PlotKind::tomba_famiglia, "1", ymd(2025, 3, 1));
    const auto chapel = granted(db, cemetery::PlotKind::cappella, "2", ymd(2025, 3, 1));
    {
        gui::BurialDialog dialog(f.frame, *db.reg().record(chapel), db.reg().life(chapel), db.regulation());
        CHECK_FALSE(dialog.OffersToDecline());
        CHECK_FALSE(dialog.FindWindow(wxS("decline_extension")));
    }
    gui::BurialDialog dialog(f.frame, *db.reg().record(tomb), db.reg().life(tomb), db.regulation());
    REQUIRE(dialog.OffersToDecline());
    auto* box = dialog.FindWindow(wxS("decline_extension"));
    REQUIRE(box);
    CHECK(box->GetLabel() == wxS("Gli aventi diritto rinunciano alla proroga"));
    dialog.SetDeceased(wxS("Quaglia"), wxS("Ettore"), wxS("26/02/2026"), wxS("02/03/2026"), cemetery::RemainsForm::coffin);
    // Extended: 40 years from the burial, later than from the death.
    CHECK(dialog.OutcomeText().Contains(wxS("La durata decorre da questa sepoltura: scadenza 02/03/2066.")));
    CHECK_FALSE(dialog.request().extension_declined);
    dialog.SetExtensionDeclined(true);
    CHECK(dialog.CanConfirm());
    // Declined: 40 years from the death, as the term runs.
    CHECK(dialog.OutcomeText().Contains(wxS("scadenza 26/02/2066.")));
    CHECK(dialog.request().extension_declined);
    const auto out = db.reg().bury(tomb, dialog.request(), db.regulation());
    INFO(out.reason());
    REQUIRE(out);
    CHECK(out.concession->expires_on == ymd(2066, 2, 26));
}

TEST_CASE("a concession waiting for its payment offers Registra pagamento; recorded, its term starts", "[life]") {
    GuiFixture f;
    auto& db = late_register(f);
    const auto box = granted(db, cemetery::PlotKind::ossario, "1", ymd(2025, 6, 2));
    const auto tomb = granted(db, cemetery::PlotKind::tomba_famiglia, "2", ymd(2025, 6, 2));
    auto* detail = f.frame->search_panel()->detail();

    f.frame->show_concession(tomb, wxS("2025/0002"));
    CHECK_FALSE(detail->OffersPayment());  // it waits for a death, not a payment

    f.frame->show_concession(box, wxS("2025/0001"));
    REQUIRE(detail->OffersPayment());
    auto* button = dynamic_cast<wxButton*>(detail->FindWindow(wxS("record_payment_button")));
    REQUIRE(button);
    CHECK(button->GetLabel() == wxS("Registra pagamento…"));
    {
        gui::PaymentDialog dialog(f.frame, *db.reg().record(box), db.regulation(), ymd(2025, 7, 1));
        dialog.SetDate(ymd(2025, 6, 1));
        CHECK_FALSE(dialog.CanConfirm());
        CHECK(dialog.OutcomeText().Contains(wxS("Il pagamento non si può registrare")));
        CHECK(dialog.OutcomeText().Contains(wxS("non può precedere la stipula dell'atto (02/06/2025)")));
        dialog.SetDate(ymd(2025, 7, 2));
        CHECK_FALSE(dialog.CanConfirm());
        dialog.SetDate(ymd(2025, 6, 20));
        CHECK(dialog.CanConfirm());
        CHECK(dialog.OutcomeText().Contains(wxS("La durata decorre dal 20/06/2025: scadenza 20/06/2045.")));
        CHECK(dialog.OutcomeText().Contains(wxS("art. 11 c.2")));
    }

    // From the button, as a clerk does: the dialog opens on today, confirmed.
    bool could_confirm = false;
    gui_test::when_window_appears(wxS("payment_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::PaymentDialog*>(window);
        REQUIRE(dialog);
        dialog->SetDate(ymd(2025, 6, 20));
        could_confirm = dialog->CanConfirm();
        gui_test::click(dialog, wxID_OK);
    });
    wxCommandEvent click(wxEVT_BUTTON, button->GetId());
    click.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(click);
    CHECK(could_confirm);
    CHECK(db.reg().concession(box)->expires_on == ymd(2045, 6, 20));
    CHECK_FALSE(detail->OffersPayment());
    CHECK(detail->Text().Contains(wxS("20/06/2045")));
    CHECK(detail->Text().Contains(wxS("pagamento registrato")));
    // The detail's Vicende: the payment that started the term.
    CHECK(detail->Text().Contains(wxS("20/06/2025\tPagamento: la durata decorre\tdurata dal 20/06/2025, scade il "
                                      "20/06/2045")));
}

TEST_CASE("the Scadenze view lists the concessions not started, with what each waits for", "[expiries]") {
    GuiFixture f;
    auto& db = late_register(f);
    granted(db, cemetery::PlotKind::ossario, "1", ymd(2025, 6, 2));
    granted(db, cemetery::PlotKind::tomba_famiglia, "2", ymd(2025, 3, 1));
    granted(db, cemetery::PlotKind::cappella, "3", ymd(2025, 3, 1));  // from the signing: started
    auto* expiries = f.frame->expiries_panel();
    expiries->ShowNotStarted();
    auto* rows = expiries->not_started_rows();
    REQUIRE(rows->IsShown());
    REQUIRE(rows->GetItemCount() == 2);
    CHECK(rows->GetItemText(0, 4) == wxS("2025/0002"));
    CHECK(rows->GetItemText(0, 6) == wxS("il decesso"));
    CHECK(rows->GetItemText(1, 6) == wxS("il pagamento"));
    CHECK(rows->GetItemText(1, 5) == wxS("02/06/2025"));
    CHECK(expiries->CountText().Contains(wxS("2 concessioni non decorse")));
    expiries->ShowExpiring(90);
    CHECK_FALSE(rows->IsShown());
}
