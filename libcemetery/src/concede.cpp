#include <cemetery/codice_fiscale.hpp>
#include <cemetery/concede.hpp>
#include <cemetery/term.hpp>
#include <cemetery/validation.hpp>

namespace cemetery {

namespace {

Refusal refusal(RefusalCode code, std::string message, std::string version = {}, std::string basis = {}) {
    return Refusal{code, std::move(message), std::move(version), std::move(basis)};
}

std::string form_words(RemainsForm form) {
    switch (form) {
        case RemainsForm::coffin: return "coffin";
        case RemainsForm::box: return "box of bones";
        case RemainsForm::urn: return "urn";
    }
    return "coffin";
}

std::string age_words(const LivingApplicantAge& age) {
    const std::string n = std::to_string(age.years);
    return "aged " + n + " or more" + (age.in_the_year ? ", or turning " + n + " in the year of the request" : "");
}

// A concession without a death where the kind is granted in life only from an age: the
// applicant's birth date as given, else as the first holder's codice fiscale writes it.
std::optional<Refusal> check_applicant_age(const LivingApplicantAge& age, const ConcessionRequest& req,
                                           const std::string& version, PlotKind kind) {
    const std::string rule = "under version \"" + version + "\" a " + std::string(code(kind)) +
                             " without a death is granted only to an applicant " + age_words(age) + " (" + age.basis +
                             ")";
    std::optional<Date> born = req.applicant_born_on;
    std::string whence;
    if (!born && !req.holders.empty() && !req.holders.front().codice_fiscale.empty()) {
        born = codice_fiscale_birth_date(req.holders.front().codice_fiscale, req.signed_on);
        if (born) whence = " (from the codice fiscale of " + req.holders.front().full_name() + ")";
    }
    if (!born) {
        return refusal(RefusalCode::applicant_born_on_missing,
                       rule + ": the applicant's birth date is needed (or the first holder's codice fiscale)", version,
                       age.basis);
    }
    if (*born > req.signed_on) {
        return refusal(RefusalCode::person_invalid, "the applicant's birth date " + to_iso(*born) + whence +
                                                        " is after the signing date " + to_iso(req.signed_on));
    }
    if (!age.met_by(*born, req.signed_on)) {
        return refusal(RefusalCode::applicant_too_young,
                       rule + ": the applicant, born on " + to_iso(*born) + whence + ", meets it only from " +
                           to_iso(age.from_day(*born)),
                       version, age.basis);
    }
    return std::nullopt;
}

}  // namespace

std::optional<Refusal> check_people(const std::vector<Holder>& holders, const std::vector<Deceased>& deceased,
                                    const std::optional<FutureLimit>& future) {
    std::string problems;
    auto add = [&](const std::string& who, const std::vector<FieldProblem>& found) {
        for (const auto& p : found) problems += (problems.empty() ? "" : "; ") + who + " " + p.field + ": " + p.message;
    };
    for (const auto& h : holders) add("holder " + h.full_name(), validate(h));
    for (const auto& d : deceased) add("deceased " + d.full_name(), validate(d, future));
    if (problems.empty()) return std::nullopt;
    return refusal(RefusalCode::person_invalid, problems);
}

std::optional<Refusal> check_capacity(const KindRule& rule, const std::string& version_name,
                                      const RemainsCount& present, RemainsForm form) {
    const std::string kind{code(rule.kind)};
    if (!rule.capacity) {
        return refusal(RefusalCode::capacity_not_configured,
                       "version \"" + version_name + "\" sets no capacity for " + kind +
                           ": a burial beyond the first cannot be decided",
                       version_name, rule.basis);
    }
    const Capacity& c = *rule.capacity;
    int room = 0;
    int used = 0;
    switch (form) {
        case RemainsForm::coffin: room = c.coffins; used = present.coffins; break;
        case RemainsForm::box: room = c.boxes; used = present.boxes; break;
        case RemainsForm::urn: room = c.urns; used = present.urns; break;
    }
    if (used + 1 > room) {
        return refusal(RefusalCode::capacity_exceeded,
                       "a " + kind + " holds " + std::to_string(room) + " " + form_words(form) +
                           (room == 1 ? "" : "s") + " under version \"" + version_name + "\" and " +
                           std::to_string(used) + " already rest there (" + c.basis + ")",
                       version_name, c.basis);
    }
    return std::nullopt;
}

ConcessionDecision decide_concession(const Regulation& reg, const ConcessionRequest& req,
                                     const ConcessionContext& ctx) {
    ConcessionDecision d;
    const std::string kind{code(ctx.kind)};
    auto refuse = [&](Refusal r) {
        d.refusal = std::move(r);
        return d;
    };
    if (ctx.plot_state.state != PlotState::free) {
        std::string why = "the plot is " + std::string(code(ctx.plot_state.state)) + " on " + to_iso(req.signed_on);
        if (!ctx.plot_state.deed_number.empty()) why += " (concession " + ctx.plot_state.deed_number + ")";
        return refuse(refusal(RefusalCode::plot_not_free, why + ": only a free plot can be granted"));
    }
    if (req.holders.empty()) {
        return refuse(refusal(RefusalCode::holder_missing, "a concession needs at least one holder"));
    }
    std::vector<Deceased> deceased;
    if (req.first_deceased) {
        Deceased first = *req.first_deceased;
        if (!first.buried_on) first.buried_on = req.signed_on;
        deceased.push_back(first);
    }
    // Nothing is recorded ahead of its day: a deed once signed, a death once it happened.
    if (req.signed_on > req.today) {
        return refuse(refusal(RefusalCode::after_today, "the signing date " + to_iso(req.signed_on) +
                                                            " is after today (" + to_iso(req.today) +
                                                            "): a deed is recorded once signed"));
    }
    if (auto bad = check_people(req.holders, deceased, FutureLimit{req.today, 0})) return refuse(*bad);

    const RegulationVersion* version = reg.version_for(ctx.comune_name, req.signed_on);
    if (!version) {
        return refuse(refusal(RefusalCode::no_version, "no version of the regulation covers " + ctx.comune_name +
                                                           " on " + to_iso(req.signed_on) +
                                                           ": a new concession cannot be decided"));
    }
    const KindRule* rule = version->rule_for(ctx.kind);
    if (!rule) {
        return refuse(refusal(RefusalCode::no_rule_for_kind, "version \"" + version->name + "\" has no rule for " + kind,
                              version->name, version->basis));
    }
    if (rule->granted_in_life_from_age && deceased.empty()) {
        // "At a death, or in life from that age": the age replaces solo_al_decesso's refusal.
        if (auto young = check_applicant_age(*rule->granted_in_life_from_age, req, version->name, ctx.kind)) {
            return refuse(*young);
        }
    } else if (rule->granted_only_at_death.on && deceased.empty()) {
        return refuse(refusal(RefusalCode::granted_only_at_death,
                              "under version \"" + version->name + "\" a " + kind +
                                  " is granted only when someone is to be buried in it: name the deceased (" +
                                  rule->granted_only_at_death.basis + ")",
                              version->name, rule->granted_only_at_death.basis));
    }
    if (!deceased.empty()) {
        if (rule->capacity) {
            if (auto full = check_capacity(*rule, version->name, {}, req.form)) return refuse(*full);
        }
        if (*deceased.front().buried_on < req.signed_on) {
            return refuse(refusal(RefusalCode::before_signing, "the burial (" + to_iso(*deceased.front().buried_on) +
                                                                   ") cannot come before the deed is signed (" +
                                                                   to_iso(req.signed_on) + ")"));
        }
    }

    TermRequest tr;
    tr.comune = ctx.comune_name;
    tr.kind = ctx.kind;
    tr.signed_on = req.signed_on;
    if (!deceased.empty()) {
        tr.first_burial = deceased.front().buried_on;
        tr.died_on = deceased.front().died_on;
        if (rule->term_start == TermStart::death && !tr.died_on) {
            return refuse(refusal(RefusalCode::death_date_missing,
                                  "under version \"" + version->name + "\" the term of a " + kind +
                                      " starts at the death (" + rule->term_start_basis +
                                      "): the deceased's date of death is needed",
                                  version->name, rule->term_start_basis));
        }
    }
    tr.requested_on = req.requested_on;
    tr.paid_on = req.paid_on;
    tr.stated_years = req.years;
    const TermDecision term = decide_term(reg, tr);
    if (!term) return refuse(*term.refusal);

    Concession c;
    c.comune = req.comune;
    c.plot = req.plot;
    c.deed_number = req.deed_number;
    c.signed_on = req.signed_on;
    apply_term(c, *term.term);
    c.holders = req.holders;
    c.deceased = deceased;
    // The first burial extends a term that every burial extends (the first included),
    // as `bury` would: the deed's term then runs from the burial when that ends later.
    if (!deceased.empty() && rule->extends_at_every_burial.on && c.expires_on) {
        const Date on = *deceased.front().buried_on;
        const Date extended = add_years(on, *c.term_years);
        if (extended > *c.expires_on) {
            c.term_start = on;
            c.expires_on = extended;
        }
    }
    d.concession = std::move(c);
    return d;
}

}  // namespace cemetery
