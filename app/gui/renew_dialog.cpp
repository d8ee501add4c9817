#include "renew_dialog.hpp"

#include "convert.hpp"
#include "date_field.hpp"
#include "rule_text.hpp"
#include "words.hpp"

#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace gui {

RenewDialog::RenewDialog(wxWindow* parent, const cemetery::ConcessionRecord& record,
                         const cemetery::Regulation& regulation, cemetery::Date on,
                         std::vector<cemetery::Posting> postings)
    : wxDialog(parent, wxID_ANY, _("Renewal"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      record_(record),
      regulation_(regulation),
      postings_(std::move(postings)) {
    SetName(wxS("renew_dialog"));
    const auto& c = record_.concession;
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* title = new wxStaticText(this, wxID_ANY, wxString::Format(_("Concession no. %s"), to_wx(c.deed_number)));
    title->SetFont(title->GetFont().Bold().Scaled(1.15f));
    sizer->Add(title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
    notice_ = new wxStaticText(this, wxID_ANY, wxString());
    notice_->SetName(wxS("changed_notice"));
    notice_->SetForegroundColour(wxColour(0xB0, 0x00, 0x20));
    notice_->Hide();
    sizer->Add(notice_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                kind_text(record_.plot.kind) + wxS(" · ") + to_wx(record_.comune.name) + wxS(" · ") +
                                    to_wx(record_.cemetery.name) + wxS(" · ") + location_text(record_.plot.location)),
               wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));

    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Current expiry")), wxSizerFlags().CenterVertical());
    grid->Add(new wxStaticText(this, wxID_ANY, c.perpetual ? _("perpetual") : date_text(c.expires_on, wxS("—"))),
              wxSizerFlags().CenterVertical());
    grid->Add(new wxStaticText(this, wxID_ANY, _("Renewal date")), wxSizerFlags().CenterVertical());
    date_ = make_date_picker(this, to_wx_date(on));
    date_->SetName(wxS("renewal_date"));
    grid->Add(date_, wxSizerFlags().CenterVertical());
    grid->Add(new wxStaticText(this, wxID_ANY, _("Renewal deed no.")), wxSizerFlags().CenterVertical());
    deed_ = new wxTextCtrl(this, wxID_ANY);
    deed_->SetName(wxS("renewal_deed"));
    deed_->SetHint(_("e.g. R-2026/14"));
    grid->Add(deed_, wxSizerFlags().Expand());
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));

    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("What the regulation says"));
    verdict_ = new wxStaticText(box->GetStaticBox(), wxID_ANY, wxString());
    verdict_->SetName(wxS("verdict"));
    verdict_->SetFont(verdict_->GetFont().Bold());
    details_ = new wxStaticText(box->GetStaticBox(), wxID_ANY, wxString());
    details_->SetName(wxS("details"));
    box->Add(verdict_, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    box->Add(details_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6)));
    sizer->Add(box, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));

    auto* buttons = new wxStdDialogButtonSizer;
    ok_ = new wxButton(this, wxID_OK, _("Renew"));
    buttons->AddButton(ok_);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer);

    date_->Bind(wxEVT_DATE_CHANGED, &RenewDialog::OnChangeDate, this);
    SetEscapeId(wxID_CANCEL);
    UpdateOutcome();
    SetMinSize(FromDIP(wxSize(520, 380)));
    Fit();
    CentreOnParent();
    deed_->SetFocus();
}

cemetery::RenewalRequest RenewDialog::request() const {
    cemetery::RenewalRequest request{from_wx_date(date_->GetValue()), to_std(deed_->GetValue().Strip(wxString::both))};
    request.expected_version = record_.concession.row_version;  // what the preview was decided on
    return request;
}

void RenewDialog::TellChangedUnderneath() {
    notice_->SetLabel(conflict_text(cemetery::ConflictCode::stale));
    notice_->Wrap(FromDIP(460));
    notice_->Show();
    Layout();
    Fit();
}

wxString RenewDialog::NoticeText() const { return notice_->IsShown() ? notice_->GetLabel() : wxString(); }

void RenewDialog::SetDate(cemetery::Date on) {
    date_->SetValue(to_wx_date(on));
    UpdateOutcome();
}

void RenewDialog::SetDeed(const wxString& deed) { deed_->SetValue(deed); }

bool RenewDialog::CanConfirm() const { return ok_->IsEnabled(); }

wxString RenewDialog::OutcomeText() const { return outcome_; }

void RenewDialog::OnChangeDate(wxDateEvent&) { UpdateOutcome(); }

void RenewDialog::UpdateOutcome() {
    const auto on = from_wx_date(date_->GetValue());
    // Recorded today, as Register::renew will: a date ahead is refused here already.
    decision_ = cemetery::decide_renewal(regulation_, record_.concession, record_.plot.kind, record_.comune.name, on,
                                         cemetery::today(), postings_);
    const int wrap = FromDIP(460);
    if (decision_.allowed()) {
        verdict_->SetLabel(wxString::Format(_("New expiry: %s"), date_text(decision_.new_expiry)));
        verdict_->SetForegroundColour(wxNullColour);
        wxString text;
        text += wxString::Format(_("Renewal of %s, added to the current expiry %s."),
                                 wxString::Format(wxPLURAL("%d year", "%d years", decision_.years), decision_.years),
                                 date_text(decision_.previous_expiry)) + wxS("\n");
        text += wxString::Format(_("Renewal %d of %d under the regulation \"%s\"."), decision_.renewals_used + 1,
                                 decision_.renewals_allowed, to_wx(decision_.version_name)) + wxS("\n");
        if (const wxString rule = rule_in_force_text(regulation_, record_.comune.name, on, decision_.basis); !rule.empty()) {
            text += rule + wxS("\n");
        }
        text += price_line(decision_.price);
        details_->SetLabel(text);
    } else {
        const auto& refusal = *decision_.refusal;
        verdict_->SetLabel(wxString::Format(_("The regulation does not allow a renewal: %s."), refusal_text(refusal.code)));
        verdict_->SetForegroundColour(wxColour(0xB0, 0x00, 0x20));
        wxString text = refusal_detail(refusal);
        if (!refusal.version_name.empty()) {
            if (const wxString rule = rule_in_force_text(regulation_, record_.comune.name, on, refusal.basis);
                !rule.empty()) {
                text += wxS("\n") + rule;
            }
        }
        details_->SetLabel(text);
    }
    outcome_ = verdict_->GetLabel() + wxS("\n") + details_->GetLabel();  // before wrapping
    verdict_->Wrap(wrap);
    details_->Wrap(wrap);
    ok_->Enable(decision_.allowed());
    Layout();
    if (IsShown()) Fit();
}

}  // namespace gui
