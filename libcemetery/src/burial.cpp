#include <cemetery/burial.hpp>
#include <cemetery/concede.hpp>
#include <cemetery/concession_over.hpp>
#include <cemetery/kind_variant.hpp>

namespace cemetery {

std::optional<TermRestart> term_restart_at(const Regulation& reg, const Concession& c, PlotKind kind,
                                           const RemainsCount& present, const BurialEvent& burial) {
    if (c.perpetual || !c.term_years) return std::nullopt;
    const RegulationVersion* own = own_version(reg, c);
    const KindRule* rule = own_rule(reg, c, kind);
    const std::string version = own ? own->name : std::string();
    // A started, restarted or extended term counts its last day as the version that gave it does.
    const EndCounting counting = own ? own->end_counting.value : EndCounting::same_day;
    TermRestart r{burial.on, burial.deceased, c.term_start, c.expires_on, burial.on, {}, version, {}, TermEvent::burial};
    if (!c.started()) {
        // The burial, or the death it follows, is the event the term was waiting for.
        // A legacy deed has no rule: only a common-field turn waits, for its burial.
        const TermStart start = rule ? rule->term_start : TermStart::burial;
        if (start == TermStart::death) {
            if (!burial.died_on) return std::nullopt;  // not guessed: decide_burial asks for it
            r.new_start = *burial.died_on;
        } else if (start != TermStart::burial) {
            return std::nullopt;  // a payment starts it, not a burial
        }
        r.new_expiry = period_end(r.new_start, *c.term_years, counting);
        r.basis = rule ? (rule->term_start_basis.empty() ? rule->basis : rule->term_start_basis) : "the deed's own term";
        // This burial is the first of those that extend the term: from the burial when
        // that ends later than from the death, as a deed granted with its burial gets
        // (decide_concession) and an import of the same rows (restarts_at_burials).
        if (rule && rule->extends_at_every_burial.on &&
            !(burial.extension_declined && rule->extends_at_every_burial.declinable)) {
            const Date extended = period_end(burial.on, *c.term_years, counting);
            if (extended > r.new_expiry) {
                r.new_start = burial.on;
                r.new_expiry = extended;
                r.basis += "; " + rule->extends_at_every_burial.basis;
            }
        }
        return r;
    }
    if (!rule) return std::nullopt;
    if (rule->extends_at_every_burial.on) {
        if (burial.extension_declined && rule->extends_at_every_burial.declinable) return std::nullopt;
        r.basis = rule->extends_at_every_burial.basis;
    } else if (rule->term_restarts_at_burial.on && present.total() > 0) {
        r.basis = rule->term_restarts_at_burial.basis;
    } else {
        return std::nullopt;
    }
    r.new_expiry = period_end(burial.on, *c.term_years, counting);
    if (r.new_expiry <= *c.expires_on) return std::nullopt;
    return r;
}

bool extension_declinable(const Regulation& reg, const Concession& c, PlotKind kind) {
    if (c.perpetual) return false;
    const KindRule* own = own_rule(reg, c, kind);
    return own && own->extends_at_every_burial.on && own->extends_at_every_burial.declinable;
}

void apply_restart(Concession& c, const TermRestart& restart) {
    c.term_start = restart.new_start;
    c.expires_on = restart.new_expiry;
}

BurialDecision decide_burial(const Regulation& reg, const Concession& c, PlotKind kind, std::string_view comune,
                             const RemainsCount& present, const BurialRequest& req) {
    BurialDecision d;
    const std::string k{italian_name(kind)};
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
    if (!who.buried_on) return refuse(RefusalCode::burial_date_missing, "una sepoltura richiede la sua data");
    if (auto bad = check_people({}, {who}, FutureLimit{req.today, 0})) {
        d.refusal = bad;
        return d;
    }
    const Date on = *who.buried_on;
    if (on < c.signed_on) {
        return refuse(RefusalCode::before_signing,
                      "la sepoltura (" + to_italian(on) + ") non può precedere la stipula dell'atto (" +
                          to_italian(c.signed_on) + ")");
    }
    if (!c.perpetual && c.expires_on && on > *c.expires_on) {
        return refuse(RefusalCode::concession_expired, "la concessione è scaduta il " + to_italian(*c.expires_on) +
                                                           ": una sepoltura il " + to_italian(on) +
                                                           " richiede prima un rinnovo");
    }

    const RegulationVersion* version = reg.version_for(comune, on);
    if (!version) version = own_version(reg, c);
    if (!version) {
        return refuse(RefusalCode::no_version, "nessuna versione del regolamento si applica a " + std::string(comune) + " il " +
                                                   to_italian(on) + ": la sepoltura non si può decidere");
    }
    d.version_name = version->name;
    // The place's capacity under the deed's variant, as the version of the burial day defines it.
    const DeedRule found = rule_for_deed(*version, kind, c.variant);
    if (!found) {
        d.refusal = found.refusal;
        return d;
    }
    const KindRule* rule = found.rule;
    if (auto full = check_capacity(*rule, version->name, present, req.form)) {
        d.refusal = full;
        return d;
    }

    if (const KindRule* own = own_rule(reg, c, kind)) {
        if (req.extension_declined && !(own->extends_at_every_burial.on && own->extends_at_every_burial.declinable)) {
            return refuse(RefusalCode::extension_not_declinable,
                          "secondo la versione «" + c.version_name + "» la durata di " + k +
                              " non ha una proroga alla sepoltura a cui i concessionari possano rinunciare",
                          own->basis);
        }
        if (!c.started() && own->term_start == TermStart::death && !who.died_on) {
            return refuse(RefusalCode::death_date_missing,
                          "la durata di questo " + k + " decorre dal decesso (" + own->term_start_basis +
                              "): serve la data di morte",
                          own->term_start_basis);
        }
    } else if (req.extension_declined) {
        return refuse(RefusalCode::extension_not_declinable, "la durata di questo " + k + " non ha proroga alla sepoltura");
    }
    d.restart = term_restart_at(reg, c, kind, present, BurialEvent{on, who.full_name(), who.died_on, req.extension_declined});
    return d;
}

}  // namespace cemetery
