#include "holders_dialog.hpp"

#include "convert.hpp"

#include <cemetery/validation.hpp>

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace gui {

HoldersDialog::HoldersDialog(wxWindow* parent, const cemetery::Concession& concession)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Holders of concession no. %s"), to_wx(concession.deed_number)),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      holders_(concession.holders) {
    SetName(wxS("holders_dialog"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);

    auto* left = new wxBoxSizer(wxVERTICAL);
    list_ = new wxListBox(this, wxID_ANY);
    list_->SetMinSize(FromDIP(wxSize(190, 200)));
    left->Add(list_, wxSizerFlags(1).Expand());
    auto* add = new wxButton(this, wxID_ANY, _("Add holder"));
    auto* remove = new wxButton(this, wxID_ANY, _("Remove"));
    left->Add(add, wxSizerFlags().Expand().Border(wxTOP, FromDIP(6)));
    left->Add(remove, wxSizerFlags().Expand().Border(wxTOP, FromDIP(4)));
    row->Add(left, wxSizerFlags().Expand().Border(wxRIGHT, FromDIP(12)));

    auto* grid = new wxFlexGridSizer(2, FromDIP(2), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    fields_["surname"] = add_form_field(this, grid, _("Surname"), "surname");
    fields_["given_name"] = add_form_field(this, grid, _("Given name"), "given_name");
    fields_["codice_fiscale"] = add_form_field(this, grid, _("Tax code"), "codice_fiscale", _("16 characters"));
    fields_["address"] = add_form_field(this, grid, _("Address"), "address");
    fields_["phone"] = add_form_field(this, grid, _("Phone"), "phone");
    fields_["email"] = add_form_field(this, grid, _("E-mail"), "email");
    fields_["surname"].text->SetMinSize(FromDIP(wxSize(280, -1)));
    row->Add(grid, wxSizerFlags(1).Expand());
    sizer->Add(row, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));

    auto* buttons = new wxStdDialogButtonSizer;
    buttons->AddButton(new wxButton(this, wxID_OK, _("Save")));
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CANCEL);

    list_->Bind(wxEVT_LISTBOX, &HoldersDialog::OnSelectHolder, this);
    add->Bind(wxEVT_BUTTON, &HoldersDialog::OnAddHolder, this);
    remove->Bind(wxEVT_BUTTON, &HoldersDialog::OnRemoveHolder, this);
    Bind(wxEVT_BUTTON, &HoldersDialog::OnConfirm, this, wxID_OK);

    if (holders_.empty()) holders_.emplace_back();
    RefreshList();
    SelectHolder(0);
    CentreOnParent();
}

void HoldersDialog::RefreshList() {
    list_->Clear();
    for (const auto& h : holders_) {
        const wxString name = to_wx(h.full_name());
        list_->Append(name.Strip(wxString::both).empty() ? _("(new holder)") : name);
    }
}

void HoldersDialog::StoreCurrent() {
    if (current_ < 0 || current_ >= static_cast<int>(holders_.size())) return;
    auto& h = holders_[static_cast<std::size_t>(current_)];
    auto value = [this](const char* name) { return to_std(fields_[name].text->GetValue().Strip(wxString::both)); };
    h.surname = value("surname");
    h.given_name = value("given_name");
    h.codice_fiscale = value("codice_fiscale");
    h.address = value("address");
    h.phone = value("phone");
    h.email = value("email");
}

void HoldersDialog::LoadCurrent() {
    const auto& h = holders_[static_cast<std::size_t>(current_)];
    fields_["surname"].text->ChangeValue(to_wx(h.surname));
    fields_["given_name"].text->ChangeValue(to_wx(h.given_name));
    fields_["codice_fiscale"].text->ChangeValue(to_wx(h.codice_fiscale));
    fields_["address"].text->ChangeValue(to_wx(h.address));
    fields_["phone"].text->ChangeValue(to_wx(h.phone));
    fields_["email"].text->ChangeValue(to_wx(h.email));
    show_problems(fields_, {});
}

void HoldersDialog::SelectHolder(int index) {
    StoreCurrent();
    RefreshList();
    if (index < 0 || index >= static_cast<int>(holders_.size())) return;
    current_ = index;
    list_->SetSelection(index);
    LoadCurrent();
}

void HoldersDialog::AddHolder() {
    StoreCurrent();
    holders_.emplace_back();
    SelectHolder(static_cast<int>(holders_.size()) - 1);
    fields_["surname"].text->SetFocus();
}

void HoldersDialog::OnSelectHolder(wxCommandEvent& event) { SelectHolder(event.GetSelection()); }

void HoldersDialog::OnAddHolder(wxCommandEvent&) { AddHolder(); }

void HoldersDialog::OnRemoveHolder(wxCommandEvent&) {
    if (current_ < 0 || holders_.size() <= 1) return;
    holders_.erase(holders_.begin() + current_);
    current_ = -1;
    RefreshList();
    SelectHolder(0);
}

bool HoldersDialog::CheckAll() {
    StoreCurrent();
    for (std::size_t i = 0; i < holders_.size(); ++i) {
        const auto problems = cemetery::validate(holders_[i]);
        if (!problems.empty()) {
            SelectHolder(static_cast<int>(i));
            show_problems(fields_, problems);
            Layout();
            Fit();
            return false;
        }
    }
    return true;
}

void HoldersDialog::OnConfirm(wxCommandEvent& event) {
    if (CheckAll()) event.Skip();  // the default handler closes the dialog with wxID_OK
}

}  // namespace gui
