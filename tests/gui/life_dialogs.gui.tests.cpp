// Chiudi concessione scaduta and Rinuncia / Decadenza / Revoca: the regulation's
// decision shown live, with its rule when refused and OK disabled; confirmed from
// the window's menu on the concession shown.
#include "gui_fixture.hpp"

#include "burial_dialog.hpp"
#include "close_dialog.hpp"
#include "ending_dialog.hpp"
#include "ids.hpp"
#include "results_list.hpp"
#include "search_panel.hpp"
#include "succession_dialog.hpp"

#include <catch2/catch.hpp>

using gui_test::GuiFixture;

namespace {

cemetery::Date ymd(int y, unsigned m, unsigned d) { return cemetery::Date{date::year{y}, date::month{m}, date::day{d}}; }

// A loculo of a new wall in Liscate, granted on 2021-03-01 (expires 2051-03-01).
cemetery::ConcessionId granted_loculo(GuiFixture& f) {
    auto& db = f.frame->database();
    const auto liscate = db.reg().find_comune("Liscate");
    REQUIRE(liscate);
    cemetery::PlotRange range;
    range.cemetery = db.reg().cemeteries(liscate->id).front().id;
    range.settore = "Z";
    range.numero = "9";
    const auto plots = db.reg().add_plots(range);
    REQUIRE(plots);
    cemetery::ConcessionRequest r;
    r.comune = liscate->id;
    r.plot = plots.value->front();
    r.signed_on = ymd(2021, 3, 1);
    cemetery::Holder h;
    h.surname = "Quaglia";
    h.given_name = "Rosa";
    r.holders = {h};
    cemetery::Deceased d;
    d.surname = "Quaglia";
    d.given_name = "Ettore";
    d.died_on = ymd(2021, 2, 26);
    r.first_deceased = d;
    const auto out = db.reg().concede(r, db.regulation());
    INFO(out.reason());
    REQUIRE(out);
    return out.concession->id;
}

}  // namespace

TEST_CASE("closing an expired loculo is refused before its posting ends, with the rule, then allowed", "[life]") {
    GuiFixture f;
    auto& db = f.frame->database();
    const auto id = granted_loculo(f);
    {
        gui::CloseDialog dialog(f.frame, *db.reg().concession(id), db.reg().life(id), db.regulation(), ymd(2051, 6, 1));
        CHECK_FALSE(dialog.CanConfirm());
        CHECK(dialog.OutcomeText().Contains(wxS("La concessione non può essere chiusa: la scadenza non è mai stata affissa.")));
        CHECK(dialog.OutcomeText().Contains(wxS("RR Lombardia 6/2004 art. 20")));
    }
    REQUIRE(db.reg().post_expired(db.reg().find_comune("Liscate")->id, ymd(2051, 4, 1), ymd(2051, 4, 1)));
    gui::CloseDialog dialog(f.frame, *db.reg().concession(id), db.reg().life(id), db.regulation(), ymd(2051, 6, 29));
    CHECK_FALSE(dialog.CanConfirm());
    CHECK(dialog.OutcomeText().Contains(wxS("il periodo di affissione non è finito")));
    dialog.SetDate(ymd(2051, 6, 30));
    CHECK(dialog.CanConfirm());
    CHECK(dialog.OutcomeText().Contains(wxS("Il posto sarà libero dal 30/06/2051.")));
    dialog.SetRemains(cemetery::RemainsDestination::none);
    CHECK_FALSE(dialog.CanConfirm());  // someone rests there: say where the remains go
}

TEST_CASE("a surrender needs its act; recorded from the menu, the place is free", "[life]") {
    GuiFixture f;
    auto& db = f.frame->database();
    const auto id = granted_loculo(f);
    {
        gui::EndingDialog dialog(f.frame, *db.reg().concession(id), false, db.regulation(), ymd(2030, 3, 1));
        CHECK_FALSE(dialog.CanConfirm());
        CHECK(dialog.OutcomeText().Contains(wxS("Non si può registrare: manca l'atto.")));
        dialog.SetEnding(cemetery::Ending::surrendered, wxS("prot. 88/2030"), wxS("trasferimento a Milano"));
        CHECK(dialog.CanConfirm());
        CHECK(dialog.OutcomeText().Contains(wxS("resti non sono trasferiti")));
        dialog.SetRemainsMoved(true);
        CHECK(dialog.OutcomeText().Contains(wxS("Il posto sarà libero dal 01/03/2030.")));
    }

    f.type_search(wxS("quaglia"));
    auto* results = f.frame->search_panel()->results();
    REQUIRE(gui_test::wait_until([&] { return results->GetItemCount() == 1; }));
    gui_test::when_window_appears(wxS("ending_dialog"), [&](wxWindow* window) {
        auto* dialog = dynamic_cast<gui::EndingDialog*>(window);
        REQUIRE(dialog);
        dialog->SetEnding(cemetery::Ending::surrendered, wxS("prot. 88/2030"), wxS("trasferimento a Milano"));
        dialog->SetRemainsMoved(true);
        gui_test::click(dialog, wxID_OK);
    });
    wxCommandEvent event(wxEVT_MENU, gui::id_end_concession);
    f.frame->ProcessWindowEvent(event);
    const auto after = db.reg().concession(id);
    CHECK(after->ending == cemetery::Ending::surrendered);
    CHECK(after->ending_act == "prot. 88/2030");
    CHECK(db.reg().plot_state(after->plot, cemetery::today())->state == cemetery::PlotState::free);
}

