#include "regulation_dialog.hpp"

#include "convert.hpp"
#include "date_field.hpp"
#include "main_frame.hpp"
#include "words.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/display.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace gui {

namespace {

// "dal 01/01/2021 al 31/12/2023"; "dal 01/01/2021, senza data di fine".
wxString period_text(const cemetery::RulePeriod& period) {
    return period.until ? wxString::Format(_("from %s to %s"), date_text(period.from), date_text(*period.until))
                        : wxString::Format(_("from %s, with no end date"), date_text(period.from));
}

// What the kind costs on the day, each price with its resolution, or that no tariff is
// configured (never an invented amount).
wxString tariffs_text(const cemetery::KindSummary& kind, const wxString& separator = wxS("; ")) {
    if (kind.tariffs.empty()) return _("Tariff not configured");
    wxString out;
    for (const auto& q : kind.prices) out += (out.empty() ? wxString() : separator) + quote_text(q);
    return out;
}

}  // namespace

RegulationDialog::RegulationDialog(wxWindow* parent, const cemetery::Regulation& regulation,
                                   std::vector<cemetery::Comune> comuni, std::optional<cemetery::ComuneId> chosen,
                                   cemetery::Date on)
    : wxDialog(parent, wxID_ANY, _("Regulation in force"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      regulation_(regulation),
      comuni_(std::move(comuni)) {
    SetName(wxS("regulation_dialog"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("Comune:")), wxSizerFlags().CenterVertical().Border(wxRIGHT));
    comune_ = new wxChoice(this, wxID_ANY);
    comune_->SetName(wxS("regulation_comune"));
    const auto today = cemetery::today();
    int selected = 0;
    for (std::size_t i = 0; i < comuni_.size(); ++i) {
        comune_->Append(comune_label(comuni_[i], today));
        if (chosen && comuni_[i].id == *chosen) selected = static_cast<int>(i);
    }
    if (!comuni_.empty()) comune_->SetSelection(selected);
    top->Add(comune_, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(12)));
    top->Add(new wxStaticText(this, wxID_ANY, _("Date")), wxSizerFlags().CenterVertical().Border(wxRIGHT));
    date_ = make_date_picker(this, to_wx_date(on));
    date_->SetName(wxS("regulation_date"));
    top->Add(date_, wxSizerFlags().CenterVertical());
    sizer->Add(top, wxSizerFlags().Border(wxALL, FromDIP(12)));

    version_ = new wxStaticText(this, wxID_ANY, wxString());
    version_->SetName(wxS("regulation_version"));
    sizer->Add(version_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));

    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName(wxS("regulation_rules"));
    list_->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(130));
    list_->AppendColumn(_("Term"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list_->AppendColumn(_("Renewals"), wxLIST_FORMAT_LEFT, FromDIP(160));
    list_->AppendColumn(_("Term starts"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list_->AppendColumn(_("Tariff"), wxLIST_FORMAT_LEFT, FromDIP(150));
    list_->AppendColumn(_("Source"), wxLIST_FORMAT_LEFT, FromDIP(320));
    sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    details_ = new wxStaticText(this, wxID_ANY, wxString());
    details_->SetName(wxS("regulation_details"));
    sizer->Add(details_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));

    auto* buttons = new wxStdDialogButtonSizer;
    buttons->AddButton(new wxButton(this, wxID_CLOSE, _("Close")));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizer(sizer);
    SetEscapeId(wxID_CLOSE);

    comune_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ShowRules(); });
    date_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { ShowRules(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) { ShowDetails(event.GetIndex()); });
    ShowRules();
    SetMinSize(FromDIP(wxSize(900, 420)));
    Fit();
    // Long sources widen the list past a 1024-pixel screen: keep the dialog on the
    // screen, and let the list scroll sideways instead.
    const wxRect screen = wxDisplay(static_cast<unsigned>(std::max(wxDisplay::GetFromWindow(GetParent()), 0))).GetClientArea();
    if (GetSize().x > screen.width) {
        SetMinSize(wxSize(std::min(GetMinSize().x, screen.width), GetMinSize().y));
        SetSize(wxSize(screen.width, GetSize().y));
    }
    CentreOnParent();
}

wxString RegulationDialog::VersionText() const { return version_text_; }

wxString RegulationDialog::DetailsText() const { return details_text_; }

wxString RegulationDialog::CellText(cemetery::PlotKind kind, Column column) const {
    const auto it = std::find(rows_.begin(), rows_.end(), kind);
    if (it == rows_.end()) return wxString();
    return list_->GetItemText(static_cast<long>(it - rows_.begin()), column);
}

wxString RegulationDialog::VariantCellText(cemetery::PlotKind kind, const std::string& variant, Column column) const {
    for (std::size_t i = 0; i < summaries_.size(); ++i) {
        const auto* rule = summaries_[i]->rule;
        if (rows_[i] == kind && rule && rule->variant == variant && !variant.empty()) {
            return list_->GetItemText(static_cast<long>(i), column);
        }
    }
    return wxString();
}

void RegulationDialog::SelectRow(long row) {
    list_->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    ShowDetails(row);
}

