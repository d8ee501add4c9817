#include <cemetery/closing.hpp>
#include <cemetery/concession_over.hpp>

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
                      "il posto di questa concessione è già stato liberato" +
                          (c.closed_on ? " il " + to_italian(*c.closed_on) : std::string()));
    }
    if (req.remains == RemainsDestination::none && !c.deceased.empty()) {
        return refuse(RefusalCode::remains_missing,
                      remains_in_place(c.deceased.size()) + ": dire dove vanno i resti");
    }
    if (c.ending != Ending::none) {
        // Ended before its term: freed once the remains are moved, no posting needed.
        if (c.ended_on && req.on < *c.ended_on) {
            return refuse(RefusalCode::not_expired, "la concessione è cessata il " + to_italian(*c.ended_on) +
                                                        ": il posto non si può liberare prima (" + to_italian(req.on) + ")");
        }
        return d;
    }
    if (c.perpetual || !c.expires_on) {
        return refuse(RefusalCode::concession_perpetual, "una concessione perpetua non scade");
    }
    if (req.on <= *c.expires_on) {
        return refuse(RefusalCode::not_expired, "la concessione è valida fino al " + to_italian(*c.expires_on) +
                                                    " compreso: non si può chiudere il " + to_italian(req.on));
    }
    // Only a list posted after the current expiry counts: a renewal makes older postings moot.
    for (const auto& p : postings) {
        if (p.list_as_of > *c.expires_on && (!d.posting || p.posted_on < d.posting->posted_on)) d.posting = p;
    }
    const int days = reg.posting_days.value;
    if (!d.posting) {
        return refuse(RefusalCode::not_posted,
                      "la scadenza del " + to_italian(*c.expires_on) + " non è mai stata affissa: affiggere prima l'elenco delle scadute per " +
                          std::to_string(days) + " giorni (" + reg.posting_days.basis + ")",
                      reg.posting_days.basis);
    }
    d.posting_ends = add_days(d.posting->posted_on, days);
    if (req.on < *d.posting_ends) {
        return refuse(RefusalCode::posting_not_over,
                      "affissa dal " + to_italian(d.posting->posted_on) + ": i " + std::to_string(days) +
                          " giorni di affissione finiscono il " + to_italian(add_days(*d.posting_ends, -1)) +
                          ", si può chiudere dal " + to_italian(*d.posting_ends) + " (" + reg.posting_days.basis + ")",
                      reg.posting_days.basis);
    }
    return d;
}

}  // namespace cemetery
