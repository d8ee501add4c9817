#pragma once
// Rinuncia / Decadenza / Revoca: a concession ends before its term, with its date,
// act and reason, and — when the clerk confirms it — where the remains went, so the
// place is free from that date. Shows the regulation's refusal and its reason live,
// with OK disabled. The dialog only asks; end_concession() writes.

#include <cemetery/register.hpp>

#include "life_dialog.hpp"

class wxCheckBox;
class wxChoice;
class wxDatePickerCtrl;
class wxTextCtrl;

namespace gui {

class EndingDialog : public LifeDialog {
public:
    EndingDialog(wxWindow* parent, const cemetery::Concession& concession, bool closed,
                 const cemetery::Regulation& regulation, cemetery::Date on);

    [[nodiscard]] cemetery::EndingRequest request() const;
    void SetEnding(cemetery::Ending ending, const wxString& act, const wxString& reason);
    void SetRemainsMoved(bool moved);

private:
    void UpdateOutcome() override;

    const cemetery::Concession concession_;
    const bool closed_;
    const cemetery::Regulation& regulation_;
    wxCheckBox* shortage_ = nullptr;
    wxChoice* ending_ = nullptr;
    wxDatePickerCtrl* date_ = nullptr;
    wxTextCtrl* act_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
    wxCheckBox* moved_ = nullptr;
    wxChoice* remains_ = nullptr;
};

}  // namespace gui
