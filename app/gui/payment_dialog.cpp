#include "payment_dialog.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <wx/datectrl.h>

namespace gui {

PaymentDialog::PaymentDialog(wxWindow* parent, const cemetery::ConcessionRecord& record,
                             const cemetery::Regulation& regulation, cemetery::Date today)
    : LifeDialog(parent, _("Record payment"), wxS("payment_dialog"), record.concession.deed_number),
      record_(record),
      regulation_(regulation),
      today_(today) {
    date_ = AddDate(_("Paid on"), to_wx_date(today));
    FinishLayout(_("Record payment"), wxSize(440, 240));
}

cemetery::PaymentRequest PaymentDialog::request() const {
    return cemetery::PaymentRequest{from_wx_date(date_->GetValue()), today_};
}

void PaymentDialog::SetDate(cemetery::Date on) {
    date_->SetValue(to_wx_date(on));
    UpdateOutcome();
}

void PaymentDialog::UpdateOutcome() {
    const auto decision = cemetery::decide_payment(regulation_, record_.concession, record_.plot.kind, request());
    if (!decision.allowed()) {
        ShowVerdict(RefusalText(_("The payment cannot be recorded: %s."), *decision.refusal), false);
        return;
    }
    ShowVerdict(wxString::Format(_("The term starts on %s: expiry %s."), date_text(decision.start->new_start),
                                 date_text(decision.start->new_expiry)) +
                    wxS("\n") + wxString::Format(_("Rule: %s"), to_wx(decision.start->basis)),
                true);
}

}  // namespace gui
