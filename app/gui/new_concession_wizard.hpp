#pragma once
// Nuova concessione: a dialog of five steps — comune, cemetery, kind, the rule
// (ordinary, or a variant where the regulation defines some for the kind), signing
// date and the term where the regulation offers a choice → a free plot → the
// deceased → the holders (one or more: a family often signs together) → the summary
// the regulation decides → Fine. It only asks and shows the library's decision (and
// its rule when refused, with Fine off); Confirm() writes with Register::concede.
//
// A wxDialog with a wxSimplebook and its own buttons rather than a wxWizard: the
// buttons stay in a row of their own under the pages whatever their content, the
// window fits a 1024×768 screen, and the keys are the dialog's (Enter: Avanti or
// Fine, Esc: Annulla). Every read of the register on Avanti and Fine copes with a
// register another program changed meanwhile: it reads again and tells the clerk.

#include "database.hpp"

#include <cemetery/register.hpp>

#include <wx/dialog.h>

#include <optional>
#include <string>
#include <vector>

class wxButton;
class wxChoice;
class wxDatePickerCtrl;
class wxKeyEvent;
class wxListBox;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class HolderRows;

class NewConcessionWizard : public wxDialog {
public:
    NewConcessionWizard(wxWindow* parent, Database& db);

    // The steps, in order.
    enum Step { step_place, step_plot, step_deceased, step_holders, step_summary, step_count };
    [[nodiscard]] int CurrentStep() const;

    // What a clerk does on each page, for the tests and for callers that know the answers.
    void SetPlace(const wxString& comune, cemetery::PlotKind kind, cemetery::Date signed_on);
    [[nodiscard]] int FreePlotCount() const;
    // What the plots page says when no plot is free (why, and what to do); empty
    // when there are plots to choose from.
    [[nodiscard]] wxString NoPlotText() const;
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
    // The first holder, and the applicant's birth date where the kind is granted in
    // life from an age.
    void SetHolder(const wxString& surname, const wxString& given, const wxString& tax_code,
                   const wxString& born = wxString());
    // Another holder, in a new row.
    void AddHolder(const wxString& surname, const wxString& given, const wxString& tax_code);
    [[nodiscard]] HolderRows& Holders() const { return *holders_; }
    // Decides again and returns the summary shown on the last page.
    [[nodiscard]] wxString SummaryText();
    [[nodiscard]] bool CanFinish() const { return can_finish_; }
    // Writes the concession; the outcome says what the register did.
    cemetery::LifeOutcome Confirm();
    [[nodiscard]] const cemetery::LifeOutcome& Outcome() const { return outcome_; }

private:
    void BuildPlacePage();
    void BuildPlotPage();
    void BuildDeceasedPage();
    void BuildHoldersPage();
    void BuildSummaryPage();
    void BuildButtons(wxSizer* sizer);
    void FillCemeteries();
    void FillPlots();
    void FillTerms();
    void FillVariants();
    [[nodiscard]] std::optional<std::string> SelectedVariant() const;
    [[nodiscard]] cemetery::ConcessionRequest Request() const;
    void UpdateSummary();
    // Shows the step: its title, the buttons it allows, the cursor in its first field.
    void ShowStep(int step);
    void UpdateButtons();
    void FocusStep();
    // Reads the register for the step about to be shown; false when it could not
    // (the clerk was told, the lists read again where possible).
    bool ReadForStep(int step);
    void TellRegisterChanged(const std::exception& e);
    void Finish();
    void OnChangeComune(wxCommandEvent& event);
    void OnBack(wxCommandEvent& event);
    void OnForward(wxCommandEvent& event);
    void OnCharHook(wxKeyEvent& event);

    Database& db_;
    std::vector<cemetery::Comune> comuni_;
    std::vector<cemetery::Cemetery> cemeteries_;
    std::vector<cemetery::PlotStatusRow> plots_;
    wxStaticText* title_ = nullptr;
    wxSimplebook* book_ = nullptr;
    wxButton* back_ = nullptr;
    wxButton* forward_ = nullptr;  // Avanti, Fine on the summary
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
    wxStaticText* no_plot_ = nullptr;
    wxTextCtrl* deceased_surname_ = nullptr;
    wxTextCtrl* deceased_given_ = nullptr;
    wxTextCtrl* born_ = nullptr;
    wxTextCtrl* died_ = nullptr;
    HolderRows* holders_ = nullptr;
    // The applicant's birth date, for kinds granted in life only from an age; empty:
    // the first holder's tax code tells it.
    wxTextCtrl* holder_born_ = nullptr;
    wxTextCtrl* summary_ = nullptr;
    wxString summary_text_;
    bool can_finish_ = false;
    cemetery::LifeOutcome outcome_;
};

}  // namespace gui