TEST_CASE("adding a second coffin to a loculo is refused with the rule; an urn fits", "[life]") {
    GuiFixture f;
    auto& db = f.frame->database();
    const auto id = granted_loculo(f);
    gui::BurialDialog dialog(f.frame, *db.reg().record(id), db.reg().life(id), db.regulation());
    CHECK_FALSE(dialog.CanConfirm());  // nobody named yet
    dialog.SetDeceased(wxS("Quaglia"), wxS("Nora"), wxS("01/05/2025"), wxS("03/05/2025"), cemetery::RemainsForm::coffin);
    CHECK_FALSE(dialog.CanConfirm());
    CHECK(dialog.OutcomeText().Contains(wxS("Il regolamento non consente questa sepoltura: il posto è pieno per questi resti.")));
    CHECK(dialog.OutcomeText().Contains(wxS("DPR 285/1990 art. 93")));
    dialog.SetDeceased(wxS("Quaglia"), wxS("Nora"), wxS("01/05/2025"), wxS("03/05/2025"), cemetery::RemainsForm::urn);
    CHECK(dialog.CanConfirm());
    CHECK(dialog.OutcomeText().Contains(wxS("La sepoltura è consentita; la scadenza resta 01/03/2051.")));
    const auto out = db.reg().bury(id, dialog.request(), db.regulation());
    INFO(out.reason());
    CHECK(out);
}

TEST_CASE("a succession without its act is refused; with it, the heir joins the holders", "[life]") {
    GuiFixture f;
    auto& db = f.frame->database();
    const auto id = granted_loculo(f);
    gui::SuccessionDialog dialog(f.frame, *db.reg().concession(id), false, ymd(2032, 1, 10));
    CHECK_FALSE(dialog.CanConfirm());
    CHECK(dialog.OutcomeText().Contains(wxS("Non si può registrare: serve almeno un concessionario.")));
    dialog.SetHeir(wxS("D'Adda"), wxS("Carla"), wxString(), wxString(), true);
    CHECK_FALSE(dialog.CanConfirm());
    CHECK(dialog.OutcomeText().Contains(wxS("manca l'atto")));
    dialog.SetHeir(wxS("D'Adda"), wxS("Carla"), wxString(), wxS("voltura 2032/4"), true);
    CHECK(dialog.CanConfirm());
    CHECK(dialog.OutcomeText().Contains(wxS("Concessionari dopo il subentro: Quaglia Rosa, D'Adda Carla")));
    REQUIRE(dialog.request());
    const auto out = db.reg().succeed(id, *dialog.request());
    INFO(out.reason());
    REQUIRE(out);
    CHECK(out.concession->holders.size() == 2);
}

TEST_CASE("a succession asks whom the heirs succeed, none by default, and records exactly that", "[life]") {
    GuiFixture f;
    auto& db = f.frame->database();
    const auto id = granted_loculo(f);
    // Two holders: Rosa, and her brother who joined in 2025.
    cemetery::Holder brother;
    brother.surname = "Quaglia";
    brother.given_name = "Bruno";
    REQUIRE(db.reg().succeed(id, cemetery::SuccessionRequest{ymd(2025, 5, 2), "voltura 2025/1", {brother},
                                                             cemetery::SuccessionMode::join, {}}));

    gui::SuccessionDialog dialog(f.frame, *db.reg().concession(id), false, ymd(2032, 1, 10));
    CHECK(dialog.HolderLabels() == std::vector<wxString>{wxS("Quaglia Rosa"), wxS("Quaglia Bruno")});
    dialog.SetHeir(wxS("D'Adda"), wxS("Carla"), wxString(), wxS("voltura 2032/4"), false);
    INFO(dialog.OutcomeText().ToStdString());
    // Nobody ticked: nothing is replaced by default, and nothing can be recorded.
    CHECK_FALSE(dialog.CanConfirm());
    CHECK_FALSE(dialog.request());
    CHECK(dialog.OutcomeText().Contains(wxS("Spuntate i concessionari a cui subentrano gli eredi")));

    dialog.SetSucceeded(0, true);  // Rosa's heir
    dialog.Show();
    gui_test::screenshot(wxS("succession"));
    CHECK(dialog.CanConfirm());
    CHECK(dialog.OutcomeText().Contains(wxS("Concessionari dopo il subentro: Quaglia Bruno, D'Adda Carla")));
    REQUIRE(dialog.request());
    const auto out = db.reg().succeed(id, *dialog.request());
    INFO(out.reason());
    REQUIRE(out);
    REQUIRE(out.concession->holders.size() == 2);
    CHECK(out.concession->holders[0].given_name == "Bruno");
    CHECK(out.concession->holders[1].surname == "D'Adda");
}
