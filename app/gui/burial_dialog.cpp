#include "burial_dialog.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <wx/checkbox.h>
#include <wx/choice.h>
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
    : LifeDialog(parent, _("Add burial"), wxS("burial_dialog"), record.concession.deed_number),
      record_(record),
      life_(life),
      regulation_(regulation) {
    surname_ = AddText(_("Surname"));
    given_ = AddText(_("Given name"));
    born_ = AddText(_("Born on"), _("dd/mm/yyyy"));
    died_ = AddText(_("Died on"), _("dd/mm/yyyy"));
    buried_ = AddText(_("Buried on"), _("dd/mm/yyyy"));
    wxArrayString form_names;
    form_names.Add(_("coffin"));
    form_names.Add(_("box of bones"));
    form_names.Add(_("urn of ashes"));
    form_ = AddChoice(_("Remains"), form_names, 0);
    if (cemetery::extension_declinable(regulation_, record_.concession, record_.plot.kind)) {
        decline_ = AddCheckBelow(_("The holders decline the extension of the term"));
        decline_->SetName(wxS("decline_extension"));
    }
    FinishLayout(_("Add burial"), wxSize(480, 380));
}

cemetery::BurialRequest BurialDialog::request() const {
    cemetery::BurialRequest r;
    r.deceased.surname = to_std(surname_->GetValue().Strip(wxString::both));
    r.deceased.given_name = to_std(given_->GetValue().Strip(wxString::both));
    r.deceased.born_on = typed_date(born_);
    r.deceased.died_on = typed_date(died_);
    r.deceased.buried_on = typed_date(buried_);
    r.form = forms[static_cast<std::size_t>(form_->GetSelection())];
    r.extension_declined = decline_ && decline_->GetValue();
    return r;
}

void BurialDialog::SetExtensionDeclined(bool declined) {
    if (!decline_) return;
    decline_->SetValue(declined);
    UpdateOutcome();
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

void BurialDialog::UpdateOutcome() {
    const auto r = request();
    const auto decision = cemetery::decide_burial(regulation_, record_.concession, record_.plot.kind,
                                                  record_.comune.name, life_.remains(), r);
    if (!decision.allowed()) {
        ShowVerdict(RefusalText(_("The regulation does not allow this burial: %s."), *decision.refusal), false);
    } else if (decision.restart && !decision.restart->previous_expiry) {
        ShowVerdict(wxString::Format(_("The term starts with this burial: expiry %s."),
                                     date_text(decision.restart->new_expiry)) +
                        wxS("\n") + wxString::Format(_("Rule: %s"), to_wx(decision.restart->basis)),
                    !r.deceased.surname.empty());
    } else if (decision.restart) {
        ShowVerdict(wxString::Format(_("The term restarts at this burial: new expiry %s (was %s)."),
                                     date_text(decision.restart->new_expiry),
                                     date_text(*decision.restart->previous_expiry)) +
                        wxS("\n") + wxString::Format(_("Rule: %s"), to_wx(decision.restart->basis)),
                    !r.deceased.surname.empty());
    } else {
        ShowVerdict(wxString::Format(_("The burial is allowed; the expiry stays %s."),
                                     date_text(record_.concession.expires_on, _("perpetual"))),
                    !r.deceased.surname.empty());
    }
}

}  // namespace gui
