#include "succession_dialog.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <cemetery/text.hpp>

#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/textctrl.h>

#include <algorithm>

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
    // None ticked: whom the heirs succeed is the clerk's to say, never a default.
    AddTextBelow(_("The heirs succeed:"));
    for (const auto& holder : concession_.holders) {
        succeeded_.push_back(AddCheckBelow(to_wx(holder.full_name())));
        succeeded_.back()->SetName(wxS("succeeded_holder"));
    }
    join_ = AddCheckBelow(_("No one: the heirs join the holders"));
    join_->SetName(wxS("heirs_join"));
    FinishLayout(_("Record"), wxSize(480, 360));
}

cemetery::SuccessionRequest SuccessionDialog::typed() const {
    cemetery::SuccessionRequest r;
    r.on = from_wx_date(date_->GetValue());
    r.act = to_std(act_->GetValue().Strip(wxString::both));
    r.mode = join_->GetValue() ? cemetery::SuccessionMode::join : cemetery::SuccessionMode::replace;
    if (!join_->GetValue()) {
        for (std::size_t i = 0; i < succeeded_.size(); ++i) {
            if (succeeded_[i]->GetValue()) r.succeeded.push_back(concession_.holders[i].id);
        }
    }
    cemetery::Holder h;
    h.surname = to_std(surname_->GetValue().Strip(wxString::both));
    h.given_name = to_std(given_->GetValue().Strip(wxString::both));
    h.codice_fiscale = to_std(tax_code_->GetValue().Strip(wxString::both).Upper());
    if (!h.surname.empty() || !h.given_name.empty() || !h.codice_fiscale.empty()) r.heirs.push_back(h);
    return r;
}

std::optional<cemetery::SuccessionRequest> SuccessionDialog::request() const {
    auto r = typed();
    // Whom they succeed, said: some holders ticked, or the heirs join them all.
    if (r.mode == cemetery::SuccessionMode::replace && r.succeeded.empty()) return std::nullopt;
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

void SuccessionDialog::SetSucceeded(std::size_t holder, bool succeeded) {
    succeeded_.at(holder)->SetValue(succeeded);
    UpdateOutcome();
}

std::vector<wxString> SuccessionDialog::HolderLabels() const {
    std::vector<wxString> out;
    for (const auto* check : succeeded_) out.push_back(check->GetLabel());
    return out;
}

void SuccessionDialog::UpdateOutcome() {
    // The heirs join everyone: no holder leaves, so none can be ticked.
    for (auto* check : succeeded_) check->Enable(!join_->GetValue());
    const auto r = typed();
    const auto decision = cemetery::decide_succession(concession_, closed_, r);
    if (!decision.allowed()) {
        ShowVerdict(RefusalText(_("This cannot be recorded: %s."), *decision.refusal), false);
        return;
    }
    if (!request()) {
        ShowVerdict(_("Tick the holders whom the heirs succeed, or say that they join the holders."), false);
        return;
    }
    std::vector<std::string> names;
    for (const auto& h : decision.holders_after) names.push_back(h.full_name());
    ShowVerdict(wxString::Format(_("Holders after the succession: %s"), to_wx(cemetery::join(names, ", "))), true);
}

}  // namespace gui
