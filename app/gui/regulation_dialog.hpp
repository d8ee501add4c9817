#pragma once
// Regolamento in vigore (Strumenti menu): for the comune and the day chosen, the
// version of the regulation in force with its dates and source, and each plot kind's
// term, renewals, term start, tariff and source; or that no version covers the day.
// Read-only. Holds no rules: it shows the library's summary (regulation_summary.hpp).

#include <cemetery/comune.hpp>
#include <cemetery/regulation_summary.hpp>

#include <wx/dialog.h>

#include <optional>
#include <vector>

class wxChoice;
class wxDatePickerCtrl;
class wxListCtrl;
class wxStaticText;

namespace gui {

class RegulationDialog : public wxDialog {
public:
    // The columns of the list of kinds.
    enum Column { column_kind, column_term, column_renewals, column_start, column_tariff, column_source };

    // `comuni`: those of the register; `chosen`: the one shown first (else the first).
    RegulationDialog(wxWindow* parent, const cemetery::Regulation& regulation, std::vector<cemetery::Comune> comuni,
                     std::optional<cemetery::ComuneId> chosen, cemetery::Date on);

    // For tests: what the dialog shows. The version line(s) above the list, as shown.
    [[nodiscard]] wxString VersionText() const;
    // The selected kind's rule in full, below the list (a long source does not fit a column).
    [[nodiscard]] wxString DetailsText() const;
    // A cell of the kind's row; empty when the kind is not listed (no version that day).
    [[nodiscard]] wxString CellText(cemetery::PlotKind kind, Column column) const;
    // A cell of the row of a variant of the kind (listed under the kind's own row, by its
    // nome); empty when the version that day does not define it.
    [[nodiscard]] wxString VariantCellText(cemetery::PlotKind kind, const std::string& variant, Column column) const;
    // Selects a row of the list, as a click would, and shows its details.
    void SelectRow(long row);

private:
    void ShowRules();
    void ShowDetails(long row);

    const cemetery::Regulation& regulation_;
    std::vector<cemetery::Comune> comuni_;
    std::optional<cemetery::RulePeriod> day_;  // what applies on the day chosen (points into the regulation)
    std::vector<cemetery::PlotKind> rows_;     // the kind of each row of the list
    // The rule of each row: a kind's, then each of its variants' (points into day_).
    std::vector<const cemetery::KindSummary*> summaries_;
    wxString version_text_;                    // as written, before wrapping
    wxString details_text_;
    wxChoice* comune_ = nullptr;
    wxDatePickerCtrl* date_ = nullptr;
    wxStaticText* version_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxStaticText* details_ = nullptr;
};

}  // namespace gui
