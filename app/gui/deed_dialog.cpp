#include "deed_dialog.hpp"

#include "convert.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace gui {

DeedDialog::DeedDialog(wxWindow* parent, const cemetery::Concession& concession)
    : wxDialog(parent, wxID_ANY, _("Print deed")) {
    SetName(wxS("deed_dialog"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* text = new wxStaticText(this, wxID_ANY,
                                  _("The deed the holders sign, with their tax code and residence: a private "
                                    "document, not for posting."));
    text->Wrap(FromDIP(380));
    sizer->Add(text, wxSizerFlags().Border(wxALL, FromDIP(12)));

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("Deed")), wxSizerFlags().CenterVertical());
    choice_ = new wxChoice(this, wxID_ANY);
    choice_->SetName(wxS("deed_choice"));
    choice_->Append(wxString::Format(_("Concession no. %s of %s"), to_wx(concession.deed_number),
                                     date_text(concession.signed_on)));
    for (std::size_t i = 0; i < concession.renewals.size(); ++i) {
        const auto& r = concession.renewals[i];
        choice_->Append(wxString::Format(_("Renewal %d (deed %s) of %s"), static_cast<int>(i + 1),
                                         r.deed.empty() ? wxString(wxS("—")) : to_wx(r.deed), date_text(r.granted_on)));
    }
    // The latest act first: the deed most often printed is the one just granted or renewed.
    choice_->SetSelection(static_cast<int>(concession.renewals.size()));
    row->Add(choice_, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(8)));
    sizer->Add(row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* preview = new wxButton(this, wxID_PREVIEW, _("Print preview…"));
    preview->SetName(wxS("deed_preview"));
    auto* save = new wxButton(this, wxID_SAVE, _("Save PDF…"));
    save->SetName(wxS("deed_save"));
    buttons->Add(preview);
    buttons->Add(save, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Close")), wxSizerFlags().Border(wxLEFT, FromDIP(6)));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(sizer);
    preview->SetDefault();
    preview->SetFocus();
    for (const int id : {wxID_PREVIEW, wxID_SAVE}) {
        Bind(wxEVT_BUTTON, [this, id](wxCommandEvent&) { EndModal(id); }, id);
    }
}

std::optional<std::size_t> DeedDialog::renewal() const {
    const int i = choice_->GetSelection();
    if (i <= 0) return std::nullopt;
    return static_cast<std::size_t>(i - 1);
}

void DeedDialog::Choose(int index) { choice_->SetSelection(index); }

int DeedDialog::ChoiceCount() const { return static_cast<int>(choice_->GetCount()); }

}  // namespace gui
