#pragma once
// Scadenze: the concessions expired as of a day, or expiring within N days, in the
// chosen comune (or the whole Union), with their count and a CSV export in the
// command line's format. The rows are read with each_expired / each_expiring into
// memory: the Union's registers hold tens of thousands of concessions at most, and
// the list itself stays virtual.

#include "host.hpp"

#include <wx/listctrl.h>
#include <wx/panel.h>

#include <filesystem>

class wxDatePickerCtrl;
class wxRadioButton;
class wxSpinCtrl;
class wxStaticText;

namespace gui {

class ListRowsView;

class ExpiriesPanel : public wxPanel {
public:
    ExpiriesPanel(wxWindow* parent, Host& host);

    // Reads the list again for the chosen comune.
    void Reload();
    void ShowExpired(cemetery::Date as_of);
    void ShowExpiring(int days);
    [[nodiscard]] std::size_t count() const;
    [[nodiscard]] wxString CountText() const;
    [[nodiscard]] ListRowsView* rows() { return rows_; }
    // Writes the list shown as CSV (header as `cemetery expired --format csv`).
    void ExportCsv(const std::filesystem::path& file) const;

private:
    void OnChangeCriteria(wxCommandEvent& event);
    void OnExportCsv(wxCommandEvent& event);
    void OnOpenRow(wxListEvent& event);

    Host& host_;
    wxRadioButton* expired_ = nullptr;
    wxRadioButton* expiring_ = nullptr;
    wxDatePickerCtrl* as_of_ = nullptr;
    wxSpinCtrl* days_ = nullptr;
    wxStaticText* count_ = nullptr;
    ListRowsView* rows_ = nullptr;
};

}  // namespace gui
