#include "detail_panel.hpp"

#include "change_text.hpp"
#include "close_dialog.hpp"
#include "convert.hpp"
#include "words.hpp"

#include <cemetery/kind_variant.hpp>
#include <cemetery/term.hpp>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

namespace gui {

namespace {

wxListView* make_list(wxWindow* parent, const wxString& name, std::initializer_list<std::pair<wxString, int>> columns) {
    auto* list = new wxListView(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list->SetName(name);
    for (const auto& [title, width] : columns) list->AppendColumn(title, wxLIST_FORMAT_LEFT, parent->FromDIP(width));
    return list;
}

void add_row(wxListView* list, std::initializer_list<wxString> cells) {
    const long row = list->InsertItem(list->GetItemCount(), *cells.begin());
    int column = 0;
    for (const auto& cell : cells) list->SetItem(row, column++, cell);
}

wxString ending_text(cemetery::Ending ending, const wxString& date) {
    switch (ending) {
        case cemetery::Ending::surrendered: return wxString::Format(_("Surrendered on %s"), date);
        case cemetery::Ending::forfeited: return wxString::Format(_("Forfeited on %s"), date);
        case cemetery::Ending::revoked: return wxString::Format(_("Revoked on %s"), date);
        case cemetery::Ending::none: break;
    }
    return wxString();
}

// How the concession ended, by which act and why, and when its place was freed; empty while it lives.
wxString end_text(const cemetery::Concession& c, const std::optional<cemetery::Closing>& closing) {
    wxString out;
    if (c.ending != cemetery::Ending::none) {
        out = ending_text(c.ending, date_text(c.ended_on, wxS("?")));
        if (!c.ending_act.empty()) out += wxS(", ") + wxString::Format(_("act %s"), to_wx(c.ending_act));
        if (!c.ending_reason.empty()) out += wxS(", ") + wxString::Format(_("reason %s"), to_wx(c.ending_reason));
    }
    if (closing) {
        if (!out.empty()) out += wxS("\n");
        out += wxString::Format(_("Closed on %s"), date_text(closing->closed_on)) + wxS(" (") +
               wxString::Format(_("remains: %s"), remains_text(closing->remains));
        if (!closing->act.empty()) out += wxS(", ") + wxString::Format(_("act %s"), to_wx(closing->act));
        out += wxS(")");
    }
    return out;
}

wxString list_text(const wxListView* list) {
    wxString out;
    for (long r = 0; r < list->GetItemCount(); ++r) {
        for (int c = 0; c < list->GetColumnCount(); ++c) out += list->GetItemText(r, c) + wxS("\t");
        out += wxS("\n");
    }
    return out;
}

}  // namespace

DetailPanel::DetailPanel(wxWindow* parent) : wxScrolledWindow(parent, wxID_ANY) {
    SetName(wxS("detail"));
    SetScrollRate(0, FromDIP(10));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    title_ = new wxStaticText(this, wxID_ANY, wxString());
    title_->SetFont(title_->GetFont().Bold().Scaled(1.2f));
    sizer->Add(title_, wxSizerFlags().Border(wxALL, FromDIP(8)));
    message_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(message_, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(8)));

    auto* body = new wxPanel(this);
    body_ = body;
    auto* body_sizer = new wxBoxSizer(wxVERTICAL);
    grid_ = new wxFlexGridSizer(2, FromDIP(4), FromDIP(10));
    grid_->AddGrowableCol(1, 1);
    AddField(_("Comune"), comune_);
    AddField(_("Cemetery"), cemetery_);
    AddField(_("Place"), place_);
    AddField(_("Kind"), kind_);
    AddField(_("Signed on"), signed_);
    AddField(_("Term starts"), start_);
    AddField(_("Term"), term_);
    AddField(_("Expires on"), expiry_);
    AddField(_("Why"), why_);
    AddField(_("Status"), status_);
    ended_label_ = AddField(_("Ended"), ended_);
    ended_->SetName(wxS("ended"));
    expiry_->SetFont(expiry_->GetFont().Bold());
    body_sizer->Add(grid_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));

