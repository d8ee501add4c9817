#pragma once
// What the counter (sportello) may show a citizen: a deceased, their dates, the
// cemetery and the exact place. CounterRow has no field for holders, their tax
// codes or contacts, so nothing built from it can show them (privacy: holders are
// living people).

#include <cemetery/plot.hpp>
#include <cemetery/search.hpp>

#include <wx/string.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gui {

struct CounterRow {
    std::string name;  // "Pèrego Giuseppe"
    std::optional<cemetery::Date> born_on;
    std::optional<cemetery::Date> died_on;
    std::optional<cemetery::Date> buried_on;
    std::string comune;
    std::string cemetery;
    cemetery::PlotKind kind = cemetery::PlotKind::loculo;
    cemetery::Location location;
};

// One row per deceased whose name has a word beginning with each typed word ("perego
// giu" finds Pèrego Giuseppe, not a Giuseppina buried in the same tomb as a Perego).
[[nodiscard]] std::vector<CounterRow> counter_rows(const std::vector<cemetery::SearchHit>& hits, std::string_view typed);

// The reminder card for the citizen, as text and as HTML for printing.
[[nodiscard]] wxString reminder_card_text(const CounterRow& row);
[[nodiscard]] wxString reminder_card_html(const CounterRow& row);

}  // namespace gui
