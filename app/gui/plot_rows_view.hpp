#pragma once
// A virtual list of plots and their state on a day (rows already read from the
// register), with the columns of `cemetery plots list`.

#include <cemetery/plot_inventory.hpp>

#include <wx/listctrl.h>

#include <vector>

namespace gui {

class PlotRowsView : public wxListCtrl {
public:
    explicit PlotRowsView(wxWindow* parent);

    void SetRows(std::vector<cemetery::PlotStatusRow> rows);
    [[nodiscard]] const std::vector<cemetery::PlotStatusRow>& rows() const { return rows_; }
    [[nodiscard]] const cemetery::PlotStatusRow* selected_row() const;
    // Selects the row of that plot and scrolls to it; false when it is not listed.
    bool SelectPlot(cemetery::PlotId plot);

private:
    wxString OnGetItemText(long item, long column) const override;

    std::vector<cemetery::PlotStatusRow> rows_;
};

}  // namespace gui
