// The main window's commands for the life of a concession (kept apart from main_frame.cpp).
#include "convert.hpp"
#include "main_frame.hpp"
#include "new_concession_wizard.hpp"

namespace gui {

void MainFrame::OnNewConcession(wxCommandEvent&) {
    NewConcessionWizard wizard(this, database());
    if (!wizard.RunWizard(wizard.FirstPage())) return;
    const auto& out = wizard.Outcome();
    if (!out) return;  // the wizard showed why
    concession_changed(out.concession->id);
    show_concession(out.concession->id, to_wx(out.concession->deed_number));
}

}  // namespace gui
