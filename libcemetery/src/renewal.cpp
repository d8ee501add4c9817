#include <cemetery/concession_over.hpp>
#include <cemetery/kind_variant.hpp>
#include <cemetery/renewal.hpp>
#include <cemetery/text.hpp>

#include <algorithm>

namespace cemetery {

namespace {
std::string years_text(int n) { return std::to_string(n) + (n == 1 ? " anno" : " anni"); }

// «Unione 2020», as the messages name a version.
std::string quoted(const std::string& name) { return "«" + name + "»"; }

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
                      "la versione " + quoted(version) + " apre il rinnovo di una concessione che scade il " +
                          to_italian(expiry) + " dal " + to_italian(*opens) + ": un rinnovo del " + to_italian(on) +
                          " è troppo presto");
    }
    if (const auto closes = w.closes_on(expiry); closes && on > *closes) {
        return refuse(RefusalCode::renewal_window_closed,
                      "la versione " + quoted(version) + " chiude il rinnovo di una concessione scaduta il " +
                          to_italian(expiry) + " il " + to_italian(*closes) + ": un rinnovo del " + to_italian(on) +
                          " è troppo tardi");
    }
    if (w.closes_at_posting) {
        if (const auto posting = posted_by(postings, expiry, on)) {
            return refuse(RefusalCode::renewal_after_posting,
                          "la concessione è nell'elenco delle scadute affisso il " + to_italian(posting->posted_on) +
                              ": la versione " + quoted(version) + " non consente il rinnovo dopo l'affissione");
        }
    }
    return std::nullopt;
}

}  // namespace

