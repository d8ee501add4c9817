#pragma once
// Nuova concessione: a short wizard — comune, cemetery, kind, the rule (ordinary, or a
// variant where the regulation defines some for the kind), signing date and the
// term where the regulation offers a choice → a free plot → the deceased → the
// holder → the summary the regulation decides → confirm. The wizard only asks and shows the library's decision (and its rule when
// refused, with Finish disabled); Confirm() writes with Register::concede.

#include "database.hpp"

#include <cemetery/register.hpp>

#include <wx/wizard.h>

#include <optional>
#include <string>
#include <vector>

class wxChoice;
class wxDatePickerCtrl;
class wxListBox;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class NewConcessionWizard : public wxWizard {
public:
    NewConcessionWizard(wxWindow* parent, Database& db);

    // The first page, for RunWizard().
    [[nodiscard]] wxWizardPage* FirstPage() const { return where_; }

    // What a clerk does on each page, for the tests and for callers that know the answers.
    void SetPlace(const wxString& comune, cemetery::PlotKind kind, cemetery::Date signed_on);
    [[nodiscard]] int FreePlotCount() const;
    // The terms the deed may choose between ("30 o 40 anni"); empty when the version
    // offers one term (shown, not chosen) or none.
    [[nodiscard]] std::vector<int> TermChoices() const;
    void SetTerm(int years);
    // The rules a deed of the kind may be granted under that day, as the choice lists
    // them: "ordinary" first, then each variant's nome; empty when the version in force
    // defines no variant for the kind (the ordinary rule, nothing to choose).
    [[nodiscard]] std::vector<wxString> VariantChoices() const;
    // The variant by its code ("provvisorio"); empty: the ordinary rule.
    void SetVariant(const std::string& code);
    void SelectPlot(int index);
    void SetDeceased(const wxString& surname, const wxString& given, const wxString& born, const wxString& died);
    void SetHolder(const wxString& surname, const wxString& given, const wxString& tax_code,
                   const wxString& born = wxString());
    // Decides again and returns the summary shown on the last page.
    [[nodiscard]] wxString SummaryText();
    [[nodiscard]] bool CanFinish() const { return can_finish_; }
    // Writes the concession; the outcome says what the register did.
    cemetery::LifeOutcome Confirm();
    [[nodiscard]] const cemetery::LifeOutcome& Outcome() const { return outcome_; }

private:
    void BuildWherePage();
    void BuildPlotPage();
    void BuildPeoplePages();
    void BuildSummaryPage();
    void FillCemeteries();
    void FillPlots();
    void FillTerms();
    void FillVariants();
    [[nodiscard]] std::optional<std::string> SelectedVariant() const;
    [[nodiscard]] cemetery::ConcessionRequest Request() const;
    void UpdateSummary();
    void OnChangeComune(wxCommandEvent& event);
    void OnChangePage(wxWizardEvent& event);
    void OnFinishWizard(wxWizardEvent& event);

    Database& db_;
    std::vector<cemetery::Comune> comuni_;
    std::vector<cemetery::Cemetery> cemeteries_;
    std::vector<cemetery::PlotStatusRow> plots_;
    wxWizardPageSimple* where_ = nullptr;
    wxWizardPageSimple* plot_page_ = nullptr;
    wxWizardPageSimple* deceased_page_ = nullptr;
    wxWizardPageSimple* holder_page_ = nullptr;
    wxWizardPageSimple* summary_page_ = nullptr;
    wxChoice* comune_ = nullptr;
    wxChoice* cemetery_ = nullptr;
    wxChoice* kind_ = nullptr;
    wxDatePickerCtrl* signed_on_ = nullptr;
    wxChoice* term_ = nullptr;
    std::vector<int> terms_;  // on offer for the comune, kind and day; shortest first
    wxChoice* variant_ = nullptr;
    // The variants on offer for the comune, kind and day, by code: the choice's items
    // after "ordinary", in this order.
    std::vector<std::string> variants_;
    wxListBox* plot_list_ = nullptr;
    wxTextCtrl* deceased_surname_ = nullptr;
    wxTextCtrl* deceased_given_ = nullptr;
    wxTextCtrl* born_ = nullptr;
    wxTextCtrl* died_ = nullptr;
    wxTextCtrl* holder_surname_ = nullptr;
    wxTextCtrl* holder_given_ = nullptr;
    wxTextCtrl* holder_tax_code_ = nullptr;
    // The applicant's birth date, for kinds granted in life only from an age; empty:
    // the tax code tells it.
    wxTextCtrl* holder_born_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxString summary_text_;
    bool can_finish_ = false;
    cemetery::LifeOutcome outcome_;
};

}  // namespace gui
