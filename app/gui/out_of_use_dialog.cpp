#include "out_of_use_dialog.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace gui {

OutOfUseDialog::OutOfUseDialog(wxWindow* parent, const cemetery::PlotStatusRow& row)
    : wxDialog(parent, wxID_ANY, _("Put out of use"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName(wxS("out_of_use_dialog"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1);
    auto add_line = [&](const wxString& label, const wxString& value) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical());
        grid->Add(new wxStaticText(this, wxID_ANY, value), wxSizerFlags().CenterVertical());
    };
    add_line(_("Cemetery"), to_wx(row.cemetery) + wxS(" (") + to_wx(row.comune) + wxS(")"));
    add_line(_("Place"), location_text(row.plot.location) + wxS(" · ") + kind_text(row.plot.kind));
    wxString state = plot_state_text(row.state.state);
    if (!row.state.deed_number.empty()) {
        state += wxS(" · ") + wxString::Format(_("concession %s"), to_wx(row.state.deed_number));
    }
    add_line(_("Status today"), state);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Out of use from")), wxSizerFlags().CenterVertical());
    from_ = new wxDatePickerCtrl(this, wxID_ANY, to_wx_date(cemetery::today()), wxDefaultPosition, wxDefaultSize,
                                 wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    from_->SetName(wxS("out_of_use_from"));
    grid->Add(from_);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Reason")), wxSizerFlags().CenterVertical());
    reason_ = new wxTextCtrl(this, wxID_ANY);
    reason_->SetName(wxS("out_of_use_reason"));
    reason_->SetHint(_("e.g. wall condemned"));
    grid->Add(reason_, wxSizerFlags().Expand());
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    if (row.state.state == cemetery::PlotState::conceded || row.state.state == cemetery::PlotState::occupied) {
        auto* held = new wxStaticText(this, wxID_ANY,
                                      _("A concession holds this place: out of use, it is no longer offered, "
                                        "but the concession and its burials stay as they are."));
        held->Wrap(FromDIP(420));
        sizer->Add(held, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    }
    auto* buttons = new wxStdDialogButtonSizer;
    ok_ = new wxButton(this, wxID_OK, _("Put out of use"));
    ok_->SetDefault();
    buttons->AddButton(ok_);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer);
    SetEscapeId(wxID_CANCEL);
    reason_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdateButton(); });
    UpdateButton();
    SetMinSize(FromDIP(wxSize(460, 220)));
    Fit();
    CentreOnParent();
    reason_->SetFocus();
}

cemetery::Date OutOfUseDialog::from() const { return from_wx_date(from_->GetValue()); }

wxString OutOfUseDialog::reason() const { return reason_->GetValue().Strip(wxString::both); }

void OutOfUseDialog::SetFrom(cemetery::Date from) { from_->SetValue(to_wx_date(from)); }

void OutOfUseDialog::SetReason(const wxString& reason) { reason_->SetValue(reason); }

bool OutOfUseDialog::CanConfirm() const { return ok_->IsEnabled(); }

// The register keeps why a place was withdrawn: no reason, no button.
void OutOfUseDialog::UpdateButton() { ok_->Enable(!reason().empty()); }

wxString put_plot_out_of_use(wxWindow* parent, Host& host, const cemetery::PlotStatusRow& row) {
    OutOfUseDialog dialog(parent, row);
    if (dialog.ShowModal() != wxID_OK) return wxString();
    const auto done = host.database().reg().put_out_of_use(row.plot.id, dialog.from(), to_std(dialog.reason()));
    if (!done) {
        wxMessageDialog refused(parent, conflict_text(done.conflict->code), _("Put out of use"), wxOK | wxICON_WARNING);
        refused.ShowModal();
        return wxString();
    }
    const wxString done_text = wxString::Format(_("Out of use from %s: %s, %s."), date_text(dialog.from()),
                                                location_text(row.plot.location), to_wx(row.cemetery));
    host.set_status(done_text);
    return done_text;
}

}  // namespace gui
