#pragma once
// Whether a concession may be renewed on a day, for how long, to which new expiry,
// and at what tariff: decided by the version of the regulation in force for the
// comune on the renewal date. A pure function: the store applies the decision.

#include <cemetery/closing.hpp>
#include <cemetery/concession.hpp>
#include <cemetery/refusal.hpp>
#include <cemetery/regulation.hpp>

#include <optional>
#include <string>

namespace cemetery {

struct RenewalDecision {
    std::optional<Refusal> refusal;
    std::string version_name;
    std::string basis;
    int years = 0;
    int renewals_allowed = 0;
    int renewals_used = 0;
    Date previous_expiry{};
    Date new_expiry{};
    PriceQuote price;  // of the deed's term that day; not configured: "tariffa non configurata"
    // Where the rule caps the renewal by the last burial (rinnovo_fino_a_anni_dalla_sepoltura):
    // the day the last body buried completes the years, and the rule's source.
    std::optional<Date> burial_reaches_on;
    std::string burial_cap_basis;

    [[nodiscard]] bool allowed() const { return !refusal.has_value(); }
    // "rinnovo 1 di 1 secondo la versione «Unione 2020» (10 anni: ...): scadenza 28/02/2030 → 28/02/2040"
    // or the refusal's message.
    [[nodiscard]] std::string explanation() const;
};

// A renewal adds its years to the current expiry, not to the request date, even
// when granted after expiry. Refused, the concession's state first, when it has ended
// (revoked, forfeited, surrendered) or its place was freed (closed_on), or is
// perpetual; when the date is after `today` (when given: a renewal is recorded once
// granted; a preview of a day to come, like a notice's, gives none), before the
// signing, on or before the last renewal (the same day is the same renewal again) or
// before the last burial (a burial may have restarted the term the renewal adds to):
// the register's history stays in time order. Successions and postings do not count:
// they do not move the term. Then by the version in force for the comune that day:
// none, no renewal for the kind, all used, outside the version's renewal window (too
// early, too late, or once on a posted list: `postings` are the concession's, as the
// register records them). Where the rule caps renewals by the last burial
// (rinnovo_fino_a_anni_dalla_sepoltura), the renewal lasts the whole years needed, from
// the current expiry, for the last body buried (the latest burial date among the
// concession's deceased) to complete the rule's years, no more than the rule's length;
// refused when no burial is recorded or none is needed. Last, a renewal whose new expiry
// falls before its own date is refused: the family would pay for years already gone.
[[nodiscard]] RenewalDecision decide_renewal(const Regulation& regulation, const Concession& concession,
                                             PlotKind kind, std::string_view comune, Date on,
                                             std::optional<Date> today = std::nullopt,
                                             const std::vector<Posting>& postings = {});

}  // namespace cemetery
