#pragma once
// Subentro: an heir takes over the concession, with the date and the act. The
// dialog lists the current holders, none ticked: the clerk ticks those whom the
// heirs succeed (who leave; the others stay), or says the heirs join every holder.
// Until one or the other is chosen, nothing can be recorded. Shows the library's
// decision as the clerk types, with the reason when refused and OK disabled.
// succeed_holders() writes.

#include <cemetery/register.hpp>

#include "life_dialog.hpp"

#include <optional>
#include <vector>

class wxCheckBox;
class wxDatePickerCtrl;
class wxTextCtrl;

namespace gui {

class SuccessionDialog : public LifeDialog {
public:
    SuccessionDialog(wxWindow* parent, const cemetery::Concession& concession, bool closed, cemetery::Date on);

    // Null until the clerk says whom the heirs succeed (or that they join).
    [[nodiscard]] std::optional<cemetery::SuccessionRequest> request() const;
    void SetHeir(const wxString& surname, const wxString& given, const wxString& tax_code, const wxString& act,
                 bool join);
    // Ticks (or clears) the holder at that position of the concession's holders, as a click does.
    void SetSucceeded(std::size_t holder, bool succeeded);
    // The holders listed to choose from, as shown.
    [[nodiscard]] std::vector<wxString> HolderLabels() const;

private:
    void UpdateOutcome() override;
    [[nodiscard]] cemetery::SuccessionRequest typed() const;

    const cemetery::Concession concession_;
    const bool closed_;
    wxDatePickerCtrl* date_ = nullptr;
    wxTextCtrl* act_ = nullptr;
    wxTextCtrl* surname_ = nullptr;
    wxTextCtrl* given_ = nullptr;
    wxTextCtrl* tax_code_ = nullptr;
    std::vector<wxCheckBox*> succeeded_;  // one per holder, in the concession's order
    wxCheckBox* join_ = nullptr;
};

}  // namespace gui
