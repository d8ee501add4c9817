#pragma once
// Subentro: an heir takes over the concession (replacing the holders, or joining
// them), with the date and the act. Shows the library's decision as the clerk
// types, with the reason when refused and OK disabled. succeed_holders() writes.

#include <cemetery/register.hpp>

#include "life_dialog.hpp"

class wxCheckBox;
class wxDatePickerCtrl;
class wxTextCtrl;

namespace gui {

class SuccessionDialog : public LifeDialog {
public:
    SuccessionDialog(wxWindow* parent, const cemetery::Concession& concession, bool closed, cemetery::Date on);

    [[nodiscard]] cemetery::SuccessionRequest request() const;
    void SetHeir(const wxString& surname, const wxString& given, const wxString& tax_code, const wxString& act,
                 bool join);

private:
    void UpdateOutcome() override;

    const cemetery::Concession concession_;
    const bool closed_;
    wxDatePickerCtrl* date_ = nullptr;
    wxTextCtrl* act_ = nullptr;
    wxTextCtrl* surname_ = nullptr;
    wxTextCtrl* given_ = nullptr;
    wxTextCtrl* tax_code_ = nullptr;
    wxCheckBox* join_ = nullptr;
};

}  // namespace gui
