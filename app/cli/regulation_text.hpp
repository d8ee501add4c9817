#pragma once
// The regulation's summary (cemetery/regulation_summary.hpp) in plain Italian text,
// for `cemetery regolamento check` and `show`: what the file says, each value with
// its source, as the office reads the approved text. Only the words live here; every
// number comes from the summary. Text from the file goes out through printable(): it
// may hold control characters, which must not reach a terminal.

#include <cemetery/regulation_summary.hpp>

#include <ostream>
#include <string>

namespace cli {

// A price and its resolution: "450,00 € dal 01/01/2025 — fonte: delibera G.C. n. 12";
// a share "600,00 € (2/3 di 900,00 €, tariffa di concessione dal ... — fonte: ...;
// arrotondato al centesimo) dal ... — fonte: ..."; or "tariffa non configurata" (with
// the reason where a share lacks its concession tariff).
[[nodiscard]] std::string price_text(const cemetery::PriceQuote& quote);
// "30 anni"; "30 o 40 anni (a scelta nell'atto)".
[[nodiscard]] std::string term_text(const cemetery::KindSummary& kind);
// "non rinnovabile"; "1 rinnovo di 10 anni"; "2 rinnovi: il 1° di 20 anni, il 2° di 10 anni";
// "1 rinnovo di 1/2 della durata (15 anni per 30, 20 anni per 40)".
[[nodiscard]] std::string renewals_text(const cemetery::KindSummary& kind);
// "dalla stipula"; "dalla sepoltura".
[[nodiscard]] std::string term_start_text(cemetery::TermStart start);
// "dal 01/01/2021 al 31/12/2023"; "dal 01/01/2021, senza data di fine".
[[nodiscard]] std::string period_dates_text(const cemetery::RulePeriod& period);

// "scadenza: il giorno prima dell'anniversario — fonte: ..." for a version that says how
// its periods end; empty when it is silent (the civil-code count applies).
[[nodiscard]] std::string end_counting_line(const cemetery::RegulationVersion& version);

// The general settings, one a line, each with its source.
void write_general_settings(std::ostream& out, const cemetery::GeneralSettings& settings, const std::string& indent);
// A kind's rule: term, renewals, start, capacity, the life flags and the tariffs,
// each with its source, then each variant of the rule the same way (without tariffs,
// which are the kind's); or that the version has no rule for it.
void write_kind(std::ostream& out, const cemetery::KindSummary& kind, const std::string& indent);
// "nota: il 06/06/1979 è l'ultimo giorno di "A" e il primo di "B": vale "B", ..."
void write_shared_day(std::ostream& out, const cemetery::SharedBoundaryDay& shared, const std::string& indent);
// A period's dates and version with its source, then every kind; or that no version
// covers those days.
void write_period(std::ostream& out, const cemetery::RulePeriod& period, const std::string& indent);

}  // namespace cli