std::string RenewalDecision::explanation() const {
    if (refusal) return refusal->message;
    std::string out = "rinnovo " + std::to_string(renewals_used + 1) + " di " + std::to_string(renewals_allowed) +
                      " secondo la versione " + quoted(version_name) + " (" + years_text(years) + ": " + basis +
                      "): scadenza " + to_italian(previous_expiry) + " → " + to_italian(new_expiry);
    if (burial_reaches_on) {
        out += "; l'ultima sepoltura compie i suoi anni il " + to_italian(*burial_reaches_on) + " (" + burial_cap_basis + ")";
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
        return refuse(RefusalCode::concession_perpetual, "una concessione perpetua non ha una durata da rinnovare");
    }
    // Then the register's history in time order.
    if (today && on > *today) {
        return refuse(RefusalCode::after_today, "la data del rinnovo " + to_italian(on) + " è dopo oggi (" +
                                                    to_italian(*today) + "): un rinnovo si registra una volta concesso");
    }
    if (on < c.signed_on) {
        return refuse(RefusalCode::before_signing,
                      "la data del rinnovo " + to_italian(on) + " precede la stipula del " + to_italian(c.signed_on));
    }
    if (const Renewal* last = last_renewal(c); last && on <= last->granted_on) {
        const std::string deed = last->deed.empty() ? std::string() : " (atto " + last->deed + ")";
        return refuse(RefusalCode::not_after_last_renewal,
                      on == last->granted_on
                          ? "un rinnovo del " + to_italian(on) + deed + " è già registrato: lo stesso rinnovo non si "
                                                                     "registra due volte"
                          : "l'ultimo rinnovo è stato concesso il " + to_italian(last->granted_on) + deed +
                                ": un rinnovo del " + to_italian(on) + " non può precederlo");
    }
    if (const auto burial = last_burial(c); burial && on < *burial) {
        return refuse(RefusalCode::before_last_change,
                      "l'ultima sepoltura è del " + to_italian(*burial) + ": un rinnovo del " + to_italian(on) +
                          " non può precederla, la durata che rinnova può essere ripartita allora");
    }
    const RegulationVersion* version = reg.version_for(comune, on);
    if (!version) {
        return refuse(RefusalCode::no_version, "nessuna versione del regolamento si applica a " + std::string(comune) + " il " +
                                                   to_italian(on) + ": il rinnovo non si può decidere");
    }
    d.version_name = version->name;
    d.basis = version->basis;
    // The deed's variant under the version of the renewal day: a version that does not
    // define it refuses, never renews by its ordinary rule instead.
    const DeedRule found = rule_for_deed(*version, kind, c.variant);
    if (!found) {
        d.refusal = found.refusal;
        if (c.variant) d.refusal->message += ": il rinnovo non si può decidere";
        return d;
    }
    const KindRule* rule = found.rule;
    d.basis = rule->basis;
    if (rule->renewals_not_stated) {
        return refuse(RefusalCode::renewal_not_stated,
                      "la versione " + quoted(version->name) + " non dice se e per quanto si rinnova " + k + " (" +
                          rule->basis + "): il rinnovo non si può decidere dal regolamento");
    }
    // Where the renewals depend on the term chosen ("la cinquantennale non rinnovabile"),
    // the deed's own term decides, and a term the rule does not offer decides nothing.
    const int deed_term = c.term_years.value_or(rule->term_years);
    const std::string of_term = rule->renewals_per_term.empty() ? std::string() : " di " + years_text(deed_term);
    const std::optional<int> allowed = rule->renewals_for(deed_term);
    if (!allowed) {
        std::vector<std::string> offered;
        for (const auto& [term, n] : rule->renewals_per_term) {
            offered.push_back(years_text(term) + ": " + std::to_string(n) + (n == 1 ? " rinnovo" : " rinnovi"));
        }
        return refuse(RefusalCode::kind_not_renewable,
                      "la versione " + quoted(version->name) + " lega i rinnovi di " + k + " alla durata scelta (" +
                          join(offered, "; ") + ") e questo atto di " + years_text(deed_term) +
                          " non ha una di quelle durate: il rinnovo non si può decidere (" + rule->basis + ")");
    }
    d.renewals_allowed = *allowed;
    const bool has_length = !rule->renewal.years.empty() || rule->renewal.is_fraction();
    if (*allowed == 0 || (!has_length && !rule->renewal_length_not_stated && !rule->renewal_until_years_after_burial)) {
        return refuse(RefusalCode::kind_not_renewable, "la versione " + quoted(version->name) + " non consente rinnovi per " +
                                                           k + of_term + " (" + rule->basis + ")");
    }
    if (d.renewals_used >= *allowed) {
        return refuse(RefusalCode::renewals_used_up,
                      "la versione " + quoted(version->name) + " consente " + std::to_string(*allowed) +
                          (*allowed == 1 ? " rinnovo" : " rinnovi") + " per " + k + of_term + " e " +
                          std::to_string(d.renewals_used) + " già concessi (" + rule->basis + ")");
    }
    if (rule->renewal_window) {
        if (auto refusal = outside_window(*rule->renewal_window, *c.expires_on, on, postings, version->name)) {
            d.refusal = std::move(refusal);
            return d;
        }
    }
    if (rule->renewal_length_not_stated) {
        return refuse(RefusalCode::renewal_not_stated,
                      "la versione " + quoted(version->name) + " consente " + std::to_string(*allowed) +
                          (*allowed == 1 ? " rinnovo" : " rinnovi") + " per " + k + of_term +
                          " ma non ne dice la durata (" + rule->basis + "): il rinnovo non si può decidere dal regolamento");
    }
    // A fraction counts from the term the deed agreed (a 40-year loculo renews for
    // 20 where a 30-year one renews for 15), not from the rule's shortest term.
    d.years = has_length ? rule->renewal.for_renewal(d.renewals_used, deed_term)
                         : reg.max_period_years.value;
    if (has_length && d.years < 1) {
        return refuse(RefusalCode::kind_not_renewable,
                      "la versione " + quoted(version->name) + " rinnova " + k + " per una frazione della durata che per i " +
                      years_text(c.term_years.value_or(0)) + " di questo atto è meno di un anno (" + rule->basis + ")");
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
                          "la versione " + quoted(version->name) + " rinnova " + k + " solo per gli anni che servono all'ultima "
                          "sepoltura per compierne " + std::to_string(cap->value) +
                              ", e nella concessione non è registrata alcuna sepoltura (" + cap->basis + ")");
        }
        // The day the last body buried completes its years, counted as the version counts a period.
        const Date reached = period_end(*burial, cap->value, counting);
        d.burial_reaches_on = reached;
        if (reached <= *c.expires_on) {
            return refuse(RefusalCode::renewal_not_needed,
                          "l'ultima sepoltura, del " + to_italian(*burial) + ", compie " + years_text(cap->value) + " il " +
                              to_italian(reached) + ", entro la scadenza attuale del " + to_italian(*c.expires_on) +
                              ": la versione " + quoted(version->name) + " rinnova " + k +
                              " solo per gli anni ancora necessari, e non ne serve alcuno (" + cap->basis + ")");
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
                      "rinnovata dalla scadenza del " + to_italian(d.previous_expiry) + ", i " + years_text(d.years) +
                          " della versione " + quoted(version->name) + " finiscono il " + to_italian(d.new_expiry) +
                          ", prima della data del rinnovo " + to_italian(on) +
                          ": la famiglia pagherebbe anni già trascorsi");
    }
    // A tariff for the deed's own term, or a share of its concession tariff (tariff.hpp).
    d.price = quote_price(reg, comune, kind, TariffItem::renewal, c.term_years, on);
    return d;
}

}  // namespace cemetery
