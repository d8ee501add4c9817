#include "life_actions.hpp"

#include "burial_dialog.hpp"
#include "close_dialog.hpp"
#include "convert.hpp"
#include "ending_dialog.hpp"
#include "payment_dialog.hpp"
#include "succession_dialog.hpp"
#include "words.hpp"

#include <wx/msgdlg.h>

namespace gui {

namespace {

// The refusal in the interface language, the library's sentence (with its rule) below.
void show_refused(wxWindow* parent, const wxString& title, const cemetery::LifeOutcome& out) {
    const wxString what = out.refusal ? refusal_text(out.refusal->code) : conflict_text(out.conflict->code);
    wxMessageDialog dialog(parent, what, title, wxOK | wxICON_WARNING);
    dialog.SetExtendedMessage(out.refusal ? refusal_detail(*out.refusal) : conflict_detail(*out.conflict));
    dialog.ShowModal();
}

}  // namespace

void bury_deceased(wxWindow* parent, Host& host, cemetery::ConcessionId id) {
    auto& db = host.database();
    const auto record = db.reg().record(id);
    if (!record) return;
    BurialDialog dialog(parent, *record, db.reg().life(id), db.regulation());
    if (dialog.ShowModal() != wxID_OK) return;
    const auto out = db.reg().bury(id, dialog.request(), db.regulation());
    if (!out) show_refused(parent, _("Add burial"), out);
    host.concession_changed(id);
}

void succeed_holders(wxWindow* parent, Host& host, cemetery::ConcessionId id) {
    auto& db = host.database();
    const auto concession = db.reg().concession(id);
    if (!concession) return;
    SuccessionDialog dialog(parent, *concession, db.reg().life(id).closing.has_value(), cemetery::today());
    if (dialog.ShowModal() != wxID_OK) return;
    const auto request = dialog.request();
    if (!request) return;  // OK stays disabled until the clerk says whom the heirs succeed
    const auto out = db.reg().succeed(id, *request);
    if (!out) show_refused(parent, _("Succession"), out);
    host.concession_changed(id);
}

void end_concession(wxWindow* parent, Host& host, cemetery::ConcessionId id) {
    auto& db = host.database();
    const auto concession = db.reg().concession(id);
    if (!concession) return;
    EndingDialog dialog(parent, *concession, db.reg().life(id).closing.has_value(), db.regulation(), cemetery::today());
    if (dialog.ShowModal() != wxID_OK) return;
    const auto out = db.reg().end_concession(id, dialog.request(), db.regulation());
    if (!out) show_refused(parent, _("Surrender / Forfeiture / Revocation"), out);
    host.concession_changed(id);
}

void close_concession(wxWindow* parent, Host& host, cemetery::ConcessionId id) {
    auto& db = host.database();
    const auto concession = db.reg().concession(id);
    if (!concession) return;
    CloseDialog dialog(parent, *concession, db.reg().life(id), db.regulation(), cemetery::today());
    if (dialog.ShowModal() != wxID_OK) return;
    const auto out = db.reg().close(id, dialog.request(), db.regulation());
    if (!out) show_refused(parent, _("Close expired concession"), out);
    host.concession_changed(id);
}

void record_payment(wxWindow* parent, Host& host, cemetery::ConcessionId id) {
    auto& db = host.database();
    const auto record = db.reg().record(id);
    if (!record) return;
    PaymentDialog dialog(parent, *record, db.regulation(), cemetery::today());
    if (dialog.ShowModal() != wxID_OK) return;
    const auto out = db.reg().pay(id, dialog.request(), db.regulation());
    if (!out) show_refused(parent, _("Record payment"), out);
    host.concession_changed(id);
}

}  // namespace gui
