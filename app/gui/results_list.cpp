#include "results_list.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <cemetery/text.hpp>

namespace gui {

namespace {

enum Column { col_deceased, col_dates, col_comune, col_cemetery, col_place, col_kind, col_deed, col_expiry, col_status };

cemetery::ConcessionStatus status_of(const cemetery::SearchHit& h, cemetery::Date today) {
    cemetery::Concession c;
    c.perpetual = h.perpetual;
    c.expires_on = h.expires_on;
    c.ending = h.ending;
    c.closed_on = h.closed_on;
    return c.status_on(today);
}

// A key that sorts as people expect: names folded, dates by their ISO form.
std::string sort_key(const cemetery::SearchHit& h, int column) {
    switch (column) {
        case col_deceased:
            return h.deceased.empty() ? std::string("\xFF") : cemetery::fold(h.deceased.front().full_name());
        case col_dates:
            return !h.deceased.empty() && h.deceased.front().died_on ? cemetery::to_iso(*h.deceased.front().died_on)
                                                                     : std::string("\xFF");
        case col_comune: return cemetery::fold(h.comune);
        case col_cemetery: return cemetery::fold(h.cemetery);
        case col_place: return cemetery::fold(cemetery::describe(h.location));
        case col_kind: return std::string(cemetery::code(h.kind));
        case col_deed: return h.deed_number;
        case col_expiry: return h.expires_on ? cemetery::to_iso(*h.expires_on) : std::string("\xFF");
        case col_status: return std::string(cemetery::code(status_of(h, cemetery::today())));
        default: return {};
    }
}

}  // namespace

// The Search view is the office's: holder names may be shown there (never at the
// counter, whose search finds the deceased only), the tax code is not repeated.
wxString match_text(const cemetery::SearchHit& h) {
    switch (h.matched_by) {
        case cemetery::MatchedBy::deceased: return wxString();
        case cemetery::MatchedBy::holder: return wxString::Format(_("holder: %s"), to_wx(h.matched_holder));
        case cemetery::MatchedBy::deed_number: return wxString::Format(_("deed no. %s"), to_wx(h.deed_number));
        case cemetery::MatchedBy::codice_fiscale:
            return wxString::Format(_("tax code of holder %s"), to_wx(h.matched_holder));
    }
    return wxString();
}

wxString result_cell(const cemetery::SearchHit& h, int column, cemetery::Date today) {
    switch (column) {
        case col_deceased: {
            wxString text;
            if (h.deceased.empty()) {
                text = _("(nobody buried)");
            } else {
                text = to_wx(h.deceased.front().full_name());
                if (h.deceased.size() > 1) text += wxString::Format(wxS(" (+%zu)"), h.deceased.size() - 1);
            }
            const wxString why = match_text(h);
            return why.empty() ? text : text + wxS(" — ") + why;
        }
        case col_dates: {
            if (h.deceased.empty()) return wxString();
            const auto& d = h.deceased.front();
            if (!d.born_on && !d.died_on) return wxString();
            return date_text(d.born_on, wxS("?")) + wxS(" – ") + date_text(d.died_on, wxS("?"));
        }
        case col_comune: return to_wx(h.comune);
        case col_cemetery: return to_wx(h.cemetery);
        case col_place: return location_text(h.location);
        case col_kind: return kind_text(h.kind);
        case col_deed: return to_wx(h.deed_number);
        case col_expiry: return h.perpetual ? _("perpetual") : date_text(h.expires_on);
        case col_status: return status_text(status_of(h, today));
        default: return wxString();
    }
}

ResultsList::ResultsList(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
    SetName(wxS("results"));
    AppendColumn(wxGETTEXT_IN_CONTEXT("one person", "Deceased"), wxLIST_FORMAT_LEFT, FromDIP(170));
    AppendColumn(_("Born – Died"), wxLIST_FORMAT_LEFT, FromDIP(170));
    AppendColumn(_("Comune"), wxLIST_FORMAT_LEFT, FromDIP(120));
    AppendColumn(_("Cemetery"), wxLIST_FORMAT_LEFT, FromDIP(110));
    AppendColumn(_("Place"), wxLIST_FORMAT_LEFT, FromDIP(180));
    AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(100));
    AppendColumn(_("Deed number"), wxLIST_FORMAT_LEFT, FromDIP(100));
    AppendColumn(_("Expires on"), wxLIST_FORMAT_LEFT, FromDIP(90));
    AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(80));
    Bind(wxEVT_LIST_COL_CLICK, &ResultsList::OnClickColumn, this);
}

void ResultsList::ShowSearch(const cemetery::Register* reg, const std::string& text,
                             const cemetery::SearchOptions& options) {
    text_ = text;
    options_ = options;
    pages_.reset(reg, text_, options_);
    sort_column_ = -1;
    RemoveSortIndicator();
    SetItemCount(static_cast<long>(pages_.count()));
    if (pages_.count() > 0) EnsureVisible(0);
    Refresh();
}

void ResultsList::ReloadRows(const cemetery::Register* reg, cemetery::ConcessionId keep) {
    pages_.reset(reg, text_, options_);
    if (sort_column_ >= 0) ApplySort();
    SetItemCount(static_cast<long>(pages_.count()));
    Refresh();
    if (keep.valid()) SelectConcession(keep);
}

const cemetery::SearchHit* ResultsList::hit_at(long row) const { return pages_.hit(row); }

const cemetery::SearchHit* ResultsList::selected_hit() const {
    const long row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row < 0 ? nullptr : hit_at(row);
}

bool ResultsList::SelectConcession(cemetery::ConcessionId id) {
    // Make sure the first page is read, where a freshly shown concession usually is.
    if (pages_.count() > 0) pages_.hit(0);
    const auto row = pages_.row_of(id);
    if (!row) return false;
    const long r = static_cast<long>(*row);
    SetItemState(r, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    EnsureVisible(r);
    return true;
}

wxString ResultsList::OnGetItemText(long item, long column) const {
    const auto* hit = pages_.hit(item);
    if (!hit) return wxString();
    return result_cell(*hit, static_cast<int>(column), cemetery::today());
}

bool ResultsList::SortBy(int column, bool ascending) {
    if (!pages_.load_all(max_sortable)) {
        if (on_status) {
            on_status(wxString::Format(_("Sorting is possible up to %s results: narrow the search."),
                                       count_text(max_sortable)));
        }
        return false;
    }
    sort_column_ = column;
    ascending_ = ascending;
    const auto* selected = selected_hit();
    const auto keep = selected ? selected->concession : cemetery::ConcessionId{};
    ApplySort();
    ShowSortIndicator(column, ascending);
    Refresh();
    if (keep.valid()) SelectConcession(keep);
    return true;
}

void ResultsList::ApplySort() {
    if (!pages_.load_all(max_sortable)) {
        sort_column_ = -1;
        return;
    }
    const int column = sort_column_;
    const bool ascending = ascending_;
    pages_.sort([column, ascending](const cemetery::SearchHit& a, const cemetery::SearchHit& b) {
        return ascending ? sort_key(a, column) < sort_key(b, column) : sort_key(b, column) < sort_key(a, column);
    });
}

void ResultsList::OnClickColumn(wxListEvent& event) {
    const int column = event.GetColumn();
    SortBy(column, column == sort_column_ ? !ascending_ : true);
}

}  // namespace gui
