#include <cemetery/regulation_summary.hpp>
#include <cemetery/text.hpp>

#include <algorithm>
#include <set>
#include <tuple>

namespace cemetery {

GeneralSettings general_settings(const Regulation& regulation) {
    GeneralSettings out;
    out.perpetual_until = regulation.perpetual_until;
    out.perpetual_cutoffs = regulation.perpetual_cutoffs;
    out.posting_days = regulation.posting_days;
    out.max_period_years = regulation.max_period_years;
    // The loader leaves these at 0 and empty when the file is silent.
    if (regulation.perpetual_revocation_years.value > 0) out.perpetual_revocation_years = regulation.perpetual_revocation_years;
    if (!regulation.posting_outcome.value.empty()) out.posting_outcome = regulation.posting_outcome;
    return out;
}

std::vector<std::string> named_comuni(const Regulation& regulation) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& v : regulation.versions) {
        for (const auto& c : v.comuni) {
            if (seen.insert(fold(c)).second) out.push_back(c);
        }
    }
    return out;
}

std::vector<PlotKind> kinds_without_rule(const RegulationVersion& version) {
    std::vector<PlotKind> out;
    for (PlotKind kind : all_plot_kinds) {
        if (!version.rule_for(kind)) out.push_back(kind);
    }
    return out;
}

namespace {

// The tariffs of the comune for the kind in force on some day of [from, until]: each
// that starts by `until` and that no tariff of its own reach (item and term) replaced
// by `from`.
std::vector<Tariff> tariffs_within(const Regulation& regulation, std::string_view comune, PlotKind kind, Date from,
                                   const std::optional<Date>& until) {
    std::vector<Tariff> out;
    const auto mine = [&](const Tariff& t) { return t.kind == kind && t.covers(comune); };
    for (const auto& t : regulation.tariffs) {
        if (!mine(t) || (until && t.from > *until)) continue;
        const bool replaced = std::any_of(regulation.tariffs.begin(), regulation.tariffs.end(), [&](const Tariff& o) {
            return mine(o) && o.item == t.item && o.term_years == t.term_years && o.from > t.from && o.from <= from;
        });
        if (!replaced) out.push_back(t);
    }
    std::stable_sort(out.begin(), out.end(), [](const Tariff& a, const Tariff& b) {
        const auto term = [](const Tariff& t) { return t.term_years.value_or(0); };
        if (a.item != b.item) return a.item == TariffItem::concession;
        if (term(a) != term(b)) return term(a) < term(b);
        return a.from < b.from;
    });
    return out;
}

// What the kind costs on the day, for each term on offer: a concession, and a renewal
// where the rule allows one.
std::vector<PriceQuote> prices_on(const Regulation& regulation, std::string_view comune, const KindSummary& kind,
                                  Date on) {
    std::vector<std::optional<int>> terms;
    for (const auto& t : kind.terms) terms.emplace_back(t.term_years);
    if (terms.empty()) terms.emplace_back(std::nullopt);
    std::vector<PriceQuote> out;
    const auto add = [&](TariffItem item) {
        std::vector<PriceQuote> each;
        for (const auto& term : terms) each.push_back(quote_price(regulation, comune, kind.kind, item, term, on));
        // Every term on offer (or the only one) priced by the same tariffs: one price, said once.
        const auto same = [&](const PriceQuote& q) {
            const auto key = [](const std::optional<Tariff>& t) {
                return t ? std::make_tuple(true, t->from, t->term_years, t->basis) : std::make_tuple(false, Date{}, std::optional<int>{}, std::string{});
            };
            return key(q.tariff) == key(each.front().tariff) && key(q.concession) == key(each.front().concession);
        };
        if (std::all_of(each.begin(), each.end(), same)) {
            each.resize(1);
            each.front().term_years.reset();
        }
        out.insert(out.end(), each.begin(), each.end());
    };
    add(TariffItem::concession);
    if (kind.rule && kind.rule->renewals_allowed > 0) add(TariffItem::renewal);
    return out;
}

// A rule's terms and the years each renewal would last, with its variants'.
KindSummary summary_of(PlotKind kind, const KindRule* rule) {
    KindSummary k;
    k.kind = kind;
    k.rule = rule;
    if (!rule) return k;
    const std::vector<int> terms = rule->term_choices.empty() ? std::vector<int>{rule->term_years} : rule->term_choices;
    for (int term : terms) {
        TermRenewals t{term, {}};
        const int renewals = rule->renewals_for(term).value_or(0);
        for (int i = 0; i < renewals; ++i) t.renewal_years.push_back(rule->renewal.for_renewal(i, term));
        k.terms.push_back(std::move(t));
    }
    for (const auto& v : rule->variants) k.variants.push_back(summary_of(kind, &v));
    return k;
}

std::vector<KindSummary> kinds_in(const Regulation& regulation, const RegulationVersion& version,
                                  std::string_view comune, Date from, const std::optional<Date>& until) {
    std::vector<KindSummary> out;
    for (PlotKind kind : all_plot_kinds) {
        KindSummary k = summary_of(kind, version.rule_for(kind));
        k.tariffs = tariffs_within(regulation, comune, kind, from, until);
        out.push_back(std::move(k));
    }
    return out;
}

}  // namespace

