#include "search_panel.hpp"

#include "concession_actions.hpp"
#include "convert.hpp"
#include "detail_panel.hpp"
#include "life_actions.hpp"
#include "results_list.hpp"

#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

namespace gui {

SearchPanel::SearchPanel(wxWindow* parent, Host& host) : wxPanel(parent), host_(host) {
    SetName(wxS("search_panel"));
    splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    splitter_->SetMinimumPaneSize(FromDIP(260));
    // The list under its count, so that a clerk sees how many matched before scrolling.
    auto* left = new wxPanel(splitter_);
    count_ = new wxStaticText(left, wxID_ANY, wxString());
    count_->SetName(wxS("results_count"));
    results_ = new ResultsList(left);
    auto* left_sizer = new wxBoxSizer(wxVERTICAL);
    left_sizer->Add(count_, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(2)));
    left_sizer->Add(results_, wxSizerFlags(1).Expand());
    left->SetSizer(left_sizer);
    detail_ = new DetailPanel(splitter_);
    splitter_->SplitVertically(left, detail_, FromDIP(-500));
    splitter_->SetSashGravity(0.6);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(splitter_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(4)));
    SetSizer(sizer);

    results_->on_status = [this](const wxString& text) { host_.set_status(text); };
    results_->Bind(wxEVT_LIST_ITEM_SELECTED, &SearchPanel::OnSelectResult, this);
    results_->Bind(wxEVT_LIST_ITEM_ACTIVATED, &SearchPanel::OnActivateResult, this);
    detail_->on_renew = [this] { RenewSelected(); };
    detail_->on_edit_holders = [this] { EditHolders(); };
    detail_->on_print_deed = [this] { PrintDeed(); };
    detail_->on_add_burial = [this] { AddBurial(); };
    detail_->on_record_payment = [this] {
        if (const auto id = shown()) record_payment(this, host_, *id);
    };
}

void SearchPanel::SetQuery(const wxString& text) {
    cemetery::SearchOptions options;
    options.comune = host_.comune();
    results_->ShowSearch(&host_.database().reg(), to_std(text), options);
    typed_ = !text.Strip(wxString::both).empty();
    ShowCount();
    if (results_->match_count() > 0) {
        results_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                               wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        // The selection event shows the detail.
        if (const auto* hit = results_->hit_at(0)) detail_->ShowConcession(host_.database(), hit->concession);
    } else {
        detail_->Clear(text.Strip(wxString::both).empty() ? _("Type a name, a deed number or a tax code to search.")
                                                          : _("Nothing found."));
    }
}

void SearchPanel::Reload(cemetery::ConcessionId keep) {
    const auto shown_id = shown();
    results_->ReloadRows(&host_.database().reg(), keep.valid() ? keep : shown_id.value_or(cemetery::ConcessionId{}));
    ShowCount();
    if (shown_id) detail_->ShowConcession(host_.database(), *shown_id);
}

void SearchPanel::ShowConcession(cemetery::ConcessionId id) {
    results_->SelectConcession(id);
    detail_->ShowConcession(host_.database(), id);
}

void SearchPanel::ShowCount() {
    const auto n = results_->match_count();
    count_->SetLabel(typed_ ? wxString::Format(wxPLURAL("%s result", "%s results", static_cast<unsigned>(n)),
                                              count_text(n))
                           : wxString());
    count_->GetParent()->Layout();
}

wxString SearchPanel::CountText() const { return count_->GetLabel(); }

void SearchPanel::FocusResults() { results_->SetFocus(); }

std::optional<cemetery::ConcessionId> SearchPanel::shown() const { return detail_->concession_id(); }

void SearchPanel::OnSelectResult(wxListEvent& event) {
    if (const auto* hit = results_->hit_at(event.GetIndex())) detail_->ShowConcession(host_.database(), hit->concession);
}

void SearchPanel::OnActivateResult(wxListEvent& event) {
    OnSelectResult(event);
    detail_->FocusActions();
}

void SearchPanel::RenewSelected() {
    if (const auto id = shown()) renew_concession(this, host_, *id);
}

void SearchPanel::EditHolders() {
    if (const auto id = shown()) edit_holders(this, host_, *id);
}

void SearchPanel::PrintDeed() {
    if (const auto id = shown()) print_deed(this, host_, *id);
}

// A deceased joins a concession only as a burial, decided as the menu's "Add burial…".
void SearchPanel::AddBurial() {
    if (const auto id = shown()) bury_deceased(this, host_, *id);
}

}  // namespace gui
