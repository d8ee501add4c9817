#pragma once
// Registra affissione: the posting of a comune's expired list recorded in the
// register, as `cemetery post` records it. The clerk chooses the list (expired as of
// a day) and its first day on the albo pretorio; the dialog says how many
// concessions it records and when their posting days end. Only a recorded posting
// lets "Close expired concession" free a place (RR Lombardia 6/2004 art. 20).
// Offered also after the list to post is exported or printed: that alone records
// nothing.

#include "host.hpp"

#include <wx/dialog.h>

class wxButton;
class wxDatePickerCtrl;
class wxStaticText;

namespace gui {

class PostingDialog : public wxDialog {
public:
    // `after_export`: offered once the list was exported or printed ("Not now" to skip).
    PostingDialog(wxWindow* parent, Host& host, cemetery::ComuneId comune, cemetery::Date as_of,
                  cemetery::Date posted_on, bool after_export);

    [[nodiscard]] cemetery::Date as_of() const;
    [[nodiscard]] cemetery::Date posted_on() const;
    void SetDates(cemetery::Date as_of, cemetery::Date posted_on);
    // How many concessions the posting records, and the sentence that says it.
    [[nodiscard]] long count() const { return count_; }
    [[nodiscard]] wxString SummaryText() const;
    [[nodiscard]] bool CanConfirm() const;

private:
    void UpdateSummary();

    Host& host_;
    cemetery::ComuneId comune_;
    long count_ = 0;
    wxString summary_text_;  // as written, before the label wraps it
    wxDatePickerCtrl* as_of_ = nullptr;
    wxDatePickerCtrl* posted_on_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxButton* ok_ = nullptr;
};

// Asks and, when confirmed, records the posting (Register::post_expired); says how
// many were recorded in the status bar, or why not. True when recorded.
bool record_posting(wxWindow* parent, Host& host, cemetery::ComuneId comune, cemetery::Date as_of,
                    cemetery::Date posted_on, bool after_export);

}  // namespace gui
