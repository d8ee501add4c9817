#pragma once
// Rinnovo: shows what the regulation decides for the renewal date picked (allowed:
// the new expiry, the years, the version, the tariff; refused: the reason and the
// rule, and OK stays disabled), and asks the renewal deed's number. The dialog
// only asks; the caller writes with Register::renew, with the row version of the
// concession shown, so a renewal decided on what is no longer there is refused
// (stale) and the dialog shown again on the concession as it stands.

#include <cemetery/concession_record.hpp>
#include <cemetery/register.hpp>
#include <cemetery/renewal.hpp>

#include <wx/dialog.h>

class wxButton;
class wxDateEvent;
class wxDatePickerCtrl;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class RenewDialog : public wxDialog {
public:
    // `postings`: the concession's, for a regulation that closes renewals once it is posted.
    RenewDialog(wxWindow* parent, const cemetery::ConcessionRecord& record, const cemetery::Regulation& regulation,
                cemetery::Date on, std::vector<cemetery::Posting> postings = {});

    [[nodiscard]] cemetery::RenewalRequest request() const;
    [[nodiscard]] const cemetery::RenewalDecision& decision() const { return decision_; }
    // The date as if picked on the calendar.
    void SetDate(cemetery::Date on);
    void SetDeed(const wxString& deed);
    // Says, above everything, that the concession changed since it was first shown
    // and has been read again.
    void TellChangedUnderneath();
    [[nodiscard]] wxString NoticeText() const;
    [[nodiscard]] wxString OutcomeText() const;
    [[nodiscard]] bool CanConfirm() const;

private:
    void UpdateOutcome();
    void OnChangeDate(wxDateEvent& event);

    const cemetery::ConcessionRecord record_;
    const cemetery::Regulation& regulation_;
    const std::vector<cemetery::Posting> postings_;
    cemetery::RenewalDecision decision_;
    wxString outcome_;
    wxDatePickerCtrl* date_ = nullptr;
    wxTextCtrl* deed_ = nullptr;
    wxStaticText* notice_ = nullptr;
    wxStaticText* verdict_ = nullptr;
    wxStaticText* details_ = nullptr;
    wxButton* ok_ = nullptr;
};

}  // namespace gui
