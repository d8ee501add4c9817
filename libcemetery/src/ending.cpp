#include <cemetery/concession_over.hpp>
#include <cemetery/ending.hpp>

namespace cemetery {

namespace {

// The last day someone was laid in the place, as far as the register knows.
Date last_burial(const Concession& c) {
    Date last = c.signed_on;
    for (const auto& d : c.deceased) {
        if (const auto day = d.buried_on ? d.buried_on : d.died_on; day && *day > last) last = *day;
    }
    return last;
}

}  // namespace

EndingDecision decide_ending(const Regulation& regulation, const Concession& c, bool closed, const EndingRequest& req) {
    EndingDecision d;
    auto refuse = [&](RefusalCode code, std::string message) {
        d.refusal = Refusal{code, std::move(message), {}, {}};
        return d;
    };
    // The concession's state first: ended or freed, it cannot end again.
    if (auto over = refusal_when_over(c, "non può cessare di nuovo", closed)) {
        d.refusal = std::move(over);
        return d;
    }
    if (req.ending == Ending::none) return refuse(RefusalCode::reason_missing, "dire come cessa la concessione");
    if (req.on < c.signed_on) {
        return refuse(RefusalCode::before_signing, "la cessazione (" + to_italian(req.on) +
                                                       ") non può precedere la stipula dell'atto (" +
                                                       to_italian(c.signed_on) + ")");
    }
    if (!c.perpetual && c.expires_on && req.on > *c.expires_on) {
        return refuse(RefusalCode::concession_expired,
                      "la concessione è scaduta il " + to_italian(*c.expires_on) +
                          ": un posto scaduto si libera chiudendo la concessione dopo l'affissione");
    }
    if (req.act.empty()) return refuse(RefusalCode::act_missing, "la cessazione richiede l'atto che la dispone");
    if (req.reason.empty()) return refuse(RefusalCode::reason_missing, "la cessazione richiede il motivo");
    if (req.ending == Ending::revoked && c.perpetual && regulation.perpetual_revocation_years.value > 0) {
        const auto& rule = regulation.perpetual_revocation_years;
        const Date since = last_burial(c);
        const Date from = add_years(since, rule.value);
        if (req.on < from) {
            d.refusal = Refusal{RefusalCode::revocation_too_early,
                                "una concessione perpetua si può revocare solo " + std::to_string(rule.value) +
                                    " anni dopo l'ultima sepoltura (" + to_italian(since) + "): non prima del " +
                                    to_italian(from) + " (" + rule.basis + ")",
                                {}, rule.basis};
            return d;
        }
        if (!req.grave_shortage) {
            d.refusal = Refusal{RefusalCode::shortage_not_stated,
                                "una concessione perpetua si può revocare solo per grave insufficienza di posti nel "
                                "cimitero, che l'atto deve dichiarare (" + rule.basis + ")",
                                {}, rule.basis};
            return d;
        }
    }
    if (req.remains_moved == RemainsDestination::none && !c.deceased.empty()) {
        return refuse(RefusalCode::remains_missing,
                      remains_in_place(c.deceased.size()) + ": dire dove sono stati collocati i resti");
    }
    d.frees_place = c.deceased.empty() || req.remains_moved.has_value();
    return d;
}

}  // namespace cemetery
