#include "list_rows_view.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <cemetery/text.hpp>

namespace gui {

ListRowsView::ListRowsView(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
    SetName(wxS("expiry_rows"));
    AppendColumn(_("Comune"), wxLIST_FORMAT_LEFT, FromDIP(110));
    AppendColumn(_("Cemetery"), wxLIST_FORMAT_LEFT, FromDIP(110));
    AppendColumn(_("Place"), wxLIST_FORMAT_LEFT, FromDIP(210));
    AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(130));
    AppendColumn(_("Deed number"), wxLIST_FORMAT_LEFT, FromDIP(110));
    AppendColumn(_("Term starts"), wxLIST_FORMAT_LEFT, FromDIP(85));
    AppendColumn(_("Expires on"), wxLIST_FORMAT_LEFT, FromDIP(85));
    AppendColumn(_("Holders"), wxLIST_FORMAT_LEFT, FromDIP(150));
    AppendColumn(_("Deceased"), wxLIST_FORMAT_LEFT, FromDIP(200));
}

void ListRowsView::SetRows(std::vector<cemetery::ListRow> rows) {
    rows_ = std::move(rows);
    SetItemCount(static_cast<long>(rows_.size()));
    Refresh();
}

const cemetery::ListRow* ListRowsView::selected_row() const {
    const long row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row < 0 || static_cast<std::size_t>(row) >= rows_.size() ? nullptr : &rows_[static_cast<std::size_t>(row)];
}

wxString ListRowsView::OnGetItemText(long item, long column) const {
    if (item < 0 || static_cast<std::size_t>(item) >= rows_.size()) return wxString();
    const auto& r = rows_[static_cast<std::size_t>(item)];
    switch (column) {
        case 0: return to_wx(r.comune);
        case 1: return to_wx(r.cemetery);
        case 2: return location_text(r.location);
        case 3: return kind_text(r.kind);
        case 4: return to_wx(r.deed_number);
        case 5: return date_text(r.term_start);
        case 6: return date_text(r.expires_on);
        case 7: return to_wx(cemetery::join(r.holders, ", "));
        case 8: return to_wx(cemetery::join(r.deceased, ", "));
        default: return wxString();
    }
}

}  // namespace gui
