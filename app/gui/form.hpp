#pragma once
// Form rows for the edit dialogs: a label, a text field, and under it the problem
// the library found with that field, in the interface language.

#include <cemetery/validation.hpp>

#include <map>
#include <string>
#include <vector>

#include <wx/string.h>

class wxFlexGridSizer;
class wxStaticText;
class wxTextCtrl;
class wxWindow;

namespace gui {

struct FormField {
    wxTextCtrl* text = nullptr;
    wxStaticText* problem = nullptr;
};

// Adds "label [field]" and an empty problem line under the field; the field is named `name`
// (the library's field code, so problems find it).
FormField add_form_field(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, const std::string& name,
                         const wxString& hint = wxString());

// The problem a dialog reports for a date field it cannot read.
inline constexpr const char* not_a_date = "not a date";

using FormFields = std::map<std::string, FormField>;

// Clears every problem line, then shows each problem next to its field ("Codice fiscale:
// check letter is X, expected S"). Returns true when there were none.
bool show_problems(FormFields& fields, const std::vector<cemetery::FieldProblem>& problems);

}  // namespace gui
