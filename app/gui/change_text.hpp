#pragma once
// One line for a change-log entry: when, who, what ("26/11/2026 09:12 · mrossi ·
// rinnovo: 10 anni, 10/10/2045 → 10/10/2055, atto R-1"); and the acts of a
// concession's life as a clerk reads them on its detail (postings, terms started or
// restarted, successions, the closing), each on the day it happened.

#include <cemetery/change_log.hpp>
#include <cemetery/concession_life.hpp>

#include <wx/string.h>

#include <vector>

namespace gui {

[[nodiscard]] wxString change_when(const cemetery::ChangeLogEntry& entry);     // "26/11/2026 09:12" (local time)
[[nodiscard]] wxString change_summary(const cemetery::ChangeLogEntry& entry);  // what changed, briefly

struct LifeEventRow {
    cemetery::Date on{};
    wxString event;    // "Affissione all'albo", "Subentro"
    wxString details;  // "elenco delle scadute al 01/01/2026"
};

// The concession's acts after the deed, oldest first (on the same day, in the order
// listed: postings, term restarts, successions, the closing).
[[nodiscard]] std::vector<LifeEventRow> life_event_rows(const cemetery::ConcessionLife& life);

}  // namespace gui
