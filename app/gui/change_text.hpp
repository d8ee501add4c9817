#pragma once
// One line for a change-log entry: when, who, what ("26/11/2026 09:12 · mrossi ·
// rinnovo: 10 anni, 10/10/2045 → 10/10/2055, atto R-1").

#include <cemetery/change_log.hpp>

#include <wx/string.h>

namespace gui {

[[nodiscard]] wxString change_when(const cemetery::ChangeLogEntry& entry);     // "26/11/2026 09:12" (local time)
[[nodiscard]] wxString change_summary(const cemetery::ChangeLogEntry& entry);  // what changed, briefly

}  // namespace gui
