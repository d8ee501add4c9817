#include "life_dialog.hpp"

#include "convert.hpp"
#include "date_field.hpp"
#include "words.hpp"

#include <cemetery/refusal.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace gui {

LifeDialog::LifeDialog(wxWindow* parent, const wxString& title, const wxString& name, const std::string& deed_number)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName(name);
    sizer_ = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, wxString::Format(_("Concession no. %s"), to_wx(deed_number)));
    heading->SetFont(heading->GetFont().Bold().Scaled(1.15f));
    sizer_->Add(heading, wxSizerFlags().Border(wxALL, FromDIP(12)));
    grid_ = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    grid_->AddGrowableCol(1, 1);
    sizer_->Add(grid_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    below_ = new wxBoxSizer(wxVERTICAL);
    sizer_->Add(below_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
}

void LifeDialog::AddLabel(const wxString& text) {
    grid_->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CenterVertical());
}

wxTextCtrl* LifeDialog::AddText(const wxString& label, const wxString& hint) {
    AddLabel(label);
    auto* text = new wxTextCtrl(this, wxID_ANY);
    if (!hint.empty()) text->SetHint(hint);
    grid_->Add(text, wxSizerFlags().Expand());
    text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Changed(); });
    return text;
}

wxDatePickerCtrl* LifeDialog::AddDate(const wxString& label, const wxDateTime& value) {
    AddLabel(label);
    auto* date = make_date_picker(this, value);
    grid_->Add(date, wxSizerFlags());
    date->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { Changed(); });
    return date;
}

wxChoice* LifeDialog::AddChoice(const wxString& label, const wxArrayString& items, int selected) {
    AddLabel(label);
    auto* choice = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, items);
    choice->SetSelection(selected);
    grid_->Add(choice, wxSizerFlags().Expand());
    choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Changed(); });
    return choice;
}

wxChoice* LifeDialog::AddCheckedChoice(wxCheckBox*& check, const wxString& label, const wxArrayString& items) {
    check = new wxCheckBox(this, wxID_ANY, label);
    grid_->Add(check, wxSizerFlags().CenterVertical());
    check->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { Changed(); });
    auto* choice = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, items);
    choice->SetSelection(0);
    grid_->Add(choice, wxSizerFlags().Expand());
    choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Changed(); });
    return choice;
}

wxCheckBox* LifeDialog::AddCheckBelow(const wxString& label) {
    auto* check = new wxCheckBox(this, wxID_ANY, label);
    below_->Add(check, wxSizerFlags());
    check->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { Changed(); });
    return check;
}

wxStaticText* LifeDialog::AddTextBelow(const wxString& text) {
    auto* line = new wxStaticText(this, wxID_ANY, text);
    below_->Add(line, wxSizerFlags().Border(wxTOP, FromDIP(6)));
    return line;
}

void LifeDialog::FinishLayout(const wxString& confirm, const wxSize& min_size) {
    verdict_ = new wxStaticText(this, wxID_ANY, wxString());
    verdict_->SetName(wxS("verdict"));
    sizer_->Add(verdict_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    auto* buttons = new wxStdDialogButtonSizer;
    ok_ = new wxButton(this, wxID_OK, confirm);
    buttons->AddButton(ok_);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    sizer_->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer_);
    SetEscapeId(wxID_CANCEL);
    UpdateOutcome();
    SetMinSize(FromDIP(min_size));
    Fit();
    CentreOnParent();
}

// Fields may report a change while the dialog is still being built.
void LifeDialog::Changed() {
    if (verdict_) UpdateOutcome();
}

bool LifeDialog::CanConfirm() const { return ok_->IsEnabled(); }

void LifeDialog::ShowVerdict(const wxString& text, bool allowed) {
    outcome_ = text;
    verdict_->SetLabel(outcome_);
    verdict_->Wrap(FromDIP(440));
    ok_->Enable(allowed);
    Layout();
}

wxString LifeDialog::RefusalText(const wxString& heading_format, const cemetery::Refusal& refusal) {
    return wxString::Format(heading_format, refusal_text(refusal.code)) + wxS("\n") + refusal_detail(refusal);
}

}  // namespace gui
