#pragma once
// Windows that fit the screen they open on: a clerk's screen may be 1024×768, and
// a window larger than the screen hides its own buttons (the print preview's toolbar,
// a file dialog's Salva). Top-level windows that size themselves (the print preview,
// GTK's file chooser, which remembers or computes its own size) are brought inside the
// display's client area, the part not taken by panels and docks.

#include <wx/gdicmn.h>
#include <wx/string.h>

class wxFileDialog;
class wxPrintPreview;
class wxPrintout;
class wxTopLevelWindow;
class wxWindow;

namespace gui {

// The client area of the display the window is on (the first display when it is on none).
[[nodiscard]] wxRect display_client_area(const wxWindow* window);

// Shrinks the window to the display's client area where it is larger, and moves it
// inside; a window that fits keeps its size.
void fit_to_display(wxTopLevelWindow* window);

// Shows the file dialog, modal, brought inside the display once GTK has sized it.
int show_fitted(wxFileDialog& dialog);

// Opens a print preview in a frame of its own named "print_preview", as large as the
// display's client area so its toolbar (Stampa, pages, zoom, Chiudi) is on screen, and
// closed by Esc. Takes ownership of both printouts; returns the preview (owned by its
// frame), or null, having told the clerk, when it cannot be shown.
wxPrintPreview* open_print_preview(wxWindow* parent, const wxString& title, wxPrintout* for_preview,
                                   wxPrintout* for_printing);

}  // namespace gui
