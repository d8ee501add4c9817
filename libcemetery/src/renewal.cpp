#include <cemetery/concession_over.hpp>
#include <cemetery/renewal.hpp>

#include <algorithm>

namespace cemetery {

namespace {
std::string years_text(int n) { return std::to_string(n) + (n == 1 ? " year" : " years"); }

// The last burial the register records: a burial may have restarted the term.
std::optional<Date> last_burial(const Concession& c) {
    std::optional<Date> last;
    for (const auto& d : c.deceased) {
        if (d.buried_on && (!last || *d.buried_on > *last)) last = d.buried_on;
    }
    return last;
}

const Renewal* last_renewal(const Concession& c) {
    const auto it = std::max_element(c.renewals.begin(), c.renewals.end(),
                                      [](const Renewal& a, const Renewal& b) { return a.granted_on < b.granted_on; });
    return it == c.renewals.end() ? nullptr : &*it;
}
// The first posting of a list on which the concession appears expired at its current
// expiry, posted on or before `on`: a posting of an earlier expiry, since renewed, does not count.
std::optional<Posting> posted_by(const std::vector<Posting>& postings, Date expiry, Date on) {
    std::optional<Posting> first;
    for (const auto& p : postings) {
        if (p.list_as_of > expiry && p.posted_on <= on && (!first || p.posted_on < first->posted_on)) first = p;
    }
    return first;
}

std::optional<Refusal> outside_window(const RenewalWindow& w, Date expiry, Date on,
                                      const std::vector<Posting>& postings, const std::string& version) {
    const auto refuse = [&](RefusalCode code, std::string message) {
        return Refusal{code, std::move(message) + " (" + w.basis + ")", version, w.basis};
    };
    if (const auto opens = w.opens_on(expiry); opens && on < *opens) {
        return refuse(RefusalCode::renewal_window_not_open,
                      "version \"" + version + "\" opens the renewal of a concession expiring on " + to_iso(expiry) +
                          " on " + to_iso(*opens) + ": a renewal dated " + to_iso(on) + " is too early");
    }
    if (const auto closes = w.closes_on(expiry); closes && on > *closes) {
        return refuse(RefusalCode::renewal_window_closed,
                      "version \"" + version + "\" closed the renewal of a concession expired on " + to_iso(expiry) +
                          " on " + to_iso(*closes) + ": a renewal dated " + to_iso(on) + " is too late");
    }
    if (w.closes_at_posting) {
        if (const auto posting = posted_by(postings, expiry, on)) {
            return refuse(RefusalCode::renewal_after_posting,
                          "the concession is on the list of expired concessions posted on " +
                              to_iso(posting->posted_on) + ": version \"" + version +
                              "\" allows no renewal once it is posted");
        }
    }
    return std::nullopt;
}

}  // namespace

std::string RenewalDecision::explanation() const {
    if (refusal) return refusal->message;
    std::string out = "renewal " + std::to_string(renewals_used + 1) + " of " + std::to_string(renewals_allowed) +
                      " under " + version_name + " (" + years_text(years) + ": " + basis + "): expiry " +
                      to_iso(previous_expiry) + " → " + to_iso(new_expiry);
    if (burial_reaches_on) {
        out += "; the last burial reaches its years on " + to_iso(*burial_reaches_on) + " (" + burial_cap_basis + ")";
    }
    return out;
}

RenewalDecision decide_renewal(const Regulation& reg, const Concession& c, PlotKind kind, std::string_view comune,
                               Date on, std::optional<Date> today, const std::vector<Posting>& postings) {
    RenewalDecision d;
    d.renewals_used = static_cast<int>(c.renewals.size());
    const std::string k{code(kind)};
    auto refuse = [&](RefusalCode code, std::string message) {
        d.refusal = Refusal{code, std::move(message), d.version_name, d.basis};
        return d;
    };

    // The concession's state first: ended or freed, nothing renews it.
    if (auto over = refusal_when_over(c, "non si può rinnovare")) {
        d.refusal = std::move(over);
        return d;
    }
    if (c.perpetual || !c.expires_on) {
        return refuse(RefusalCode::concession_perpetual, "a perpetual concession has no term to renew");
    }
    // Then the register's history in time order.
    if (today && on > *today) {
        return refuse(RefusalCode::after_today, "the renewal date " + to_iso(on) + " is after today (" +
                                                    to_iso(*today) + "): a renewal is recorded once granted");
    }
    if (on < c.signed_on) {
        return refuse(RefusalCode::before_signing,
                      "the renewal date " + to_iso(on) + " is before the signing date " + to_iso(c.signed_on));
    }
    if (const Renewal* last = last_renewal(c); last && on <= last->granted_on) {
        const std::string deed = last->deed.empty() ? std::string() : " (deed " + last->deed + ")";
        return refuse(RefusalCode::not_after_last_renewal,
                      on == last->granted_on
                          ? "a renewal dated " + to_iso(on) + deed + " is already recorded: the same renewal cannot "
                                                                     "be recorded twice"
                          : "the last renewal was granted on " + to_iso(last->granted_on) + deed +
                                ": a renewal dated " + to_iso(on) + " cannot come before it");
    }
    if (const auto burial = last_burial(c); burial && on < *burial) {
        return refuse(RefusalCode::before_last_change,
                      "the last burial was on " + to_iso(*burial) + ": a renewal dated " + to_iso(on) +
                          " cannot come before it, the term it renews may have restarted then");
    }
    const RegulationVersion* version = reg.version_for(comune, on);
    if (!version) {
        return refuse(RefusalCode::no_version, "no version of the regulation covers " + std::string(comune) + " on " +
                                                   to_iso(on) + ": the renewal cannot be decided");
    }
    d.version_name = version->name;
    d.basis = version->basis;
    const KindRule* rule = version->rule_for(kind);
    if (!rule) return refuse(RefusalCode::no_rule_for_kind, "version \"" + version->name + "\" has no rule for " + k);
    d.basis = rule->basis;
    d.renewals_allowed = rule->renewals_allowed;
    const bool has_length = !rule->renewal.years.empty() || rule->renewal.is_fraction();
    if (rule->renewals_allowed == 0 || (!has_length && !rule->renewal_until_years_after_burial)) {
        return refuse(RefusalCode::kind_not_renewable,
                      "version \"" + version->name + "\" allows no renewal for " + k + " (" + rule->basis + ")");
    }
    if (d.renewals_used >= rule->renewals_allowed) {
        return refuse(RefusalCode::renewals_used_up,
                      "version \"" + version->name + "\" allows " + std::to_string(rule->renewals_allowed) +
                          (rule->renewals_allowed == 1 ? " renewal" : " renewals") + " for " + k + " and " +
                          std::to_string(d.renewals_used) + " already granted (" + rule->basis + ")");
    }
    if (rule->renewal_window) {
        if (auto refusal = outside_window(*rule->renewal_window, *c.expires_on, on, postings, version->name)) {
            d.refusal = std::move(refusal);
            return d;
        }
    }
    // A fraction counts from the term the deed agreed (a 40-year loculo renews for
    // 20 where a 30-year one renews for 15), not from the rule's shortest term.
    d.years = has_length ? rule->renewal.for_renewal(d.renewals_used, c.term_years.value_or(rule->term_years))
                         : reg.max_period_years.value;
    if (has_length && d.years < 1) {
        return refuse(RefusalCode::kind_not_renewable,
                      "version \"" + version->name + "\" renews " + k + " for a fraction of the term that is under a "
                      "year for this deed's " + years_text(c.term_years.value_or(0)) + " (" + rule->basis + ")");
    }
    d.previous_expiry = *c.expires_on;
    // The new period runs from the current expiry, not from the request (domain rule),
    // its last day counted as the version deciding the renewal says: under "giorno_prima"
    // it starts the day after the expiry and ends the day before that day's anniversary.
    const EndCounting counting = version->end_counting.value;
    const Date from = next_period_from(*c.expires_on, counting);
    if (const auto& cap = rule->renewal_until_years_after_burial) {
        d.burial_cap_basis = cap->basis;
        const auto burial = last_burial(c);
        if (!burial) {
            return refuse(RefusalCode::renewal_not_needed,
                          "version \"" + version->name + "\" renews " + k + " only for the years the last burial needs "
                          "to reach " + years_text(cap->value) + ", and no burial is recorded under the concession (" +
                              cap->basis + ")");
        }
        // The day the last body buried completes its years, counted as the version counts a period.
        const Date reached = period_end(*burial, cap->value, counting);
        d.burial_reaches_on = reached;
        if (reached <= *c.expires_on) {
            return refuse(RefusalCode::renewal_not_needed,
                          "the last burial, on " + to_iso(*burial) + ", reaches " + years_text(cap->value) + " on " +
                              to_iso(reached) + ", within the current expiry of " + to_iso(*c.expires_on) +
                              ": version \"" + version->name + "\" renews " + k +
                              " only for the years still needed, and none is (" + cap->basis + ")");
        }
        // Whole years, rounded up, and never longer than the rule's own length.
        int needed = 1;
        while (needed < d.years && period_end(from, needed, counting) < reached) ++needed;
        d.years = needed;
    }
    d.new_expiry = period_end(from, d.years, counting);
    if (d.new_expiry < on) {
        // Valid through its expiry day: ending on the renewal date itself is still a day granted.
        return refuse(RefusalCode::renewal_ends_before,
                      "renewed from its expiry of " + to_iso(d.previous_expiry) + ", the " + years_text(d.years) +
                          " of version \"" + version->name + "\" end on " + to_iso(d.new_expiry) +
                          ", before the renewal date " + to_iso(on) + ": the family would pay for years already gone");
    }
    // A tariff for the deed's own term, or a share of its concession tariff (tariff.hpp).
    d.price = quote_price(reg, comune, kind, TariffItem::renewal, c.term_years, on);
    return d;
}

}  // namespace cemetery
