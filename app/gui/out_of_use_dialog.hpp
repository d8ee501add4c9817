#pragma once
// Metti fuori uso: one plot withdrawn from use from a day, with the reason the
// register keeps (a wall condemned, a grave that cannot be dug), as `cemetery plots
// out-of-use` does. The dialog shows the place and its state today, so that a clerk
// sees when a concession still holds it; from its day the place is no longer offered.

#include "host.hpp"

#include <cemetery/plot_inventory.hpp>

#include <wx/dialog.h>

class wxButton;
class wxDatePickerCtrl;
class wxTextCtrl;

namespace gui {

class OutOfUseDialog : public wxDialog {
public:
    OutOfUseDialog(wxWindow* parent, const cemetery::PlotStatusRow& row);

    [[nodiscard]] cemetery::Date from() const;
    [[nodiscard]] wxString reason() const;
    void SetFrom(cemetery::Date from);
    void SetReason(const wxString& reason);
    [[nodiscard]] bool CanConfirm() const;

private:
    void UpdateButton();

    wxDatePickerCtrl* from_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
    wxButton* ok_ = nullptr;
};

// Asks and, when confirmed, writes it (Register::put_out_of_use, one transaction); says
// why when refused. Returns what was done, for the status bar ("Fuori uso dal ..."), or
// nothing when nothing was written.
wxString put_plot_out_of_use(wxWindow* parent, Host& host, const cemetery::PlotStatusRow& row);

}  // namespace gui
