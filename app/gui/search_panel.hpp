#pragma once
// Ricerca: the results of the search field on the left, the selected concession
// on the right (a splitter); renewing and editing act on the selected concession.

#include "host.hpp"

#include <wx/listctrl.h>
#include <wx/panel.h>

class wxSplitterWindow;
class wxStaticText;

namespace gui {

class DetailPanel;
class ResultsList;

class SearchPanel : public wxPanel {
public:
    SearchPanel(wxWindow* parent, Host& host);

    // Runs the search for the text in the chosen comune.
    void SetQuery(const wxString& text);
    // Reads the rows and the detail again after a write, keeping `keep` selected.
    void Reload(cemetery::ConcessionId keep);
    // Shows one concession in the detail (and selects its row when listed).
    void ShowConcession(cemetery::ConcessionId id);
    void FocusResults();

    // Commands on the selected concession (they open their dialogs).
    void RenewSelected();
    void EditHolders();
    void PrintDeed();
    void AddBurial();

    [[nodiscard]] ResultsList* results() { return results_; }
    [[nodiscard]] DetailPanel* detail() { return detail_; }
    // "1.234 results" above the list; empty when nothing is typed.
    [[nodiscard]] wxString CountText() const;
    [[nodiscard]] std::optional<cemetery::ConcessionId> shown() const;

private:
    void OnSelectResult(wxListEvent& event);
    void OnActivateResult(wxListEvent& event);
    void ShowCount();

    Host& host_;
    wxSplitterWindow* splitter_ = nullptr;
    wxStaticText* count_ = nullptr;
    ResultsList* results_ = nullptr;
    DetailPanel* detail_ = nullptr;
    bool typed_ = false;  // the search field holds words: the count is shown
};

}  // namespace gui
