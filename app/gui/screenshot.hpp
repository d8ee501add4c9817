#pragma once
// Screenshots of the main views for the documentation (scripts/screenshots): puts
// the window in a state, waits for it to paint, saves the screen as PNG and ends.

#include <wx/gdicmn.h>
#include <wx/string.h>

#include <functional>

namespace gui {

class MainFrame;

// view: "ricerca", "scadenze", "sportello", "rinnovo" or "importa" (query: the file).
void take_screenshot(MainFrame* frame, const wxString& view, const wxString& file, const wxString& query,
                     std::function<void(bool)> done);

// Saves what the screen shows inside the rectangle as PNG.
bool save_screen(const wxRect& rect, const wxString& file);

}  // namespace gui
