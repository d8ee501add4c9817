#include "plots_dialog.hpp"

#include "convert.hpp"
#include "main_frame.hpp"
#include "out_of_use_dialog.hpp"
#include "plot_rows_view.hpp"
#include "words.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <array>

namespace gui {

namespace {

// What the "Show" chooser offers, in its order: every plot, then one state.
constexpr std::array<cemetery::PlotState, 4> shown_states{cemetery::PlotState::free, cemetery::PlotState::conceded,
                                                          cemetery::PlotState::occupied,
                                                          cemetery::PlotState::out_of_use};

std::string place_key(const cemetery::Location& l) {
    return l.settore + '\x1f' + l.fila + '\x1f' + l.numero + '\x1f' + l.piano;
}

}  // namespace

PlotsDialog::PlotsDialog(wxWindow* parent, Host& host)
    : wxDialog(parent, wxID_ANY, _("Plots"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      host_(host) {
    SetName(wxS("plots_dialog"));
    const int gap = FromDIP(6);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    // Which cemetery, and which of its plots.
    auto* where = new wxBoxSizer(wxHORIZONTAL);
    auto label = [this](const wxString& text) { return new wxStaticText(this, wxID_ANY, text); };
    where->Add(label(_("Comune")), wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    comune_ = new wxChoice(this, wxID_ANY);
    comune_->SetName(wxS("plots_comune"));
    where->Add(comune_, wxSizerFlags().CenterVertical().Border(wxRIGHT, 2 * gap));
    where->Add(label(_("Cemetery")), wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    cemetery_ = new wxChoice(this, wxID_ANY);
    cemetery_->SetName(wxS("plots_cemetery"));
    where->Add(cemetery_, wxSizerFlags().CenterVertical().Border(wxRIGHT, 2 * gap));
    where->Add(label(_("Show")), wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    show_ = new wxChoice(this, wxID_ANY);
    show_->SetName(wxS("plots_show"));
    show_->Append(_("every plot"));
    for (const auto state : shown_states) show_->Append(plot_state_text(state));
    show_->SetSelection(0);
    where->Add(show_, wxSizerFlags().CenterVertical());
    sizer->Add(where, wxSizerFlags().Border(wxALL, FromDIP(12)));

    list_ = new PlotRowsView(this);
    sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    auto* under = new wxBoxSizer(wxHORIZONTAL);
    counts_ = new wxStaticText(this, wxID_ANY, wxString());
    counts_->SetName(wxS("plots_counts"));
    under->Add(counts_, wxSizerFlags(1).CenterVertical());
    out_of_use_ = new wxButton(this, wxID_ANY, _("Put &out of use…"));
    out_of_use_->SetName(wxS("plots_out_of_use"));
    under->Add(out_of_use_, wxSizerFlags().CenterVertical());
    sizer->Add(under, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));

    // A new wall or field, by ranges.
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Add plots"));
    auto* parent_box = box->GetStaticBox();
    auto* fields = new wxFlexGridSizer(6, gap / 2, gap);
    auto field = [&](const wxString& name) {
        auto* t = new wxTextCtrl(parent_box, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(90, -1)));
        t->SetName(name);
        return t;
    };
    for (const auto& text : {_("Kind"), _("Section"), _("Row"), _("Number"), _("Level"), wxString()}) {
        fields->Add(new wxStaticText(parent_box, wxID_ANY, text));
    }
    kind_ = new wxChoice(parent_box, wxID_ANY);
    kind_->SetName(wxS("plots_kind"));
    for (const auto k : cemetery::all_plot_kinds) kind_->Append(kind_text(k));
    kind_->SetSelection(0);
    fields->Add(kind_);
    settore_ = field(wxS("plots_settore"));
    fila_ = field(wxS("plots_fila"));
    numero_ = field(wxS("plots_numero"));
    piano_ = field(wxS("plots_piano"));
    for (auto* t : {settore_, fila_, numero_, piano_}) fields->Add(t);
    add_ = new wxButton(parent_box, wxID_ANY, _("&Add plots"));
    add_->SetName(wxS("plots_add"));
    fields->Add(add_);
    box->Add(fields, wxSizerFlags().Border(wxALL, gap));
    auto* hint = new wxStaticText(parent_box, wxID_ANY,
                                  _("Row, number and level: one value (3) or a range (1-40). Section: one value."));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    box->Add(hint, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    preview_ = new wxStaticText(parent_box, wxID_ANY, wxString());
    preview_->SetName(wxS("plots_preview"));
    box->Add(preview_, wxSizerFlags().Expand().Border(wxALL, gap));
    sizer->Add(box, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    outcome_ = new wxStaticText(this, wxID_ANY, wxString());
    outcome_->SetName(wxS("plots_outcome"));
    sizer->Add(outcome_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));

    auto* buttons = new wxStdDialogButtonSizer;
    buttons->AddButton(new wxButton(this, wxID_CLOSE, _("Close")));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer);
    SetEscapeId(wxID_CLOSE);
    add_->SetDefault();  // Enter in a range field adds the plots the preview announced

    comuni_ = host_.database().reg().comuni();
    const auto today = cemetery::today();
    int chosen = 0;
    for (std::size_t i = 0; i < comuni_.size(); ++i) {
        comune_->Append(comune_label(comuni_[i], today));
        if (host_.comune() == comuni_[i].id) chosen = static_cast<int>(i);
    }
    if (!comuni_.empty()) comune_->SetSelection(chosen);

    comune_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        FillCemeteries();
        Reload();
    });
    cemetery_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Reload(); });
    show_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Reload(); });
    kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdatePreview(); });
    for (auto* t : {settore_, fila_, numero_, piano_}) t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdatePreview(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { out_of_use_->Enable(); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { out_of_use_->Enable(list_->selected_row() != nullptr); });
    add_->Bind(wxEVT_BUTTON, &PlotsDialog::OnAddPlots, this);
    out_of_use_->Bind(wxEVT_BUTTON, &PlotsDialog::OnPutOutOfUse, this);

    FillCemeteries();
    Reload();
    SetSize(FromDIP(wxSize(820, 640)));
    SetMinSize(FromDIP(wxSize(640, 480)));
    CentreOnParent();
}

