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
    if (auto over = refusal_when_over(c, "it cannot end again", closed)) {
        d.refusal = std::move(over);
        return d;
    }
    if (req.ending == Ending::none) return refuse(RefusalCode::reason_missing, "say how the concession ends");
    if (req.on < c.signed_on) {
        return refuse(RefusalCode::before_signing, "the ending (" + to_iso(req.on) +
                                                       ") cannot come before the deed is signed (" +
                                                       to_iso(c.signed_on) + ")");
    }
    if (!c.perpetual && c.expires_on && req.on > *c.expires_on) {
        return refuse(RefusalCode::concession_expired,
                      "the concession expired on " + to_iso(*c.expires_on) +
                          ": an expired place is freed by closing it after its posting");
    }
    if (req.act.empty()) return refuse(RefusalCode::act_missing, "the ending needs the act that records it");
    if (req.reason.empty()) return refuse(RefusalCode::reason_missing, "the ending needs its reason");
    if (req.ending == Ending::revoked && c.perpetual && regulation.perpetual_revocation_years.value > 0) {
        const auto& rule = regulation.perpetual_revocation_years;
        const Date since = last_burial(c);
        const Date from = add_years(since, rule.value);
        if (req.on < from) {
            d.refusal = Refusal{RefusalCode::revocation_too_early,
                                "a perpetual concession may be revoked only " + std::to_string(rule.value) +
                                    " years after its last burial (" + to_iso(since) + "): not before " +
                                    to_iso(from) + " (" + rule.basis + ")",
                                {}, rule.basis};
            return d;
        }
        if (!req.grave_shortage) {
            d.refusal = Refusal{RefusalCode::shortage_not_stated,
                                "a perpetual concession may be revoked only when the cemetery is gravely short of "
                                "places, as the act must state (" + rule.basis + ")",
                                {}, rule.basis};
            return d;
        }
    }
    if (req.remains_moved == RemainsDestination::none && !c.deceased.empty()) {
        return refuse(RefusalCode::remains_missing,
                      std::to_string(c.deceased.size()) + " deceased rest in the place: say where their remains went");
    }
    d.frees_place = c.deceased.empty() || req.remains_moved.has_value();
    return d;
}

}  // namespace cemetery
