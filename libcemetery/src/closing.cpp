#include <cemetery/closing.hpp>

namespace cemetery {

ClosingDecision decide_closing(const Regulation& reg, const Concession& c, bool closed,
                               const std::vector<Posting>& postings, const ClosingRequest& req) {
    ClosingDecision d;
    auto refuse = [&](RefusalCode code, std::string message, std::string basis = {}) {
        d.refusal = Refusal{code, std::move(message), {}, std::move(basis)};
        return d;
    };
    if (closed || c.closed_on) {
        return refuse(RefusalCode::already_closed,
                      "the place of this concession was already freed" +
                          (c.closed_on ? " on " + to_iso(*c.closed_on) : std::string()));
    }
    if (req.remains == RemainsDestination::none && !c.deceased.empty()) {
        return refuse(RefusalCode::remains_missing,
                      std::to_string(c.deceased.size()) + " deceased rest in the place: say where their remains go");
    }
    if (c.ending != Ending::none) {
        // Ended before its term: freed once the remains are moved, no posting needed.
        if (c.ended_on && req.on < *c.ended_on) {
            return refuse(RefusalCode::not_expired, "the concession ended on " + to_iso(*c.ended_on) +
                                                        ": its place cannot be freed before (" + to_iso(req.on) + ")");
        }
        return d;
    }
    if (c.perpetual || !c.expires_on) {
        return refuse(RefusalCode::concession_perpetual, "a perpetual concession does not expire");
    }
    if (req.on <= *c.expires_on) {
        return refuse(RefusalCode::not_expired, "the concession is valid through " + to_iso(*c.expires_on) +
                                                    ": it cannot be closed on " + to_iso(req.on));
    }
    // Only a list posted after the current expiry counts: a renewal makes older postings moot.
    for (const auto& p : postings) {
        if (p.list_as_of > *c.expires_on && (!d.posting || p.posted_on < d.posting->posted_on)) d.posting = p;
    }
    const int days = reg.posting_days.value;
    if (!d.posting) {
        return refuse(RefusalCode::not_posted,
                      "the expiry of " + to_iso(*c.expires_on) + " was never posted: post the expired list for " +
                          std::to_string(days) + " days first (" + reg.posting_days.basis + ")",
                      reg.posting_days.basis);
    }
    d.posting_ends = add_days(d.posting->posted_on, days);
    if (req.on < *d.posting_ends) {
        return refuse(RefusalCode::posting_not_over,
                      "posted from " + to_iso(d.posting->posted_on) + ": the " + std::to_string(days) +
                          " days of posting end on " + to_iso(add_days(*d.posting_ends, -1)) +
                          ", it can be closed from " + to_iso(*d.posting_ends) + " (" + reg.posting_days.basis + ")",
                      reg.posting_days.basis);
    }
    return d;
}

}  // namespace cemetery
