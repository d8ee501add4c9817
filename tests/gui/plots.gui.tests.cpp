// Strumenti → Posti…: the plot inventory in the window. A wall laid out by ranges,
// its plots free in the list and offered for a new concession; a plot put out of use
// and no longer offered; a range over places already there refused, naming one.
#include "gui_fixture.hpp"

#include "convert.hpp"
#include "ids.hpp"
#include "out_of_use_dialog.hpp"
#include "plot_rows_view.hpp"
#include "plots_dialog.hpp"

#include <cemetery/register.hpp>

#include <wx/button.h>

#include <catch2/catch.hpp>

using gui_test::GuiFixture;

namespace {

void press(wxWindow* dialog, const wxString& name) {
    auto* button = wxWindow::FindWindowByName(name, dialog);
    REQUIRE(button);
    REQUIRE(button->IsEnabled());
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(event);
}

// Opens Strumenti → Posti… and runs `act` on the dialog, then closes it.
void with_plots_dialog(GuiFixture& f, const std::function<void(gui::PlotsDialog&)>& act) {
    bool opened = false;
    gui_test::when_window_appears(wxS("plots_dialog"), [&](wxWindow* window) {
        opened = true;
        auto* dialog = dynamic_cast<gui::PlotsDialog*>(window);
        REQUIRE(dialog);
        try {
            act(*dialog);
        } catch (...) {
            gui_test::click(dialog, wxID_CLOSE);
            throw;
        }
        if (dialog->IsModal()) gui_test::click(dialog, wxID_CLOSE);
    });
    wxCommandEvent event(wxEVT_MENU, gui::id_plots);
    f.frame->ProcessWindowEvent(event);
    CHECK(opened);
}

cemetery::CemeteryId liscate_cemetery(cemetery::Register& reg) {
    const auto cemeteries = reg.cemeteries(reg.find_comune("Liscate")->id);
    REQUIRE(cemeteries.size() == 1);
    return cemeteries.front().id;
}

// What the new-concession wizard offers: free plots of a kind in a cemetery on a day.
std::vector<cemetery::PlotStatusRow> offered(const cemetery::Register& reg, cemetery::CemeteryId cemetery) {
    cemetery::PlotQuery q;
    q.cemetery = cemetery;
    q.kind = cemetery::PlotKind::loculo;
    q.state = cemetery::PlotState::free;
    q.on = cemetery::today();
    return reg.plots(q);
}

void lay_out(cemetery::Register& reg, cemetery::CemeteryId cemetery, std::string numero) {
    cemetery::PlotRange range;
    range.cemetery = cemetery;
    range.kind = cemetery::PlotKind::loculo;
    range.settore = "N";
    range.fila = "1";
    range.numero = std::move(numero);
    REQUIRE(reg.add_plots(range));
}

}  // namespace

TEST_CASE("a wall laid out from Strumenti → Posti… is free in the list and offered for a new concession", "[plots]") {
    GuiFixture f;
    auto& reg = f.frame->database().reg();
    const auto cemetery = liscate_cemetery(reg);
    REQUIRE(offered(reg, cemetery).empty());
    wxString preview, outcome, counts;
    std::size_t listed = 0, free_listed = 0;
    wxSize size;
    bool add_is_default = false;
    with_plots_dialog(f, [&](gui::PlotsDialog& dialog) {
        size = dialog.GetSize();
        REQUIRE(dialog.SelectCemetery(wxS("Liscate"), wxS("Liscate")));
        CHECK(dialog.rows().size() == 2);  // the fixture's loculo and fossa
        dialog.SetRange(cemetery::PlotKind::loculo, wxS("N"), wxS("1"), wxS("1-4"), wxS("1-2"));
        preview = dialog.PreviewText();
        CHECK(dialog.CanAdd());
        add_is_default = dialog.GetDefaultItem() == wxWindow::FindWindowByName(wxS("plots_add"), &dialog);
        press(&dialog, wxS("plots_add"));
        outcome = dialog.OutcomeText();
        counts = dialog.CountsText();
        listed = dialog.rows().size();
        for (const auto& row : dialog.rows()) free_listed += row.state.state == cemetery::PlotState::free;
        CHECK(dialog.list()->GetItemText(dialog.list()->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED), 2) ==
              wxS("libero"));
    });
    CHECK(size.x <= 1024);
    CHECK(size.y <= 768);
    CHECK(add_is_default);
    INFO(preview.utf8_string() << " / " << outcome.utf8_string());
    CHECK(preview ==
          wxS("Saranno aggiunti 8 posti (loculo): da sett. N, fila 1, n. 1, piano 1 a sett. N, fila 1, n. 4, piano 2."));
    CHECK(outcome.StartsWith(wxS("8 posti aggiunti (loculo), liberi:")));
    CHECK(counts.StartsWith(wxS("10 posti: 8 liberi")));
    CHECK(listed == 10);
    CHECK(free_listed == 8);
    // The new-concession wizard's question: free loculi in Liscate today.
    CHECK(offered(reg, cemetery).size() == 8);
}

