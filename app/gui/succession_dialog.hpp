#pragma once
// Subentro: an heir takes over the concession (replacing the holders, or joining
// them), with the date and the act. Shows the library's decision as the clerk
// types, with the reason when refused and OK disabled. succeed_holders() writes.

#include <cemetery/register.hpp>

#include <wx/dialog.h>

class wxButton;
class wxCheckBox;
class wxDatePickerCtrl;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class SuccessionDialog : public wxDialog {
public:
    SuccessionDialog(wxWindow* parent, const cemetery::Concession& concession, bool closed, cemetery::Date on);

    [[nodiscard]] cemetery::SuccessionRequest request() const;
    void SetHeir(const wxString& surname, const wxString& given, const wxString& tax_code, const wxString& act,
                 bool join);
    [[nodiscard]] wxString OutcomeText() const { return outcome_; }
    [[nodiscard]] bool CanConfirm() const;

private:
    void UpdateOutcome();

    const cemetery::Concession concession_;
    const bool closed_;
    wxString outcome_;
    wxDatePickerCtrl* date_ = nullptr;
    wxTextCtrl* act_ = nullptr;
    wxTextCtrl* surname_ = nullptr;
    wxTextCtrl* given_ = nullptr;
    wxTextCtrl* tax_code_ = nullptr;
    wxCheckBox* join_ = nullptr;
    wxStaticText* verdict_ = nullptr;
    wxButton* ok_ = nullptr;
};

}  // namespace gui
