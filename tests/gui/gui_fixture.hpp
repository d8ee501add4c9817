#pragma once
// The real main window on a temporary register holding the Union's comuni and a
// few concessions chosen for the tests, and helpers to let the event loop run.

#include "main_frame.hpp"

#include <filesystem>
#include <functional>
#include <string>

namespace gui_test {

// Lets the event loop run for about `ms` milliseconds.
void pump(int ms = 30);
// Runs the event loop until `done` is true or `timeout_ms` passes; returns done().
bool wait_until(const std::function<bool()>& done, int timeout_ms = 8000);

// Calls `act` with the top-level window named `name` as soon as it appears (a modal
// dialog opened by the code under test), from inside its event loop.
void when_window_appears(const wxString& name, std::function<void(wxWindow*)> act);
// Clicks the dialog's button with that id, as a user does.
void click(wxWindow* dialog, int id);

// With CEMETERY_GUI_SCREENSHOTS set to a folder, saves the whole screen there as
// <name>.png, to look at what a test shows; without it, nothing.
void screenshot(const wxString& name);

// A valid codice fiscale for the test holder (the check letter computed by the library).
std::string holder_tax_code();

class GuiFixture {
public:
    GuiFixture();
    ~GuiFixture();
    GuiFixture(const GuiFixture&) = delete;
    GuiFixture& operator=(const GuiFixture&) = delete;

    gui::MainFrame* frame = nullptr;
    std::filesystem::path dir;

    // Types in the window's search field and waits for the search to run.
    void type_search(const wxString& text);
    int comune_index(const wxString& name);
};

}  // namespace gui_test