    tabs_ = new wxNotebook(body, wxID_ANY);
    holders_ = make_list(tabs_, wxS("holders"), {{_("Holder"), 150}, {_("Tax code"), 150}, {_("Address"), 160},
                                                 {_("Phone"), 100}, {_("E-mail"), 150}});
    deceased_ = make_list(tabs_, wxS("deceased"), {{wxGETTEXT_IN_CONTEXT("one person", "Deceased"), 150}, {_("Born on"), 85}, {_("Died on"), 85},
                                                   {_("Buried on"), 85}});
    renewals_ = make_list(tabs_, wxS("renewals"), {{_("Granted on"), 85}, {_("Years"), 50}, {_("Previous expiry"), 100},
                                                   {_("New expiry"), 100}, {_("Deed"), 90}, {_("Version"), 110}});
    events_ = make_list(tabs_, wxS("life_events"), {{_("Date"), 85}, {_("Event"), 220}, {_("Details"), 320}});
    history_ = make_list(tabs_, wxS("history"), {{_("When"), 120}, {_("User"), 80}, {_("Change"), 320}});
    tabs_->AddPage(holders_, _("Holders"));
    tabs_->AddPage(deceased_, _("Deceased"));
    tabs_->AddPage(renewals_, _("Renewals"));
    tabs_->AddPage(events_, _("Events"));
    tabs_->AddPage(history_, _("Change history"));
    tabs_->SetMinSize(FromDIP(wxSize(300, 170)));
    body_sizer->Add(tabs_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(8)));

    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    renew_ = new wxButton(body, wxID_ANY, _("Renew…"));
    renew_->SetName(wxS("renew_button"));
    renew_->SetToolTip(_("Renew the concession (Ctrl+R)"));
    edit_holders_ = new wxButton(body, wxID_ANY, _("Edit holders…"));
    add_burial_ = new wxButton(body, wxID_ANY, _("Add burial…"));
    add_burial_->SetName(wxS("add_burial_button"));
    record_payment_ = new wxButton(body, wxID_ANY, _("Record payment…"));
    record_payment_->SetName(wxS("record_payment_button"));
    record_payment_->SetToolTip(_("The term runs from the payment: record the day it was paid"));
    print_deed_ = new wxButton(body, wxID_ANY, _("Print deed…"));
    print_deed_->SetName(wxS("print_deed_button"));
    print_deed_->SetToolTip(_("The deed the holders sign, of the concession or of a renewal (Ctrl+P)"));
    for (auto* b : {renew_, edit_holders_, print_deed_, add_burial_, record_payment_}) {
        buttons->Add(b, wxSizerFlags().Border(wxRIGHT | wxTOP, FromDIP(6)));
    }
    body_sizer->Add(buttons, wxSizerFlags().Border(wxALL, FromDIP(8)));
    body->SetSizer(body_sizer);
    sizer->Add(body, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    renew_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { if (on_renew) on_renew(); });
    edit_holders_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { if (on_edit_holders) on_edit_holders(); });
    print_deed_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { if (on_print_deed) on_print_deed(); });
    add_burial_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { if (on_add_burial) on_add_burial(); });
    record_payment_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { if (on_record_payment) on_record_payment(); });
    Bind(wxEVT_SIZE, &DetailPanel::OnSize, this);
    Clear(_("Type a name, a deed number or a tax code to search."));
}

wxStaticText* DetailPanel::AddField(const wxString& label, wxStaticText*& value) {
    auto* name = new wxStaticText(body_, wxID_ANY, label);
    name->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    grid_->Add(name, wxSizerFlags().Right());
    value = new wxStaticText(body_, wxID_ANY, wxString());
    grid_->Add(value, wxSizerFlags().Expand());
    return name;
}

std::optional<cemetery::ConcessionId> DetailPanel::concession_id() const {
    if (!record_) return std::nullopt;
    return record_->concession.id;
}

void DetailPanel::Clear(const wxString& message) {
    record_.reset();
    title_->SetLabel(wxString());
    message_text_ = message;
    message_->Show();
    body_->Hide();
    WrapMessage();
    Layout();
}

// The message wraps at the pane's width: a narrow pane (the list takes half of a
// 1024-pixel window) must not cut the sentence off.
void DetailPanel::WrapMessage() {
    message_->SetLabel(message_text_);
    const int width = GetClientSize().x - FromDIP(24);
    if (width > 100) message_->Wrap(width);
}