TEST_CASE("a plot put out of use from the window is no longer offered", "[plots]") {
    GuiFixture f;
    auto& reg = f.frame->database().reg();
    const auto cemetery = liscate_cemetery(reg);
    lay_out(reg, cemetery, "1-3");
    const auto condemned = offered(reg, cemetery).front().plot.id;
    bool allowed_without_reason = true, allowed_with_reason = false;
    wxString state, outcome;
    with_plots_dialog(f, [&](gui::PlotsDialog& dialog) {
        REQUIRE(dialog.SelectCemetery(wxS("Liscate"), wxS("Liscate")));
        REQUIRE(dialog.list()->SelectPlot(condemned));
        gui_test::when_window_appears(wxS("out_of_use_dialog"), [&](wxWindow* window) {
            auto* out = dynamic_cast<gui::OutOfUseDialog*>(window);
            REQUIRE(out);
            allowed_without_reason = out->CanConfirm();
            out->SetReason(wxS("muro lesionato"));
            allowed_with_reason = out->CanConfirm();
            gui_test::click(out, wxID_OK);
        });
        press(&dialog, wxS("plots_out_of_use"));
        outcome = dialog.OutcomeText();
        const long selected = dialog.list()->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        state = dialog.list()->GetItemText(selected, 2);
    });
    CHECK_FALSE(allowed_without_reason);
    CHECK(allowed_with_reason);
    CHECK(state == wxS("fuori uso"));
    CHECK(outcome.StartsWith(wxS("Fuori uso dal ") + gui::date_text(cemetery::today())));
    const auto now = offered(reg, cemetery);
    CHECK(now.size() == 2);
    for (const auto& row : now) CHECK(row.plot.id != condemned);
    CHECK(reg.plot_state(condemned, cemetery::today())->state == cemetery::PlotState::out_of_use);
    CHECK(reg.change_log("plot", condemned.value()).back().action == "out_of_use");
}

TEST_CASE("a range over places already there is refused, naming one; nothing is added", "[plots]") {
    GuiFixture f;
    auto& reg = f.frame->database().reg();
    const auto cemetery = liscate_cemetery(reg);
    lay_out(reg, cemetery, "1-5");
    wxString preview, outcome;
    bool could_add_overlap = true;
    with_plots_dialog(f, [&](gui::PlotsDialog& dialog) {
        REQUIRE(dialog.SelectCemetery(wxS("Liscate"), wxS("Liscate")));
        dialog.SetRange(cemetery::PlotKind::loculo, wxS("N"), wxS("1"), wxS("4-8"), wxString());
        preview = dialog.PreviewText();
        could_add_overlap = dialog.CanAdd();

        // Free when the preview was made, taken by another program before the click: the
        // library refuses it and the dialog names the place.
        dialog.SetRange(cemetery::PlotKind::loculo, wxS("N"), wxS("1"), wxS("10-12"), wxString());
        REQUIRE(dialog.CanAdd());
        {
            auto other = cemetery::Register::open_existing(f.frame->database().file(), "other.clerk");
            lay_out(other, cemetery, "11");
        }
        press(&dialog, wxS("plots_add"));
        outcome = dialog.OutcomeText();
    });
    INFO(preview.utf8_string() << " / " << outcome.utf8_string());
    CHECK_FALSE(could_add_overlap);
    CHECK(preview == wxS("2 di questi posti esistono già, il primo in sett. N, fila 1, n. 4. Non si può aggiungere "
                         "nulla: cambiate gli intervalli."));
    CHECK(outcome == wxS("Rifiutato. Esiste già un posto in sett. N, fila 1, n. 11. Non è stato aggiunto nulla."));
    CHECK_FALSE(reg.find_plot(cemetery, {"N", "1", "10", ""}));
    CHECK_FALSE(reg.find_plot(cemetery, {"N", "1", "6", ""}));
    CHECK(offered(reg, cemetery).size() == 6);
}

TEST_CASE("the plots dialog says what is wrong with a range, and Esc closes it", "[plots]") {
    GuiFixture f;
    std::vector<wxString> previews;
    bool closed_by_escape = false;
    with_plots_dialog(f, [&](gui::PlotsDialog& dialog) {
        REQUIRE(dialog.SelectCemetery(wxS("Liscate"), wxS("Liscate")));
        previews.push_back(dialog.PreviewText());
        dialog.SetRange(cemetery::PlotKind::ossario, wxS("O"), wxS("1"), wxS("40-1"), wxString());
        previews.push_back(dialog.PreviewText());
        dialog.SetRange(cemetery::PlotKind::ossario, wxS("O"), wxS("1"), wxString(), wxString());
        previews.push_back(dialog.PreviewText());
        dialog.SetRange(cemetery::PlotKind::ossario, wxS("O"), wxS("1-200"), wxS("1-100"), wxString());
        previews.push_back(dialog.PreviewText());
        CHECK_FALSE(dialog.CanAdd());
        wxKeyEvent escape(wxEVT_CHAR_HOOK);
        escape.m_keyCode = WXK_ESCAPE;
        escape.SetEventObject(&dialog);
        dialog.GetEventHandler()->ProcessEvent(escape);
        gui_test::pump(50);
        closed_by_escape = !dialog.IsModal();
    });
    REQUIRE(previews.size() == 4);
    CHECK(previews[0].StartsWith(wxS("Scrivete i posti da aggiungere")));
    CHECK(previews[1] == wxS("Numero: non è un valore (3) né un intervallo come 1-40."));
    CHECK(previews[2] == wxS("Numero: ogni posto ha il suo numero."));
    CHECK(previews[3] == wxS("Gli intervalli danno 20.000 posti, più di 10.000 alla volta."));
    CHECK(closed_by_escape);
}
