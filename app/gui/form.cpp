#include "form.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <cemetery/codice_fiscale.hpp>

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/window.h>

#include <algorithm>

namespace gui {

namespace {

// The library's problem in the interface language; its English sentence stays as the tooltip.
wxString problem_text(const cemetery::FieldProblem& p, const wxString& value) {
    using cemetery::CodiceFiscaleProblem;
    using cemetery::ProblemCode;
    if (p.message == not_a_date) return _("not a date: write it as dd/mm/yyyy");
    // Said alike for a form and an import (words.cpp).
    if (p.code == ProblemCode::date_in_future || p.code == ProblemCode::control_character ||
        p.code == ProblemCode::too_long) {
        return gui::problem_text(cemetery::FieldError{0, p.field, {}, p.message, p.code, p.detail, std::nullopt});
    }
    if (p.field == "codice_fiscale") {
        const auto check = cemetery::check_codice_fiscale(to_std(value));
        switch (check.problem) {
            case CodiceFiscaleProblem::none: break;
            case CodiceFiscaleProblem::wrong_length:
                return wxString::Format(_("must be 16 characters, found %d"), check.found_length);
            case CodiceFiscaleProblem::bad_character:
                return wxString::Format(_("character %d is not allowed there"), check.position);
            case CodiceFiscaleProblem::bad_month: return _("character 9 must be a month letter (A B C D E H L M P R S T)");
            case CodiceFiscaleProblem::bad_day: return _("the day of birth is not valid");
            case CodiceFiscaleProblem::bad_check_letter:
                return wxString::Format(_("check letter is %c, expected %c"), check.found_check, check.expected_check);
        }
    }
    if (p.field == "surname") return _("required");
    if (p.field == "email") return _("not an e-mail address");
    if (p.field == "died_on") return _("death before birth");
    if (p.field == "buried_on") return _("burial before death or birth");
    return to_wx(p.message);
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
        text += field_label(p.field) + wxS(": ") + problem_text(p, it->second.text->GetValue());
        it->second.problem->SetLabel(text);
        it->second.problem->Wrap(std::max(it->second.text->GetSize().x, 200));  // long reasons wrap under the field
        it->second.problem->SetToolTip(to_wx(p.message));
        if (!focused) {
            it->second.text->SetFocus();
            focused = true;
        }
    }
    return problems.empty();
}

}  // namespace gui
