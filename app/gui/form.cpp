#include "form.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/window.h>

#include <algorithm>

namespace gui {

namespace {

// The library's problem in the interface language (words.cpp), and a date the dialog
// could not read.
wxString problem_text(const cemetery::FieldProblem& p) {
    if (p.message == not_a_date) return _("not a date: write it as dd/mm/yyyy");
    return field_problem_text(p);
}

}  // namespace

FormField add_form_field(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, const std::string& name,
                         const wxString& hint) {
    FormField field;
    grid->Add(new wxStaticText(parent, wxID_ANY, label), wxSizerFlags().CenterVertical().Right());
    field.text = new wxTextCtrl(parent, wxID_ANY);
    field.text->SetName(to_wx(name));
    if (!hint.empty()) field.text->SetHint(hint);
    grid->Add(field.text, wxSizerFlags().Expand());
    grid->AddSpacer(0);
    field.problem = new wxStaticText(parent, wxID_ANY, wxString());
    field.problem->SetName(to_wx(name + "_problem"));
    field.problem->SetForegroundColour(wxColour(0xB0, 0x00, 0x20));
    grid->Add(field.problem, wxSizerFlags().Expand());
    return field;
}

bool show_problems(FormFields& fields, const std::vector<cemetery::FieldProblem>& problems) {
    for (auto& [name, field] : fields) field.problem->SetLabel(wxString());
    bool focused = false;
    for (const auto& p : problems) {
        auto it = fields.find(p.field);
        if (it == fields.end()) it = fields.find("surname");
        if (it == fields.end()) continue;
        wxString text = it->second.problem->GetLabel();
        if (!text.empty()) text += wxS("; ");
        text += field_label(p.field) + wxS(": ") + problem_text(p);
        it->second.problem->SetLabel(text);
        it->second.problem->Wrap(std::max(it->second.text->GetSize().x, 200));  // long reasons wrap under the field
        it->second.problem->SetToolTip(text);  // the whole line, where it is cut
        if (!focused) {
            it->second.text->SetFocus();
            focused = true;
        }
    }
    return problems.empty();
}

}  // namespace gui
