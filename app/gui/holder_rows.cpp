#include "holder_rows.hpp"

#include "convert.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace gui {

HolderRows::HolderRows(wxWindow* parent) : wxScrolledWindow(parent, wxID_ANY) {
    SetName(wxS("holder_rows"));
    SetScrollRate(0, FromDIP(10));
    grid_ = new wxFlexGridSizer(4, FromDIP(4), FromDIP(8));
    grid_->AddGrowableCol(0, 1);
    grid_->AddGrowableCol(1, 1);
    grid_->AddGrowableCol(2, 1);
    for (const wxString& heading : {_("Surname"), _("Given name"), _("Tax code")}) {
        grid_->Add(new wxStaticText(this, wxID_ANY, heading));
    }
    grid_->AddSpacer(0);
    SetSizer(grid_);
    AddRow();
}

void HolderRows::AddRow() {
    Row row;
    row.surname = new wxTextCtrl(this, wxID_ANY);
    row.surname->SetName(wxS("holder_surname"));
    row.given = new wxTextCtrl(this, wxID_ANY);
    row.given->SetName(wxS("holder_given"));
    row.tax_code = new wxTextCtrl(this, wxID_ANY);
    row.tax_code->SetName(wxS("holder_tax_code"));
    row.tax_code->SetHint(_("16 characters"));
    row.remove = new wxButton(this, wxID_ANY, _("Remove"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    row.remove->SetName(wxS("remove_holder"));
    // The button removes its own row, wherever the row is now.
    wxButton* remove = row.remove;
    remove->Bind(wxEVT_BUTTON, [this, remove](wxCommandEvent&) {
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            if (rows_[i].remove == remove) {
                CallAfter([this, i] { RemoveRow(static_cast<int>(i)); });  // not while the button handles its click
                return;
            }
        }
    });
    grid_->Add(row.surname, wxSizerFlags().Expand());
    grid_->Add(row.given, wxSizerFlags().Expand());
    grid_->Add(row.tax_code, wxSizerFlags().Expand());
    grid_->Add(row.remove, wxSizerFlags().CenterVertical());
    rows_.push_back(row);
    Relayout();
    // The cursor in the new row (the scrolled panel brings it into view), only when
    // the clerk sees the rows: a hidden page must not take the keys.
    if (IsShownOnScreen()) row.surname->SetFocus();
}

void HolderRows::RemoveRow(int index) {
    if (index < 0 || index >= RowCount()) return;
    if (rows_.size() == 1) {
        SetRow(0, wxString(), wxString(), wxString());
        rows_.front().surname->SetFocus();
        return;
    }
    const Row row = rows_[static_cast<std::size_t>(index)];
    rows_.erase(rows_.begin() + index);
    // The cursor goes to the row that takes its place (or the one before), never lost
    // with the window that held it.
    const auto next = static_cast<std::size_t>(std::min(index, RowCount() - 1));
    rows_[next].surname->SetFocus();
    for (wxWindow* w : {static_cast<wxWindow*>(row.surname), static_cast<wxWindow*>(row.given),
                        static_cast<wxWindow*>(row.tax_code), static_cast<wxWindow*>(row.remove)}) {
        grid_->Detach(w);
        w->Destroy();
    }
    Relayout();
}

void HolderRows::SetRow(int index, const wxString& surname, const wxString& given, const wxString& tax_code) {
    if (index < 0 || index >= RowCount()) return;
    const auto& row = rows_[static_cast<std::size_t>(index)];
    row.surname->SetValue(surname);
    row.given->SetValue(given);
    row.tax_code->SetValue(tax_code);
}

std::vector<cemetery::Holder> HolderRows::Holders() const {
    std::vector<cemetery::Holder> out;
    for (const auto& row : rows_) {
        cemetery::Holder h;
        h.surname = to_std(row.surname->GetValue().Strip(wxString::both));
        h.given_name = to_std(row.given->GetValue().Strip(wxString::both));
        h.codice_fiscale = to_std(row.tax_code->GetValue().Strip(wxString::both).Upper());
        if (!h.surname.empty() || !h.given_name.empty()) out.push_back(h);
    }
    return out;
}

wxTextCtrl* HolderRows::Surname(int index) const {
    if (index < 0 || index >= RowCount()) return nullptr;
    return rows_[static_cast<std::size_t>(index)].surname;
}

void HolderRows::Relayout() {
    // Only one row: Remove would only empty it, so it is off.
    for (const auto& row : rows_) row.remove->Enable(rows_.size() > 1);
    FitInside();
    Layout();
}

}  // namespace gui
