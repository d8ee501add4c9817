// The detail pane's Vicende: the acts a clerk checks on a concession before closing or
// renewing it, each on its day: the posting of the expired list, a succession, the
// closing that freed the place.
#include "gui_fixture.hpp"

#include "detail_panel.hpp"
#include "search_panel.hpp"

#include <wx/notebook.h>

#include <catch2/catch.hpp>

using gui_test::GuiFixture;

namespace {

cemetery::Date ymd(int y, unsigned m, unsigned d) { return cemetery::Date{date::year{y}, date::month{m}, date::day{d}}; }

}  // namespace

TEST_CASE("the detail lists the posting, the succession and the closing of a concession, oldest first", "[detail]") {
    GuiFixture f;
    auto& db = f.frame->database();
    const auto liscate = db.reg().find_comune("Liscate");
    REQUIRE(liscate);
    const auto id = db.reg().find_concession(liscate->id, "L-1950-002");
    REQUIRE(id);
    cemetery::Holder heir;
    heir.surname = "Rossi";
    heir.given_name = "Anna";
    REQUIRE(db.reg().succeed(*id, cemetery::SuccessionRequest{ymd(1990, 3, 1), "voltura 1990/2", {heir},
                                                              cemetery::SuccessionMode::join, {}}));
    REQUIRE(db.reg().post_expired(liscate->id, ymd(2026, 1, 2), ymd(2026, 1, 2)));
    const auto closed = db.reg().close(
        *id, cemetery::ClosingRequest{ymd(2026, 6, 1), cemetery::RemainsDestination::ossuary, "det. 3/2026", ""},
        db.regulation());
    INFO(closed.reason());
    REQUIRE(closed);

    f.frame->show_concession(*id, wxS("L-1950-002"));
    auto* detail = f.frame->search_panel()->detail();
    const wxString text = detail->Text();
    auto* events = wxWindow::FindWindowByName(wxS("life_events"), detail);
    REQUIRE(events);
    if (auto* tabs = dynamic_cast<wxNotebook*>(events->GetParent())) {
        tabs->SetSelection(static_cast<size_t>(tabs->FindPage(events)));
        CHECK(tabs->GetPageText(static_cast<size_t>(tabs->GetSelection())) == wxS("Vicende"));
    }
    gui_test::screenshot(wxS("detail_events"));
    INFO(text.ToStdString());
    const auto succession = text.find(wxS("01/03/1990\tSubentro\tatto voltura 1990/2: Rossi Mario → Rossi Mario, Rossi Anna"));
    const auto posting = text.find(wxS("02/01/2026\tAffissione all'albo\telenco delle concessioni scadute al 02/01/2026"));
    const auto closing = text.find(wxS("01/06/2026\tChiusura: il posto è libero\tresti: ossario comune, atto det. 3/2026"));
    CHECK(succession != wxString::npos);
    CHECK(posting != wxString::npos);
    CHECK(closing != wxString::npos);
    CHECK(succession < posting);
    CHECK(posting < closing);
}
