// The main window's commands for the life of a concession (kept apart from main_frame.cpp).
#include "convert.hpp"
#include "ids.hpp"
#include "life_actions.hpp"
#include "main_frame.hpp"
#include "new_concession_wizard.hpp"
#include "search_panel.hpp"

namespace gui {

void MainFrame::OnNewConcession(wxCommandEvent&) {
    NewConcessionWizard wizard(this, database());
    if (wizard.ShowModal() != wxID_OK) return;
    const auto& out = wizard.Outcome();
    if (!out) return;  // the wizard showed why
    concession_changed(out.concession->id);
    show_concession(out.concession->id, to_wx(out.concession->deed_number));
}

// On the concession shown in the search view.
void MainFrame::OnLifeCommand(wxCommandEvent& event) {
    const auto id = search_panel_->shown();
    if (!id) return;
    if (event.GetId() == id_end_concession) end_concession(this, *this, *id);
    if (event.GetId() == id_close_concession) close_concession(this, *this, *id);
    if (event.GetId() == id_add_burial) bury_deceased(this, *this, *id);
    if (event.GetId() == id_succession) succeed_holders(this, *this, *id);
}

}  // namespace gui
