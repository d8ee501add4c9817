#pragma once
// Limits set by national law, which no comune's regulation can move. The
// regulation loader holds a file to them, so that a slip of the keyboard
// (durata_massima_anni = 100000) is refused with the article, not applied.
// The regulation's own numbers live in regolamento/, never here.

#include <cemetery/dates.hpp>

#include <string_view>

namespace cemetery::law {

// A concession, and each of its renewals, lasts at most 99 years.
inline constexpr int max_period_years = 99;
inline constexpr std::string_view max_period_basis = "DPR 285/1990 art. 92 c.1";

// From the day DPR 285/1990 came into force every concession is for a fixed term:
// no deed signed on or after it can be perpetual, whatever a regulation says. (DPR
// 803/1975 already said so from 10/02/1976; some comuni went on granting perpetual
// deeds for a few years, which is why the cut-off is the regulation's to set, up
// to this day.)
inline constexpr Date fixed_term_from{date::year{1990}, date::month{10}, date::day{27}};
inline constexpr std::string_view fixed_term_basis = "DPR 285/1990 art. 92 c.1, in vigore dal 27/10/1990";

}  // namespace cemetery::law
