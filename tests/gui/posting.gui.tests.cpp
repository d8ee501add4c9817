// Registra affissione from the Scadenze view, and closing an expired concession from
// the window once the posting days are over: refused before, with what to do and the
// day they end. Exporting the list to post offers to record its posting.
#include "gui_fixture.hpp"

#include "close_dialog.hpp"
#include "convert.hpp"
#include "expiries_panel.hpp"
#include "ids.hpp"
#include "posting_dialog.hpp"
#include "results_list.hpp"
#include "search_panel.hpp"

#include <cemetery/dates.hpp>

#include <catch2/catch.hpp>

using gui_test::GuiFixture;

namespace {

void press(wxWindow* button) {
    REQUIRE(button);
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(event);
}

// The Liscate fossa expired in 1980, shown in the search view; the Scadenze view on
// Liscate's list as of today.
cemetery::ConcessionId expired_fossa(GuiFixture& f) {
    auto& db = f.frame->database();
    f.frame->select_comune(f.comune_index(wxS("Liscate")));
    f.type_search(wxS("L-1950-002"));
    REQUIRE(gui_test::wait_until([&] { return f.frame->search_panel()->results()->GetItemCount() == 1; }));
    f.frame->expiries_panel()->ShowExpired(cemetery::today());
    return *db.reg().find_concession(db.reg().find_comune("Liscate")->id, "L-1950-002");
}

void send_close(GuiFixture& f) {
    wxCommandEvent event(wxEVT_MENU, gui::id_close_concession);
    f.frame->ProcessWindowEvent(event);
}

}  // namespace

TEST_CASE("a posting recorded in the window lets an expired concession be closed once its days are over",
          "[posting]") {
    GuiFixture f;
    auto& db = f.frame->database();
    const auto id = expired_fossa(f);
    const auto today = cemetery::today();
    const auto posted_on = cemetery::add_days(today, -100);

    // Not posted: refused, and told where to record the posting.
    bool allowed_unposted = true;
    wxString unposted;
    gui_test::when_window_appears(wxS("close_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::CloseDialog*>(window);
        REQUIRE(dialog);
        allowed_unposted = dialog->CanConfirm();
        unposted = dialog->OutcomeText();
        gui_test::click(dialog, wxID_CANCEL);
    });
    send_close(f);
    CHECK_FALSE(allowed_unposted);
    CHECK(unposted.Contains(wxS("non è mai stata affissa")));
    CHECK(unposted.Contains(wxS("vista Scadenze, «Registra affissione…»")));

    // Registra affissione, from the Scadenze view: the list as of today, posted 100 days ago.
    long counted = 0;
    wxString summary;
    gui_test::when_window_appears(wxS("posting_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::PostingDialog*>(window);
        REQUIRE(dialog);
        dialog->SetDates(today, posted_on);
        counted = dialog->count();
        summary = dialog->SummaryText();
        gui_test::click(dialog, wxID_OK);
    });
    press(wxWindow::FindWindowByName(wxS("record_posting"), f.frame->expiries_panel()));
    CHECK(counted == 1);
    CHECK(summary.Contains(wxS("1 concessione scaduta al ") + gui::date_text(today) +
                           wxS(" viene registrata come affissa dal ") + gui::date_text(posted_on)));
    CHECK(summary.Contains(wxS("si possono liberare dal ") + gui::date_text(cemetery::add_days(posted_on, 90))));
    const auto postings = db.reg().life(id).postings;
    REQUIRE(postings.size() == 1);
    CHECK(postings.front().posted_on == posted_on);
    CHECK(postings.front().list_as_of == today);

    // Before the posting days are over, refused with the day they end; after, closed.
    bool allowed_early = true, allowed_after = false;
    wxString early;
    gui_test::when_window_appears(wxS("close_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::CloseDialog*>(window);
        REQUIRE(dialog);
        dialog->SetDate(cemetery::add_days(posted_on, 89));
        allowed_early = dialog->CanConfirm();
        early = dialog->OutcomeText();
        dialog->SetDate(today);
        dialog->SetRemains(cemetery::RemainsDestination::ossuary);
        allowed_after = dialog->CanConfirm();
        gui_test::click(dialog, wxID_OK);
    });
    send_close(f);
    CHECK_FALSE(allowed_early);
    CHECK(early.Contains(wxS("il periodo di affissione non è finito")));
    CHECK(early.Contains(wxS("i giorni di affissione finiscono il ") +
                         gui::date_text(cemetery::add_days(posted_on, 89)) + wxS("; si può chiudere dal ") +
                         gui::date_text(cemetery::add_days(posted_on, 90))));
    CHECK(allowed_after);
    CHECK(db.reg().concession(id)->closed_on == today);
}

TEST_CASE("exporting the list to post offers to record its posting; not now records nothing", "[posting]") {
    GuiFixture f;
    auto& db = f.frame->database();
    const auto id = expired_fossa(f);
    const auto from = cemetery::add_days(cemetery::today(), -3);
    auto* expiries = f.frame->expiries_panel();

    wxString offer_button;
    gui_test::when_window_appears(wxS("posting_dialog"), [&](wxWindow* window) {
        offer_button = window->FindWindow(wxID_CANCEL)->GetLabel();
        gui_test::click(window, wxID_CANCEL);
    });
    expiries->ExportPostedList(f.dir / "albo-1.pdf", from);
    CHECK(std::filesystem::exists(f.dir / "albo-1.pdf"));
    CHECK(offer_button == wxS("Non ora"));
    CHECK(db.reg().life(id).postings.empty());

    cemetery::Date offered_as_of{}, offered_from{};
    gui_test::when_window_appears(wxS("posting_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::PostingDialog*>(window);
        REQUIRE(dialog);
        offered_as_of = dialog->as_of();
        offered_from = dialog->posted_on();
        gui_test::click(dialog, wxID_OK);
    });
    expiries->ExportPostedList(f.dir / "albo-2.pdf", from);
    CHECK(offered_as_of == cemetery::today());
    CHECK(offered_from == from);
    const auto postings = db.reg().life(id).postings;
    REQUIRE(postings.size() == 1);
    CHECK(postings.front().posted_on == from);
}
