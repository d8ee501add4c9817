#include "start_panel.hpp"

#include "ids.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace gui {

namespace {

// A command of the main window's menu, sent as the menu would send it, so the start
// page does what the menu does and nothing of its own.
void send_command(wxWindow* from, int id) {
    wxCommandEvent event(wxEVT_MENU, id);
    event.SetEventObject(from);
    from->GetParent()->ProcessWindowEvent(event);  // reaches the frame through the parents
}

}  // namespace

StartPanel::StartPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName(wxS("start_panel"));
    auto* column = new wxBoxSizer(wxVERTICAL);

    heading_ = new wxStaticText(this, wxID_ANY, wxString());
    heading_->SetFont(heading_->GetFont().Larger().Bold());
    column->Add(heading_, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    column->Add(new wxStaticText(this, wxID_ANY, _("It holds no concession yet. To begin:")),
                wxSizerFlags().Border(wxBOTTOM, FromDIP(16)));

    auto* choices = new wxFlexGridSizer(2, FromDIP(wxSize(16, 12)));
    const auto add = [&](const wxString& name, const wxString& label, const wxString& explanation) {
        auto* button = new wxButton(this, wxID_ANY, label);
        button->SetName(name);
        choices->Add(button, wxSizerFlags().Expand());
        auto* text = new wxStaticText(this, wxID_ANY, explanation);
        text->Wrap(FromDIP(520));
        choices->Add(text, wxSizerFlags().CenterVertical());
        return button;
    };
    add(wxS("start_import"), _("Import a register…"),
        _("The register kept until now, exported to a CSV file by the program used before: checked line by line "
          "before anything is written."))
        ->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { send_command(this, id_import); });
    add(wxS("start_demo"), _("Open the demo register"),
        _("Invented concessions in the Union's comuni, to try the program without touching this register."))
        ->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (on_open_demo) on_open_demo();
        });
    add(wxS("start_plots"), _("Plots…"),
        _("Lay out the walls and fields of a cemetery by ranges, so that new concessions find free plots."))
        ->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { send_command(this, id_plots); });
    add(wxS("start_new_concession"), _("New concession…"),
        _("A first deed on a free plot of the Union's cemeteries."))
        ->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { send_command(this, id_new_concession); });
    add(wxS("start_continue"), _("Show the empty register"), _("The usual views: Search, Expiries, Counter."))
        ->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (on_continue) on_continue();
        });
    column->Add(choices);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(column, wxSizerFlags(1).Border(wxALL, FromDIP(32)));
    SetSizer(outer);
}

void StartPanel::SetRegister(const wxString& name) {
    heading_->SetLabel(wxString::Format(_("The register %s is empty"), name));
    Layout();
}

}  // namespace gui
