#include "close_dialog.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/textctrl.h>

namespace gui {

namespace {
constexpr cemetery::RemainsDestination destinations[] = {
    cemetery::RemainsDestination::ossuary, cemetery::RemainsDestination::cremation,
    cemetery::RemainsDestination::family, cemetery::RemainsDestination::none};
}  // namespace

wxString remains_text(cemetery::RemainsDestination where) {
    switch (where) {
        case cemetery::RemainsDestination::ossuary: return _("common ossuary");
        case cemetery::RemainsDestination::cremation: return _("cremation");
        case cemetery::RemainsDestination::family: return _("to the family");
        case cemetery::RemainsDestination::none: return _("nobody rests there");
    }
    return wxString();
}

CloseDialog::CloseDialog(wxWindow* parent, const cemetery::Concession& concession, const cemetery::ConcessionLife& life,
                         const cemetery::Regulation& regulation, cemetery::Date on)
    : LifeDialog(parent, _("Close expired concession"), wxS("close_dialog"), concession.deed_number),
      concession_(concession),
      life_(life),
      regulation_(regulation) {
    date_ = AddDate(_("Closing date"), to_wx_date(on));
    wxArrayString where;
    for (auto d : destinations) where.Add(remains_text(d));
    // Nobody buried: nothing to move ("nobody rests there", the last choice).
    remains_ = AddChoice(_("Remains"), where, concession_.deceased.empty() ? static_cast<int>(std::size(destinations)) - 1 : 0);
    act_ = AddText(_("Act"));
    FinishLayout(_("Close concession"), wxSize(480, 300));
}

cemetery::ClosingRequest CloseDialog::request() const {
    return cemetery::ClosingRequest{from_wx_date(date_->GetValue()),
                                    destinations[static_cast<std::size_t>(remains_->GetSelection())],
                                    to_std(act_->GetValue().Strip(wxString::both)), {}};
}

void CloseDialog::SetDate(cemetery::Date on) {
    date_->SetValue(to_wx_date(on));
    UpdateOutcome();
}

void CloseDialog::SetRemains(cemetery::RemainsDestination where) {
    for (std::size_t i = 0; i < std::size(destinations); ++i) {
        if (destinations[i] == where) remains_->SetSelection(static_cast<int>(i));
    }
    UpdateOutcome();
}

void CloseDialog::UpdateOutcome() {
    const auto decision =
        cemetery::decide_closing(regulation_, concession_, life_.closing.has_value(), life_.postings, request());
    if (!decision.allowed()) {
        wxString text = RefusalText(_("The concession cannot be closed: %s."), *decision.refusal);
        // What the clerk does next: record the posting, or wait for its last day.
        if (decision.refusal->code == cemetery::RefusalCode::not_posted) {
            text += wxS("\n") + _("Record the posting of the expired list first: Expiries view, \"Record posting…\".");
        } else if (decision.refusal->code == cemetery::RefusalCode::posting_not_over && decision.posting &&
                   decision.posting_ends) {
            text += wxS("\n") + wxString::Format(_("Posted from %s: the posting days end on %s; it can be closed from %s."),
                                                 date_text(decision.posting->posted_on),
                                                 date_text(cemetery::add_days(*decision.posting_ends, -1)),
                                                 date_text(*decision.posting_ends));
        }
        ShowVerdict(text, false);
        return;
    }
    wxString text = wxString::Format(_("The place will be free from %s."), date_text(request().on));
    if (decision.posting) {
        text += wxS("\n") + wxString::Format(_("Posted from %s; posting period over on %s."),
                                             date_text(decision.posting->posted_on),
                                             date_text(cemetery::add_days(*decision.posting_ends, -1)));
    }
    ShowVerdict(text, true);
}

}  // namespace gui