bool PlotsDialog::SelectCemetery(const wxString& comune, const wxString& cemetery) {
    for (std::size_t i = 0; i < comuni_.size(); ++i) {
        if (to_wx(comuni_[i].name) == comune) comune_->SetSelection(static_cast<int>(i));
    }
    FillCemeteries();
    const bool found = cemetery_->SetStringSelection(cemetery);
    Reload();
    return found;
}

void PlotsDialog::SetRange(cemetery::PlotKind kind, const wxString& settore, const wxString& fila,
                           const wxString& numero, const wxString& piano) {
    for (std::size_t i = 0; i < cemetery::all_plot_kinds.size(); ++i) {
        if (cemetery::all_plot_kinds[i] == kind) kind_->SetSelection(static_cast<int>(i));
    }
    settore_->ChangeValue(settore);
    fila_->ChangeValue(fila);
    numero_->ChangeValue(numero);
    piano_->ChangeValue(piano);
    UpdatePreview();
}

const std::vector<cemetery::PlotStatusRow>& PlotsDialog::rows() const { return list_->rows(); }

wxString PlotsDialog::CountsText() const { return counts_->GetLabel(); }

bool PlotsDialog::CanAdd() const { return add_->IsEnabled(); }

cemetery::PlotRange PlotsDialog::Range() const {
    cemetery::PlotRange r;
    const int c = cemetery_->GetSelection();
    if (c != wxNOT_FOUND) r.cemetery = cemeteries_[static_cast<std::size_t>(c)].id;
    r.kind = cemetery::all_plot_kinds[static_cast<std::size_t>(std::max(kind_->GetSelection(), 0))];
    r.settore = to_std(settore_->GetValue());
    r.fila = to_std(fila_->GetValue());
    r.numero = to_std(numero_->GetValue());
    r.piano = to_std(piano_->GetValue());
    return r;
}

void PlotsDialog::FillCemeteries() {
    cemetery_->Clear();
    cemeteries_.clear();
    const int c = comune_->GetSelection();
    if (c == wxNOT_FOUND) return;
    cemeteries_ = host_.database().reg().cemeteries(comuni_[static_cast<std::size_t>(c)].id);
    for (const auto& ce : cemeteries_) cemetery_->Append(to_wx(ce.name));
    if (!cemeteries_.empty()) cemetery_->SetSelection(0);
}

// Every plot of the cemetery and its state today, read again: after a write here, or
// one by another program, the list shows the register as it is.
void PlotsDialog::Reload() {
    all_.clear();
    places_.clear();
    const int c = cemetery_->GetSelection();
    if (c != wxNOT_FOUND) {
        cemetery::PlotQuery q;
        q.cemetery = cemeteries_[static_cast<std::size_t>(c)].id;
        q.on = cemetery::today();
        all_ = host_.database().reg().plots(q);
    }
    std::array<std::int64_t, shown_states.size()> counts{};
    std::vector<cemetery::PlotStatusRow> shown;
    const int show = show_->GetSelection();
    for (const auto& row : all_) {
        places_.insert(place_key(row.plot.location));
        for (std::size_t s = 0; s < shown_states.size(); ++s) {
            if (row.state.state == shown_states[s]) ++counts[s];
        }
        if (show <= 0 || row.state.state == shown_states[static_cast<std::size_t>(show - 1)]) shown.push_back(row);
    }
    list_->SetRows(std::move(shown));
    const auto total = static_cast<long>(all_.size());
    counts_->SetLabel(wxString::Format(wxPLURAL("%s plot", "%s plots", static_cast<unsigned>(total)), count_text(total)) +
                      wxS(": ") +
                      wxString::Format(_("%s free, %s conceded, %s occupied, %s out of use"), count_text(counts[0]),
                                       count_text(counts[1]), count_text(counts[2]), count_text(counts[3])));
    out_of_use_->Enable(list_->selected_row() != nullptr);
    UpdatePreview();
    Layout();
}

