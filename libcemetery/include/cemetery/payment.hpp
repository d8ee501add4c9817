#pragma once
// A term waiting for an event (a concession "non decorsa"), and the payment recorded
// after the deed where the term runs from the payment (decorrenza "pagamento"). Pure
// functions: Register::pay stores the decision, Register::not_started lists them.

#include <cemetery/burial.hpp>
#include <cemetery/concession.hpp>
#include <cemetery/refusal.hpp>
#include <cemetery/regulation.hpp>

#include <optional>

namespace cemetery {

// What a concession's term waits for: the event its own version's rule for the kind
// starts it from (a burial, a death, a payment); a deed signed before any version
// waits for a burial, as only a common-field turn does. None once started or perpetual.
[[nodiscard]] std::optional<TermStart> awaited_event(const Regulation& regulation, const Concession& concession,
                                                     PlotKind kind);

struct PaymentRequest {
    Date paid_on{};
    // The day it is recorded: a payment after it is refused. The clock's today unless
    // given (tests pin it).
    Date today = cemetery::today();
};

struct PaymentDecision {
    std::optional<Refusal> refusal;
    // The term started by the payment, for the concession's history (TermEvent::payment):
    // from the payment, for the deed's years, its last day counted as the concession's
    // own version counts it (scadenza).
    std::optional<TermRestart> start;
    [[nodiscard]] bool allowed() const { return !refusal.has_value(); }
};

// Refused when the concession has ended or its place was freed (concession_over.hpp);
// when its term does not run from the payment (term_not_from_payment); when its term has
// already started, by a payment given with the deed or recorded since (payment_recorded);
// when the payment is dated before the signing or after today.
[[nodiscard]] PaymentDecision decide_payment(const Regulation& regulation, const Concession& concession, PlotKind kind,
                                             const PaymentRequest& request);

}  // namespace cemetery
