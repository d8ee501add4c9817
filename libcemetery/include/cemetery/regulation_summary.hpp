#pragma once
// What the regulation file says, as those who edit it and the clerks read it: for a
// comune, the periods of its rules (a version from a day to a day, or days no version
// covers), each kind's rule in a period with the years every renewal would last, the
// tariffs in force, and the general settings, every value with its source.
//
// Pure functions over a loaded Regulation, and data only: the programs word it. The
// summaries point into the regulation (immutable once loaded), which must outlive them.

#include <cemetery/regulation.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery {

// The general settings of the file, each with its source; the optional ones are
// none when the file does not set them.
struct GeneralSettings {
    Setting<Date> perpetual_until;
    std::vector<PerpetualCutoff> perpetual_cutoffs;  // narrower cut-offs per comune and kind
    Setting<int> posting_days;
    Setting<int> max_period_years;
    std::optional<Setting<int>> perpetual_revocation_years;
    std::optional<Setting<std::string>> posting_outcome;
};

[[nodiscard]] GeneralSettings general_settings(const Regulation& regulation);

// A term a deed may have under a rule, and how long each of its renewals would last:
// with a fraction of the term ("frazione_rinnovo"), the years differ by term.
struct TermRenewals {
    int term_years = 0;
    std::vector<int> renewal_years;  // one per renewal allowed, first to last
};

// One plot kind in a period or on a day.
struct KindSummary {
    PlotKind kind = PlotKind::loculo;
    const KindRule* rule = nullptr;  // none: the version has no rule for the kind
    // Each term on offer, shortest first (one unless the rule offers a choice).
    std::vector<TermRenewals> terms;
    // The comune's tariffs for the kind in force on some day of the period (on the
    // day, for a day), concession before renewal, those for every term before those for
    // one term, each by its start date. Empty: none configured ("tariffa non
    // configurata"; never an invented amount).
    std::vector<Tariff> tariffs;
    // On a day only (rules_on): what a concession of each term on offer costs that day
    // and, where the kind may be renewed, what its renewal costs (a share of the
    // concession priced), concession first, each term shortest first; one price with
    // no term when every term on offer is priced by the same tariffs. A price not
    // configured is listed too, so the programs can say which one is missing.
    std::vector<PriceQuote> prices;
    // The variants the rule offers beside it (KindRule::variants), each summarised the
    // same way (its `rule` the variant's, with its code and nome), by code. Tariffs are
    // the kind's: a variant's summary lists none of its own.
    std::vector<KindSummary> variants;
};

// Days of a comune under one version, or under none.
struct RulePeriod {
    Date from{};
    std::optional<Date> until;  // last day; none: until a version not yet written
    // The version in force; none: no version covers these days (Truccazzano after it
    // left the Union), and nothing may be decided by rule.
    const RegulationVersion* version = nullptr;
    std::vector<KindSummary> kinds;  // every plot kind, in all_plot_kinds order; empty without a version
};

// The comuni the versions name, each once (without case or accents), in file order.
[[nodiscard]] std::vector<std::string> named_comuni(const Regulation& regulation);

// The periods of the comune's rules, from the first version that applies to it, in
// order, with no day left out: a version lasts until its own end (in_vigore_al,
// fino_al_per_comune) or until the next version for the comune begins, and the days
// after an end that no version takes up are a period without a version. Empty when
// no version applies to the comune. Tariffs: those in force on some day of each period.
[[nodiscard]] std::vector<RulePeriod> rule_periods(const Regulation& regulation, std::string_view comune);

// The period holding the day, its kinds with the tariffs in force that very day.
// None before the comune's first version (deeds signed then keep their own term),
// or when no version applies to the comune at all.
[[nodiscard]] std::optional<RulePeriod> rules_on(const Regulation& regulation, std::string_view comune, Date on);

// A day the file gives to two versions of a comune, as published texts write it: the
// older one "fino al" the day, the newer "dal" the same day. The newer one applies
// that day; the older one's last day is the day before.
struct SharedBoundaryDay {
    Date day{};
    const RegulationVersion* ending = nullptr;    // whose own end is the day
    const RegulationVersion* starting = nullptr;  // which begins on it, and applies
};

// The shared days of the comune's versions, in order.
[[nodiscard]] std::vector<SharedBoundaryDay> shared_boundary_days(const Regulation& regulation,
                                                                  std::string_view comune);

// The plot kinds a version gives no rule: no concession of that kind can be decided
// under it.
[[nodiscard]] std::vector<PlotKind> kinds_without_rule(const RegulationVersion& version);

}  // namespace cemetery
