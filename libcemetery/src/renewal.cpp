#include <cemetery/renewal.hpp>

namespace cemetery {

namespace {
std::string years_text(int n) { return std::to_string(n) + (n == 1 ? " year" : " years"); }
}  // namespace

std::string RenewalDecision::explanation() const {
    if (refusal) return refusal->message;
    return "renewal " + std::to_string(renewals_used + 1) + " of " + std::to_string(renewals_allowed) + " under " +
           version_name + " (" + years_text(years) + ": " + basis + "): expiry " + to_iso(previous_expiry) + " → " +
           to_iso(new_expiry);
}

RenewalDecision decide_renewal(const Regulation& reg, const Concession& c, PlotKind kind, std::string_view comune,
                               Date on) {
    RenewalDecision d;
    d.renewals_used = static_cast<int>(c.renewals.size());
    const std::string k{code(kind)};
    auto refuse = [&](RefusalCode code, std::string message) {
        d.refusal = Refusal{code, std::move(message), d.version_name, d.basis};
        return d;
    };

    if (c.ending != Ending::none) {
        return refuse(RefusalCode::concession_ended,
                      "the concession was " + std::string(code(c.ending)) +
                          (c.ended_on ? " on " + to_iso(*c.ended_on) : std::string()) + ": it cannot be renewed");
    }
    if (c.perpetual || !c.expires_on) {
        return refuse(RefusalCode::concession_perpetual, "a perpetual concession has no term to renew");
    }
    if (on < c.signed_on) {
        return refuse(RefusalCode::before_signing,
                      "the renewal date " + to_iso(on) + " is before the signing date " + to_iso(c.signed_on));
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
    if (rule->renewals_allowed == 0 || !rule->renewal_years) {
        return refuse(RefusalCode::kind_not_renewable,
                      "version \"" + version->name + "\" allows no renewal for " + k + " (" + rule->basis + ")");
    }
    if (d.renewals_used >= rule->renewals_allowed) {
        return refuse(RefusalCode::renewals_used_up,
                      "version \"" + version->name + "\" allows " + std::to_string(rule->renewals_allowed) +
                          (rule->renewals_allowed == 1 ? " renewal" : " renewals") + " for " + k + " and " +
                          std::to_string(d.renewals_used) + " already granted (" + rule->basis + ")");
    }
    d.years = *rule->renewal_years;
    d.previous_expiry = *c.expires_on;
    // The new period runs from the current expiry, not from the request (domain rule).
    d.new_expiry = add_years(*c.expires_on, d.years);
    d.tariff = reg.tariff(comune, kind, TariffItem::renewal, on);
    return d;
}

}  // namespace cemetery
