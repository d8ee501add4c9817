#pragma once
// A virtual list of expired or expiring concessions (rows already read from the
// register), with the columns of the command line's list.

#include <cemetery/lists.hpp>

#include <wx/listctrl.h>

#include <vector>

namespace gui {

class ListRowsView : public wxListCtrl {
public:
    explicit ListRowsView(wxWindow* parent);

    void SetRows(std::vector<cemetery::ListRow> rows);
    [[nodiscard]] const std::vector<cemetery::ListRow>& rows() const { return rows_; }
    [[nodiscard]] const cemetery::ListRow* selected_row() const;

private:
    wxString OnGetItemText(long item, long column) const override;

    std::vector<cemetery::ListRow> rows_;
};

}  // namespace gui
