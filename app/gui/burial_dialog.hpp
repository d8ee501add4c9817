#pragma once
// Aggiungi sepoltura: a burial under a concession (a family tomb, a spouse in a
// double place), with the form of the remains. Shows what the regulation decides
// for what is typed — capacity, dates, the end of the concession, a term that
// restarts — with the rule when refused and OK disabled. Where the concession's own
// rule lets the holders decline the extension a burial brings, a check box says they
// do (and only there). bury_deceased() writes.

#include <cemetery/concession_record.hpp>
#include <cemetery/register.hpp>

#include "life_dialog.hpp"

class wxCheckBox;
class wxChoice;
class wxTextCtrl;

namespace gui {

class BurialDialog : public LifeDialog {
public:
    BurialDialog(wxWindow* parent, const cemetery::ConcessionRecord& record, const cemetery::ConcessionLife& life,
                 const cemetery::Regulation& regulation);

    [[nodiscard]] cemetery::BurialRequest request() const;
    void SetDeceased(const wxString& surname, const wxString& given, const wxString& died, const wxString& buried,
                     cemetery::RemainsForm form);
    // The holders decline the extension; false when the box is not offered.
    void SetExtensionDeclined(bool declined);
    [[nodiscard]] bool OffersToDecline() const { return decline_ != nullptr; }

private:
    void UpdateOutcome() override;

    const cemetery::ConcessionRecord record_;
    const cemetery::ConcessionLife life_;
    const cemetery::Regulation& regulation_;
    wxTextCtrl* surname_ = nullptr;
    wxTextCtrl* given_ = nullptr;
    wxTextCtrl* born_ = nullptr;
    wxTextCtrl* died_ = nullptr;
    wxTextCtrl* buried_ = nullptr;
    wxChoice* form_ = nullptr;
    wxCheckBox* decline_ = nullptr;  // only where the rule lets the holders decline
};

}  // namespace gui
