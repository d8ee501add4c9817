#include "concession_actions.hpp"

#include "convert.hpp"
#include "deed_dialog.hpp"
#include "document_printout.hpp"
#include "fit_display.hpp"
#include "holders_dialog.hpp"
#include "renew_dialog.hpp"
#include "words.hpp"

#include <cemetery/documents/deed_pdf.hpp>

#include <wx/filedlg.h>
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

namespace docs = cemetery::documents;

// The deed laid out from the register as it stands, with the office's text read anew:
// a clerk who corrects data/atto.txt sees the change at the next print.
struct DeedToPrint {
    docs::Deed deed;
    docs::DeedTemplate text;
};

DeedToPrint deed_to_print(Host& host, cemetery::ConcessionId id, std::optional<std::size_t> renewal) {
    auto& db = host.database();
    const auto record = db.reg().record(id);
    if (!record) throw std::runtime_error("the concession is no longer in the register");
    const auto offices = docs::load_offices(docs::shipped_offices_path());
    return {docs::collect_deed(*record, db.regulation(), offices, renewal, cemetery::today()),
            docs::load_deed_template(docs::shipped_deed_template_path())};
}

// "atto-2021-0005.pdf": deed numbers may hold slashes, a file name may not.
wxString deed_file_name(const docs::Deed& deed) {
    wxString name = to_wx(deed.number);
    for (const wxUniChar c : {wxUniChar('/'), wxUniChar('\\'), wxUniChar(' '), wxUniChar('('), wxUniChar(')')}) {
        name.Replace(wxString(c), wxS("-"));
    }
    return (deed.kind == docs::DeedKind::concession ? wxS("atto-") : wxS("atto-rinnovo-")) + name + wxS(".pdf");
}

}  // namespace

std::vector<docs::Page> deed_pages(Host& host, cemetery::ConcessionId id, std::optional<std::size_t> renewal) {
    const auto d = deed_to_print(host, id, renewal);
    return docs::lay_out_deed(d.deed, d.text);
}

void write_deed(Host& host, cemetery::ConcessionId id, std::optional<std::size_t> renewal,
                const std::filesystem::path& file) {
    const auto d = deed_to_print(host, id, renewal);
    host.database().write_output(file, [&](const auto& path) { docs::write_deed_pdf(d.deed, d.text, path); });
}

void print_deed(wxWindow* parent, Host& host, cemetery::ConcessionId id) {
    const auto concession = host.database().reg().concession(id);
    if (!concession) return;
    DeedDialog dialog(parent, *concession);
    const int action = dialog.ShowModal();
    if (action != wxID_PREVIEW && action != wxID_SAVE) return;
    const auto renewal = dialog.renewal();
    try {
        if (action == wxID_PREVIEW) {
            const auto d = deed_to_print(host, id, renewal);
            show_print_preview(parent, _("Deed"), docs::lay_out_deed(d.deed, d.text));
            return;
        }
        const auto d = deed_to_print(host, id, renewal);  // a bad text is said before a file is asked for
        wxFileDialog save(parent, _("Save deed"), wxString(), deed_file_name(d.deed), _("PDF files (*.pdf)|*.pdf"),
                          wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (show_fitted(save) != wxID_OK) return;
        write_deed(host, id, renewal, std::filesystem::path(to_std(save.GetPath())));
        host.set_status(wxString::Format(_("Deed saved to %s"), save.GetPath()));
    } catch (const std::exception& e) {
        wxMessageBox(to_wx(e.what()), _("Print deed"), wxOK | wxICON_ERROR, parent);
    }
}

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
