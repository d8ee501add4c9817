#pragma once
// Words for people: the library's codes (status, plot kind, refusal, conflict,
// field names, change-log actions) as the interface language says them. Only the
// words live here; what they mean is decided by the library.

#include <cemetery/codice_fiscale.hpp>
#include <cemetery/concession.hpp>
#include <cemetery/plot_kind.hpp>
#include <cemetery/refusal.hpp>
#include <cemetery/register.hpp>
#include <cemetery/register_row.hpp>
#include <cemetery/regulation_summary.hpp>
#include <cemetery/validation.hpp>

#include <wx/string.h>

#include <exception>
#include <string>

namespace gui {

[[nodiscard]] wxString status_text(cemetery::ConcessionStatus status);  // "scaduta"
[[nodiscard]] wxString kind_text(cemetery::PlotKind kind);              // "loculo"
[[nodiscard]] wxString refusal_text(cemetery::RefusalCode code);        // short reason
// What a refusal says under its short reason: the library's sentence with the rule, or,
// for people refused (person_invalid), each field's problem in the interface language:
// "concessionario ROSSI MARIA, codice fiscale: il carattere di controllo è X, ...".
[[nodiscard]] wxString refusal_detail(const cemetery::Refusal& refusal);
// What is wrong with a tax code: "il carattere di controllo è X, dovrebbe essere I".
[[nodiscard]] wxString codice_fiscale_text(const cemetery::CodiceFiscaleCheck& check);
// A person's field refused by validation.hpp, in the interface language ("obbligatorio").
[[nodiscard]] wxString field_problem_text(const cemetery::FieldProblem& problem);
[[nodiscard]] wxString conflict_text(cemetery::ConflictCode code);
// What a conflict says under conflict_text: nothing, for conflict_text says it all, but
// for data the register's checks refuse, whose technical reason (in English, from the
// database) is kept for whoever looks after the program.
[[nodiscard]] wxString conflict_detail(const cemetery::Conflict& conflict);
// Why a register could not be opened: for a register on a network folder, why that is
// refused and what to use instead, in the interface language; else the library's sentence.
[[nodiscard]] wxString open_error_text(const std::exception& error);
// Why a write was not done: the short reason, and under it the detail; empty when written.
[[nodiscard]] wxString outcome_text(const cemetery::LifeOutcome& outcome);
// The reason of an import problem, in the user's language (the library's English
// sentence where a problem has no code).
[[nodiscard]] wxString problem_text(const cemetery::FieldError& problem);
[[nodiscard]] wxString field_label(const std::string& field);           // "codice_fiscale" -> "Codice fiscale"
[[nodiscard]] wxString action_text(const std::string& action);          // "renew" -> "rinnovo"
[[nodiscard]] wxString location_text(const cemetery::Location& where);  // "sett. A, fila 1, n. 14"
[[nodiscard]] wxString plot_state_text(cemetery::PlotState state);      // "libero"
// Why a range of places gives none: "Numero: «40-1» non è un valore né un intervallo come 1-40".
[[nodiscard]] wxString range_problem_text(const cemetery::RangeExpansion& expansion);

// What a kind's rule says, for the "Regulation in force" dialog: "30 anni",
// "30 o 40 anni (a scelta nell'atto)"; "1 rinnovo di 10 anni", "non rinnovabile";
// "dalla stipula".
[[nodiscard]] wxString term_text(const cemetery::KindSummary& kind);
[[nodiscard]] wxString renewals_text(const cemetery::KindSummary& kind);
[[nodiscard]] wxString term_start_text(cemetery::TermStart start);
// What a term not started waits for: "il pagamento".
[[nodiscard]] wxString awaited_text(cemetery::TermStart start);
// "dai 12 mesi prima della scadenza, fino a 6 mesi dopo, non dopo l'affissione"
[[nodiscard]] wxString renewal_window_text(const cemetery::RenewalWindow& window);
// A price and its resolution, from the library's quote (tariff.hpp): "450,00 € dal
// 01/03/2025 (delibera G.C. n. 12)"; a share "600,00 €: 2/3 della tariffa di concessione,
// 900,00 € dal ... (...); arrotondato al centesimo; dal ... (...)"; or "Tariffa non
// configurata" (with the reason where a share lacks its concession tariff).
[[nodiscard]] wxString price_text(const cemetery::PriceQuote& quote);
// "Tariffa: <price_text>", or why there is none: a line of a preview.
[[nodiscard]] wxString price_line(const cemetery::PriceQuote& quote);
// "concessione per 40 anni: <price_text>", for the "Regulation in force" dialog.
[[nodiscard]] wxString quote_text(const cemetery::PriceQuote& quote);

// Why a concession expires when it does, from its own fields: start, term, the
// version that gave it, and every renewal ("stipulata il 29/02/2000, 30 anni ...").
[[nodiscard]] wxString expiry_explanation(const cemetery::Concession& concession);

}  // namespace gui
