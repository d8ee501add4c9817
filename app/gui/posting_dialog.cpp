#include "posting_dialog.hpp"

#include "convert.hpp"
#include "date_field.hpp"
#include "words.hpp"

#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace gui {

PostingDialog::PostingDialog(wxWindow* parent, Host& host, cemetery::ComuneId comune, cemetery::Date as_of,
                             cemetery::Date posted_on, bool after_export)
    : wxDialog(parent, wxID_ANY, _("Record posting"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      host_(host),
      comune_(comune) {
    SetName(wxS("posting_dialog"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (after_export) {
        auto* offer = new wxStaticText(this, wxID_ANY,
                                       _("The list is ready to post. Printing it records nothing: record its posting "
                                         "now, so that its places can be freed once the posting days are over?"));
        offer->Wrap(FromDIP(440));
        sizer->Add(offer, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
    }
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid->Add(new wxStaticText(this, wxID_ANY, _("Comune")), wxSizerFlags().CenterVertical());
    const auto found = host_.database().reg().comune(comune_);
    grid->Add(new wxStaticText(this, wxID_ANY, found ? to_wx(found->name) : wxString()), wxSizerFlags().CenterVertical());
    grid->Add(new wxStaticText(this, wxID_ANY, _("Expired as of")), wxSizerFlags().CenterVertical());
    as_of_ = make_date_picker(this, to_wx_date(as_of));
    as_of_->SetName(wxS("posting_as_of"));
    grid->Add(as_of_);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Posted from")), wxSizerFlags().CenterVertical());
    posted_on_ = make_date_picker(this, to_wx_date(posted_on));
    posted_on_->SetName(wxS("posting_posted_on"));
    grid->Add(posted_on_);
    sizer->Add(grid, wxSizerFlags().Border(wxALL, FromDIP(12)));
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    summary_->SetName(wxS("posting_summary"));
    sizer->Add(summary_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    auto* buttons = new wxStdDialogButtonSizer;
    ok_ = new wxButton(this, wxID_OK, _("Record posting"));
    buttons->AddButton(ok_);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, after_export ? _("Not now") : _("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer);
    SetEscapeId(wxID_CANCEL);
    as_of_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { UpdateSummary(); });
    posted_on_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { UpdateSummary(); });
    UpdateSummary();
    SetMinSize(FromDIP(wxSize(480, 240)));
    Fit();
    CentreOnParent();
}

cemetery::Date PostingDialog::as_of() const { return from_wx_date(as_of_->GetValue()); }

cemetery::Date PostingDialog::posted_on() const { return from_wx_date(posted_on_->GetValue()); }

void PostingDialog::SetDates(cemetery::Date as_of, cemetery::Date posted_on) {
    as_of_->SetValue(to_wx_date(as_of));
    posted_on_->SetValue(to_wx_date(posted_on));
    UpdateSummary();
}

wxString PostingDialog::SummaryText() const { return summary_text_; }

bool PostingDialog::CanConfirm() const { return ok_->IsEnabled(); }

// The list as the posting will find it: the same rows the Scadenze view shows.
void PostingDialog::UpdateSummary() {
    count_ = 0;
    host_.database().reg().each_expired(comune_, as_of(), [this](const cemetery::ListRow&) { ++count_; },
                                        [](const cemetery::UnreadableRow&) {});
    wxString text;
    if (count_ == 0) {
        text = wxString::Format(_("No concession expired as of %s: there is nothing to post."), date_text(as_of()));
    } else {
        const int days = host_.database().regulation().posting_days.value;
        text = wxString::Format(wxPLURAL("%s concession expired as of %s is recorded as posted from %s.",
                                         "%s concessions expired as of %s are recorded as posted from %s.",
                                         static_cast<unsigned>(count_)),
                                count_text(count_), date_text(as_of()), date_text(posted_on())) +
               wxS("\n") +
               wxString::Format(_("The %d days of posting end on %s; the places can be freed from %s."), days,
                                date_text(cemetery::add_days(posted_on(), days - 1)),
                                date_text(cemetery::add_days(posted_on(), days)));
    }
    summary_text_ = text;
    summary_->SetLabel(text);
    summary_->Wrap(FromDIP(440));
    ok_->Enable(count_ > 0);
    Layout();
}

bool record_posting(wxWindow* parent, Host& host, cemetery::ComuneId comune, cemetery::Date as_of,
                    cemetery::Date posted_on, bool after_export) {
    PostingDialog dialog(parent, host, comune, as_of, posted_on, after_export);
    if (dialog.ShowModal() != wxID_OK) return false;
    const auto posted = host.database().reg().post_expired(comune, dialog.as_of(), dialog.posted_on());
    if (!posted) {
        wxMessageDialog refused(parent, conflict_text(posted.conflict->code), _("Record posting"), wxOK | wxICON_WARNING);
        refused.SetExtendedMessage(to_wx(posted.conflict->message));
        refused.ShowModal();
        return false;
    }
    host.set_status(wxString::Format(wxPLURAL("Posting recorded from %s: %s concession expired as of %s",
                                              "Posting recorded from %s: %s concessions expired as of %s",
                                              static_cast<unsigned>(*posted.value)),
                                     date_text(dialog.posted_on()), count_text(static_cast<long>(*posted.value)),
                                     date_text(dialog.as_of())));
    return true;
}

}  // namespace gui
