#include "concession_actions.hpp"

#include "convert.hpp"
#include "holders_dialog.hpp"
#include "renew_dialog.hpp"
#include "words.hpp"

#include <wx/msgdlg.h>

namespace gui {

namespace {

void show_conflict(wxWindow* parent, const cemetery::Conflict& conflict) {
    wxMessageDialog dialog(parent, conflict_text(conflict.code), _("Cemetery services"), wxOK | wxICON_WARNING);
    dialog.SetExtendedMessage(conflict_detail(conflict));
    dialog.ShowModal();
}

// An edit the rules refuse: the concession's life is over (ended, or its place freed).
void show_refusal(wxWindow* parent, const cemetery::Refusal& refusal) {
    wxMessageDialog dialog(parent, refusal_text(refusal.code), _("Cemetery services"), wxOK | wxICON_WARNING);
    dialog.SetExtendedMessage(refusal_detail(refusal));
    dialog.ShowModal();
}

}  // namespace

void renew_concession(wxWindow* parent, Host& host, cemetery::ConcessionId id) {
    auto& db = host.database();
    const auto record = db.reg().record(id);
    if (!record) return;
    RenewDialog dialog(parent, *record, db.regulation(), cemetery::today(), db.reg().life(id).postings);
    if (dialog.ShowModal() != wxID_OK) return;
    const auto outcome = db.reg().renew(id, dialog.request(), db.regulation());
    if (!outcome.decision.allowed()) {
        wxMessageDialog refused(parent,
                                wxString::Format(_("The regulation does not allow a renewal: %s."),
                                                 refusal_text(outcome.decision.refusal->code)),
                                _("Renewal"), wxOK | wxICON_WARNING);
        refused.SetExtendedMessage(refusal_detail(*outcome.decision.refusal));
        refused.ShowModal();
    } else if (outcome.conflict) {
        show_conflict(parent, *outcome.conflict);
    } else if (outcome.concession) {
        host.set_status(wxString::Format(_("Concession no. %s renewed: new expiry %s"),
                                         to_wx(outcome.concession->deed_number),
                                         date_text(outcome.concession->expires_on)));
    }
    host.concession_changed(id);
}

void edit_holders(wxWindow* parent, Host& host, cemetery::ConcessionId id) {
    auto& db = host.database();
    const auto concession = db.reg().concession(id);
    if (!concession) return;
    HoldersDialog dialog(parent, *concession);
    if (dialog.ShowModal() != wxID_OK) return;
    const auto result = db.reg().replace_holders(id, dialog.holders(), concession->row_version);
    if (result.refusal) show_refusal(parent, *result.refusal);
    if (result.conflict) show_conflict(parent, *result.conflict);
    host.concession_changed(id);
}

}  // namespace gui
