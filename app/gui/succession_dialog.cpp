#include "succession_dialog.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <cemetery/text.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace gui {

SuccessionDialog::SuccessionDialog(wxWindow* parent, const cemetery::Concession& concession, bool closed,
                                   cemetery::Date on)
    : wxDialog(parent, wxID_ANY, _("Succession"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      concession_(concession),
      closed_(closed) {
    SetName(wxS("succession_dialog"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, wxString::Format(_("Concession no. %s"), to_wx(concession_.deed_number)));
    title->SetFont(title->GetFont().Bold().Scaled(1.15f));
    sizer->Add(title, wxSizerFlags().Border(wxALL, FromDIP(12)));
    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    grid->AddGrowableCol(1, 1);
    auto label = [&](const wxString& text) { grid->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CenterVertical()); };
    auto field = [&](const wxString& text) {
        label(text);
        auto* f = new wxTextCtrl(this, wxID_ANY);
        grid->Add(f, wxSizerFlags().Expand());
        f->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdateOutcome(); });
        return f;
    };
    label(_("Date"));
    date_ = new wxDatePickerCtrl(this, wxID_ANY, to_wx_date(on), wxDefaultPosition, wxDefaultSize,
                                 wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    date_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { UpdateOutcome(); });
    grid->Add(date_, wxSizerFlags());
    act_ = field(_("Act"));
    surname_ = field(_("Surname"));
    given_ = field(_("Given name"));
    tax_code_ = field(_("Tax code"));
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    join_ = new wxCheckBox(this, wxID_ANY, _("The heir joins the holders (instead of replacing them)"));
    join_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { UpdateOutcome(); });
    sizer->Add(join_, wxSizerFlags().Border(wxALL, FromDIP(12)));
    verdict_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(verdict_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    auto* buttons = new wxStdDialogButtonSizer;
    ok_ = new wxButton(this, wxID_OK, _("Record"));
    buttons->AddButton(ok_);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer);
    SetEscapeId(wxID_CANCEL);
    UpdateOutcome();
    SetMinSize(FromDIP(wxSize(480, 360)));
    Fit();
    CentreOnParent();
}

cemetery::SuccessionRequest SuccessionDialog::request() const {
    cemetery::SuccessionRequest r;
    r.on = from_wx_date(date_->GetValue());
    r.act = to_std(act_->GetValue().Strip(wxString::both));
    r.mode = join_->GetValue() ? cemetery::SuccessionMode::join : cemetery::SuccessionMode::replace;
    cemetery::Holder h;
    h.surname = to_std(surname_->GetValue().Strip(wxString::both));
    h.given_name = to_std(given_->GetValue().Strip(wxString::both));
    h.codice_fiscale = to_std(tax_code_->GetValue().Strip(wxString::both).Upper());
    if (!h.surname.empty() || !h.given_name.empty() || !h.codice_fiscale.empty()) r.heirs.push_back(h);
    return r;
}

void SuccessionDialog::SetHeir(const wxString& surname, const wxString& given, const wxString& tax_code,
                               const wxString& act, bool join) {
    surname_->ChangeValue(surname);
    given_->ChangeValue(given);
    tax_code_->ChangeValue(tax_code);
    act_->ChangeValue(act);
    join_->SetValue(join);
    UpdateOutcome();
}

bool SuccessionDialog::CanConfirm() const { return ok_->IsEnabled(); }

void SuccessionDialog::UpdateOutcome() {
    const auto decision = cemetery::decide_succession(concession_, closed_, request());
    if (decision.allowed()) {
        std::vector<std::string> names;
        for (const auto& h : decision.holders_after) names.push_back(h.full_name());
        outcome_ = wxString::Format(_("Holders after the succession: %s"), to_wx(cemetery::join(names, ", ")));
    } else {
        outcome_ = wxString::Format(_("This cannot be recorded: %s."), refusal_text(decision.refusal->code)) + wxS("\n") +
                   to_wx(decision.refusal->message);
    }
    verdict_->SetLabel(outcome_);
    verdict_->Wrap(FromDIP(440));
    ok_->Enable(decision.allowed());
    Layout();
}

}  // namespace gui
