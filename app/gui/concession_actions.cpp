#include "concession_actions.hpp"

#include "convert.hpp"
#include "holders_dialog.hpp"
#include "renew_dialog.hpp"
#include "words.hpp"

#include <wx/msgdlg.h>

#include <optional>

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
    // What the clerk typed, kept when the concession changed underneath (another
    // desk renewed it, say) and the dialog is shown again on it as it stands now.
    std::optional<cemetery::RenewalRequest> typed;
    for (;;) {
        const auto record = db.reg().record(id);
        if (!record) break;
        RenewDialog dialog(parent, *record, db.regulation(), typed ? typed->on : cemetery::today(),
                           db.reg().life(id).postings);
        if (typed) {
            dialog.SetDeed(to_wx(typed->deed));
            dialog.TellChangedUnderneath();
        }
        if (dialog.ShowModal() != wxID_OK) break;
        typed = dialog.request();
        const auto outcome = db.reg().renew(id, *typed, db.regulation());
        if (outcome.conflict && outcome.conflict->code == cemetery::ConflictCode::stale) continue;
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
        break;
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
