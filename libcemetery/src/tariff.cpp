#include <cemetery/regulation.hpp>
#include <cemetery/tariff.hpp>
#include <cemetery/text.hpp>

#include <algorithm>
#include <cstdio>

namespace cemetery {

bool Tariff::covers(std::string_view comune) const {
    const std::string wanted = fold(comune);
    return std::any_of(comuni.begin(), comuni.end(), [&](const std::string& c) { return fold(c) == wanted; });
}

std::optional<Tariff> tariff_in_force(const std::vector<Tariff>& tariffs, std::string_view comune, PlotKind kind,
                                      TariffItem item, std::optional<int> term, Date on) {
    const Tariff* for_term = nullptr;   // the latest for the deed's own term
    const Tariff* for_every = nullptr;  // the latest for every term
    for (const auto& t : tariffs) {
        if (t.kind != kind || t.item != item || t.from > on || !t.applies_to(term) || !t.covers(comune)) continue;
        const Tariff*& best = t.term_years ? for_term : for_every;
        if (!best || t.from > best->from) best = &t;
    }
    if (for_term) return *for_term;
    if (for_every) return *for_every;
    return std::nullopt;
}

std::int64_t share_of(std::int64_t cents, Share share) {
    // Half a cent up: (2·a·n + d) / (2·d), amounts being never negative.
    const std::int64_t twice = 2 * cents * share.numerator;
    return (twice + share.denominator) / (2 * static_cast<std::int64_t>(share.denominator));
}

PriceQuote quote_price(const Regulation& regulation, std::string_view comune, PlotKind kind, TariffItem item,
                       std::optional<int> term, Date on) {
    PriceQuote q;
    q.item = item;
    q.term_years = term;
    q.on = on;
    q.tariff = tariff_in_force(regulation.tariffs, comune, kind, item, term, on);
    if (!q.tariff) return q;
    if (!q.tariff->of_concession) {
        q.cents = q.tariff->cents;
        return q;
    }
    q.concession = tariff_in_force(regulation.tariffs, comune, kind, TariffItem::concession, term, on);
    if (q.concession) q.cents = share_of(q.concession->cents, *q.tariff->of_concession);
    return q;
}

std::string PriceQuote::explanation() const {
    const std::string what = item == TariffItem::concession ? "concession" : "renewal";
    if (!tariff) return "no " + what + " tariff in force on " + to_iso(on);
    const std::string own = "from " + to_iso(tariff->from) + ": " + tariff->basis;
    if (!tariff->of_concession) return format_euro(*cents) + " (" + own + ")";
    const std::string share =
        std::to_string(tariff->of_concession->numerator) + "/" + std::to_string(tariff->of_concession->denominator);
    if (!concession) {
        return "the " + what + " costs " + share + " of the concession tariff (" + own +
               "), and no concession tariff is in force on " + to_iso(on);
    }
    return format_euro(*cents) + " (" + share + " of the concession tariff " + format_euro(concession->cents) +
           " from " + to_iso(concession->from) + ": " + concession->basis + "; " + own + ")";
}

std::string format_euro(std::int64_t cents) {
    const bool negative = cents < 0;
    const std::int64_t abs = negative ? -cents : cents;
    const std::string digits = std::to_string(abs / 100);
    std::string units;  // with the Italian thousands separator: 1.250
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) units += '.';
        units += digits[i];
    }
    char decimals[4];
    std::snprintf(decimals, sizeof decimals, "%02d", static_cast<int>(abs % 100));
    std::string out = negative ? "-" : "";
    out += units;
    out += ',';
    out += decimals;
    out += " \u20AC";
    return out;
}

}  // namespace cemetery
