#include "plot_rows_view.hpp"

#include "convert.hpp"
#include "words.hpp"

namespace gui {

PlotRowsView::PlotRowsView(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
    SetName(wxS("plot_rows"));
    AppendColumn(_("Place"), wxLIST_FORMAT_LEFT, FromDIP(260));
    AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(150));
    AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(100));
    AppendColumn(_("Deed number"), wxLIST_FORMAT_LEFT, FromDIP(130));
}

void PlotRowsView::SetRows(std::vector<cemetery::PlotStatusRow> rows) {
    rows_ = std::move(rows);
    SetItemCount(static_cast<long>(rows_.size()));
    Refresh();
}

const cemetery::PlotStatusRow* PlotRowsView::selected_row() const {
    const long row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row < 0 || static_cast<std::size_t>(row) >= rows_.size() ? nullptr : &rows_[static_cast<std::size_t>(row)];
}

bool PlotRowsView::SelectPlot(cemetery::PlotId plot) {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].plot.id != plot) continue;
        const long row = static_cast<long>(i);
        SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        EnsureVisible(row);
        return true;
    }
    return false;
}

wxString PlotRowsView::OnGetItemText(long item, long column) const {
    if (item < 0 || static_cast<std::size_t>(item) >= rows_.size()) return wxString();
    const auto& r = rows_[static_cast<std::size_t>(item)];
    switch (column) {
        case 0: return location_text(r.plot.location);
        case 1: return kind_text(r.plot.kind);
        case 2: return plot_state_text(r.state.state);
        case 3: return to_wx(r.state.deed_number);
        default: return wxString();
    }
}

}  // namespace gui
