#include "fit_display.hpp"

#include <wx/display.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/print.h>
#include <wx/printdlg.h>
#include <wx/toplevel.h>

#include <algorithm>

namespace gui {

wxRect display_client_area(const wxWindow* window) {
    int index = window ? wxDisplay::GetFromWindow(window) : wxNOT_FOUND;
    if (index == wxNOT_FOUND) index = 0;
    return wxDisplay(static_cast<unsigned>(index)).GetClientArea();
}

void fit_to_display(wxTopLevelWindow* window) {
    const wxRect area = display_client_area(window);
    wxRect rect = window->GetScreenRect();
    rect.width = std::min(rect.width, area.width);
    rect.height = std::min(rect.height, area.height);
    rect.x = std::clamp(rect.x, area.x, area.GetRight() - rect.width + 1);
    rect.y = std::clamp(rect.y, area.y, area.GetBottom() - rect.height + 1);
    if (rect != window->GetScreenRect()) window->SetSize(rect);
}

int show_fitted(wxFileDialog& dialog) {
    // GTK's chooser sets its size when it is mapped, from its saved size or its font:
    // 1096×822 with the default font. Fit it once it is on screen, inside the modal loop.
    dialog.CallAfter([&dialog] { fit_to_display(&dialog); });
    return dialog.ShowModal();
}

wxPrintPreview* open_print_preview(wxWindow* parent, const wxString& title, wxPrintout* for_preview,
                                   wxPrintout* for_printing) {
    wxPrintData data;
    data.SetPaperId(wxPAPER_A4);
    data.SetOrientation(wxPORTRAIT);
    wxPrintDialogData dialog_data(data);
    auto* preview = new wxPrintPreview(for_preview, for_printing, &dialog_data);
    if (!preview->IsOk()) {
        delete preview;
        wxMessageBox(_("The print preview cannot be shown."), title, wxOK | wxICON_ERROR, parent);
        return nullptr;
    }
    const wxRect area = display_client_area(parent);
    auto* frame = new wxPreviewFrame(preview, parent, title, area.GetPosition(), area.GetSize());
    frame->SetName(wxS("print_preview"));
    frame->Bind(wxEVT_CHAR_HOOK, [frame](wxKeyEvent& event) {
        if (event.GetKeyCode() == WXK_ESCAPE) {
            frame->Close();
            return;
        }
        event.Skip();
    });
    frame->Initialize();
    frame->SetSize(area);  // Initialize lays the frame out, then the area it may take is set
    frame->Show();
    return preview;
}

}  // namespace gui
