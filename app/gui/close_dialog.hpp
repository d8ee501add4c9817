#pragma once
// Chiudi concessione scaduta: frees the place of an expired concession once its
// posting days have passed (or of an ended one once its remains are moved). Shows
// what the regulation decides for the day picked — the first day it may be closed,
// or the refusal and its rule, with OK disabled — and asks where the remains go.
// The dialog only asks; close_concession() writes with Register::close.

#include <cemetery/register.hpp>

#include "life_dialog.hpp"

class wxChoice;
class wxDatePickerCtrl;
class wxTextCtrl;

namespace gui {

class CloseDialog : public LifeDialog {
public:
    CloseDialog(wxWindow* parent, const cemetery::Concession& concession, const cemetery::ConcessionLife& life,
                const cemetery::Regulation& regulation, cemetery::Date on);

    [[nodiscard]] cemetery::ClosingRequest request() const;
    void SetDate(cemetery::Date on);
    void SetRemains(cemetery::RemainsDestination where);

private:
    void UpdateOutcome() override;

    const cemetery::Concession concession_;
    const cemetery::ConcessionLife life_;
    const cemetery::Regulation& regulation_;
    wxDatePickerCtrl* date_ = nullptr;
    wxChoice* remains_ = nullptr;
    wxTextCtrl* act_ = nullptr;
};

// Words for where remains go: "ossario comune", "cremazione", ...
[[nodiscard]] wxString remains_text(cemetery::RemainsDestination where);

}  // namespace gui
