#include <cemetery/kind_variant.hpp>
#include <cemetery/term.hpp>

#include <algorithm>

namespace cemetery {

namespace {

TermDecision refuse(RefusalCode code, std::string message, std::string version = {}, std::string basis = {}) {
    TermDecision d;
    d.refusal = Refusal{code, std::move(message), std::move(version), std::move(basis)};
    return d;
}

std::string years_text(int n) { return std::to_string(n) + (n == 1 ? " year" : " years"); }
std::string anni_text(int n) { return std::to_string(n) + (n == 1 ? " anno" : " anni"); }

// «Unione 2020», as the messages name a version.
std::string quoted(const std::string& name) { return "«" + name + "»"; }

// How the term's last day is counted: as the version in force on the signing says; a
// deed signed before any version by the civil-code rule.
EndCounting counting_of(const RegulationVersion* version) {
    return version ? version->end_counting.value : EndCounting::same_day;
}

// "30 o 40 anni", "20, 30 o 40 anni"
std::string choices_text(const std::vector<int>& years) {
    std::string out;
    for (std::size_t i = 0; i < years.size(); ++i) {
        if (i > 0) out += i + 1 == years.size() ? " o " : ", ";
        out += std::to_string(years[i]);
    }
    return out + " anni";
}

}  // namespace

TermDecision decide_term(const Regulation& reg, const TermRequest& req) {
    const std::string kind{italian_name(req.kind)};

    // Perpetual deeds: only those signed before DPR 803/1975 came into force (N10), or
    // the cut-off the file sets for the comune and kind.
    if (req.perpetual) {
        if (req.stated_years || req.stated_expiry) {
            return refuse(RefusalCode::perpetual_with_term, "un atto perpetuo non può indicare anche una durata o una scadenza");
        }
        if (req.variant) {
            return refuse(RefusalCode::variant_not_offered, "un atto perpetuo non segue una variante del regolamento («" +
                                                                *req.variant + "»): le varianti sono regole a termine");
        }
        const PerpetualCutoff cutoff = reg.perpetual_cutoff_for(req.comune, req.kind);
        TermDecision d;
        if (req.signed_on <= cutoff.until) {
            d.term = Term{req.signed_on, std::nullopt, true, std::nullopt, TermSource::deed, {}, cutoff.basis};
            return d;
        }
        if (!cutoff.read_as_years) {
            return refuse(RefusalCode::perpetual_not_allowed,
                          "un atto di " + kind + " stipulato il " + to_italian(req.signed_on) + " a " + req.comune +
                              " non può essere perpetuo: lo possono solo gli atti stipulati entro il " +
                              to_italian(cutoff.until) + " (" + cutoff.basis + ")",
                          {}, cutoff.basis);
        }
        // Written perpetual after the cut-off: the comune reads it as a fixed term from the signing.
        const int years = *cutoff.read_as_years;
        const RegulationVersion* in_force = reg.version_for(req.comune, req.signed_on);
        const Date end = period_end(req.signed_on, years, counting_of(in_force));
        d.term = Term{req.signed_on, years, false, end, TermSource::deed, {}, cutoff.basis};
        d.notices.push_back("un atto di " + kind + " scritto perpetuo ma stipulato il " + to_italian(req.signed_on) +
                            ", dopo il " + to_italian(cutoff.until) + ", vale " + anni_text(years) +
                            " dalla stipula (" + cutoff.basis + ")");
        return d;
    }

    Term term;
    int years = 0;
    TermStart starts = TermStart::signing;
    const RegulationVersion* in_force = reg.version_for(req.comune, req.signed_on);
    if (const RegulationVersion* version = in_force) {
        const DeedRule found = rule_for_deed(*version, req.kind, req.variant);
        if (!found) {
            TermDecision d;
            d.refusal = found.refusal;
            return d;
        }
        const KindRule* rule = found.rule;
        if (!rule->term_choices.empty()) {
            // The deed records which of the terms on offer was agreed: never guessed.
            const auto& choices = rule->term_choices;
            if (!req.stated_years) {
                return refuse(RefusalCode::term_choice_missing,
                              "la versione " + quoted(version->name) + " concede " + kind + " per " + choices_text(choices) +
                                  ": l'atto deve dire quale (" + rule->basis + ")",
                              version->name, rule->basis);
            }
            if (std::find(choices.begin(), choices.end(), *req.stated_years) == choices.end()) {
                return refuse(RefusalCode::term_differs,
                              "l'atto indica " + anni_text(*req.stated_years) + ", ma la versione " + quoted(version->name) +
                                  " concede " + kind + " per " + choices_text(choices) + " (" + rule->basis + ")",
                              version->name, rule->basis);
            }
            years = *req.stated_years;
        } else if (req.stated_years && *req.stated_years != rule->term_years) {
            return refuse(RefusalCode::term_differs,
                          "l'atto indica " + anni_text(*req.stated_years) + ", ma la versione " + quoted(version->name) +
                              " dà " + kind + " per " + anni_text(rule->term_years) + " (" + rule->basis + ")",
                          version->name, rule->basis);
        } else {
            years = rule->term_years;
        }
        starts = rule->term_start;
        term.source = TermSource::regulation;
        term.version_name = version->name;
        term.basis = rule->basis;
    } else {
        const auto first = reg.first_version_start(req.comune);
        if (first && req.signed_on >= *first) {
            // After the rules began for this comune but none covers the day: say so, never guess.
            return refuse(RefusalCode::no_version,
                          "nessuna versione del regolamento si applica a " + req.comune + " il " +
                              to_italian(req.signed_on));
        }
        // A legacy deed, signed before any version: its own term stands (N10 by analogy).
        if (req.variant) {
            return refuse(RefusalCode::variant_not_offered,
                          "stipulato il " + to_italian(req.signed_on) + ", prima di ogni versione del regolamento per " +
                              req.comune + ": nessuna versione definisce la variante «" + *req.variant + "»");
        }
        if (!req.stated_years) {
            return refuse(RefusalCode::term_missing,
                          "stipulato il " + to_italian(req.signed_on) + ", prima di ogni versione del regolamento per " +
                              req.comune + ": serve la durata in anni dell'atto stesso");
        }
        years = *req.stated_years;
        // The common field is a turn that starts at the burial, whatever the era.
        starts = req.kind == PlotKind::campo_comune ? TermStart::burial : TermStart::signing;
        term.source = TermSource::deed;
        term.basis = "the deed's own term";
    }
    if (years > reg.max_period_years.value) {
        return refuse(RefusalCode::term_too_long,
                      anni_text(years) + " superano il massimo di " + anni_text(reg.max_period_years.value) + " (" +
                          reg.max_period_years.basis + ")",
                      term.version_name, reg.max_period_years.basis);
    }
    std::string start_basis = term.basis;
    if (term.source == TermSource::regulation) {
        const KindRule* rule = rule_for_deed(*in_force, req.kind, req.variant).rule;
        if (!rule->term_start_basis.empty()) start_basis = rule->term_start_basis;
    }
    // The request comes before the deed, or on its day: the earliest a term may start.
    if (starts == TermStart::request) {
        if (!req.requested_on) {
            return refuse(RefusalCode::request_date_missing,
                          "la durata di " + kind + " decorre dalla richiesta (" + start_basis +
                              "): serve la data della richiesta",
                          term.version_name, start_basis);
        }
        if (*req.requested_on > req.signed_on) {
            return refuse(RefusalCode::request_after_signing, "la richiesta (" + to_italian(*req.requested_on) +
                                                                  ") non può seguire l'atto che chiedeva (" +
                                                                  to_italian(req.signed_on) + ")",
                          term.version_name, start_basis);
        }
    }
    const Date earliest = starts == TermStart::request ? *req.requested_on : req.signed_on;
    std::optional<Date> start;
    if (req.stated_term_start) {
        if (*req.stated_term_start < earliest) {
            return refuse(RefusalCode::before_signing, "la durata non può decorrere (" + to_italian(*req.stated_term_start) +
                                                           ") prima della stipula dell'atto (" +
                                                           to_italian(req.signed_on) + ")");
        }
        start = req.stated_term_start;
    } else {
        switch (starts) {
            case TermStart::signing: start = req.signed_on; break;
            case TermStart::request: start = req.requested_on; break;
            // Events that may still be to come: without them the term has not started.
            case TermStart::burial: start = req.first_burial; break;
            case TermStart::payment: start = req.paid_on; break;
            case TermStart::death: start = req.died_on; break;
        }
    }
    term.years = years;
    if (start) {
        term.term_start = *start;
        term.expires_on = period_end(*start, years, counting_of(in_force));
    } else {
        term.term_start = req.signed_on;  // the place is held from the signing
    }

    TermDecision d;
    if (req.stated_expiry) {
        if (auto notice = keep_stated_expiry(term, *req.stated_expiry)) d.notices.push_back(std::move(*notice));
    }
    d.term = std::move(term);
    return d;
}

std::optional<std::string> keep_stated_expiry(Term& term, Date stated) {
    if (term.perpetual || !term.years || stated == term.expires_on) return std::nullopt;
    // A register that states an expiry for a term still waiting for its event knows
    // the event: the stated expiry stands, as the register's word.
    if (!term.expires_on) {
        term.expires_on = stated;
        term.source = TermSource::stated_expiry;
        return "stated expiry " + to_iso(stated) + " kept; the term of " + years_text(*term.years) +
               " had not started (" + to_iso(term.term_start) + ")";
    }
    std::string notice = "stated expiry " + to_iso(stated) + " kept; " + to_iso(term.term_start) + " + " +
                         years_text(*term.years) + " gives " + to_iso(*term.expires_on);
    term.expires_on = stated;
    term.source = TermSource::stated_expiry;
    return notice;
}

void apply_term(Concession& c, const Term& term) {
    c.term_start = term.term_start;
    c.term_years = term.years;
    c.perpetual = term.perpetual;
    c.expires_on = term.expires_on;
    c.term_source = term.source;
    c.version_name = term.version_name;
}

std::string explain_expiry(const Concession& c, PlotKind kind) {
    const std::string k{code(kind)};
    if (c.perpetual) return "perpetual: signed " + to_iso(c.signed_on) + ", " + k + ", a perpetual deed";
    std::string out = c.expires_on ? "expires " + to_iso(*c.expires_on) + ": " : std::string("not started: ");
    out += (c.term_start == c.signed_on || !c.expires_on ? "signed " : "term from ") +
           to_iso(c.expires_on ? c.term_start : c.signed_on) + ", " + k;
    if (c.term_years) out += ", " + years_text(*c.term_years);
    switch (c.term_source) {
        case TermSource::regulation: out += ", version " + c.version_name; break;
        case TermSource::deed: out += ", the deed's own term (signed before any version of the regulation)"; break;
        case TermSource::stated_expiry: out += ", expiry as stated in the register"; break;
    }
    for (const Renewal& r : c.renewals) {
        out += "; renewed on " + to_iso(r.granted_on) + " for " + years_text(r.years) + " (" + to_iso(r.previous_expiry) +
               " → " + to_iso(r.new_expiry) + (r.version_name.empty() ? "" : ", version " + r.version_name) + ")";
    }
    return out;
}

std::string explain_expiry_in_italian(const Concession& c, PlotKind kind) {
    const std::string k{italian_name(kind)};
    const auto years = [](int n) { return std::to_string(n) + (n == 1 ? " anno" : " anni"); };
    const auto version = [](const std::string& name) { return "versione «" + name + "» del regolamento"; };
    if (c.perpetual) return "perpetua: stipulata il " + to_italian(c.signed_on) + ", " + k + ", concessione perpetua";
    std::string out = c.expires_on ? "scade il " + to_italian(*c.expires_on) + ": "
                                   : std::string("non decorsa, senza scadenza finché l'evento da cui decorre non avviene: ");
    out += (c.term_start == c.signed_on || !c.expires_on ? "stipulata il " : "decorrenza dal ") +
           to_italian(c.expires_on ? c.term_start : c.signed_on) + ", " + k;
    if (c.term_years) out += ", " + years(*c.term_years);
    switch (c.term_source) {
        case TermSource::regulation: out += ", " + version(c.version_name); break;
        case TermSource::deed: out += ", durata propria dell'atto (stipulato prima di ogni versione del regolamento)"; break;
        case TermSource::stated_expiry: out += ", scadenza come indicata nel registro"; break;
    }
    for (const Renewal& r : c.renewals) {
        out += "; rinnovata il " + to_italian(r.granted_on) + " per " + years(r.years) + " (" +
               to_italian(r.previous_expiry) + " → " + to_italian(r.new_expiry) +
               (r.version_name.empty() ? "" : ", " + version(r.version_name)) + ")";
    }
    return out;
}

std::vector<int> terms_on_offer(const Regulation& regulation, std::string_view comune, PlotKind kind,
                                Date signed_on, const std::optional<std::string>& variant) {
    const RegulationVersion* version = regulation.version_for(comune, signed_on);
    const KindRule* rule = version ? rule_for_deed(*version, kind, variant).rule : nullptr;
    if (!rule) return {};
    if (!rule->term_choices.empty()) return rule->term_choices;
    return {rule->term_years};
}

std::vector<const KindRule*> variants_on_offer(const Regulation& regulation, std::string_view comune, PlotKind kind,
                                               Date signed_on) {
    std::vector<const KindRule*> out;
    const RegulationVersion* version = regulation.version_for(comune, signed_on);
    const KindRule* rule = version ? version->rule_for(kind) : nullptr;
    if (!rule) return out;
    for (const auto& v : rule->variants) out.push_back(&v);
    return out;
}

}  // namespace cemetery
