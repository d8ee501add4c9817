#pragma once
// What the main window shows on a register with no concession yet: the ways to begin
// (import the register of the program used until now, open the demo register, lay out
// plots, grant a first concession), instead of an empty list that says nothing.

#include <wx/panel.h>

#include <functional>

class wxStaticText;

namespace gui {

class StartPanel : public wxPanel {
public:
    explicit StartPanel(wxWindow* parent);

    // The register's file name, for the heading.
    void SetRegister(const wxString& name);

    std::function<void()> on_open_demo;  // the demo register instead of this one
    std::function<void()> on_continue;   // the usual views, on the empty register

private:
    wxStaticText* heading_ = nullptr;
};

}  // namespace gui
