#include "burial_dialog.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace gui {

namespace {
constexpr cemetery::RemainsForm forms[] = {cemetery::RemainsForm::coffin, cemetery::RemainsForm::box,
                                           cemetery::RemainsForm::urn};

std::optional<cemetery::Date> typed_date(const wxTextCtrl* field) {
    const wxString text = field->GetValue().Strip(wxString::both);
    if (text.empty()) return std::nullopt;
    return parse_date_text(text);
}
}  // namespace

BurialDialog::BurialDialog(wxWindow* parent, const cemetery::ConcessionRecord& record,
                           const cemetery::ConcessionLife& life, const cemetery::Regulation& regulation)
    : wxDialog(parent, wxID_ANY, _("Add burial"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      record_(record),
      life_(life),
      regulation_(regulation) {
    SetName(wxS("burial_dialog"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY,
                                   wxString::Format(_("Concession no. %s"), to_wx(record_.concession.deed_number)));
    title->SetFont(title->GetFont().Bold().Scaled(1.15f));
    sizer->Add(title, wxSizerFlags().Border(wxALL, FromDIP(12)));
    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    grid->AddGrowableCol(1, 1);
    auto field = [&](const wxString& label, bool date) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical());
        auto* text = new wxTextCtrl(this, wxID_ANY);
        if (date) text->SetHint(_("dd/mm/yyyy"));
        grid->Add(text, wxSizerFlags().Expand());
        text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdateOutcome(); });
        return text;
    };
    surname_ = field(_("Surname"), false);
    given_ = field(_("Given name"), false);
    born_ = field(_("Born on"), true);
    died_ = field(_("Died on"), true);
    buried_ = field(_("Buried on"), true);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Remains")), wxSizerFlags().CenterVertical());
    form_ = new wxChoice(this, wxID_ANY);
    form_->Append(_("coffin"));
    form_->Append(_("box of bones"));
    form_->Append(_("urn of ashes"));
    form_->SetSelection(0);
    form_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdateOutcome(); });
    grid->Add(form_, wxSizerFlags().Expand());
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    verdict_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(verdict_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    auto* buttons = new wxStdDialogButtonSizer;
    ok_ = new wxButton(this, wxID_OK, _("Add burial"));
    buttons->AddButton(ok_);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer);
    SetEscapeId(wxID_CANCEL);
    UpdateOutcome();
    SetMinSize(FromDIP(wxSize(480, 380)));
    Fit();
    CentreOnParent();
}

cemetery::BurialRequest BurialDialog::request() const {
    cemetery::BurialRequest r;
    r.deceased.surname = to_std(surname_->GetValue().Strip(wxString::both));
    r.deceased.given_name = to_std(given_->GetValue().Strip(wxString::both));
    r.deceased.born_on = typed_date(born_);
    r.deceased.died_on = typed_date(died_);
    r.deceased.buried_on = typed_date(buried_);
    r.form = forms[static_cast<std::size_t>(form_->GetSelection())];
    return r;
}

void BurialDialog::SetDeceased(const wxString& surname, const wxString& given, const wxString& died,
                               const wxString& buried, cemetery::RemainsForm form) {
    surname_->ChangeValue(surname);
    given_->ChangeValue(given);
    died_->ChangeValue(died);
    buried_->ChangeValue(buried);
    for (std::size_t i = 0; i < std::size(forms); ++i) {
        if (forms[i] == form) form_->SetSelection(static_cast<int>(i));
    }
    UpdateOutcome();
}

bool BurialDialog::CanConfirm() const { return ok_->IsEnabled(); }

void BurialDialog::UpdateOutcome() {
    const auto r = request();
    const auto decision = cemetery::decide_burial(regulation_, record_.concession, record_.plot.kind,
                                                  record_.comune.name, life_.remains(), r);
    if (!decision.allowed()) {
        outcome_ = wxString::Format(_("The regulation does not allow this burial: %s."),
                                    refusal_text(decision.refusal->code)) +
                   wxS("\n") + to_wx(decision.refusal->message);
    } else if (decision.restart) {
        outcome_ = wxString::Format(_("The term restarts at this burial: new expiry %s (was %s)."),
                                    date_text(decision.restart->new_expiry), date_text(decision.restart->previous_expiry)) +
                   wxS("\n") + wxString::Format(_("Rule: %s"), to_wx(decision.restart->basis));
    } else {
        outcome_ = wxString::Format(_("The burial is allowed; the expiry stays %s."),
                                    date_text(record_.concession.expires_on, _("perpetual")));
    }
    verdict_->SetLabel(outcome_);
    verdict_->Wrap(FromDIP(440));
    ok_->Enable(decision.allowed() && !r.deceased.surname.empty());
    Layout();
}

}  // namespace gui
