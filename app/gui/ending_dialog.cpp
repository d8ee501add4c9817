#include "ending_dialog.hpp"

#include "close_dialog.hpp"
#include "convert.hpp"
#include "words.hpp"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/textctrl.h>

namespace gui {

namespace {
constexpr cemetery::Ending endings[] = {cemetery::Ending::surrendered, cemetery::Ending::forfeited,
                                        cemetery::Ending::revoked};
constexpr cemetery::RemainsDestination destinations[] = {
    cemetery::RemainsDestination::ossuary, cemetery::RemainsDestination::cremation,
    cemetery::RemainsDestination::family};
}  // namespace

EndingDialog::EndingDialog(wxWindow* parent, const cemetery::Concession& concession, bool closed,
                           const cemetery::Regulation& regulation, cemetery::Date on)
    : LifeDialog(parent, _("Surrender / Forfeiture / Revocation"), wxS("ending_dialog"), concession.deed_number),
      concession_(concession),
      closed_(closed),
      regulation_(regulation) {
    wxArrayString ending_names;
    for (auto e : {cemetery::ConcessionStatus::surrendered, cemetery::ConcessionStatus::forfeited,
                   cemetery::ConcessionStatus::revoked}) {
        ending_names.Add(status_text(e));
    }
    ending_ = AddChoice(_("Ending"), ending_names, 0);
    date_ = AddDate(_("Date"), to_wx_date(on));
    act_ = AddText(_("Act"));
    reason_ = AddText(_("Reason"));
    wxArrayString where;
    for (auto d : destinations) where.Add(remains_text(d));
    remains_ = AddCheckedChoice(moved_, _("Remains moved to"), where);
    // Only a perpetual deed's revocation asks for it (DPR 285/1990 art. 92 c.2).
    if (concession_.perpetual) shortage_ = AddCheckBelow(_("The act states the cemetery is gravely short of places"));
    FinishLayout(_("Record"), wxSize(480, 340));
}

cemetery::EndingRequest EndingDialog::request() const {
    cemetery::EndingRequest r;
    r.ending = endings[static_cast<std::size_t>(ending_->GetSelection())];
    r.on = from_wx_date(date_->GetValue());
    r.act = to_std(act_->GetValue().Strip(wxString::both));
    r.reason = to_std(reason_->GetValue().Strip(wxString::both));
    r.grave_shortage = shortage_ && shortage_->GetValue();
    if (moved_->GetValue()) r.remains_moved = destinations[static_cast<std::size_t>(remains_->GetSelection())];
    return r;
}

void EndingDialog::SetEnding(cemetery::Ending ending, const wxString& act, const wxString& reason) {
    for (std::size_t i = 0; i < std::size(endings); ++i) {
        if (endings[i] == ending) ending_->SetSelection(static_cast<int>(i));
    }
    act_->ChangeValue(act);
    reason_->ChangeValue(reason);
    UpdateOutcome();
}

void EndingDialog::SetRemainsMoved(bool moved) {
    moved_->SetValue(moved);
    UpdateOutcome();
}

void EndingDialog::UpdateOutcome() {
    const auto decision = cemetery::decide_ending(regulation_, concession_, closed_, request());
    if (!decision.allowed()) {
        ShowVerdict(RefusalText(_("This cannot be recorded: %s."), *decision.refusal), false);
    } else if (decision.frees_place) {
        ShowVerdict(wxString::Format(_("The place will be free from %s."), date_text(request().on)), true);
    } else {
        ShowVerdict(_("The place stays occupied until the remains are moved: close the concession then."), true);
    }
}

}  // namespace gui