std::vector<RulePeriod> rule_periods(const Regulation& regulation, std::string_view comune) {
    std::vector<const RegulationVersion*> mine;  // sorted by start, as the regulation's versions
    for (const auto& v : regulation.versions) {
        if (v.names_comune(comune)) mine.push_back(&v);
    }
    std::vector<RulePeriod> out;
    for (std::size_t i = 0; i < mine.size(); ++i) {
        const RegulationVersion& v = *mine[i];
        std::optional<Date> next_start;
        if (i + 1 < mine.size()) next_start = mine[i + 1]->in_force_from;
        // The loader refuses versions that overlap, so an own end falls on or before the
        // next start; a shared day goes to the next version (shared_boundary_days).
        const auto own_end = v.own_end_for(comune);
        std::optional<Date> until = own_end;
        if (next_start && (!until || *until >= *next_start)) until = add_days(*next_start, -1);

        RulePeriod period;
        period.from = v.in_force_from;
        period.until = until;
        period.version = &v;
        period.kinds = kinds_in(regulation, v, comune, period.from, period.until);
        out.push_back(std::move(period));

        // Days after an own end that no later version takes up.
        if (until && (!next_start || add_days(*until, 1) < *next_start)) {
            RulePeriod gap;
            gap.from = add_days(*until, 1);
            if (next_start) gap.until = add_days(*next_start, -1);
            out.push_back(std::move(gap));
        }
    }
    return out;
}

std::vector<SharedBoundaryDay> shared_boundary_days(const Regulation& regulation, std::string_view comune) {
    std::vector<SharedBoundaryDay> out;
    const RegulationVersion* previous = nullptr;  // the comune's versions, in order of start
    for (const auto& v : regulation.versions) {
        if (!v.names_comune(comune)) continue;
        if (previous) {
            if (const auto end = previous->own_end_for(comune); end && *end == v.in_force_from) {
                out.push_back(SharedBoundaryDay{v.in_force_from, previous, &v});
            }
        }
        previous = &v;
    }
    return out;
}

std::optional<RulePeriod> rules_on(const Regulation& regulation, std::string_view comune, Date on) {
    for (auto& period : rule_periods(regulation, comune)) {
        if (on < period.from || (period.until && on > *period.until)) continue;
        if (period.version) {
            period.kinds = kinds_in(regulation, *period.version, comune, on, on);
            for (auto& kind : period.kinds) kind.prices = prices_on(regulation, comune, kind, on);
        }
        return std::move(period);
    }
    return std::nullopt;
}

}  // namespace cemetery
