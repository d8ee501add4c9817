#include "succession_dialog.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <cemetery/text.hpp>

#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/textctrl.h>

namespace gui {

SuccessionDialog::SuccessionDialog(wxWindow* parent, const cemetery::Concession& concession, bool closed,
                                   cemetery::Date on)
    : LifeDialog(parent, _("Succession"), wxS("succession_dialog"), concession.deed_number),
      concession_(concession),
      closed_(closed) {
    date_ = AddDate(_("Date"), to_wx_date(on));
    act_ = AddText(_("Act"));
    surname_ = AddText(_("Surname"));
    given_ = AddText(_("Given name"));
    tax_code_ = AddText(_("Tax code"));
    join_ = AddCheckBelow(_("The heir joins the holders (instead of replacing them)"));
    FinishLayout(_("Record"), wxSize(480, 360));
}

cemetery::SuccessionRequest SuccessionDialog::request() const {
    cemetery::SuccessionRequest r;
    r.on = from_wx_date(date_->GetValue());
    r.act = to_std(act_->GetValue().Strip(wxString::both));
    r.mode = join_->GetValue() ? cemetery::SuccessionMode::join : cemetery::SuccessionMode::replace;
    cemetery::Holder h;
    h.surname = to_std(surname_->GetValue().Strip(wxString::both));
    h.given_name = to_std(given_->GetValue().Strip(wxString::both));
    h.codice_fiscale = to_std(tax_code_->GetValue().Strip(wxString::both).Upper());
    if (!h.surname.empty() || !h.given_name.empty() || !h.codice_fiscale.empty()) r.heirs.push_back(h);
    return r;
}

void SuccessionDialog::SetHeir(const wxString& surname, const wxString& given, const wxString& tax_code,
                               const wxString& act, bool join) {
    surname_->ChangeValue(surname);
    given_->ChangeValue(given);
    tax_code_->ChangeValue(tax_code);
    act_->ChangeValue(act);
    join_->SetValue(join);
    UpdateOutcome();
}

void SuccessionDialog::UpdateOutcome() {
    const auto decision = cemetery::decide_succession(concession_, closed_, request());
    if (!decision.allowed()) {
        ShowVerdict(RefusalText(_("This cannot be recorded: %s."), *decision.refusal), false);
        return;
    }
    std::vector<std::string> names;
    for (const auto& h : decision.holders_after) names.push_back(h.full_name());
    ShowVerdict(wxString::Format(_("Holders after the succession: %s"), to_wx(cemetery::join(names, ", "))), true);
}

}  // namespace gui
