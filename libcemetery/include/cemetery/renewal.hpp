#pragma once
// Whether a concession may be renewed on a day, for how long, to which new expiry,
// and at what tariff: decided by the version of the regulation in force for the
// comune on the renewal date. A pure function: the store applies the decision.

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
    std::optional<Tariff> tariff;  // none: "tariffa non configurata"

    [[nodiscard]] bool allowed() const { return !refusal.has_value(); }
    // "renewal 1 of 1 under Unione 2020 (loculo, 10 years: ...): 2030-02-28 → 2040-02-28"
    // or the refusal's message.
    [[nodiscard]] std::string explanation() const;
};

// A renewal adds its years to the current expiry, not to the request date, even
// when granted after expiry. Refused when the concession is perpetual or has
// ended, when no version covers the comune that day, when the kind allows none or
// all are used.
[[nodiscard]] RenewalDecision decide_renewal(const Regulation& regulation, const Concession& concession,
                                             PlotKind kind, std::string_view comune, Date on);

}  // namespace cemetery
