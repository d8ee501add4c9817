#include <cemetery/ending.hpp>

namespace cemetery {

EndingDecision decide_ending(const Concession& c, bool closed, const EndingRequest& req) {
    EndingDecision d;
    auto refuse = [&](RefusalCode code, std::string message) {
        d.refusal = Refusal{code, std::move(message), {}, {}};
        return d;
    };
    if (req.ending == Ending::none) return refuse(RefusalCode::reason_missing, "say how the concession ends");
    if (closed) return refuse(RefusalCode::already_closed, "the place of this concession was already freed");
    if (c.ending != Ending::none) {
        return refuse(RefusalCode::concession_ended,
                      "the concession was already " + std::string(code(c.ending)) +
                          (c.ended_on ? " on " + to_iso(*c.ended_on) : std::string()));
    }
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
    if (req.remains_moved == RemainsDestination::none && !c.deceased.empty()) {
        return refuse(RefusalCode::remains_missing,
                      std::to_string(c.deceased.size()) + " deceased rest in the place: say where their remains went");
    }
    d.frees_place = c.deceased.empty() || req.remains_moved.has_value();
    return d;
}

}  // namespace cemetery
