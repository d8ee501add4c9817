#include "counter_panel.hpp"

#include "convert.hpp"
#include "fit_display.hpp"
#include "words.hpp"

#include <wx/button.h>
#include <wx/html/htmprint.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace gui {

namespace {
// Large type for the counter; the control's size follows its new font.
void enlarge(wxWindow* window, float factor) {
    window->SetFont(window->GetFont().Scaled(factor));
    window->InvalidateBestSize();
    window->SetInitialSize(wxDefaultSize);
}

// GTK measures a control's new font only once it is on screen: measure again then.
void fit_font(wxWindow* window) {
    window->InvalidateBestSize();
    window->SetMinSize(wxDefaultSize);
    window->SetMinSize(window->GetBestSize());
}
}  // namespace

// The counter's results: a virtual list in large type.
class CounterList : public wxListCtrl {
public:
    explicit CounterList(wxWindow* parent)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
        SetName(wxS("counter_results"));
        SetFont(GetFont().Scaled(1.2f));
        AppendColumn(wxGETTEXT_IN_CONTEXT("one person", "Deceased"), wxLIST_FORMAT_LEFT, FromDIP(230));
        AppendColumn(_("Born on"), wxLIST_FORMAT_LEFT, FromDIP(110));
        AppendColumn(_("Died on"), wxLIST_FORMAT_LEFT, FromDIP(110));
        AppendColumn(_("Cemetery"), wxLIST_FORMAT_LEFT, FromDIP(280));
        AppendColumn(_("Place"), wxLIST_FORMAT_LEFT, FromDIP(235));
    }
    void SetRows(std::vector<CounterRow> rows) {
        rows_ = std::move(rows);
        SetItemCount(static_cast<long>(rows_.size()));
        Refresh();
    }
    const std::vector<CounterRow>& rows() const { return rows_; }
    wxString OnGetItemText(long item, long column) const override {
        if (item < 0 || static_cast<std::size_t>(item) >= rows_.size()) return wxString();
        const auto& r = rows_[static_cast<std::size_t>(item)];
        switch (column) {
            case 0: return to_wx(r.name);
            case 1: return date_text(r.born_on);
            case 2: return date_text(r.died_on);
            case 3: return to_wx(r.cemetery) + (r.cemetery == r.comune ? wxString() : wxS(" (") + to_wx(r.comune) + wxS(")"));
            case 4: return location_text(r.location);
            default: return wxString();
        }
    }

private:
    std::vector<CounterRow> rows_;
};

CounterPanel::CounterPanel(wxWindow* parent, Host& host) : wxPanel(parent), host_(host), timer_(this) {
    SetName(wxS("counter_panel"));
    auto* title = new wxStaticText(this, wxID_ANY, _("Who are you looking for?"));
    enlarge(title, 1.5f);
    field_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    field_->SetName(wxS("counter_field"));
    enlarge(field_, 1.8f);
    field_->SetHint(_("Surname and name of the deceased"));
    count_ = new wxStaticText(this, wxID_ANY, wxString());
    count_->SetName(wxS("counter_count"));
    enlarge(count_, 1.2f);
    list_ = new CounterList(this);
    print_ = new wxButton(this, wxID_ANY, _("Print reminder card"));
    print_->SetName(wxS("print_card"));
    enlarge(print_, 1.2f);
    preview_ = new wxButton(this, wxID_ANY, _("Print preview…"));
    preview_->SetName(wxS("preview_card"));
    enlarge(preview_, 1.2f);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));
    sizer->Add(field_, wxSizerFlags().Expand().Border(wxALL, FromDIP(16)));
    sizer->Add(count_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16)));
    sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(16)));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(preview_, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    buttons->Add(print_);
    sizer->Add(buttons, wxSizerFlags().Right().Border(wxALL, FromDIP(16)));
    SetSizer(sizer);

    field_->Bind(wxEVT_TEXT, &CounterPanel::OnTypeQuery, this);
    field_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        RunSearch();
        list_->SetFocus();
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { RunSearch(); }, timer_.GetId());
    enlarged_ = {title, field_, count_, print_, preview_};
    print_->Bind(wxEVT_BUTTON, &CounterPanel::OnPrintCard, this);
    preview_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PreviewCard(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
        print_->Enable(SelectedRow() != nullptr);
        preview_->Enable(SelectedRow() != nullptr);
    });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, &CounterPanel::OnPrintCard, this);
    print_->Disable();
    preview_->Disable();
}

