#include <cemetery/burial.hpp>
#include <cemetery/concede.hpp>
#include <cemetery/concession_over.hpp>

namespace cemetery {

namespace {

const RegulationVersion* version_named(const Regulation& reg, const std::string& name) {
    for (const auto& v : reg.versions) {
        if (v.name == name) return &v;
    }
    return nullptr;
}

}  // namespace

std::optional<TermRestart> term_restart_at(const Regulation& reg, const Concession& c, PlotKind kind,
                                           const RemainsCount& present, Date on, const std::string& deceased) {
    // The term restarts only under the version that gave it, and only at a later burial.
    if (present.total() == 0 || c.perpetual || !c.term_years || !c.expires_on) return std::nullopt;
    const RegulationVersion* own = version_named(reg, c.version_name);
    const KindRule* rule = own ? own->rule_for(kind) : nullptr;
    if (!rule || !rule->term_restarts_at_burial.on) return std::nullopt;
    // The restarted term counts its last day as the version that gave it does.
    const Date new_expiry = period_end(on, *c.term_years, own->end_counting.value);
    if (new_expiry <= *c.expires_on) return std::nullopt;
    return TermRestart{on,  deceased,   c.term_start, *c.expires_on,
                       on,  new_expiry, own->name,    rule->term_restarts_at_burial.basis};
}

void apply_restart(Concession& c, const TermRestart& restart) {
    c.term_start = restart.new_start;
    c.expires_on = restart.new_expiry;
}

BurialDecision decide_burial(const Regulation& reg, const Concession& c, PlotKind kind, std::string_view comune,
                             const RemainsCount& present, const BurialRequest& req) {
    BurialDecision d;
    const std::string k{code(kind)};
    auto refuse = [&](RefusalCode code, std::string message, std::string basis = {}) {
        d.refusal = Refusal{code, std::move(message), d.version_name, std::move(basis)};
        return d;
    };
    // The concession's state first: ended or freed, nobody is buried under it, whatever the date.
    if (auto over = refusal_when_over(c, "non vi si può seppellire nessuno")) {
        d.refusal = std::move(over);
        return d;
    }
    const Deceased& who = req.deceased;
    if (!who.buried_on) return refuse(RefusalCode::burial_date_missing, "a burial needs its date");
    if (auto bad = check_people({}, {who}, FutureLimit{req.today, 0})) {
        d.refusal = bad;
        return d;
    }
    const Date on = *who.buried_on;
    if (on < c.signed_on) {
        return refuse(RefusalCode::before_signing,
                      "the burial (" + to_iso(on) + ") cannot come before the deed is signed (" + to_iso(c.signed_on) + ")");
    }
    if (!c.perpetual && c.expires_on && on > *c.expires_on) {
        return refuse(RefusalCode::concession_expired, "the concession expired on " + to_iso(*c.expires_on) +
                                                           ": a burial on " + to_iso(on) + " needs a renewal first");
    }

    const RegulationVersion* version = reg.version_for(comune, on);
    if (!version) version = version_named(reg, c.version_name);
    if (!version) {
        return refuse(RefusalCode::no_version, "no version of the regulation covers " + std::string(comune) + " on " +
                                                   to_iso(on) + ": the burial cannot be decided");
    }
    d.version_name = version->name;
    const KindRule* rule = version->rule_for(kind);
    if (!rule) return refuse(RefusalCode::no_rule_for_kind, "version \"" + version->name + "\" has no rule for " + k);
    if (auto full = check_capacity(*rule, version->name, present, req.form)) {
        d.refusal = full;
        return d;
    }

    d.restart = term_restart_at(reg, c, kind, present, on, who.full_name());
    return d;
}

}  // namespace cemetery
