#pragma once
// Tariffs as data, and the price they give: what a comune charges for a concession or
// a renewal of a plot kind, from the day a resolution sets it ("delibera G.C. n. 12 del
// 03/02/2025"), for every term or for one term on offer, as a fixed amount or (a
// renewal) as a share of the concession tariff in force ("due terzi della tariffa").
//
// No amount lives in code: every one comes from regolamento/ with its source. Where the
// file sets none, the price is not configured ("tariffa non configurata") and never
// invented. Pure functions over an immutable Regulation.

#include <cemetery/dates.hpp>
#include <cemetery/plot_kind.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery {

class Regulation;

enum class TariffItem { concession, renewal };

// A share of another amount, "2/3": numerator over denominator, both at least 1.
struct Share {
    int numerator = 0;
    int denominator = 0;
};

// An amount a resolution sets for a plot kind, from a day, until a later resolution of
// the same reach (comuni, kind, item and term) replaces it.
struct Tariff {
    std::vector<std::string> comuni;  // as written: comune = "..." or comuni = [...]
    PlotKind kind = PlotKind::loculo;
    TariffItem item = TariffItem::concession;
    // Only deeds of this term (durata_anni, where a version offers "30 o 40 anni");
    // none: every term, perpetual deeds included.
    std::optional<int> term_years;
    Date from{};
    std::int64_t cents = 0;            // the amount; 0 when priced as a share
    std::optional<Share> of_concession;  // a renewal priced as this share of the concession tariff
    std::string basis;                 // the resolution: "delibera G.C. n. 12 del 03/02/2025"

    // True when the tariff names the comune (without case or accents).
    [[nodiscard]] bool covers(std::string_view comune) const;
    // True for a deed of the term (none: a perpetual deed, or a term not known).
    [[nodiscard]] bool applies_to(std::optional<int> term) const { return !term_years || term_years == term; }
};

// The tariff in force on the day for the comune, kind and item, for a deed of `term`.
// Each reach has its own history: of the tariffs started on or before the day, the
// latest of each reach counts, and one for the deed's term wins over one for every
// term, whichever is older (a resolution that changes every term restates each).
[[nodiscard]] std::optional<Tariff> tariff_in_force(const std::vector<Tariff>& tariffs, std::string_view comune,
                                                    PlotKind kind, TariffItem item, std::optional<int> term, Date on);

// What a concession or a renewal costs on a day, and how that was found.
struct PriceQuote {
    TariffItem item = TariffItem::concession;
    std::optional<int> term_years;  // the deed's term the price is for
    Date on{};
    // The tariff in force; none: no tariff is set ("tariffa non configurata").
    std::optional<Tariff> tariff;
    // For a share: the concession tariff in force that day it is a share of; none with
    // a share: the renewal cannot be priced ("tariffa non configurata", with that reason).
    std::optional<Tariff> concession;
    // The amount; none when not configured. A share is rounded to the cent, half a
    // cent up (600,005 € → 600,01 €).
    std::optional<std::int64_t> cents;

    [[nodiscard]] bool configured() const { return cents.has_value(); }
    // True when a share of the concession was asked for and no concession tariff is in force.
    [[nodiscard]] bool share_without_concession() const { return tariff && tariff->of_concession && !concession; }
    // "600,00 € (2/3 of the concession tariff 900,00 €: ...; ...)" or why there is no
    // price, in English for logs and tests; the programs word it for people.
    [[nodiscard]] std::string explanation() const;
};

// The price of the item for a deed of the kind and term in the comune on the day: the
// tariff in force (tariff_in_force), or for a share that share of the concession
// tariff in force that same day for the same comune, kind and term.
[[nodiscard]] PriceQuote quote_price(const Regulation& regulation, std::string_view comune, PlotKind kind,
                                     TariffItem item, std::optional<int> term, Date on);

// The share of an amount in cents, rounded to the cent, half a cent up.
[[nodiscard]] std::int64_t share_of(std::int64_t cents, Share share);

// "450,00 €", "1.250,50 €"
[[nodiscard]] std::string format_euro(std::int64_t cents);

}  // namespace cemetery
