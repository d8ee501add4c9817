#pragma once
// The search results: a virtual list that asks SearchPages for the rows it shows,
// so a million matches cost one page of reads. The rows come in the library's
// order (deceased found by name first, then the rest: search.hpp), the same on
// every page. Clicking a column sorts the list
// when all matches can be read (up to max_sortable); beyond that it keeps the
// register's order and says so.

#include "search_pages.hpp"

#include <wx/listctrl.h>

namespace gui {

class ResultsList : public wxListCtrl {
public:
    static constexpr std::int64_t max_sortable = 5000;

    explicit ResultsList(wxWindow* parent);

    // A new search: shows its count, reads nothing more until rows are painted.
    void ShowSearch(const cemetery::Register* reg, const std::string& text, const cemetery::SearchOptions& options);
    // The same search again (after a write), keeping the sort and the selection.
    void ReloadRows(const cemetery::Register* reg, cemetery::ConcessionId keep);

    [[nodiscard]] std::int64_t match_count() const { return pages_.count(); }
    [[nodiscard]] const cemetery::SearchHit* hit_at(long row) const;
    [[nodiscard]] const cemetery::SearchHit* selected_hit() const;
    [[nodiscard]] SearchPages& pages() { return pages_; }
    // Selects and shows a row; returns false when the concession is not among the rows read.
    bool SelectConcession(cemetery::ConcessionId id);
    // Sorts by a column as a click on its header does; false when there are too many rows.
    bool SortBy(int column, bool ascending);
    std::function<void(const wxString&)> on_status;

private:
    wxString OnGetItemText(long item, long column) const override;
    void OnClickColumn(wxListEvent& event);
    void ApplySort();

    mutable SearchPages pages_;
    std::string text_;
    cemetery::SearchOptions options_;
    int sort_column_ = -1;
    bool ascending_ = true;
};

// Why a hit was found when its deceased do not say it ("holder: …"); empty otherwise.
[[nodiscard]] wxString match_text(const cemetery::SearchHit& hit);
// A hit's cells, as the list shows them (also used by tests); the deceased's cell
// ends with match_text.
[[nodiscard]] wxString result_cell(const cemetery::SearchHit& hit, int column, cemetery::Date today);

}  // namespace gui
