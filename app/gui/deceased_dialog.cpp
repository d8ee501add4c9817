#include "deceased_dialog.hpp"

#include "convert.hpp"

#include <cemetery/validation.hpp>

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

namespace gui {

DeceasedDialog::DeceasedDialog(wxWindow* parent, const cemetery::Concession& concession)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Add deceased to concession no. %s"), to_wx(concession.deed_number)),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName(wxS("deceased_dialog"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, FromDIP(2), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    const wxString hint = _("dd/mm/yyyy");
    fields_["surname"] = add_form_field(this, grid, _("Surname"), "surname");
    fields_["given_name"] = add_form_field(this, grid, _("Given name"), "given_name");
    fields_["born_on"] = add_form_field(this, grid, _("Born on"), "born_on", hint);
    fields_["died_on"] = add_form_field(this, grid, _("Died on"), "died_on", hint);
    fields_["buried_on"] = add_form_field(this, grid, _("Buried on"), "buried_on", hint);
    fields_["surname"].text->SetMinSize(FromDIP(wxSize(300, -1)));
    sizer->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));

    auto* buttons = new wxStdDialogButtonSizer;
    buttons->AddButton(new wxButton(this, wxID_OK, _("Add")));
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CANCEL);
    Bind(wxEVT_BUTTON, &DeceasedDialog::OnConfirm, this, wxID_OK);
    CentreOnParent();
}

std::optional<cemetery::Deceased> DeceasedDialog::Check() {
    std::vector<cemetery::FieldProblem> problems;
    cemetery::Deceased d;
    d.surname = to_std(fields_["surname"].text->GetValue().Strip(wxString::both));
    d.given_name = to_std(fields_["given_name"].text->GetValue().Strip(wxString::both));
    auto date = [&](const char* name, std::optional<cemetery::Date>& out) {
        const wxString text = fields_[name].text->GetValue().Strip(wxString::both);
        if (text.empty()) return;
        out = parse_date_text(text);
        if (!out) problems.push_back({name, not_a_date});
    };
    date("born_on", d.born_on);
    date("died_on", d.died_on);
    date("buried_on", d.buried_on);
    if (problems.empty()) problems = cemetery::validate(d, cemetery::FutureLimit{cemetery::today()});
    show_problems(fields_, problems);
    Layout();
    Fit();
    if (!problems.empty()) return std::nullopt;
    deceased_ = d;
    return d;
}

void DeceasedDialog::OnConfirm(wxCommandEvent& event) {
    if (Check()) event.Skip();
}

}  // namespace gui
