#include <cemetery/codice_fiscale.hpp>
#include <cemetery/concede.hpp>
#include <cemetery/kind_variant.hpp>
#include <cemetery/term.hpp>
#include <cemetery/validation.hpp>

#include <utility>

namespace cemetery {

namespace {

Refusal refusal(RefusalCode code, std::string message, std::string version = {}, std::string basis = {}) {
    return Refusal{code, std::move(message), std::move(version), std::move(basis)};
}

std::string form_words(RemainsForm form) {
    switch (form) {
        case RemainsForm::coffin: return "feretro";
        case RemainsForm::box: return "cassetta ossario";
        case RemainsForm::urn: return "urna";
    }
    return "feretro";
}

// "feretri", "cassette ossario", "urne"
std::string forms_words(RemainsForm form) {
    switch (form) {
        case RemainsForm::coffin: return "feretri";
        case RemainsForm::box: return "cassette ossario";
        case RemainsForm::urn: return "urne";
    }
    return "feretri";
}

// "occupato", as a message names the state of a plot.
std::string state_words(PlotState state) {
    switch (state) {
        case PlotState::free: return "libero";
        case PlotState::conceded: return "concesso";
        case PlotState::occupied: return "occupato";
        case PlotState::out_of_use: return "fuori uso";
    }
    return std::string(code(state));
}

// «Unione 2020», as the messages name a version.
std::string quoted(const std::string& name) { return "«" + name + "»"; }

std::string age_words(const LivingApplicantAge& age) {
    const std::string n = std::to_string(age.years);
    return "di almeno " + n + " anni" + (age.in_the_year ? ", o che li compie nell'anno della richiesta" : "");
}

// A concession without a death where the kind is granted in life only from an age: the
// applicant's birth date as given, else as the first holder's codice fiscale writes it.
std::optional<Refusal> check_applicant_age(const LivingApplicantAge& age, const ConcessionRequest& req,
                                           const std::string& version, PlotKind kind) {
    const std::string rule = "secondo la versione " + quoted(version) + " " + std::string(italian_name(kind)) +
                             " senza un decesso si concede solo a un richiedente " + age_words(age) + " (" + age.basis +
                             ")";
    std::optional<Date> born = req.applicant_born_on;
    std::string whence;
    if (!born && !req.holders.empty() && !req.holders.front().codice_fiscale.empty()) {
        born = codice_fiscale_birth_date(req.holders.front().codice_fiscale, req.signed_on);
        if (born) whence = " (dal codice fiscale di " + req.holders.front().full_name() + ")";
    }
    if (!born) {
        return refusal(RefusalCode::applicant_born_on_missing,
                       rule + ": serve la data di nascita del richiedente (o il codice fiscale del primo concessionario)", version,
                       age.basis);
    }
    if (*born > req.signed_on) {
        return refusal(RefusalCode::person_invalid, "la data di nascita del richiedente " + to_italian(*born) + whence +
                                                        " è dopo la stipula del " + to_italian(req.signed_on));
    }
    if (!age.met_by(*born, req.signed_on)) {
        return refusal(RefusalCode::applicant_too_young,
                       rule + ": il richiedente, nato il " + to_italian(*born) + whence + ", la soddisfa solo dal " +
                           to_italian(age.from_day(*born)),
                       version, age.basis);
    }
    return std::nullopt;
}

}  // namespace

std::optional<Refusal> check_people(const std::vector<Holder>& holders, const std::vector<Deceased>& deceased,
                                    const std::optional<FutureLimit>& future) {
    std::string problems;
    std::vector<PersonProblem> people;
    auto add = [&](bool is_deceased, const std::string& name, const std::vector<FieldProblem>& found) {
        for (const auto& p : found) {
            problems += (problems.empty() ? "" : "; ") + std::string(is_deceased ? "deceased " : "holder ") + name + " " +
                        p.field + ": " + p.message;
            people.push_back(PersonProblem{is_deceased, name, p});
        }
    };
    for (const auto& h : holders) add(false, h.full_name(), validate(h));
    for (const auto& d : deceased) add(true, d.full_name(), validate(d, future));
    if (problems.empty()) return std::nullopt;
    Refusal r = refusal(RefusalCode::person_invalid, problems);
    r.people = std::move(people);
    return r;
}

std::optional<Refusal> check_capacity(const KindRule& rule, const std::string& version_name,
                                      const RemainsCount& present, RemainsForm form) {
    const std::string kind{italian_name(rule.kind)};
    if (!rule.capacity) {
        return refusal(RefusalCode::capacity_not_configured,
                       "la versione " + quoted(version_name) + " non fissa la capienza di " + kind +
                           ": una sepoltura oltre la prima non si può decidere",
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
                       kind + " accoglie " + std::to_string(room) + " " + (room == 1 ? form_words(form) : forms_words(form)) +
                           " secondo la versione " + quoted(version_name) + " e già vi riposano " +
                           std::to_string(used) + " (" + c.basis + ")",
                       version_name, c.basis);
    }
    return std::nullopt;
}

ConcessionDecision decide_concession(const Regulation& reg, const ConcessionRequest& req,
                                     const ConcessionContext& ctx) {
    ConcessionDecision d;
    const std::string kind{italian_name(ctx.kind)};
    auto refuse = [&](Refusal r) {
        d.refusal = std::move(r);
        return d;
    };
    if (ctx.plot_state.state != PlotState::free) {
        std::string why = "il posto è " + state_words(ctx.plot_state.state) + " il " + to_italian(req.signed_on);
        if (!ctx.plot_state.deed_number.empty()) why += " (concessione " + ctx.plot_state.deed_number + ")";
        return refuse(refusal(RefusalCode::plot_not_free, why + ": si concede solo un posto libero"));
    }
    if (req.holders.empty()) {
        return refuse(refusal(RefusalCode::holder_missing, "una concessione richiede almeno un concessionario"));
    }
    std::vector<Deceased> deceased;
    if (req.first_deceased) {
        Deceased first = *req.first_deceased;
        if (!first.buried_on) first.buried_on = req.signed_on;
        deceased.push_back(first);
    }
    // Nothing is recorded ahead of its day: a deed once signed, a death once it happened.
    if (req.signed_on > req.today) {
        return refuse(refusal(RefusalCode::after_today, "la data di stipula " + to_italian(req.signed_on) +
                                                            " è dopo oggi (" + to_italian(req.today) +
                                                            "): un atto si registra una volta stipulato"));
    }
    // The request and the payment a term may run from are facts too, recorded once they happened.
    for (const auto& [day, what] : {std::pair{req.requested_on, "della richiesta"}, std::pair{req.paid_on, "del pagamento"}}) {
        if (day && *day > req.today) {
            return refuse(refusal(RefusalCode::after_today, std::string("la data ") + what + " " + to_italian(*day) +
                                                                " è dopo oggi (" + to_italian(req.today) +
                                                                "): si registra una volta avvenuto"));
        }
    }
    if (auto bad = check_people(req.holders, deceased, FutureLimit{req.today, 0})) return refuse(*bad);

    const RegulationVersion* version = reg.version_for(ctx.comune_name, req.signed_on);
    if (!version) {
        return refuse(refusal(RefusalCode::no_version, "nessuna versione del regolamento si applica a " +
                                                           ctx.comune_name + " il " + to_italian(req.signed_on) +
                                                           ": una nuova concessione non si può decidere"));
    }
    const DeedRule found = rule_for_deed(*version, ctx.kind, req.variant);
    if (!found) return refuse(*found.refusal);
    const KindRule* rule = found.rule;
    if (rule->granted_in_life_from_age && deceased.empty()) {
        // "At a death, or in life from that age": the age replaces solo_al_decesso's refusal.
        if (auto young = check_applicant_age(*rule->granted_in_life_from_age, req, version->name, ctx.kind)) {
            return refuse(*young);
        }
    } else if (rule->granted_only_at_death.on && deceased.empty()) {
        return refuse(refusal(RefusalCode::granted_only_at_death,
                              "secondo la versione " + quoted(version->name) + " " + kind +
                                  " si concede solo quando vi si deve seppellire qualcuno: indicare il defunto (" +
                                  rule->granted_only_at_death.basis + ")",
                              version->name, rule->granted_only_at_death.basis));
    }
    if (!deceased.empty()) {
        if (rule->capacity) {
            if (auto full = check_capacity(*rule, version->name, {}, req.form)) return refuse(*full);
        }
        if (*deceased.front().buried_on < req.signed_on) {
            return refuse(refusal(RefusalCode::before_signing, "la sepoltura (" + to_italian(*deceased.front().buried_on) +
                                                                   ") non può precedere la stipula dell'atto (" +
                                                                   to_italian(req.signed_on) + ")"));
        }
    }

    if (req.extension_declined) {
        // The holders' word is about the burial the deed records: without one there is nothing to decline.
        if (deceased.empty()) {
            return refuse(refusal(RefusalCode::extension_not_declinable,
                                  "la rinuncia alla proroga riguarda una sepoltura: l'atto non indica un defunto"));
        }
        if (!(rule->extends_at_every_burial.on && rule->extends_at_every_burial.declinable)) {
            return refuse(refusal(RefusalCode::extension_not_declinable,
                                  "secondo la versione " + quoted(version->name) + " la durata di " + kind +
                                      " non ha una proroga alla sepoltura a cui i concessionari possano rinunciare",
                                  version->name, rule->basis));
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
                                  "secondo la versione " + quoted(version->name) + " la durata di " + kind +
                                      " decorre dal decesso (" + rule->term_start_basis +
                                      "): serve la data di morte del defunto",
                                  version->name, rule->term_start_basis));
        }
    }
    tr.requested_on = req.requested_on;
    tr.paid_on = req.paid_on;
    tr.stated_years = req.years;
    tr.variant = req.variant;
    const TermDecision term = decide_term(reg, tr);
    if (!term) return refuse(*term.refusal);

    Concession c;
    c.comune = req.comune;
    c.plot = req.plot;
    c.deed_number = req.deed_number;
    c.signed_on = req.signed_on;
    c.variant = req.variant;
    apply_term(c, *term.term);
    c.holders = req.holders;
    c.deceased = deceased;
    // The first burial extends a term that every burial extends (the first included),
    // as `bury` would: the deed's term then runs from the burial when that ends later;
    // unless the holders declined it.
    if (!deceased.empty() && rule->extends_at_every_burial.on && !req.extension_declined && c.expires_on) {
        const Date on = *deceased.front().buried_on;
        // Its last day counted as the version counts it (scadenza), as term_restart_at does.
        const Date extended = period_end(on, *c.term_years, version->end_counting.value);
        if (extended > *c.expires_on) {
            c.term_start = on;
            c.expires_on = extended;
        }
    }
    d.concession = std::move(c);
    return d;
}

}  // namespace cemetery
