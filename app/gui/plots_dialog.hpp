#pragma once
// Posti: the plot inventory of one cemetery, as the office keeps it. The clerk chooses
// the comune and the cemetery and sees every plot with its state today (libero,
// concesso, occupato, fuori uso, as Register::plots decides it); lays out a wall or a
// field by ranges, as `cemetery plots add` does (kind, settore, and a value or a range
// such as 1-40 for fila, numero and piano), seeing how many places it makes and which
// place already stands there before anything is written; and puts the selected plot
// out of use from a day, with its reason. Every write goes through the library in one
// transaction, and the list is read again after it.

#include "host.hpp"

#include <cemetery/plot_inventory.hpp>

#include <wx/dialog.h>

#include <string>
#include <unordered_set>
#include <vector>

class wxButton;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class PlotRowsView;

class PlotsDialog : public wxDialog {
public:
    PlotsDialog(wxWindow* parent, Host& host);

    // For tests, as a clerk would choose and type.
    bool SelectCemetery(const wxString& comune, const wxString& cemetery);
    void SetRange(cemetery::PlotKind kind, const wxString& settore, const wxString& fila, const wxString& numero,
                  const wxString& piano);
    [[nodiscard]] const std::vector<cemetery::PlotStatusRow>& rows() const;
    [[nodiscard]] PlotRowsView* list() { return list_; }
    [[nodiscard]] wxString PreviewText() const { return preview_text_; }
    [[nodiscard]] wxString OutcomeText() const { return outcome_text_; }
    [[nodiscard]] wxString CountsText() const;
    [[nodiscard]] bool CanAdd() const;
    [[nodiscard]] cemetery::PlotRange Range() const;

private:
    void FillCemeteries();
    void Reload();
    void UpdatePreview();
    void ShowOutcome(const wxString& text, bool refused);
    void OnAddPlots(wxCommandEvent& event);
    void OnPutOutOfUse(wxCommandEvent& event);
    // The places of the range that already stand in the cemetery, read from the register.
    [[nodiscard]] std::vector<cemetery::Location> Taken(const std::vector<cemetery::Location>& places) const;

    Host& host_;
    std::vector<cemetery::Comune> comuni_;
    std::vector<cemetery::Cemetery> cemeteries_;
    std::vector<cemetery::PlotStatusRow> all_;  // every plot of the cemetery, whatever the filter
    std::unordered_set<std::string> places_;     // where they stand, as keys of Taken()
    wxChoice* comune_ = nullptr;
    wxChoice* cemetery_ = nullptr;
    wxChoice* show_ = nullptr;
    PlotRowsView* list_ = nullptr;
    wxStaticText* counts_ = nullptr;
    wxButton* out_of_use_ = nullptr;
    wxChoice* kind_ = nullptr;
    wxTextCtrl* settore_ = nullptr;
    wxTextCtrl* fila_ = nullptr;
    wxTextCtrl* numero_ = nullptr;
    wxTextCtrl* piano_ = nullptr;
    wxStaticText* preview_ = nullptr;
    wxStaticText* outcome_ = nullptr;
    wxButton* add_ = nullptr;
    wxString preview_text_;
    wxString outcome_text_;
    bool range_ok_ = false;
};

}  // namespace gui