void DetailPanel::ShowConcession(Database& db, cemetery::ConcessionId id) {
    record_ = db.reg().record(id);
    if (!record_) {
        Clear(_("The concession no longer exists."));
        return;
    }
    const auto& c = record_->concession;
    const auto today = cemetery::today();
    Freeze();
    title_->SetLabel(wxString::Format(_("Concession no. %s"), to_wx(c.deed_number)));
    message_->Hide();
    body_->Show();
    comune_->SetLabel(to_wx(record_->comune.name));
    cemetery_->SetLabel(to_wx(record_->cemetery.name));
    place_->SetLabel(location_text(record_->plot.location));
    // The variant of the kind's rule the deed was granted under, by its nome: "Loculo — loculo provvisorio".
    kind_->SetLabel(c.variant ? kind_text(record_->plot.kind) + wxS(" — ") +
                                    to_wx(cemetery::variant_name_of(db.regulation(), c, record_->plot.kind))
                              : kind_text(record_->plot.kind));
    signed_->SetLabel(date_text(c.signed_on));
    start_->SetLabel(date_text(c.term_start));
    term_->SetLabel(c.perpetual ? _("perpetual")
                    : c.term_years ? wxString::Format(wxPLURAL("%d year", "%d years", *c.term_years), *c.term_years)
                                   : wxString(wxS("—")));
    expiry_->SetLabel(c.perpetual ? _("perpetual") : date_text(c.expires_on, wxS("—")));
    why_->SetLabel(expiry_explanation(c));
    why_->SetToolTip(to_wx(cemetery::explain_expiry_in_italian(c, record_->plot.kind)));
    status_->SetLabel(wxString::Format(_("%s (as of %s)"), status_text(c.status_on(today)), date_text(today)));
    const wxString ended = end_text(c, c.closed_on ? db.reg().life(c.id).closing : std::nullopt);
    ended_->SetLabel(ended);
    ended_->Show(!ended.empty());
    ended_label_->Show(!ended.empty());
    FillLists(db);
    // Ended or freed, nothing renews it (the dialog would say why; the button says it first).
    renew_->Enable(!c.perpetual && c.ending == cemetery::Ending::none && !c.closed_on);
    // Non decorsa, waiting for its payment: the one act that starts it.
    record_payment_->Show(c.ending == cemetery::Ending::none && !c.closed_on &&
                          cemetery::awaited_event(db.regulation(), c, record_->plot.kind) ==
                              cemetery::TermStart::payment);
    record_payment_->GetContainingSizer()->Layout();
    Thaw();
    wxSizeEvent size(GetSize());
    OnSize(size);
}

void DetailPanel::FillLists(Database& db) {
    const auto& c = record_->concession;
    holders_->DeleteAllItems();
    for (const auto& h : c.holders) {
        add_row(holders_, {to_wx(h.full_name()), to_wx(h.codice_fiscale), to_wx(h.address), to_wx(h.phone), to_wx(h.email)});
    }
    deceased_->DeleteAllItems();
    for (const auto& d : c.deceased) {
        add_row(deceased_, {to_wx(d.full_name()), date_text(d.born_on), date_text(d.died_on), date_text(d.buried_on)});
    }
    renewals_->DeleteAllItems();
    for (const auto& r : c.renewals) {
        add_row(renewals_, {date_text(r.granted_on), wxString::Format(wxS("%d"), r.years), date_text(r.previous_expiry),
                            date_text(r.new_expiry), to_wx(r.deed), to_wx(r.version_name)});
    }
    // Postings, terms started by a payment or restarted by a burial, successions and the
    // closing: the acts a clerk checks before closing or renewing.
    events_->DeleteAllItems();
    for (const auto& row : life_event_rows(db.reg().life(c.id))) {
        add_row(events_, {date_text(row.on), row.event, row.details});
    }
    history_->DeleteAllItems();
    auto entries = db.reg().change_log(std::string("concession"), c.id.value());
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {  // newest first
        add_row(history_, {change_when(*it), to_wx(it->user), change_summary(*it)});
    }
}

bool DetailPanel::OffersPayment() const { return record_ && record_payment_->IsShown(); }

void DetailPanel::FocusActions() {
    if (renew_->IsEnabled()) {
        renew_->SetFocus();
    } else {
        edit_holders_->SetFocus();
    }
}

void DetailPanel::OnSize(wxSizeEvent& event) {
    event.Skip();
    // Long explanations wrap at the pane's width.
    if (!record_) {
        WrapMessage();
        Layout();
        return;
    }
    const int width = GetClientSize().x - FromDIP(140);
    if (width > 100) {
        why_->SetLabel(expiry_explanation(record_->concession));
        why_->Wrap(width);
    }
    FitInside();
    Layout();
}

wxString DetailPanel::Text() const {
    wxString out = title_->GetLabel() + wxS("\n") + message_text_ + wxS("\n");
    if (record_) {
        for (auto* field : {comune_, cemetery_, place_, kind_, signed_, start_, term_, expiry_, why_, status_, ended_}) {
            if (field->IsShown()) out += field->GetLabel() + wxS("\n");
        }
        out += list_text(holders_) + list_text(deceased_) + list_text(renewals_) + list_text(events_) + list_text(history_);
    }
    return out;
}

}  // namespace gui
