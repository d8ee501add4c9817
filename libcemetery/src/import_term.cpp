#include "import_term.hpp"

#include <algorithm>
#include <tuple>

namespace cemetery {

std::optional<BurialClash> in_burial_order(std::vector<RowBurial>& burials) {
    if (burials.size() < 2) return std::nullopt;
    // One person on two rows (a co-holder's row repeats the deceased) is one burial,
    // if the rows agree on its day.
    std::sort(burials.begin(), burials.end(), [](const RowBurial& a, const RowBurial& b) {
        return std::tie(a.person, a.on, a.line) < std::tie(b.person, b.on, b.line);
    });
    for (std::size_t i = 1; i < burials.size(); ++i) {
        const RowBurial& a = burials[i - 1];
        const RowBurial& b = burials[i];
        if (a.person == b.person && a.on != b.on) {
            const RowBurial& later = a.line > b.line ? a : b;
            return BurialClash{later.line, later.on, std::min(a.line, b.line)};
        }
    }
    burials.erase(std::unique(burials.begin(), burials.end(),
                              [](const RowBurial& a, const RowBurial& b) { return a.person == b.person; }),
                  burials.end());
    std::sort(burials.begin(), burials.end(), [](const RowBurial& a, const RowBurial& b) {
        return std::make_tuple(!a.on, a.on, a.person) < std::make_tuple(!b.on, b.on, b.person);
    });
    return std::nullopt;
}

std::vector<RowRestart> restarts_at_burials(const Regulation& regulation, Concession& concession, PlotKind kind,
                                            RemainsCount present, const std::vector<RowBurial>& burials) {
    std::vector<RowRestart> out;
    for (const RowBurial& b : burials) {
        // A burial without its day restarts nothing and counts for nothing: it is not guessed.
        if (!b.on) continue;
        if (auto restart = term_restart_at(regulation, concession, kind, present, BurialEvent{*b.on, {}, b.died_on, false})) {
            apply_restart(concession, *restart);
            out.push_back(RowRestart{b.person, std::move(*restart)});
        }
        // Imported remains are a coffin until an act says otherwise, as the register stores them.
        present.add(RemainsForm::coffin);
    }
    return out;
}

ImportedTerm decide_imported_term(const Regulation& regulation, const std::string& comune, PlotKind kind,
                                  const DeedTerm& deed, const std::vector<RowBurial>& burials) {
    ImportedTerm out;
    TermRequest request;
    request.comune = comune;
    request.kind = kind;
    request.signed_on = deed.signed_on;
    request.stated_term_start = deed.stated_start;
    request.stated_years = deed.years;
    request.perpetual = deed.perpetual;
    // A perpetual deed stating an expiry is refused by the rules; any other stated
    // expiry is compared below, with the term the burials brought it to.
    if (deed.perpetual) request.stated_expiry = deed.stated_expiry;
    if (!burials.empty() && burials.front().on) request.first_burial = burials.front().on;
    request.requested_on = deed.requested_on;
    request.paid_on = deed.paid_on;
    request.variant = deed.variant;
    // The death the term may run from: the first buried's (the one the place was granted for).
    if (!burials.empty()) request.died_on = burials.front().died_on;
    TermDecision decision = decide_term(regulation, request);
    if (!decision) {
        out.refusal = std::move(decision.refusal);
        return out;
    }
    // The rules accepted a perpetual deed only as a term: the only notice decide_term
    // gives here (a stated expiry is compared below, after the burials).
    if (deed.perpetual && !decision.term->perpetual && !decision.notices.empty()) {
        out.read_as_years = decision.notices.front();
    }
    out.rules = std::move(*decision.term);
    Concession c;
    c.signed_on = deed.signed_on;
    c.variant = deed.variant;
    apply_term(c, out.rules);
    out.restarts = restarts_at_burials(regulation, c, kind, {}, burials);
    out.reached = out.rules;
    out.reached.term_start = c.term_start;
    out.reached.expires_on = c.expires_on;
    out.term = out.reached;
    if (deed.stated_expiry && !deed.perpetual) {
        out.notice = keep_stated_expiry(out.term, *deed.stated_expiry);
        if (out.notice) {
            // The register's own expiry stands for whatever the burials did to the
            // term: it keeps the regulation's start, and no restart of ours.
            out.term.term_start = out.rules.term_start;
            out.restarts.clear();
        }
    }
    return out;
}

}  // namespace cemetery
