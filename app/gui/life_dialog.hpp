#pragma once
// The frame shared by the dialogs that record a step in a concession's life
// (burial, succession, ending, closing): the deed number as the title, a form of
// labelled fields, the regulation's verdict under it, updated as the clerk types,
// and a confirm button enabled only when the verdict allows the step. A dialog
// adds its fields, ends with FinishLayout(), and in UpdateOutcome() asks the
// library's decide_* function and shows its answer with ShowVerdict().

#include <wx/dialog.h>

#include <string>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxDatePickerCtrl;
class wxFlexGridSizer;
class wxSizer;
class wxStaticText;
class wxTextCtrl;

namespace cemetery {
struct Refusal;
}

namespace gui {

class LifeDialog : public wxDialog {
public:
    // What the verdict says now, as shown.
    [[nodiscard]] wxString OutcomeText() const { return outcome_; }
    [[nodiscard]] bool CanConfirm() const;

protected:
    LifeDialog(wxWindow* parent, const wxString& title, const wxString& name, const std::string& deed_number);

    // Fields of the form; each change of any of them updates the verdict.
    wxTextCtrl* AddText(const wxString& label, const wxString& hint = wxString());
    wxDatePickerCtrl* AddDate(const wxString& label, const wxDateTime& value);
    wxChoice* AddChoice(const wxString& label, const wxArrayString& items, int selected);
    // A check box in the label's column with its choice beside it ("Remains moved to [...]").
    wxChoice* AddCheckedChoice(wxCheckBox*& check, const wxString& label, const wxArrayString& items);
    // A check box below the form.
    wxCheckBox* AddCheckBelow(const wxString& label);
    // A line of text below the form (a heading for the check boxes after it).
    wxStaticText* AddTextBelow(const wxString& text);

    // The verdict and the buttons; call once, after the fields.
    void FinishLayout(const wxString& confirm, const wxSize& min_size);
    void ShowVerdict(const wxString& text, bool allowed);
    // "<heading>: <the refusal's words>." and the rule's message on the next line.
    [[nodiscard]] static wxString RefusalText(const wxString& heading_format, const cemetery::Refusal& refusal);

    virtual void UpdateOutcome() = 0;

private:
    void AddLabel(const wxString& text);
    void Changed();

    wxSizer* sizer_ = nullptr;
    wxFlexGridSizer* grid_ = nullptr;
    wxSizer* below_ = nullptr;
    wxStaticText* verdict_ = nullptr;
    wxButton* ok_ = nullptr;
    wxString outcome_;
};

}  // namespace gui
