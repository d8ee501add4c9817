#include "ending_dialog.hpp"

#include "close_dialog.hpp"
#include "convert.hpp"
#include "words.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace gui {

namespace {
constexpr cemetery::Ending endings[] = {cemetery::Ending::surrendered, cemetery::Ending::forfeited,
                                        cemetery::Ending::revoked};
constexpr cemetery::RemainsDestination destinations[] = {
    cemetery::RemainsDestination::ossuary, cemetery::RemainsDestination::cremation,
    cemetery::RemainsDestination::family};
}  // namespace

EndingDialog::EndingDialog(wxWindow* parent, const cemetery::Concession& concession, bool closed, cemetery::Date on)
    : wxDialog(parent, wxID_ANY, _("Surrender / Forfeiture / Revocation"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      concession_(concession),
      closed_(closed) {
    SetName(wxS("ending_dialog"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, wxString::Format(_("Concession no. %s"), to_wx(concession_.deed_number)));
    title->SetFont(title->GetFont().Bold().Scaled(1.15f));
    sizer->Add(title, wxSizerFlags().Border(wxALL, FromDIP(12)));

    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    grid->AddGrowableCol(1, 1);
    auto label = [&](const wxString& text) { grid->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CenterVertical()); };
    label(_("Ending"));
    ending_ = new wxChoice(this, wxID_ANY);
    ending_->Append(status_text(cemetery::ConcessionStatus::surrendered));
    ending_->Append(status_text(cemetery::ConcessionStatus::forfeited));
    ending_->Append(status_text(cemetery::ConcessionStatus::revoked));
    ending_->SetSelection(0);
    grid->Add(ending_, wxSizerFlags().Expand());
    label(_("Date"));
    date_ = new wxDatePickerCtrl(this, wxID_ANY, to_wx_date(on), wxDefaultPosition, wxDefaultSize,
                                 wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    grid->Add(date_, wxSizerFlags());
    label(_("Act"));
    act_ = new wxTextCtrl(this, wxID_ANY);
    grid->Add(act_, wxSizerFlags().Expand());
    label(_("Reason"));
    reason_ = new wxTextCtrl(this, wxID_ANY);
    grid->Add(reason_, wxSizerFlags().Expand());
    moved_ = new wxCheckBox(this, wxID_ANY, _("Remains moved to"));
    grid->Add(moved_, wxSizerFlags().CenterVertical());
    remains_ = new wxChoice(this, wxID_ANY);
    for (auto d : destinations) remains_->Append(remains_text(d));
    remains_->SetSelection(0);
    grid->Add(remains_, wxSizerFlags().Expand());
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));

    verdict_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(verdict_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    auto* buttons = new wxStdDialogButtonSizer;
    ok_ = new wxButton(this, wxID_OK, _("Record"));
    buttons->AddButton(ok_);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer);

    auto update = [this](wxEvent&) { UpdateOutcome(); };
    ending_->Bind(wxEVT_CHOICE, update);
    remains_->Bind(wxEVT_CHOICE, update);
    moved_->Bind(wxEVT_CHECKBOX, update);
    act_->Bind(wxEVT_TEXT, update);
    reason_->Bind(wxEVT_TEXT, update);
    date_->Bind(wxEVT_DATE_CHANGED, update);
    SetEscapeId(wxID_CANCEL);
    UpdateOutcome();
    SetMinSize(FromDIP(wxSize(480, 340)));
    Fit();
    CentreOnParent();
}

cemetery::EndingRequest EndingDialog::request() const {
    cemetery::EndingRequest r;
    r.ending = endings[static_cast<std::size_t>(ending_->GetSelection())];
    r.on = from_wx_date(date_->GetValue());
    r.act = to_std(act_->GetValue().Strip(wxString::both));
    r.reason = to_std(reason_->GetValue().Strip(wxString::both));
    if (moved_->GetValue()) r.remains_moved = destinations[static_cast<std::size_t>(remains_->GetSelection())];
    return r;
}

void EndingDialog::SetEnding(cemetery::Ending ending, const wxString& act, const wxString& reason) {
    for (std::size_t i = 0; i < std::size(endings); ++i) {
        if (endings[i] == ending) ending_->SetSelection(static_cast<int>(i));
    }
    act_->ChangeValue(act);
    reason_->ChangeValue(reason);
    UpdateOutcome();
}

void EndingDialog::SetRemainsMoved(bool moved) {
    moved_->SetValue(moved);
    UpdateOutcome();
}

bool EndingDialog::CanConfirm() const { return ok_->IsEnabled(); }

void EndingDialog::UpdateOutcome() {
    const auto decision = cemetery::decide_ending(concession_, closed_, request());
    if (!decision.allowed()) {
        outcome_ = wxString::Format(_("This cannot be recorded: %s."), refusal_text(decision.refusal->code)) + wxS("\n") +
                   to_wx(decision.refusal->message);
    } else if (decision.frees_place) {
        outcome_ = wxString::Format(_("The place will be free from %s."), date_text(request().on));
    } else {
        outcome_ = _("The place stays occupied until the remains are moved: close the concession then.");
    }
    verdict_->SetLabel(outcome_);
    verdict_->Wrap(FromDIP(440));
    ok_->Enable(decision.allowed());
    Layout();
}

}  // namespace gui