std::vector<cemetery::Location> PlotsDialog::Taken(const std::vector<cemetery::Location>& places) const {
    std::vector<cemetery::Location> out;
    for (const auto& p : places) {
        if (places_.count(place_key(p))) out.push_back(p);
    }
    return out;
}

// What pressing "Add plots" would do, before it is pressed: how many places, from
// which to which, or why none. The library decides again when it writes.
void PlotsDialog::UpdatePreview() {
    const auto range = Range();
    wxString text;
    range_ok_ = false;
    const bool typed = !(settore_->IsEmpty() && fila_->IsEmpty() && numero_->IsEmpty() && piano_->IsEmpty());
    if (cemetery_->GetSelection() == wxNOT_FOUND) {
        text = _("Choose the comune and the cemetery.");
    } else if (!typed) {
        text = _("Type the places to add: at least their number, or a range of numbers such as 1-40.");
    } else if (const auto e = cemetery::expand(range); !e) {
        text = range_problem_text(e);
    } else if (const auto taken = Taken(e.places); !taken.empty()) {
        text = wxString::Format(wxPLURAL("%s of these places already stands, at %s. Nothing can be added: change the "
                                         "ranges.",
                                         "%s of these places already stand, the first at %s. Nothing can be added: "
                                         "change the ranges.",
                                         static_cast<unsigned>(taken.size())),
                                count_text(static_cast<long>(taken.size())), location_text(taken.front()));
    } else {
        const auto n = static_cast<long>(e.places.size());
        text = n == 1 ? wxString::Format(_("1 plot will be added (%s): %s."), kind_text(range.kind),
                                         location_text(e.places.front()))
                      : wxString::Format(wxPLURAL("%s plot will be added (%s): from %s to %s.",
                                                  "%s plots will be added (%s): from %s to %s.",
                                                  static_cast<unsigned>(n)),
                                         count_text(n), kind_text(range.kind), location_text(e.places.front()),
                                         location_text(e.places.back()));
        range_ok_ = true;
    }
    preview_text_ = text;
    preview_->SetLabel(text);
    preview_->Wrap(FromDIP(740));
    add_->Enable(range_ok_);
}

void PlotsDialog::ShowOutcome(const wxString& text, bool refused) {
    outcome_text_ = text;
    outcome_->SetLabel(text);
    outcome_->SetForegroundColour(refused ? wxColour(0xB0, 0x00, 0x20)
                                          : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    outcome_->Wrap(FromDIP(780));
    Layout();
}

void PlotsDialog::OnAddPlots(wxCommandEvent&) {
    if (!range_ok_) return;
    const auto range = Range();
    const auto added = host_.database().reg().add_plots(range);
    if (!added) {
        // Another program may have laid out places since the preview: read them, and name one.
        Reload();
        const auto e = cemetery::expand(range);
        const auto taken = e ? Taken(e.places) : std::vector<cemetery::Location>{};
        wxString why = conflict_text(added.conflict->code);
        if (!e) why = range_problem_text(e);
        if (!taken.empty()) why = wxString::Format(_("A plot already stands at %s."), location_text(taken.front()));
        ShowOutcome(wxString::Format(_("Refused. %s Nothing was added."), why), true);
        return;
    }
    const auto& ids = *added.value;
    const auto n = static_cast<long>(ids.size());
    const auto first = host_.database().reg().plot(ids.front());
    const auto last = host_.database().reg().plot(ids.back());
    const wxString done = wxString::Format(
        wxPLURAL("%s plot added (%s), free: %s … %s.", "%s plots added (%s), free: %s … %s.", static_cast<unsigned>(n)),
        count_text(n), kind_text(range.kind), first ? location_text(first->location) : wxString(),
        last ? location_text(last->location) : wxString());
    // The ranges are laid out: clear them, so that the preview does not announce them again.
    for (auto* t : {fila_, numero_, piano_}) t->ChangeValue(wxString());
    Reload();
    list_->SelectPlot(ids.front());
    out_of_use_->Enable(list_->selected_row() != nullptr);
    ShowOutcome(done, false);
    host_.set_status(done);
}

void PlotsDialog::OnPutOutOfUse(wxCommandEvent&) {
    const auto* selected = list_->selected_row();
    if (!selected) return;
    const auto row = *selected;  // the list is read again after the write
    const wxString done = put_plot_out_of_use(this, host_, row);
    if (done.empty()) return;
    Reload();
    list_->SelectPlot(row.plot.id);
    ShowOutcome(done, false);
}

}  // namespace gui
