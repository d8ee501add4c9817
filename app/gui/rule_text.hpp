#pragma once
// The rule a decision applied, worded for a clerk: the version in force and the
// document and article its file cites, without the research notes the file keeps
// beside a provisional value ("Truccazzano (30 anni); Cusano Milanino ...") — those are
// for whoever edits the file (Regolamento in vigore shows them). A value the file marks
// provisional is said once, plainly.

#include <cemetery/regulation.hpp>

#include <wx/string.h>

#include <string>
#include <string_view>

namespace gui {

// "Regola: «Unione 2020», Regolamento di Polizia Mortuaria dell'Unione Adda Martesana
// (2020)" (and, where the rule's source cites an article, ", DPR 285/1990 art. 92 c.1"),
// then "Valore provvisorio, in attesa del testo approvato." where the version's or the
// rule's source says the value is provisional. Empty when no version is in force.
[[nodiscard]] wxString rule_in_force_text(const cemetery::Regulation& regulation, std::string_view comune,
                                          cemetery::Date on, const std::string& rule_basis);

}  // namespace gui
