#include "close_dialog.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace gui {

namespace {
constexpr cemetery::RemainsDestination destinations[] = {
    cemetery::RemainsDestination::ossuary, cemetery::RemainsDestination::cremation,
    cemetery::RemainsDestination::family, cemetery::RemainsDestination::none};
}  // namespace

wxString remains_text(cemetery::RemainsDestination where) {
    switch (where) {
        case cemetery::RemainsDestination::ossuary: return _("common ossuary");
        case cemetery::RemainsDestination::cremation: return _("cremation");
        case cemetery::RemainsDestination::family: return _("to the family");
        case cemetery::RemainsDestination::none: return _("nobody rests there");
    }
    return wxString();
}

CloseDialog::CloseDialog(wxWindow* parent, const cemetery::Concession& concession, const cemetery::ConcessionLife& life,
                         const cemetery::Regulation& regulation, cemetery::Date on)
    : wxDialog(parent, wxID_ANY, _("Close expired concession"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      concession_(concession),
      life_(life),
      regulation_(regulation) {
    SetName(wxS("close_dialog"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, wxString::Format(_("Concession no. %s"), to_wx(concession_.deed_number)));
    title->SetFont(title->GetFont().Bold().Scaled(1.15f));
    sizer->Add(title, wxSizerFlags().Border(wxALL, FromDIP(12)));

    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Closing date")), wxSizerFlags().CenterVertical());
    date_ = new wxDatePickerCtrl(this, wxID_ANY, to_wx_date(on), wxDefaultPosition, wxDefaultSize,
                                 wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    grid->Add(date_, wxSizerFlags());
    grid->Add(new wxStaticText(this, wxID_ANY, _("Remains")), wxSizerFlags().CenterVertical());
    remains_ = new wxChoice(this, wxID_ANY);
    for (auto d : destinations) remains_->Append(remains_text(d));
    remains_->SetSelection(concession_.deceased.empty() ? 3 : 0);
    grid->Add(remains_, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(this, wxID_ANY, _("Act")), wxSizerFlags().CenterVertical());
    act_ = new wxTextCtrl(this, wxID_ANY);
    grid->Add(act_, wxSizerFlags().Expand());
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));

    verdict_ = new wxStaticText(this, wxID_ANY, wxString());
    verdict_->SetName(wxS("verdict"));
    sizer->Add(verdict_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));

    auto* buttons = new wxStdDialogButtonSizer;
    ok_ = new wxButton(this, wxID_OK, _("Close concession"));
    buttons->AddButton(ok_);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer);

    date_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { UpdateOutcome(); });
    remains_->Bind(wxEVT_CHOICE, &CloseDialog::OnChange, this);
    SetEscapeId(wxID_CANCEL);
    UpdateOutcome();
    SetMinSize(FromDIP(wxSize(480, 300)));
    Fit();
    CentreOnParent();
}

cemetery::ClosingRequest CloseDialog::request() const {
    return cemetery::ClosingRequest{from_wx_date(date_->GetValue()),
                                    destinations[static_cast<std::size_t>(remains_->GetSelection())],
                                    to_std(act_->GetValue().Strip(wxString::both)), {}};
}

void CloseDialog::SetDate(cemetery::Date on) {
    date_->SetValue(to_wx_date(on));
    UpdateOutcome();
}

void CloseDialog::SetRemains(cemetery::RemainsDestination where) {
    for (std::size_t i = 0; i < std::size(destinations); ++i) {
        if (destinations[i] == where) remains_->SetSelection(static_cast<int>(i));
    }
    UpdateOutcome();
}

bool CloseDialog::CanConfirm() const { return ok_->IsEnabled(); }

void CloseDialog::OnChange(wxCommandEvent&) { UpdateOutcome(); }

void CloseDialog::UpdateOutcome() {
    const auto decision =
        cemetery::decide_closing(regulation_, concession_, life_.closing.has_value(), life_.postings, request());
    if (decision.allowed()) {
        outcome_ = wxString::Format(_("The place will be free from %s."), date_text(request().on));
        if (decision.posting) {
            outcome_ += wxS("\n") + wxString::Format(_("Posted from %s; posting period over on %s."),
                                                     date_text(decision.posting->posted_on),
                                                     date_text(cemetery::add_days(*decision.posting_ends, -1)));
        }
    } else {
        outcome_ = wxString::Format(_("The concession cannot be closed: %s."), refusal_text(decision.refusal->code)) +
                   wxS("\n") + to_wx(decision.refusal->message);
    }
    verdict_->SetLabel(outcome_);
    verdict_->Wrap(FromDIP(440));
    ok_->Enable(decision.allowed());
    Layout();
}

}  // namespace gui
