#include <cemetery/regulation.hpp>
#include <cemetery/text.hpp>

#include <algorithm>

namespace cemetery {

std::string_view italian_code(TermStart start) {
    switch (start) {
        case TermStart::signing: return "stipula";
        case TermStart::burial: return "sepoltura";
        case TermStart::request: return "richiesta";
        case TermStart::payment: return "pagamento";
        case TermStart::death: return "decesso";
    }
    return "stipula";
}

bool RegulationVersion::names_comune(std::string_view comune) const {
    if (comuni.empty()) return true;
    const std::string wanted = fold(comune);
    return std::any_of(comuni.begin(), comuni.end(),
                       [&](const std::string& c) { return fold(c) == wanted; });
}

std::optional<Date> RegulationVersion::own_end_for(std::string_view comune) const {
    std::optional<Date> end = in_force_until;
    if (auto it = until_for_comune.find(fold(comune)); it != until_for_comune.end()) {
        if (!end || it->second < *end) end = it->second;
    }
    return end;
}

std::optional<int> KindRule::renewals_for(int deed_term) const {
    if (renewals_per_term.empty()) return renewals_allowed;
    if (auto it = renewals_per_term.find(deed_term); it != renewals_per_term.end()) return it->second;
    return std::nullopt;
}

int RenewalLength::for_renewal(int index, int term_years) const {
    if (is_fraction()) return term_years * numerator / denominator;  // whole years, rounded down
    if (years.empty()) return 0;
    return years[std::min<std::size_t>(static_cast<std::size_t>(std::max(index, 0)), years.size() - 1)];
}

Date LivingApplicantAge::from_day(Date born) const {
    if (in_the_year) return Date{born.year() + date::years{years}, date::January, date::day{1}};
    return add_years(born, years);
}

bool LivingApplicantAge::met_by(Date born, Date on) const { return on >= from_day(born); }

std::optional<Date> RenewalWindow::opens_on(Date expiry) const {
    if (only_after_expiry) return add_days(expiry, 1);
    if (months_before) return add_months(expiry, -*months_before);
    return std::nullopt;
}

std::optional<Date> RenewalWindow::closes_on(Date expiry) const {
    if (months_after) return add_months(expiry, *months_after);
    return std::nullopt;
}

const KindRule* KindRule::variant_rule(std::string_view code) const {
    for (const auto& v : variants) {
        if (v.variant == code) return &v;
    }
    return nullptr;
}

bool is_variant_code(std::string_view code) {
    if (code.empty() || code.size() > 40 || code.front() < 'a' || code.front() > 'z') return false;
    return std::all_of(code.begin(), code.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

const KindRule* RegulationVersion::rule_for(PlotKind kind) const {
    auto it = rules.find(kind);
    return it == rules.end() ? nullptr : &it->second;
}

const RegulationVersion* Regulation::version_for(std::string_view comune, Date on) const {
    // versions are sorted by start: the last one started on or before `on` wins,
    // unless its own end has passed (a later version would have superseded it anyway).
    // So a day that is one version's last ("fino al") and the next one's first ("dal")
    // goes to the next: the day its text takes effect.
    const RegulationVersion* found = nullptr;
    for (const auto& v : versions) {
        if (v.in_force_from > on) break;
        if (v.names_comune(comune)) found = &v;
    }
    if (!found) return nullptr;
    if (auto end = found->own_end_for(comune); end && on > *end) return nullptr;
    return found;
}

std::optional<Date> Regulation::first_version_start(std::string_view comune) const {
    for (const auto& v : versions) {
        if (v.names_comune(comune)) return v.in_force_from;
    }
    return std::nullopt;
}

std::optional<Tariff> Regulation::tariff(std::string_view comune, PlotKind kind, TariffItem item, Date on,
                                         std::optional<int> term) const {
    return tariff_in_force(tariffs, comune, kind, item, term, on);
}

bool PerpetualCutoff::covers(std::string_view comune, PlotKind kind) const {
    const std::string wanted = fold(comune);
    const bool comune_ok = comuni.empty() || std::any_of(comuni.begin(), comuni.end(), [&](const std::string& c) {
                               return fold(c) == wanted;
                           });
    return comune_ok && (kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end());
}

PerpetualCutoff Regulation::perpetual_cutoff_for(std::string_view comune, PlotKind kind) const {
    const PerpetualCutoff* best = nullptr;
    for (const auto& c : perpetual_cutoffs) {
        if (c.covers(comune, kind) && (!best || c.specificity() > best->specificity())) best = &c;
    }
    if (best) return *best;
    PerpetualCutoff general;
    general.until = perpetual_until.value;
    general.basis = perpetual_until.basis;
    return general;
}

std::vector<std::string> comuni_not_in(const Regulation& regulation, const std::vector<std::string>& known) {
    std::vector<std::string> folded_known;
    for (const auto& k : known) folded_known.push_back(fold(k));
    std::vector<std::string> out;
    std::vector<const std::vector<std::string>*> named;
    for (const auto& v : regulation.versions) named.push_back(&v.comuni);
    for (const auto& p : regulation.perpetual_cutoffs) named.push_back(&p.comuni);
    for (const auto* comuni : named) {
        for (const auto& c : *comuni) {
            const std::string f = fold(c);
            const bool is_known = std::find(folded_known.begin(), folded_known.end(), f) != folded_known.end();
            const bool listed = std::any_of(out.begin(), out.end(), [&](const std::string& o) { return fold(o) == f; });
            if (!is_known && !listed) out.push_back(c);
        }
    }
    return out;
}

}  // namespace cemetery