CounterPanel::~CounterPanel() = default;

void CounterPanel::SetQuery(const wxString& text) {
    if (field_->GetValue() != text) field_->ChangeValue(text);
    RunSearch();
}

void CounterPanel::Reload() { RunSearch(); }

void CounterPanel::FocusField() {
    field_->SetFocus();
    field_->SelectAll();
}

const std::vector<CounterRow>& CounterPanel::rows() const { return list_->rows(); }

void CounterPanel::OnTypeQuery(wxCommandEvent&) {
    if (on_query_typed) on_query_typed(field_->GetValue());
    timer_.StartOnce(150);
}

void CounterPanel::RunSearch() {
    timer_.Stop();
    const std::string typed = to_std(field_->GetValue());
    cemetery::SearchOptions options;
    options.comune = host_.comune();
    options.scope = cemetery::SearchScope::deceased_only;
    options.limit = max_hits;
    const auto& reg = host_.database().reg();
    const auto total = reg.count_matches(typed, options);
    auto rows = counter_rows(reg.search(typed, options), typed);
    const auto n = static_cast<long>(rows.size());
    list_->SetRows(std::move(rows));
    if (field_->GetValue().Strip(wxString::both).empty()) {
        count_->SetLabel(_("Type the surname, then the name."));
    } else if (total > max_hits) {
        count_->SetLabel(wxString::Format(_("More than %d results: add the name or the year."), max_hits));
    } else {
        count_->SetLabel(wxString::Format(wxPLURAL("%s deceased found", "%s deceased found", static_cast<unsigned>(n)),
                                          count_text(n)));
    }
    if (n > 0) list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    print_->Enable(n > 0);
    preview_->Enable(n > 0);
    for (auto* window : enlarged_) fit_font(window);
    Layout();
}

const CounterRow* CounterPanel::SelectedRow() const {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const auto& rows = list_->rows();
    return row < 0 || static_cast<std::size_t>(row) >= rows.size() ? nullptr : &rows[static_cast<std::size_t>(row)];
}

wxString CounterPanel::SelectedCardText() const {
    const auto* row = SelectedRow();
    return row ? reminder_card_text(*row) : wxString();
}

wxString CounterPanel::VisibleText() const {
    wxString out = field_->GetValue() + wxS("\n") + count_->GetLabel() + wxS("\n");
    for (long r = 0; r < list_->GetItemCount(); ++r) {
        for (int c = 0; c < list_->GetColumnCount(); ++c) out += list_->GetItemText(r, c) + wxS("\t");
        out += wxS("\n");
    }
    return out;
}

void CounterPanel::OnPrintCard(wxCommandEvent&) {
    const auto* row = SelectedRow();
    if (!row) return;
    if (!printer_) printer_ = std::make_unique<wxHtmlEasyPrinting>(_("Reminder card"), this);
    printer_->SetFooter(wxString());
    printer_->PrintText(reminder_card_html(*row));
}

wxPrintPreview* CounterPanel::PreviewCard() {
    const auto* row = SelectedRow();
    if (!row) return nullptr;
    // The card as it prints: the same HTML, on A4, in a preview that fits the screen.
    const wxString html = reminder_card_html(*row);
    const auto card = [&html] {
        auto* printout = new wxHtmlPrintout(_("Reminder card"));
        printout->SetHtmlText(html);
        printout->SetFooter(wxString());
        return printout;
    };
    return open_print_preview(this, _("Reminder card"), card(), card());
}

}  // namespace gui
