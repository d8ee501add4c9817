#pragma once
// Why the rules refuse something. A refusal is an expected outcome, returned as a
// value: a code the programs translate, and an English sentence naming the version
// of the regulation and the rule, for logs and the command line.

#include <cemetery/validation.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cemetery {

enum class RefusalCode {
    no_version,               // no version of the regulation covers the comune on that day
    no_rule_for_kind,         // the version has no rule for the plot kind
    variant_not_offered,      // the version does not define the deed's variant of the kind (kind_variant.hpp)
    perpetual_not_allowed,    // a perpetual deed signed after the cut-off
    perpetual_with_term,      // a deed both perpetual and with a term
    term_missing,             // a deed signed before any version, with no term of its own
    term_differs,             // the deed's term is not the one the version gives
    term_choice_missing,      // the version offers terms to choose from, and the deed names none
    term_too_long,            // a period over the maximum
    burial_date_missing,      // the term starts at the burial, and there is none
    request_date_missing,     // the term starts at the request, and the deed gives no date for it
    request_after_signing,    // a request dated after the deed it asked for
    death_date_missing,       // the term starts at the death, and the burial that starts it gives none
    extension_not_declinable, // a burial declining an extension the regulation does not let holders decline
    term_not_from_payment,    // a payment recorded for a concession whose term does not start at the payment
    payment_recorded,         // a payment recorded for a term that has already started
    concession_perpetual,     // a perpetual concession cannot be renewed
    concession_ended,         // revoked, forfeited or surrendered
    kind_not_renewable,       // the version allows no renewal for the kind
    renewals_used_up,         // every renewal the version allows was used
    renewal_not_stated,       // the regulation does not say whether, or for how long, the kind is renewed
    before_signing,           // a date before the deed was signed
    // The life of a concession (concede.hpp, burial.hpp, succession.hpp, ending.hpp, closing.hpp)
    plot_not_free,            // the plot is conceded, occupied or out of use on that day
    granted_only_at_death,    // the kind is granted only when someone is to be buried
    applicant_too_young,      // granted in life only to an applicant of an age not yet reached
    applicant_born_on_missing,  // granted in life only from an age, and the applicant's birth date is not known
    holder_missing,           // a deed, or a succession, names no holder
    person_invalid,           // a holder or deceased with a bad field (dates out of order, tax code)
    capacity_not_configured,  // the regulation sets no capacity for the kind
    capacity_exceeded,        // the place is full for that form of remains
    concession_expired,       // the concession had expired on that day
    act_missing,              // the act (deed, resolution) of the change is not given
    reason_missing,           // an ending without its reason
    already_closed,           // the place was already freed
    not_expired,              // closing a concession that has not expired
    not_posted,               // closing a concession whose expiry was never posted
    posting_not_over,         // closing before the posting days have passed
    remains_missing,          // freeing a place with remains, without saying where they go
    revocation_too_early,     // a perpetual deed revoked before the years since its last burial
    shortage_not_stated,      // a perpetual deed revoked without the cemetery's grave shortage of places
    // The register's history in time order (renewal.hpp)
    after_today,              // a date after the day it is recorded: an act is recorded once it has happened
    not_after_last_renewal,   // a renewal dated on or before the last one (the same day: the same renewal again)
    before_last_change,       // dated before the last burial, whose term the renewal would build on
    renewal_deed_used,        // the renewal deed's number is already recorded for a renewal in the comune
    renewal_ends_before,      // a renewal whose new expiry falls before its own date
    renewal_not_needed,       // the last body buried already reaches the years the renewal is capped by
    // The regulation's renewal window (regulation.hpp, RenewalWindow)
    renewal_window_not_open,  // asked for before the window opens
    renewal_window_closed,    // asked for after the window closed
    renewal_after_posting,    // asked for once the concession is on a posted list of expired ones
};

// A holder's or deceased's field refused (person_invalid), as a code a program says in
// its own words: the message's words come from validation.hpp, in English.
struct PersonProblem {
    bool deceased = false;  // else a holder
    std::string name;       // "ROSSI MARIA"
    FieldProblem problem;
};

struct Refusal {
    RefusalCode code = RefusalCode::no_version;
    std::string message;       // "la versione «Unione 2020» consente 1 rinnovo per loculo ..."
    std::string version_name;  // empty when no version applies
    std::string basis;         // the article or source of the rule applied
    std::vector<PersonProblem> people = {};  // person_invalid: each field refused
};

[[nodiscard]] std::string_view code_name(RefusalCode code);  // "renewals_used_up"

}  // namespace cemetery
