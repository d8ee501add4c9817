#pragma once
// Registra pagamento: the payment a concession whose term runs from the payment waited
// for. Shows what the regulation decides for the day picked — the term from that day
// and its expiry, or the refusal and its rule, with OK disabled. The dialog only asks;
// record_payment() writes with Register::pay.

#include <cemetery/register.hpp>

#include "life_dialog.hpp"

class wxDatePickerCtrl;

namespace gui {

class PaymentDialog : public LifeDialog {
public:
    PaymentDialog(wxWindow* parent, const cemetery::ConcessionRecord& record, const cemetery::Regulation& regulation,
                  cemetery::Date today);

    [[nodiscard]] cemetery::PaymentRequest request() const;
    void SetDate(cemetery::Date on);

private:
    void UpdateOutcome() override;

    const cemetery::ConcessionRecord record_;
    const cemetery::Regulation& regulation_;
    const cemetery::Date today_;
    wxDatePickerCtrl* date_ = nullptr;
};

}  // namespace gui