void RegulationDialog::ShowRules() {
    list_->DeleteAllItems();
    rows_.clear();
    summaries_.clear();
    day_.reset();
    ShowDetails(-1);
    const int selected = comune_->GetSelection();
    if (selected == wxNOT_FOUND) {
        version_text_.clear();
        version_->SetLabel(wxString());
        return;
    }
    const std::string& comune = comuni_[static_cast<std::size_t>(selected)].name;
    const auto on = from_wx_date(date_->GetValue());
    day_ = cemetery::rules_on(regulation_, comune, on);
    wxString text;
    if (!day_) {
        const auto first = regulation_.first_version_start(comune);
        text = first ? wxString::Format(_("No version of the regulation applies to %s on %s: the first is in force "
                                          "from %s; deeds signed before keep the term written in them."),
                                        to_wx(comune), date_text(on), date_text(*first))
                     : wxString::Format(_("No version of the regulation names %s."), to_wx(comune));
    } else if (!day_->version) {
        text = wxString::Format(_("No version of the regulation applies to %s on %s (%s): terms and renewals "
                                  "cannot be decided."),
                                to_wx(comune), date_text(on), period_text(*day_));
    } else {
        text = wxString::Format(_("Version \"%s\", %s"), to_wx(day_->version->name), period_text(*day_)) + wxS("\n") +
               wxString::Format(_("Source: %s"), to_wx(day_->version->basis));
        if (const auto& counting = day_->version->end_counting; !counting.basis.empty()) {
            text += wxS("\n") + (counting.value == cemetery::EndCounting::day_before
                                     ? wxString::Format(_("Periods end the day before their anniversary (%s)"),
                                                        to_wx(counting.basis))
                                     : wxString::Format(_("Periods end on their anniversary (%s)"), to_wx(counting.basis)));
        }
        // Each kind, then each variant of its rule on a row of its own, by its nome.
        std::vector<const cemetery::KindSummary*> listed;
        for (const auto& kind : day_->kinds) {
            listed.push_back(&kind);
            for (const auto& v : kind.variants) listed.push_back(&v);
        }
        for (const auto* summary : listed) {
            const auto& kind = *summary;
            const bool variant = kind.rule && !kind.rule->variant.empty();
            const long row = list_->InsertItem(list_->GetItemCount(),
                                               variant ? wxS("  ") + to_wx(kind.rule->variant_name) : kind_text(kind.kind));
            rows_.push_back(kind.kind);
            summaries_.push_back(summary);
            if (!kind.rule) {
                list_->SetItem(row, column_term, _("no rule in this version"));
                continue;
            }
            list_->SetItem(row, column_term, term_text(kind));
            list_->SetItem(row, column_renewals, renewals_text(kind));
            list_->SetItem(row, column_start, term_start_text(kind.rule->term_start));
            // A variant's tariffs are the kind's, on the kind's row.
            if (!variant) list_->SetItem(row, column_tariff, tariffs_text(kind));
            list_->SetItem(row, column_source, to_wx(kind.rule->basis));
        }
        for (int c = column_kind; c <= column_source; ++c) list_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
        if (list_->GetItemCount() > 0) list_->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    version_text_ = text;
    version_->SetLabel(text);
    version_->Wrap(FromDIP(860));
    Layout();
}

void RegulationDialog::ShowDetails(long row) {
    details_text_.clear();
    if (day_ && row >= 0 && static_cast<std::size_t>(row) < rows_.size()) {
        const auto& kind = *summaries_[static_cast<std::size_t>(row)];
        if (!kind.rule) {
            details_text_ = kind_text(kind.kind) + wxS(": ") + _("no rule in this version");
        } else if (!kind.rule->variant.empty()) {
            details_text_ = wxString::Format(_("%s, a variant of %s (\"%s\")"), to_wx(kind.rule->variant_name),
                                             kind_text(kind.kind), to_wx(kind.rule->variant)) +
                            wxS(": ") + term_text(kind) + wxS(", ") + term_start_text(kind.rule->term_start) + wxS("; ") +
                            renewals_text(kind) + wxS("\n") + wxString::Format(_("Source: %s"), to_wx(kind.rule->basis));
        } else {
            details_text_ = kind_text(kind.kind) + wxS(": ") + term_text(kind) + wxS(", ") +
                            term_start_text(kind.rule->term_start) + wxS("; ") + renewals_text(kind) + wxS("\n") +
                            tariffs_text(kind, wxS("\n")) + wxS("\n") + wxString::Format(_("Source: %s"), to_wx(kind.rule->basis));
            if (const auto& cap = kind.rule->renewal_until_years_after_burial) {
                details_text_ += wxS("\n") + wxString::Format(_("Renewed only for the years the last burial needs to "
                                                                 "reach %d years (%s)"),
                                                               cap->value, to_wx(cap->basis));
            }
            if (const auto& age = kind.rule->granted_in_life_from_age) {
                details_text_ += wxS("\n") +
                                 (age->in_the_year
                                      ? wxString::Format(_("In life only to an applicant aged %d or more, or turning "
                                                           "that age in the year of the request (%s)"),
                                                         age->years, to_wx(age->basis))
                                      : wxString::Format(_("In life only to an applicant aged %d or more (%s)"),
                                                         age->years, to_wx(age->basis)));
            }
            if (const auto& w = kind.rule->renewal_window) {
                details_text_ += wxS("\n") + wxString::Format(_("Renewal asked for: %s (%s)"), renewal_window_text(*w),
                                                              to_wx(w->basis));
            }
        }
    }
    details_->SetLabel(details_text_);
    details_->Wrap(FromDIP(860));
    Layout();
}

}  // namespace gui
