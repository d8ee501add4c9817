#pragma once
// A new concession on a free plot: whether the rules allow it and the concession
// they give, with its term from the version in force on the signing date. A pure
// function: Register::concede reads the plot's state and stores the decision.

#include <cemetery/concession.hpp>
#include <cemetery/plot_inventory.hpp>
#include <cemetery/refusal.hpp>
#include <cemetery/regulation.hpp>
#include <cemetery/remains.hpp>
#include <cemetery/validation.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cemetery {

struct ConcessionRequest {
    ComuneId comune;
    PlotId plot;
    Date signed_on{};
    std::string deed_number;  // empty: the register numbers it per comune and year ("2026/0012")
    std::vector<Holder> holders;
    std::optional<Deceased> first_deceased;  // its burial date defaults to the signing date
    RemainsForm form = RemainsForm::coffin;   // of the first deceased
    // The term agreed, where the version offers a choice ("30 o 40 anni"); refused
    // when it is not one on offer, or when given where there is no choice and it
    // differs from the version's term.
    std::optional<int> years;
    // The variant of the kind's rule the deed is granted under ("provvisorio"); none:
    // the ordinary rule. Refused when the version in force does not define it.
    std::optional<std::string> variant;
    // The applicant's birth date, where the kind is granted in life only from an age
    // (in_vita_da_anni). When not given, the first holder's codice fiscale tells it
    // (codice_fiscale_birth_date, as of the signing date).
    std::optional<Date> applicant_born_on;
    // Where the version's term starts at the request or at the payment (decorrenza
    // "richiesta", "pagamento"): their dates. No payment yet: the term has not started.
    std::optional<Date> requested_on;
    std::optional<Date> paid_on;
    // The holders decline the extension of the term the first deceased's burial would
    // bring, where the rule extends the term at every burial and lets them decline it
    // (BurialExtension::declinable), as `bury` lets them at a later burial. Refused
    // where the rule does not let them, and without a first deceased.
    bool extension_declined = false;
    // The day it is recorded: a deed signed, or a person born, dead or buried, after
    // it is refused. The clock's today unless given (tests pin it).
    Date today = cemetery::today();
};

// What the rules need beside the request: read from the register by the caller.
struct ConcessionContext {
    std::string comune_name;
    PlotKind kind = PlotKind::loculo;
    PlotStateOn plot_state;  // on the signing date
};

struct ConcessionDecision {
    std::optional<Refusal> refusal;
    std::optional<Concession> concession;  // to store, when allowed
    [[nodiscard]] bool allowed() const { return !refusal.has_value(); }
};

// Refused when the plot is not free on the signing date, when no holder is named,
// when a person has a bad field, when the kind is granted only at a death and no
// deceased is given (RR Lombardia 4/2022 art. 27 c.6), or, where the kind is granted in
// life from an age, when no deceased is given and the applicant's birth date is unknown
// or the age is not reached on the signing date; when the place cannot hold
// the first deceased's remains, and when no version of the regulation covers the
// comune on the signing date (decide_term). A term that starts at an event still to
// come (no first deceased under "sepoltura" or "decesso", no payment under
// "pagamento") is granted not started; a first deceased with no date of death, where
// the term starts at the death, is refused; so is an extension declined where it cannot be.
[[nodiscard]] ConcessionDecision decide_concession(const Regulation& regulation, const ConcessionRequest& request,
                                                   const ConcessionContext& context);

// Checks a place's capacity for one more of `form`, beside what already rests there.
// Returns the refusal when it does not fit.
[[nodiscard]] std::optional<Refusal> check_capacity(const KindRule& rule, const std::string& version_name,
                                                    const RemainsCount& present, RemainsForm form);

// The people's problems as one sentence: "deceased died_on: death before birth ...".
// `future`: the deceased's dates are also checked against today.
[[nodiscard]] std::optional<Refusal> check_people(const std::vector<Holder>& holders,
                                                  const std::vector<Deceased>& deceased,
                                                  const std::optional<FutureLimit>& future = std::nullopt);

}  // namespace cemetery
